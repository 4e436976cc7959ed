#!/usr/bin/env node
import {createCheckServer, killRunningChecks} from '../servers/check-server.js';
// MCP server over stdio, or over HTTP with --http PORT; usable by any MCP client (see source/tools/servers/check-server.ts).
import {serveMain} from '../servers/serve-main.js';

// A signal ends this process with its default action (no exit event): mix goes first.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, killRunningChecks);
await serveMain(() => createCheckServer());
