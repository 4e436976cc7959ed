#!/usr/bin/env node
// Stdio MCP server; usable by any MCP client (see source/tools/servers/migration-gen-server.ts).
import {serveStdio} from '../servers/serve-stdio.js';
import {createMigrationGenServer} from '../servers/migration-gen-server.js';

await serveStdio(createMigrationGenServer());
