/**
 * Connects a tool server to stdin/stdout. When the client closes stdin the process ends by itself
 * once in-flight calls have answered (no handle is left); signals end it at once.
 */
import type {McpServer} from '@modelcontextprotocol/sdk/server/mcp.js';
import {StdioServerTransport} from '@modelcontextprotocol/sdk/server/stdio.js';

export async function serveStdio(server: McpServer): Promise<void> {
	const stop = () => {
		void server.close().finally(() => process.exit(0));
	};

	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
	await server.connect(new StdioServerTransport());
}
