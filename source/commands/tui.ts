/**
 * `ectosmith` without a subcommand: the full-screen terminal UI on the alternate screen. Paints
 * the shell first and loads the program (database, MCP, providers) after the first frame. Left
 * on every way out: q, Ctrl-C twice, SIGTERM/SIGHUP, an uncaught error (shown after leaving).
 */
import path from 'node:path';
import {UsageError} from '../errors.js';
import {ExitCode, exitCodeForSignal} from '../exit-codes.js';
import {parseProviderName} from '../llm/provider.js';
import {sanitizeForTerminal, sanitizeLine} from '../terminal/sanitize.js';
import type {ScreenEntry} from '../ui/screens/types.js';
import type {UiServices} from '../ui/services.js';
import {alternateScreen} from '../ui/terminal-screen.js';
import type {CliFlags} from './flags.js';
import {describeFailure} from './report-failure.js';

export const NOT_A_TERMINAL = 'ectosmith: the terminal UI needs a terminal; for scripts and pipes use `ectosmith run "<description>"` (see ectosmith --help).';

export interface TuiStart {
	/** `replay`: open on the Replay screen of this execution (`ectosmith replay ID`). */
	replay?: number;
	/** Other screens than the registry's (the terminal tests add one that fails to render). */
	screens?: ScreenEntry[];
}

export async function tuiCommand(args: string[], flags: CliFlags, start: TuiStart = {}): Promise<number> {
	if (args.length > 0) throw new UsageError(`Unknown command "${args[0]}". Run ectosmith --help for the commands.`);
	// Bad flags are refused before the screen is taken over (one line, exit 2).
	if (flags.provider !== undefined) parseProviderName(flags.provider);
	if (flags.project !== undefined && flags.project.trim() === '') throw new UsageError('--project needs a folder.');
	if (!process.stdout.isTTY || !process.stdin.isTTY) {
		process.stderr.write(`${NOT_A_TERMINAL}\n`);
		return ExitCode.usage;
	}

	// React's production build: the development one costs a large part of the first paint. The
	// bundle has it fixed at build time (scripts/bundle.js); run from source, it is chosen here.
	const env = process.env;
	env['NODE_ENV'] ??= 'production';
	// React is CommonJS: its default export is the module, also when a bundler wraps it.
	const [{render}, {default: React}, {App}, {loadServices}] = await withoutCiVariables(async () =>
		Promise.all([import('ink'), import('react'), import('../ui/app.js'), import('../app/load-ui-services.js')]),
	);

	const screen = alternateScreen(process.stdout);
	// Loading may still be under way when the TUI ends (an early error, a signal): it is closed once loaded.
	let loading: Promise<UiServices> | undefined;
	let settle!: (code: number) => void;
	const done = new Promise<number>(resolve => (settle = resolve));
	let fatal: string | undefined;
	const fail = (error: unknown) => {
		fatal ??= describeFailure(error, {debug: flags.debug === true}).text;
		settle(ExitCode.failed);
	};

	const onSignal = (signal: 'SIGTERM' | 'SIGHUP') => () => settle(exitCodeForSignal(signal));
	const onTerm = onSignal('SIGTERM');
	const onHup = onSignal('SIGHUP');
	process.on('SIGTERM', onTerm);
	process.on('SIGHUP', onHup);
	process.on('uncaughtException', fail);
	process.on('unhandledRejection', fail);

	screen.enter();
	const instance = render(
		React.createElement(App, {
			options: {
				project: path.resolve(flags.project ?? process.cwd()),
				...(flags.workflow === undefined ? {} : {workflow: flags.workflow}),
				yes: flags.yes === true,
				...(start.replay === undefined ? {} : {replay: start.replay}),
			},
			...(start.replay === undefined ? {} : {initialScreen: 'history'}),
			...(start.screens === undefined ? {} : {screens: start.screens}),
			loadServices: async () => {
				loading = loadServices({
					...(flags.db === undefined ? {} : {db: flags.db}),
					...(flags.provider === undefined ? {} : {provider: flags.provider}),
					...(flags.model === undefined ? {} : {model: flags.model}),
					...(flags.script === undefined ? {} : {script: flags.script}),
					...(flags.debug ? {logLevel: 'debug' as const} : flags.verbose ? {logLevel: 'info' as const} : {}),
				});
				return loading;
			},
			onQuit: () => settle(ExitCode.ok),
			onFatal: fail,
			suspend: <T>(work: () => T): T => {
				// The editor gets the real terminal: cooked mode, the main screen; then back.
				process.stdin.setRawMode?.(false);
				screen.leave();
				try {
					return work();
				} finally {
					screen.enter();
					process.stdout.write('\u001B[2J');
					instance.clear();
					process.stdin.setRawMode?.(true);
				}
			},
		}),
		{exitOnCtrlC: false, patchConsole: true, incrementalRendering: false},
	);

	const code = await done;
	instance.unmount();
	screen.leave();
	process.off('SIGTERM', onTerm);
	process.off('SIGHUP', onHup);
	// A stack trace (--debug) keeps its lines; a message is one line.
	if (fatal !== undefined) process.stderr.write(`ectosmith: ${flags.debug === true ? sanitizeForTerminal(fatal) : sanitizeLine(fatal)}\n`);
	// Cancels a run still going (its row ends CANCELLED), stops the tool servers, closes the database.
	await loading?.then(async services => services.close()).catch(() => undefined);
	process.off('uncaughtException', fail);
	process.off('unhandledRejection', fail);
	// The screen is left and the run recorded: a handle something leaked must not keep the user
	// waiting at a dead terminal (this fires only if the process did not end by itself).
	setTimeout(() => process.exit(code), 3000).unref();
	return code;
}

/**
 * Variables that make Ink and chalk think they write to a CI log: Ink (is-in-ci) then draws only
 * the last frame, chalk no colour. Many developers' shells set CI; the TUI runs only on an
 * interactive terminal (checked before), which is never a CI log.
 */
const CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION'] as const;

/**
 * Both decide once, when imported, so the variables are hidden only while the UI modules load and
 * put back after, for the programs the TUI starts (tool servers, $EDITOR).
 */
async function withoutCiVariables<T>(load: () => Promise<T>): Promise<T> {
	const saved = CI_VARIABLES.flatMap(name => {
		const value = process.env[name];
		delete process.env[name];
		return value === undefined ? [] : [[name, value] as const];
	});
	try {
		return await load();
	} finally {
		for (const [name, value] of saved) process.env[name] = value;
	}
}
