/**
 * A small MCP server for engine tests: a well-behaved tool, one that answers isError, one that
 * kills the process mid-call, one that waits (read-only, for cancel tests), one that writes then waits and one with a dry_run argument.
 */

import {writeFileSync} from 'node:fs';
import {McpServer} from '@modelcontextprotocol/sdk/server/mcp.js';
import {StdioServerTransport} from '@modelcontextprotocol/sdk/server/stdio.js';
import {z} from 'zod';

const server = new McpServer({name: 'flaky', version: '1.0.0'});

server.registerTool('echo', {description: 'Echoes its text.', inputSchema: {text: z.string()}}, async ({text}) => ({
	content: [{type: 'text', text: `echo: ${text}`}],
}));

server.registerTool('refuse', {description: 'Always answers with a tool error.', inputSchema: {}}, async () => ({
	isError: true,
	content: [{type: 'text', text: 'refuse: this tool always says no'}],
}));

server.registerTool('crash', {description: 'Kills its own process mid-call.', inputSchema: {}}, async () => {
	process.stderr.write('flaky: crashing on purpose\n');
	process.exit(3);
});

server.registerTool('wait', {description: 'Answers after ms milliseconds.', inputSchema: {ms: z.number()}, annotations: {readOnlyHint: true}}, async ({ms}) => {
	await new Promise(resolve => setTimeout(resolve, ms));
	return {content: [{type: 'text', text: `waited ${ms}`}]};
});

// A write that is slow to answer: the file is on disk ms milliseconds before the result arrives.
server.registerTool('write_slowly', {description: 'Writes a file, then answers after ms milliseconds.', inputSchema: {path: z.string(), ms: z.number()}}, async ({path, ms}) => {
	writeFileSync(path, 'written\n');
	await new Promise(resolve => setTimeout(resolve, ms));
	return {content: [{type: 'text', text: `wrote ${path}`}], structuredContent: {files: [{path, action: 'created'}], next_steps: []}};
});

server.registerTool('plan', {description: 'Reports its arguments.', inputSchema: {name: z.string(), dry_run: z.boolean().optional()}}, async args => ({
	content: [{type: 'text', text: JSON.stringify(args)}],
	structuredContent: {args},
}));

process.stderr.write('flaky: started\n');
await server.connect(new StdioServerTransport());
