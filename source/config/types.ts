/** The shapes the engine needs, loaded from the database by AppConfig. */
import type {WorkflowChecks} from '../db/entities/statuses.js';
import type {ServerFields} from './entry-fields.js';

export type {ServerTransport} from '../db/entities/mcp-server.js';

/**
 * A server entry as the MCP client starts it: the entry's fields (config/entry-fields.ts, the one
 * shape of an entry), with those not set left out rather than null.
 */
export type McpServerConfig = Pick<ServerFields, 'name' | 'command' | 'args' | 'env' | 'description'> &
	Partial<Pick<ServerFields, 'enabled' | 'trust' | 'allowApiKey' | 'transport'>> & {
		[K in 'cwd' | 'timeoutMs' | 'includeTools' | 'excludeTools' | 'url' | 'headers']?: NonNullable<ServerFields[K]>;
	};

export interface WorkflowConfig {
	name: string;
	description: string;
	llmModel: string;
	initialPromptTemplate: string;
	maxConversationTurns: number;
	/** How deep check_project goes (default full); off: it is not offered to the model. */
	checks?: WorkflowChecks;
	servers: McpServerConfig[];
}
