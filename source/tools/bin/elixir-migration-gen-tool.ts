#!/usr/bin/env node
import {createMigrationGenServer} from '../servers/migration-gen-server.js';
// MCP server over stdio, or over HTTP with --http PORT; usable by any MCP client (see source/tools/servers/migration-gen-server.ts).
import {serveMain} from '../servers/serve-main.js';

await serveMain(() => createMigrationGenServer());
