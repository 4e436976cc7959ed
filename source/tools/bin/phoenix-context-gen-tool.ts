#!/usr/bin/env node
// Stdio MCP server; usable by any MCP client (see source/tools/context-gen-server.ts).
import {serveStdio} from '../serve-stdio.js';
import {createContextGenServer} from '../context-gen-server.js';

await serveStdio(createContextGenServer());
