/**
 * `ectosmith run`: one workflow execution without the TUI, the conversation streamed to stdout
 * (readable text, or one JSON event per line with --json). Exit 0 COMPLETED, 1 FAILED, 130 Ctrl-C.
 */
import path from 'node:path';
import {openApp, type WiredApp} from '../app/open-app.js';
import {cancelOnSignals} from '../app/signals.js';
import {explainDatabaseError} from '../db/database-error.js';
import {MAX_DESCRIPTION_BYTES} from '../engine/description.js';
import {ExitCode} from '../exit-codes.js';
import {scrubbedEvents} from '../log/scrub-stream.js';
import {mixProjectProblem} from '../phoenix-project/mix-project.js';
import {sanitizeForTerminal} from '../terminal/sanitize.js';
import {readCheckResult} from '../tool-results/check-result.js';
import {createJsonRenderer} from './render-json.js';
import {createTextRenderer} from './render-text.js';
import {reportFailure} from './report-failure.js';

export interface RunFlags {
	db?: string;
	workflow?: string;
	project?: string;
	provider?: string;
	model?: string;
	script?: string;
	record?: string;
	force?: boolean;
	continue?: number;
	dryRun?: boolean;
	strict?: boolean;
	json?: boolean;
	verbose?: boolean;
	debug?: boolean;
}

const USAGE = 'Usage: ectosmith run [--project DIR] [--workflow NAME] "<description>"   (or "-" to read it from stdin)';

/** Stdin, up to a bound: past it the description is refused anyway (see checkDescription). */
async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of process.stdin) {
		const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
		chunks.push(buffer);
		size += buffer.length;
		if (size > MAX_DESCRIPTION_BYTES * 4) break;
	}

	return Buffer.concat(chunks).toString('utf8');
}

/** Why a folder cannot be a target project, with what to do instead; undefined when it is fine. */
export function projectProblem(projectPath: string): string | undefined {
	switch (mixProjectProblem(projectPath)) {
		case 'missing':
			return `The project folder ${projectPath} does not exist. Pass --project with your Phoenix project's folder, or run \`ectosmith demo my_app\` to create a demo project.`;
		case 'not-a-folder':
			return `${projectPath} is not a folder. Pass --project with your Phoenix project's folder.`;
		case 'no-mix-exs':
			return `${projectPath} is not a Mix project (it has no mix.exs). Run it inside your Phoenix project, pass --project <dir>, or run \`ectosmith demo my_app\` to create a demo project and then \`ectosmith run --project my_app "Blog.Post posts title:string"\`.`;
		case undefined:
			return undefined;
	}
}

export async function runCommand(args: string[], flags: RunFlags): Promise<number> {
	// Error texts can quote a server's stderr or a file name: never let them drive the terminal.
	const fail = (message: string, code: number) => {
		process.stderr.write(`ectosmith run: ${sanitizeForTerminal(message)}\n`);
		return code;
	};

	if (flags.continue !== undefined && (!Number.isInteger(flags.continue) || flags.continue < 1)) {
		return fail(`--continue needs an execution id (a positive whole number), got "${flags.continue}".`, ExitCode.usage);
	}

	const query = (args.length === 1 && args[0] === '-' ? await readStdin() : args.join(' ')).trim();
	if (query.length === 0) {
		return fail(`No description given.\n${USAGE}\nExample: ectosmith run --project my_app "Blog.Post posts title:string body:text"`, ExitCode.usage);
	}

	// Without --project a continuation goes on in its parent's project (checked once it is known).
	let projectPath = flags.project === undefined && flags.continue !== undefined ? undefined : path.resolve(flags.project ?? process.cwd());
	if (projectPath !== undefined) {
		const problem = projectProblem(projectPath);
		if (problem) return fail(problem, ExitCode.failed);
	}

	// The first Ctrl-C, SIGTERM or SIGHUP cancels cleanly (the row ends CANCELLED); a second one stops at once.
	const stop = cancelOnSignals({
		onSignal: (signal, count) => {
			if (count === 1) process.stderr.write(`\nCancelling… (${signal === 'SIGINT' ? 'Ctrl-C' : signal} again to quit at once)\n`);
		},
	});
	let app: WiredApp | undefined;
	try {
		app = await openApp({
			...(flags.db === undefined ? {} : {db: flags.db}),
			...(flags.provider === undefined ? {} : {provider: flags.provider}),
			...(flags.model === undefined ? {} : {model: flags.model}),
			...(flags.script === undefined ? {} : {script: flags.script}),
			...(flags.record === undefined ? {} : {record: flags.record}),
			force: flags.force === true,
			...(flags.strict ? {strict: true} : {}),
			...(flags.debug ? {logLevel: 'debug' as const} : flags.verbose ? {logLevel: 'info' as const} : {}),
		});
		if (projectPath === undefined && flags.continue !== undefined) {
			const parent = await app.recorder.getExecution(flags.continue);
			projectPath = parent.targetProjectPath ? path.resolve(parent.targetProjectPath) : process.cwd();
			const problem = projectProblem(projectPath);
			if (problem) return fail(problem, ExitCode.failed);
		}

		const color = !flags.json && process.stdout.isTTY === true && !process.env.NO_COLOR;
		const render = flags.json
			? createJsonRenderer(process.stdout)
			: createTextRenderer(process.stdout, {verbose: flags.verbose === true || flags.debug === true, color, columns: process.stdout.columns || 120});
		// What the record stores scrubbed is printed scrubbed too.
		app.engine.on(scrubbedEvents(render, app.secretValues));

		// "Completed, but the checks failed" has an exit code of its own: the last check decides.
		let lastCheck: string | undefined;
		app.engine.on(event => {
			if (event.type === 'tool_call_finished') lastCheck = readCheckResult(event.structuredContent)?.status ?? lastCheck;
		});
		const result = await app.engine.run({
			...(flags.workflow === undefined ? {} : {workflow: flags.workflow}),
			description: query,
			...(projectPath === undefined ? {} : {projectPath}),
			signal: stop.signal,
			...(flags.continue === undefined ? {} : {continueFrom: flags.continue}),
			dryRun: flags.dryRun === true,
		});
		// A run whose end is not in the record did not succeed as far as anyone can later tell.
		if (result.recordError !== undefined) return result.status === 'CANCELLED' ? (stop.exitCode() ?? ExitCode.sigint) : ExitCode.failed;
		if (result.status === 'COMPLETED') return lastCheck === 'failed' ? ExitCode.checksFailed : ExitCode.ok;
		if (result.status === 'CANCELLED') return stop.exitCode() ?? ExitCode.sigint;
		return ExitCode.failed;
	} catch (thrown) {
		// Only set-up errors get here (bad option, unknown workflow or execution, provider without a key...).
		// A database failure outside the recorder (reading the configuration) is one line too, never SQL.
		const error = app === undefined ? thrown : explainDatabaseError(app.dbPath, thrown);
		const code = reportFailure(error, {debug: flags.debug === true, prefix: 'ectosmith run', stderr: process.stderr});
		return code === ExitCode.failed ? (stop.exitCode() ?? code) : code;
	} finally {
		await app?.close();
		stop.dispose();
	}
}
