#!/usr/bin/env node
// Stdio MCP server; usable by any MCP client (see source/tools/ecto-gen-server.ts).
import {serveStdio} from '../serve-stdio.js';
import {createEctoGenServer} from '../ecto-gen-server.js';

await serveStdio(createEctoGenServer());
