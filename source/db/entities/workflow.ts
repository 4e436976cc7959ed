import {defineEntity, type InferEntity} from '@mikro-orm/core';
import {McpServer} from './mcp-server.js';
import {workflowChecks} from './statuses.js';

export {type WorkflowChecks, workflowChecks} from './statuses.js';

/** A named agent recipe: model, prompt template, turn limit and the tool servers it may use. */
export const Workflow = defineEntity({
	name: 'Workflow',
	tableName: 'workflows',
	properties: p => ({
		id: p.integer().primary().autoincrement(),
		name: p.string().unique(),
		description: p.text().default(''),
		llmModel: p.string(),
		initialPromptTemplate: p.text(),
		maxConversationTurns: p.integer().default(10),
		/** How deep check_project goes in this workflow's runs; off: it is not offered. */
		checks: p.enum([...workflowChecks]).default('full'),
		// Owning side only: servers do not need to know their workflows.
		servers: p.manyToMany(McpServer).owner().pivotTable('workflow_mcp_server_associations').joinColumn('workflow_id').inverseJoinColumn('mcp_server_id'),
		createdAt: p.datetime().onCreate(() => new Date()),
		updatedAt: p
			.datetime()
			.onCreate(() => new Date())
			.onUpdate(() => new Date()),
	}),
});

export type IWorkflow = InferEntity<typeof Workflow>;
