import {defineEntity, type InferEntity} from '@mikro-orm/core';

/** How to start one stdio MCP tool server. */
export const McpServer = defineEntity({
	name: 'McpServer',
	tableName: 'mcp_servers',
	properties: p => ({
		id: p.integer().primary().autoincrement(),
		name: p.string().unique(),
		command: p.text(),
		args: p.json<string[]>(),
		env: p.json<Record<string, string>>(),
		description: p.text().default(''),
		cwd: p.text().nullable(),
		createdAt: p.datetime().onCreate(() => new Date()),
		updatedAt: p
			.datetime()
			.onCreate(() => new Date())
			.onUpdate(() => new Date()),
	}),
});

export type IMcpServer = InferEntity<typeof McpServer>;
