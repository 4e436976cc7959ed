/** The shapes the engine needs, loaded from the database by AppConfig. */

export interface McpServerConfig {
	name: string;
	command: string;
	args: string[];
	/** Only the entry's own variables; the MCP service adds a safe base (PATH, HOME, LANG...). */
	env: Record<string, string>;
	description: string;
	/** Working directory of the child; undefined means the current directory. */
	cwd?: string;
}

export interface WorkflowConfig {
	name: string;
	description: string;
	llmModel: string;
	initialPromptTemplate: string;
	maxConversationTurns: number;
	servers: McpServerConfig[];
}
