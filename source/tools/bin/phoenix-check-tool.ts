#!/usr/bin/env node
import {createCheckServer, killRunningChecks} from '../servers/check-server.js';
// Stdio MCP server; usable by any MCP client (see source/tools/servers/check-server.ts).
import {serveStdio} from '../servers/serve-stdio.js';

// A signal ends this process with its default action (no exit event): mix goes first.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, killRunningChecks);
await serveStdio(createCheckServer());
