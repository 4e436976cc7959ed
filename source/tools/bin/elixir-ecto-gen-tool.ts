#!/usr/bin/env node
// Stdio MCP server; usable by any MCP client (see source/tools/servers/ecto-gen-server.ts).
import {serveStdio} from '../servers/serve-stdio.js';
import {createEctoGenServer} from '../servers/ecto-gen-server.js';

await serveStdio(createEctoGenServer());
