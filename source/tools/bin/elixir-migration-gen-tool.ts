#!/usr/bin/env node
// Stdio MCP server; usable by any MCP client (see source/tools/migration-gen-server.ts).
import {serveStdio} from '../serve-stdio.js';
import {createMigrationGenServer} from '../migration-gen-server.js';

await serveStdio(createMigrationGenServer());
