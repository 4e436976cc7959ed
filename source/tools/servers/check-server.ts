/**
 * The phoenix_check_tool MCP server: check_project. It runs the project's own code (mix.exs,
 * config, migrations, tests) with MIX_ENV=test; ectosmith fills execution_files with the files
 * the execution wrote. Step timeouts come from the server entry's env (check/timeouts.ts).
 */
import {realpathSync} from 'node:fs';
import path from 'node:path';
import {McpServer} from '@modelcontextprotocol/sdk/server/mcp.js';
import type {CallToolResult} from '@modelcontextprotocol/sdk/types.js';
import {z} from 'zod';
import {checkProject} from '../../check/check-project.js';
import {timeoutsFromEnv} from '../../check/timeouts.js';
import {checkOutput, stepLine} from '../../tool-results/check-result.js';
import {errorResult, guarded} from '../tool-result.js';
import {cwdOf, packageVersion, type ToolServerOptions} from './server-info.js';

export {killRunningChecks} from '../../check/run-mix.js';

export const checkProjectInput = {
	project_path: z.string().min(1).describe('The Phoenix project folder (the one with mix.exs).'),
	execution_files: z
		.array(z.string())
		.optional()
		.describe('The files to check, relative to the project. ectosmith fills this with the files the execution wrote; left out, the whole project is checked.'),
	depth: z.enum(['compile', 'full']).optional().describe('compile: only compile; full (default): compile, migrations, tests and format.'),
};

function real(file: string): string {
	try {
		return realpathSync.native(file);
	} catch {
		return file;
	}
}

export function createCheckServer(options: ToolServerOptions & {env?: NodeJS.ProcessEnv} = {}): McpServer {
	const server = new McpServer({name: 'phoenix_check_tool', version: packageVersion()});
	const env = options.env ?? process.env;
	server.registerTool(
		'check_project',
		{
			title: 'Check a Phoenix project',
			description:
				'Checks the project as a Phoenix developer would, with MIX_ENV=test: 1. mix compile --warnings-as-errors; 2. the migrations written: migrate, roll them back, migrate again (against the test database); 3. mix test on the test files written; 4. mix format --check-formatted on the files written. Each step passes, fails (with the first errors: file, line, message) or is skipped with its reason. Call it after generating; fix what fails with the tools and call it again.',
			inputSchema: checkProjectInput,
			outputSchema: checkOutput,
			annotations: {readOnlyHint: true, idempotentHint: true, openWorldHint: false},
		},
		async (args, extra): Promise<CallToolResult> =>
			guarded(async () => {
				let timeouts: ReturnType<typeof timeoutsFromEnv>;
				try {
					timeouts = timeoutsFromEnv(env);
				} catch (error) {
					return errorResult(`The check server is misconfigured: ${error instanceof Error ? error.message : String(error)}.`);
				}

				const result = await checkProject({
					project: real(path.resolve(cwdOf(options), args.project_path)),
					...(args.execution_files === undefined ? {} : {files: args.execution_files}),
					...(args.depth === undefined ? {} : {depth: args.depth}),
					timeouts,
					env,
					signal: extra.signal,
				});
				const lines = [result.summary, ...result.steps.map(stepLine)];
				for (const step of result.steps) for (const error of step.errors.slice(1)) lines.push(`  ${step.step}: ${error.file ?? ''}${error.line === null ? '' : `:${error.line}`} ${error.message}`);
				if (result.output_file) lines.push(`Full output: ${result.output_file}`);
				return {content: [{type: 'text', text: lines.join('\n')}], structuredContent: result};
			}),
	);
	return server;
}
