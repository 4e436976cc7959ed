/** The shapes the engine needs, loaded from the database by AppConfig. */
import type {ServerTransport} from '../db/entities/mcp-server.js';

export type {ServerTransport} from '../db/entities/mcp-server.js';

export interface McpServerConfig {
	name: string;
	command: string;
	args: string[];
	/**
	 * Only the entry's own variables; the MCP service adds a safe base (PATH, HOME, LANG...). Values
	 * may reference our environment (`${GITHUB_TOKEN}`), expanded when the server starts.
	 */
	env: Record<string, string>;
	description: string;
	/** Working directory of the child; undefined means the current directory. */
	cwd?: string;
	/** False: kept but never started (default true). */
	enabled?: boolean;
	/** Per-call timeout in milliseconds; undefined means the service's default. */
	timeoutMs?: number;
	/** Only these tools are offered (undefined: all). */
	includeTools?: string[];
	/** These tools are never offered. */
	excludeTools?: string[];
	/** Its writes need no approval (default false). */
	trust?: boolean;
	/** Only stdio is runnable here; http and sse entries are kept for export (default stdio). */
	transport?: ServerTransport;
	url?: string;
}

export interface WorkflowConfig {
	name: string;
	description: string;
	llmModel: string;
	initialPromptTemplate: string;
	maxConversationTurns: number;
	servers: McpServerConfig[];
}
