/**
 * `servers test` and the form's Test: start one entry, list its tools (all of them, marking those its
 * include/exclude lists hide), flag what Gemini's function declarations would lose of each tool's
 * schema, and stop it. A failure gives the error and the last lines of the server's stderr.
 */
import type {McpServerConfig} from '../config/types.js';
import {geminiSchemaLosses} from '../llm/json-schema.js';
import {silentLogger} from '../log/logger.js';
import type {Logger} from '../log/types.js';
import {filterTools} from './mcp-service.js';
import {ServerConnection} from './server-connection.js';
import {McpServerError, notRunnableReason} from './types.js';
import {sanitizeLine} from '../terminal/sanitize.js';

export interface ProbedTool {
	name: string;
	description: string;
	readOnly: boolean;
	/** False when the entry's include/exclude lists keep it from the model. */
	offered: boolean;
	/** Schema features Gemini cannot express, dropped when the tool is declared to it. */
	geminiLosses: string[];
}

export type ProbeResult =
	| {ok: true; tools: ProbedTool[]}
	| {ok: false; error: string; stderrTail: string[]};

export async function probeServer(
	config: McpServerConfig,
	options: {logger?: Logger; startTimeoutMs?: number; stderrLines?: number} = {},
): Promise<ProbeResult> {
	// Testing a disabled entry is how one checks it before enabling it; a remote one cannot be run.
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
				geminiLosses: geminiSchemaLosses(tool.inputSchema as Record<string, unknown>),
			})),
		};
	} finally {
		await connection.stop();
	}
}

/** The Test report as lines, shared by the command and the form. */
export function probeLines(result: ProbeResult, enabled = true): string[] {
	if (!result.ok) {
		return [
			sanitizeLine(result.error),
			...(result.stderrTail.length > 0 ? ['Last lines of its stderr:', ...result.stderrTail.map(line => `  ${sanitizeLine(line)}`)] : []),
		];
	}

	const lines = [`Started; ${result.tools.length} tool(s)${enabled ? '' : ' (the entry is disabled: enable it to use them)'}:`];
	for (const tool of result.tools) {
		const marks = [tool.readOnly ? 'read-only' : 'writes', tool.offered ? '' : 'not offered (include/exclude)'].filter(Boolean).join(', ');
		lines.push(sanitizeLine(`  ${tool.name} [${marks}]${tool.description ? `: ${tool.description.split('\n')[0]}` : ''}`));
		for (const loss of tool.geminiLosses) lines.push(sanitizeLine(`    Gemini cannot express, dropped: ${loss}`));
	}

	return lines;
}
