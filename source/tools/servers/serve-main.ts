/**
 * A tool server executable's command line: no arguments, MCP over stdio (what MCP clients start);
 * `--http PORT [--host ADDRESS]`, MCP over streamable HTTP (serve-http.ts). Bad arguments exit 2
 * with one line.
 */
import type {McpServer} from '@modelcontextprotocol/sdk/server/mcp.js';
import {serveHttpUntilSignalled} from './serve-http.js';
import {serveStdio} from './serve-stdio.js';

const usage = 'Usage: <server> (MCP over stdio) | <server> --http PORT [--host ADDRESS] (MCP over HTTP, 127.0.0.1 unless --host)';

/** What the arguments ask for, or a one-line error. */
export function parseServeArgs(args: string[]): {http?: {port: number; host?: string}; error?: string} {
	if (args.length === 0) return {};
	let port: number | undefined;
	let host: string | undefined;
	for (let index = 0; index < args.length; index += 2) {
		const [flag, value] = [args[index], args[index + 1]];
		if (flag === '--http' && value !== undefined && /^\d+$/.test(value) && Number(value) <= 65_535) port = Number(value);
		else if (flag === '--http') return {error: `--http needs a port from 0 to 65535 (0: any free port), got ${JSON.stringify(value ?? '')}. ${usage}`};
		else if (flag === '--host' && value !== undefined && value.trim() !== '') host = value;
		else if (flag === '--host') return {error: `--host needs an address to bind, such as 127.0.0.1 or 0.0.0.0. ${usage}`};
		else return {error: `Unknown argument ${JSON.stringify(flag)}. ${usage}`};
	}

	if (port === undefined) return {error: `--host goes with --http PORT. ${usage}`};
	return {http: {port, ...(host === undefined ? {} : {host})}};
}

export async function serveMain(create: () => McpServer, args: string[] = process.argv.slice(2)): Promise<void> {
	const parsed = parseServeArgs(args);
	if (parsed.error !== undefined) {
		process.stderr.write(`${parsed.error}\n`);
		process.exitCode = 2;
		return;
	}

	if (parsed.http) await serveHttpUntilSignalled(create, parsed.http);
	else await serveStdio(create());
}
