/**
 * `ectosmith run`: one workflow execution without the TUI, the conversation streamed to stdout
 * (readable text, or one JSON event per line with --json). Exit 0 COMPLETED, 1 FAILED, 130 Ctrl-C.
 */
import {existsSync, statSync} from 'node:fs';
import path from 'node:path';
import {AppConfig} from '../config/app-config.js';
import {openDatabase, resolveDbPath} from '../db/orm.js';
import {Recorder} from '../engine/recorder.js';
import {WorkflowEngine} from '../engine/workflow-engine.js';
import {createProvider, PROVIDER_NAMES} from '../llm/create-provider.js';
import type {ProviderName} from '../llm/provider.js';
import {createLogger} from '../log/logger.js';
import {McpService} from '../mcp/mcp-service.js';
import {createJsonRenderer} from './render-json.js';
import {createTextRenderer} from './render-text.js';

export interface RunFlags {
	db?: string;
	workflow?: string;
	project?: string;
	provider?: string;
	model?: string;
	script?: string;
	record?: string;
	continue?: number;
	dryRun?: boolean;
	json?: boolean;
	verbose?: boolean;
	debug?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_CANCELLED = 130;

const USAGE = 'Usage: ectosmith run [--project DIR] [--workflow NAME] "<description>"   (or "-" to read it from stdin)';

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
	return Buffer.concat(chunks).toString('utf8');
}

/** Why a folder cannot be a target project, with what to do instead; undefined when it is fine. */
export function projectProblem(projectPath: string): string | undefined {
	if (!existsSync(projectPath)) {
		return `The project folder ${projectPath} does not exist. Pass --project with your Phoenix project's folder, or run \`ectosmith demo my_app\` to create a demo project.`;
	}

	if (!statSync(projectPath).isDirectory()) return `${projectPath} is not a folder. Pass --project with your Phoenix project's folder.`;
	if (!existsSync(path.join(projectPath, 'mix.exs'))) {
		return `${projectPath} is not a Mix project (it has no mix.exs). Run it inside your Phoenix project, pass --project <dir>, or run \`ectosmith demo my_app\` to create a demo project and then \`ectosmith run --project my_app "Blog.Post posts title:string"\`.`;
	}

	return undefined;
}

export async function runCommand(args: string[], flags: RunFlags): Promise<number> {
	const fail = (message: string, code: number) => {
		process.stderr.write(`ectosmith run: ${message}\n`);
		return code;
	};

	if (flags.provider !== undefined && !PROVIDER_NAMES.includes(flags.provider as ProviderName)) {
		return fail(`Unknown provider "${flags.provider}". Use one of: ${PROVIDER_NAMES.join(', ')}.`, EXIT_USAGE);
	}

	if (flags.continue !== undefined && (!Number.isInteger(flags.continue) || flags.continue < 1)) {
		return fail(`--continue needs an execution id (a positive whole number), got "${flags.continue}".`, EXIT_USAGE);
	}

	const query = (args.length === 1 && args[0] === '-' ? await readStdin() : args.join(' ')).trim();
	if (query.length === 0) {
		return fail(`No description given.\n${USAGE}\nExample: ectosmith run --project my_app "Blog.Post posts title:string body:text"`, EXIT_USAGE);
	}

	// Without --project a continuation goes on in its parent's project (checked once it is known).
	let projectPath = flags.project === undefined && flags.continue !== undefined ? undefined : path.resolve(flags.project ?? process.cwd());
	if (projectPath !== undefined) {
		const problem = projectProblem(projectPath);
		if (problem) return fail(problem, EXIT_FAILED);
	}

	const logger = createLogger({...(flags.debug ? {level: 'debug' as const} : flags.verbose ? {level: 'info' as const} : {})});
	let dbPath: string;
	try {
		dbPath = resolveDbPath({...(flags.db === undefined ? {} : {db: flags.db}), env: process.env});
	} catch (error) {
		return fail(error instanceof Error ? error.message : String(error), EXIT_USAGE);
	}

	const orm = await openDatabase({dbPath});
	const mcp = new McpService({logger: logger.child('mcp')});
	const controller = new AbortController();
	let interrupts = 0;
	const onSigint = () => {
		interrupts++;
		// The first Ctrl-C cancels cleanly (the row ends CANCELLED); a second one stops at once.
		if (interrupts > 1) process.exit(EXIT_CANCELLED);
		process.stderr.write('\nCancelling… (Ctrl-C again to quit at once)\n');
		controller.abort();
	};

	process.on('SIGINT', onSigint);
	try {
		const recorder = new Recorder(orm);
		if (projectPath === undefined && flags.continue !== undefined) {
			const parent = await recorder.getExecution(flags.continue);
			projectPath = parent.targetProjectPath ? path.resolve(parent.targetProjectPath) : process.cwd();
			const problem = projectProblem(projectPath);
			if (problem) return fail(problem, EXIT_FAILED);
		}

		const engine = new WorkflowEngine({
			config: new AppConfig(orm.em.fork()),
			recorder,
			mcp,
			logger,
			providerFor: workflow =>
				createProvider({
					...(flags.provider === undefined ? {} : {provider: flags.provider as ProviderName}),
					model: flags.model ?? workflow.llmModel,
					env: process.env,
					...(flags.script === undefined ? {} : {scriptFile: path.resolve(flags.script)}),
					...(flags.record === undefined ? {} : {recordFile: path.resolve(flags.record)}),
					logger,
				}),
		});
		const color = !flags.json && process.stdout.isTTY === true && !process.env.NO_COLOR;
		engine.on(
			flags.json
				? createJsonRenderer(process.stdout)
				: createTextRenderer(process.stdout, {verbose: flags.verbose === true || flags.debug === true, color}),
		);

		const result = await engine.run({
			...(flags.workflow === undefined ? {} : {workflow: flags.workflow}),
			query,
			...(projectPath === undefined ? {} : {projectPath}),
			signal: controller.signal,
			...(flags.continue === undefined ? {} : {continueFrom: flags.continue}),
			dryRun: flags.dryRun === true,
		});
		if (result.status === 'COMPLETED') return EXIT_OK;
		if (result.status === 'CANCELLED') return EXIT_CANCELLED;
		return EXIT_FAILED;
	} catch (error) {
		// Only set-up errors get here (unknown workflow or execution, provider without a key...).
		return fail(error instanceof Error ? error.message : String(error), EXIT_FAILED);
	} finally {
		process.off('SIGINT', onSigint);
		await mcp.close().catch(() => undefined);
		await orm.close(true).catch(() => undefined);
	}
}
