#!/usr/bin/env node
import {createContextGenServer} from '../servers/context-gen-server.js';
// MCP server over stdio, or over HTTP with --http PORT; usable by any MCP client (see source/tools/servers/context-gen-server.ts).
import {serveMain} from '../servers/serve-main.js';

await serveMain(() => createContextGenServer());
