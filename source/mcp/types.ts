/** What the MCP service offers the engine. */
import type {McpServerConfig} from '../config/types.js';
import {EctosmithError} from '../errors.js';

export interface ToolBinding {
	/** Name exposed to the model: the tool's own name, or `server__tool` when two servers clash. */
	exposedName: string;
	serverName: string;
	toolName: string;
	description: string;
	inputSchema: Record<string, unknown>;
	/** The tool's MCP annotation `readOnlyHint: true`: it never writes, so it is never sent for approval. */
	readOnly: boolean;
}

export interface ToolCallResult {
	isError: boolean;
	/** The text content joined; for errors, a message that a model can act on. */
	text: string;
	structuredContent?: unknown;
}

export interface McpServiceApi {
	/** Starts (or reuses) the clients of these servers, in parallel, and lists their tools. */
	toolsFor(servers: McpServerConfig[]): Promise<ToolBinding[]>;
	/** Checks args against the tool's input schema; returns a list of problems (empty when valid). */
	validateArgs(binding: ToolBinding, args: Record<string, unknown>): string[];
	/** Calls the tool with an explicit timeout; transport failures throw McpServerError. */
	callTool(
		binding: ToolBinding,
		args: Record<string, unknown>,
		options?: {signal?: AbortSignal; timeoutMs?: number},
	): Promise<ToolCallResult>;
	/** Pids of the running children (for tests that check no orphan is left). */
	childPids(): number[];
	close(): Promise<void>;
}

/** A server that fails to start, exits, or times out; names the server and shows its stderr tail. */
export class McpServerError extends EctosmithError {
	constructor(
		readonly serverName: string,
		message: string,
		readonly stderrTail: string[] = [],
	) {
		super(
			`MCP server "${serverName}": ${message}` +
				(stderrTail.length > 0 ? `\nLast lines of its stderr:\n${stderrTail.join('\n')}` : ''),
		);
		this.name = 'McpServerError';
	}
}
