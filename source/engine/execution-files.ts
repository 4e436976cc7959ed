/**
 * The engine, not the model, says which files "this execution wrote": a tool that declares an
 * `execution_files` input (check_project) gets the files the execution's earlier tool calls
 * created or changed, and its `depth` is the workflow's `checks` setting. With checks off, such
 * tools are not offered at all. Like project pinning, this holds for any MCP server.
 */
import {isRecord} from '../is-record.js';
import type {ToolBinding} from '../mcp/types.js';
import {reportedFiles} from '../tool-results/read-result.js';

export const EXECUTION_FILES_ARG = 'execution_files';
export const DEPTH_ARG = 'depth';

function takes(binding: ToolBinding, name: string): boolean {
	const properties = binding.inputSchema['properties'];
	return isRecord(properties) && name in properties;
}

export function takesExecutionFiles(binding: ToolBinding): boolean {
	return takes(binding, EXECUTION_FILES_ARG);
}

/** The files one tool result wrote (dry runs and unchanged files are not writes), added to `into` once each. */
export function addWrittenFiles(into: string[], structuredContent: unknown): void {
	for (const file of reportedFiles(structuredContent)) {
		if (file.planned || file.action === 'unchanged' || into.includes(file.path)) continue;
		into.push(file.path);
	}
}

/** The arguments a check tool runs with: the execution's files and the workflow's depth, whatever the model passed. */
export function withExecutionFiles(binding: ToolBinding, args: Record<string, unknown>, written: readonly string[], checks: 'compile' | 'full'): Record<string, unknown> {
	return {...args, [EXECUTION_FILES_ARG]: [...written], ...(takes(binding, DEPTH_ARG) ? {[DEPTH_ARG]: checks} : {})};
}
