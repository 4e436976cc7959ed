#!/usr/bin/env node
import {createContextGenServer} from '../servers/context-gen-server.js';
// Stdio MCP server; usable by any MCP client (see source/tools/servers/context-gen-server.ts).
import {serveStdio} from '../servers/serve-stdio.js';

await serveStdio(createContextGenServer());
