/** Connects a tool server to stdin/stdout and exits cleanly when the client goes away. */
import type {McpServer} from '@modelcontextprotocol/sdk/server/mcp.js';
import {StdioServerTransport} from '@modelcontextprotocol/sdk/server/stdio.js';

export async function serveStdio(server: McpServer): Promise<void> {
	const transport = new StdioServerTransport();
	const stop = () => {
		void server.close().finally(() => process.exit(0));
	};

	process.stdin.on('end', stop);
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
	await server.connect(transport);
}
