/**
 * A small well-behaved MCP server for tests. FIXTURE_LABEL prefixes echo replies so a test can
 * tell two instances apart; FIXTURE_PID_FILE, when set, receives the pid.
 */
import fs from 'node:fs';
import {McpServer} from '@modelcontextprotocol/sdk/server/mcp.js';
import {StdioServerTransport} from '@modelcontextprotocol/sdk/server/stdio.js';
import {z} from 'zod';

const label = process.env.FIXTURE_LABEL ?? 'basic';
if (process.env.FIXTURE_PID_FILE) {
	fs.writeFileSync(process.env.FIXTURE_PID_FILE, String(process.pid));
}

const server = new McpServer({name: `fixture-${label}`, version: '1.0.0'});

server.registerTool('echo', {description: 'Echoes the text back', inputSchema: {text: z.string()}}, async ({text}) => {
	process.stderr.write(`echo called with ${text}\n`);
	return {content: [{type: 'text', text: `${label}: ${text}`}]};
});

server.registerTool('add', {description: 'Adds two numbers', inputSchema: {a: z.number(), b: z.number(), note: z.enum(['sum', 'total']).optional()}}, async ({a, b}) => ({
	content: [
		{type: 'text', text: String(a + b)},
		{type: 'image', data: 'iVBORw0KGgo=', mimeType: 'image/png'},
	],
	structuredContent: {sum: a + b},
}));

server.registerTool('fail', {description: 'Always reports a tool error'}, async () => ({
	isError: true,
	content: [{type: 'text', text: 'the fail tool failed on purpose'}],
}));

server.registerTool('sleep', {description: 'Never answers; notes cancellation on stderr'}, async extra => {
	process.stderr.write('sleep started\n');
	// The interval keeps the process busy even after stdin closes, like a stuck server.
	const timer = setInterval(() => {}, 1000);
	extra.signal.addEventListener('abort', () => {
		process.stderr.write('sleep cancelled\n');
		clearInterval(timer);
	});
	return new Promise(() => {});
});

server.registerTool('crash', {description: 'Exits the process in the middle of the call'}, async () => {
	process.stderr.write('about to crash: simulated failure\n');
	process.exit(3);
});

server.registerTool('env_report', {description: 'Reports the names of its environment variables'}, async () => ({
	content: [
		{
			type: 'text',
			text: JSON.stringify({
				names: Object.keys(process.env).sort(),
				hasGeminiKey: process.env.GEMINI_API_KEY !== undefined,
				hasGoogleKey: process.env.GOOGLE_API_KEY !== undefined,
				label: process.env.FIXTURE_LABEL ?? null,
				pid: process.pid,
				cwd: process.cwd(),
			}),
		},
	],
}));

server.registerTool('env_value', {description: 'Echoes the value of one of its environment variables', inputSchema: {name: z.string()}}, async ({name}) => ({
	content: [{type: 'text', text: `${name}=${process.env[name] ?? '(unset)'}`}],
}));

server.registerTool('weird name!', {description: 'A name Gemini cannot accept as is'}, async () => ({
	content: [{type: 'text', text: 'weird ok'}],
}));

process.stderr.write(`fixture ${label} ready\n`);
await server.connect(new StdioServerTransport());
