#!/usr/bin/env node
import {createMigrationGenServer} from '../servers/migration-gen-server.js';
// Stdio MCP server; usable by any MCP client (see source/tools/servers/migration-gen-server.ts).
import {serveStdio} from '../servers/serve-stdio.js';

await serveStdio(createMigrationGenServer());
