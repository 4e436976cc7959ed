/**
 * Runs one `mix` command of a check: in its own process group (spawned detached), so a timeout,
 * a cancel or the end of our process stops mix and every process it started (the BEAM, its port
 * programs) at once; output collected (bounded) and appended whole to the check's output file.
 */
import {spawn} from 'node:child_process';
import {appendFileSync} from 'node:fs';

/** What is kept in memory for parsing; the output file has everything. */
const MAX_KEPT_CHARS = 2 * 1024 * 1024;

export interface MixRun {
	/** Exit code; null when killed. */
	code: number | null;
	output: string;
	timedOut: boolean;
	cancelled: boolean;
	durationMs: number;
}

export interface MixRunOptions {
	cwd: string;
	env: NodeJS.ProcessEnv;
	timeoutMs: number;
	signal?: AbortSignal;
	/** The full output goes here (appended), after a header naming the command. */
	outputFile?: string;
	/** Scrubs a chunk before it is written to the output file. */
	scrub?: (text: string) => string;
	/** Default "mix". */
	command?: string;
}

/** Process groups of commands under way, killed when our process exits. */
const running = new Set<number>();

function killGroup(pid: number): void {
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		// Already gone.
	}
}

/** Kills every command under way (synchronous: for exit and signal handlers). */
export function killRunningChecks(): void {
	for (const pid of running) killGroup(pid);
	running.clear();
}

process.on('exit', killRunningChecks);

function append(file: string | undefined, text: string): void {
	if (file === undefined) return;
	try {
		appendFileSync(file, text);
	} catch {
		// The output file is for the user to read later; a full disk must not fail the check.
	}
}

/** Runs `mix args...`; resolves when it and its process group are done (never rejects). */
export function runMix(args: string[], options: MixRunOptions): Promise<MixRun> {
	const started = Date.now();
	const command = options.command ?? 'mix';
	const scrub = options.scrub ?? ((text: string) => text);
	append(options.outputFile, `\n$ MIX_ENV=${options.env['MIX_ENV'] ?? ''} ${command} ${args.join(' ')}\n`);
	return new Promise(resolve => {
		let output = '';
		let timedOut = false;
		let cancelled = false;
		let done = false;
		const finish = (code: number | null, extra = '') => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			options.signal?.removeEventListener('abort', onAbort);
			if (child.pid !== undefined) running.delete(child.pid);
			output += extra;
			const ending = timedOut ? `[timed out after ${options.timeoutMs} ms: killed]` : cancelled ? '[cancelled: killed]' : `[exit ${code}]`;
			append(options.outputFile, `${extra}\n${ending}\n`);
			resolve({code, output, timedOut, cancelled, durationMs: Date.now() - started});
		};

		const child = spawn(command, args, {cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe']});
		const kill = () => {
			if (child.pid !== undefined) killGroup(child.pid);
		};

		const onAbort = () => {
			cancelled = true;
			kill();
		};

		const timer = setTimeout(() => {
			timedOut = true;
			kill();
		}, options.timeoutMs);
		if (child.pid !== undefined) running.add(child.pid);
		if (options.signal?.aborted) onAbort();
		else options.signal?.addEventListener('abort', onAbort, {once: true});
		const collect = (chunk: string) => {
			if (output.length < MAX_KEPT_CHARS) output += chunk.slice(0, MAX_KEPT_CHARS - output.length);
			append(options.outputFile, scrub(chunk));
		};

		child.stdout!.setEncoding('utf8').on('data', collect);
		child.stderr!.setEncoding('utf8').on('data', collect);
		child.on('error', error => finish(null, `${command} could not start: ${error.message}`));
		// 'close' waits for the pipes, which every process of the group holds: the group is gone.
		child.on('close', code => {
			// A command that exits while a process it started still runs is not left behind either.
			kill();
			finish(code);
		});
	});
}
