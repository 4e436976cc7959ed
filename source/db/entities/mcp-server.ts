import {defineEntity, type InferEntity} from '@mikro-orm/core';
import {serverTransports} from './statuses.js';

export {type ServerTransport, serverTransports} from './statuses.js';

/** One MCP tool server entry, as the MCP clients people use describe it. */
export const McpServer = defineEntity({
	name: 'McpServer',
	tableName: 'mcp_servers',
	properties: p => ({
		id: p.integer().primary().autoincrement(),
		name: p.string().unique(),
		/** Empty for http/sse entries, which have a url instead. */
		command: p.text(),
		args: p.json<string[]>(),
		env: p.json<Record<string, string>>(),
		description: p.text().default(''),
		cwd: p.text().nullable(),
		/** A disabled entry is kept but never started; a workflow using it fails with a clear error. */
		enabled: p.boolean().default(true),
		/** Per-call timeout in milliseconds; null means the program's default. */
		timeoutMs: p.integer().nullable(),
		/** Only these tools are offered to the model (null: all of them). */
		includeTools: p.json<string[]>().nullable(),
		/** These tools are never offered to the model. */
		excludeTools: p.json<string[]>().nullable(),
		/** The server's writes need no approval. */
		trust: p.boolean().default(false),
		/** Its env may reference our API key (`${GEMINI_API_KEY}`); without this the server never gets it. */
		allowApiKey: p.boolean().default(false),
		transport: p.enum([...serverTransports]).default('stdio'),
		/** http/sse entries: where the server listens (headers may hold ${VARIABLE}s). */
		url: p.text().nullable(),
		headers: p.json<Record<string, string>>().nullable(),
		/** Keys of other clients' entries that we do not use, written back on export. */
		clientKeys: p.json<Record<string, unknown>>().nullable(),
		/** VS Code `inputs` definitions this entry refers to (`${input:id}`), written back on export. */
		clientInputs: p.json<Array<Record<string, unknown>>>().nullable(),
		createdAt: p.datetime().onCreate(() => new Date()),
		updatedAt: p
			.datetime()
			.onCreate(() => new Date())
			.onUpdate(() => new Date()),
	}),
});

export type IMcpServer = InferEntity<typeof McpServer>;
