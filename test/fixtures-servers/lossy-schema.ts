/** A server whose tool schema uses JSON Schema features Gemini's function declarations cannot express. */
import {Server} from '@modelcontextprotocol/sdk/server/index.js';
import {StdioServerTransport} from '@modelcontextprotocol/sdk/server/stdio.js';
import {CallToolRequestSchema, ListToolsRequestSchema} from '@modelcontextprotocol/sdk/types.js';

const server = new Server({name: 'lossy', version: '1.0.0'}, {capabilities: {tools: {}}});
server.setRequestHandler(ListToolsRequestSchema, async () => ({
	tools: [
		{
			name: 'tag_hosts',
			description: 'Tags hosts',
			annotations: {readOnlyHint: true},
			inputSchema: {
				type: 'object',
				properties: {
					hosts: {type: 'array', items: {type: 'string', format: 'hostname'}, uniqueItems: true},
					port: {type: 'integer', exclusiveMinimum: 0, multipleOf: 1},
					pair: {type: 'array', items: [{type: 'string'}, {type: 'number'}]},
				},
				required: ['hosts'],
				additionalProperties: false,
			},
		},
	],
}));
server.setRequestHandler(CallToolRequestSchema, async () => ({content: [{type: 'text', text: 'ok'}]}));
await server.connect(new StdioServerTransport());
