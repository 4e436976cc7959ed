// An MCP server over stdio whose one tool answers at once: the engine's own cost per turn is what
// bench/engine-turns.js measures around it.
import {McpServer} from '@modelcontextprotocol/sdk/server/mcp.js';
import {StdioServerTransport} from '@modelcontextprotocol/sdk/server/stdio.js';

const server = new McpServer({name: 'instant', version: '1.0.0'});
server.registerTool('echo', {description: 'Answers at once.', inputSchema: {}, annotations: {readOnlyHint: true}}, async () => ({content: [{type: 'text', text: 'ok'}]}));
await server.connect(new StdioServerTransport());
