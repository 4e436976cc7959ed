#!/usr/bin/env node
import {createEctoGenServer} from '../servers/ecto-gen-server.js';
// MCP server over stdio, or over HTTP with --http PORT; usable by any MCP client (see source/tools/servers/ecto-gen-server.ts).
import {serveMain} from '../servers/serve-main.js';

await serveMain(() => createEctoGenServer());
