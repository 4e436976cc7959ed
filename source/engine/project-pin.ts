/**
 * Every tool call is pinned to the execution's project: whatever the model (or a script) passes,
 * a tool that takes `project_path` gets the execution's project or is not called. This holds for
 * any MCP server, since it is checked here and not in the tools.
 */
import {realpathSync} from 'node:fs';
import path from 'node:path';
import {isRecord} from '../is-record.js';
import type {ToolBinding} from '../mcp/types.js';

export const PROJECT_PATH_ARG = 'project_path';

export function takesProjectPath(binding: ToolBinding): boolean {
	const properties = binding.inputSchema['properties'];
	return isRecord(properties) && PROJECT_PATH_ARG in properties;
}

/** The real path, through symlinks; the resolved path when it does not exist. */
function real(file: string): string {
	try {
		return realpathSync.native(file);
	} catch {
		return path.resolve(file);
	}
}

export type PinResult = {ok: true; args: Record<string, unknown>} | {ok: false; error: string};

/**
 * A missing project_path becomes the project; one that names the project (relative to it, through
 * symlinks) is replaced by the project's own path; any other is refused. Non-string values are
 * left to the argument check.
 */
export function pinProjectPath(args: Record<string, unknown>, projectPath: string): PinResult {
	const given = args[PROJECT_PATH_ARG];
	if (given === undefined || given === null || given === '') return {ok: true, args: {...args, [PROJECT_PATH_ARG]: projectPath}};
	if (typeof given !== 'string') return {ok: true, args};
	if (real(path.resolve(projectPath, given)) === real(projectPath)) return {ok: true, args: {...args, [PROJECT_PATH_ARG]: projectPath}};
	return {
		ok: false,
		error: `This execution writes only into ${projectPath}; project_path ${JSON.stringify(given)} names another folder, so nothing was done. Call the tool again with project_path ${JSON.stringify(projectPath)} (or leave it out).`,
	};
}
