#!/usr/bin/env node
import {createEctoGenServer} from '../servers/ecto-gen-server.js';
// Stdio MCP server; usable by any MCP client (see source/tools/servers/ecto-gen-server.ts).
import {serveStdio} from '../servers/serve-stdio.js';

await serveStdio(createEctoGenServer());
