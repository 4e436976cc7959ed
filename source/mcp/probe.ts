/**
 * `servers test` and the form's Test: start one entry, list its tools (all of them, marking those its
 * include/exclude lists hide), flag what Gemini's function declarations would lose of each tool's
 * schema, and stop it. A failure gives the error and the last lines of the server's stderr.
 */
import type {McpServerConfig} from '../config/types.js';
import {silentLogger} from '../log/logger.js';
import type {Logger} from '../log/types.js';
import {filterTools} from './mcp-service.js';
import {ServerConnection} from './server-connection.js';
import {McpServerError, notRunnableReason} from './types.js';

export interface ProbedTool {
	name: string;
	description: string;
	readOnly: boolean;
	/** False when the entry's include/exclude lists keep it from the model. */
	offered: boolean;
	/** Schema features Gemini cannot express, dropped when the tool is declared to it (from options.geminiLosses). */
	geminiLosses: string[];
}

export type ProbeResult = {ok: true; tools: ProbedTool[]} | {ok: false; error: string; stderrTail: string[]};

export async function probeServer(
	config: McpServerConfig,
	options: {
		logger?: Logger;
		startTimeoutMs?: number;
		stderrLines?: number;
		/** What Gemini's function declarations would drop of an input schema; given by the caller, since mcp/ sits below llm/. */
		geminiLosses?: (inputSchema: Record<string, unknown>) => string[];
	} = {},
): Promise<ProbeResult> {
	// Testing a disabled entry is how one checks it before enabling it.
	const notRunnable = notRunnableReason({...config, enabled: true});
	if (notRunnable !== undefined) return {ok: false, error: `MCP server "${config.name}": ${notRunnable}`, stderrTail: []};
	let connection: ServerConnection;
	try {
		connection = await ServerConnection.start(config, {
			logger: options.logger ?? silentLogger,
			startTimeoutMs: options.startTimeoutMs ?? 20_000,
			requestTimeoutMs: config.timeoutMs ?? 60_000,
			closeGraceMs: 1000,
			stderrLines: options.stderrLines ?? 15,
		});
	} catch (error) {
		if (error instanceof McpServerError) return {ok: false, error: error.message.split('\n')[0]!, stderrTail: error.stderrTail};
		return {ok: false, error: error instanceof Error ? error.message : String(error), stderrTail: []};
	}

	try {
		const offered = new Set(filterTools(config, connection.tools).map(tool => tool.name));
		return {
			ok: true,
			tools: connection.tools.map(tool => ({
				name: tool.name,
				description: tool.description ?? tool.title ?? '',
				readOnly: tool.annotations?.readOnlyHint === true,
				offered: offered.has(tool.name),
				geminiLosses: options.geminiLosses?.(tool.inputSchema as Record<string, unknown>) ?? [],
			})),
		};
	} finally {
		await connection.stop();
	}
}
