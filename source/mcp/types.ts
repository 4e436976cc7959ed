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
	/** The server entry is trusted (`trust`): its writes need no approval. */
	trusted: boolean;
	/** The entry's own per-call timeout; wins over the caller's default. */
	timeoutMs?: number;
}

export interface ToolCallResult {
	isError: boolean;
	/** The text content joined; for errors, a message that a model can act on. */
	text: string;
	structuredContent?: unknown;
}

export interface CallOptions {
	signal?: AbortSignal;
	timeoutMs?: number;
	/** Sent as the request's `_meta` (a server that does not know a key ignores it). */
	meta?: Record<string, string>;
}

export interface McpServiceApi {
	/** Starts (or reuses) the clients of these servers, in parallel, and lists their tools. */
	toolsFor(servers: McpServerConfig[]): Promise<ToolBinding[]>;
	/** Checks args against the tool's input schema; returns a list of problems (empty when valid). */
	validateArgs(binding: ToolBinding, args: Record<string, unknown>): string[];
	/** Calls the tool with an explicit timeout (and `meta` as the request's `_meta`); transport failures throw McpServerError. */
	callTool(binding: ToolBinding, args: Record<string, unknown>, options?: CallOptions): Promise<ToolCallResult>;
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
		super(`MCP server "${serverName}": ${message}` + (stderrTail.length > 0 ? `\nLast lines of its stderr:\n${stderrTail.join('\n')}` : ''));
		this.name = 'McpServerError';
	}
}

/** An entry that is disabled, or an http/sse one without a url. */
export class ServerNotRunnableError extends McpServerError {
	constructor(serverName: string, reason: string) {
		super(serverName, reason);
		this.name = 'ServerNotRunnableError';
	}
}

/** Why an entry cannot be started here; undefined when it can. */
export function notRunnableReason(config: McpServerConfig): string | undefined {
	if (config.enabled === false) {
		return `is disabled; enable it with \`ectosmith servers enable ${config.name}\` or in the Servers screen`;
	}

	if (config.transport !== undefined && config.transport !== 'stdio' && !config.url) {
		return `is an ${config.transport.toUpperCase()} server without a url; set one with \`ectosmith servers edit ${config.name} --url URL\``;
	}

	return undefined;
}
