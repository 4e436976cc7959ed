#!/usr/bin/env node
// Stdio MCP server; usable by any MCP client (see source/tools/servers/context-gen-server.ts).
import {serveStdio} from '../servers/serve-stdio.js';
import {createContextGenServer} from '../servers/context-gen-server.js';

await serveStdio(createContextGenServer());
