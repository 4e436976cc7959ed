/**
 * A real terminal for the TUI tests: a private tmux server (its own socket) running one command in
 * a window of a fixed size; keys are sent and the screen is read with capture-pane.
 */
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import type {ExecutionContext} from 'ava';
import {packageRoot} from '../../source/package-root.js';
import {tempDir} from './temp-dir.js';
import {tsxLoader} from './tsx-loader.js';

let available: boolean | undefined;

export function tmuxAvailable(): boolean {
	available ??= spawnSync('tmux', ['-V'], {stdio: 'ignore'}).status === 0;
	return available;
}

/** True when tmux runs here; otherwise passes with a note, except under CI=true where it fails. */
export function requireTmux(t: ExecutionContext): boolean {
	if (tmuxAvailable()) return true;
	if (process.env.CI === 'true') t.fail('tmux is not installed, and CI=true requires the terminal tests to run');
	else {
		t.log('skipped: tmux is not installed');
		t.pass();
	}

	return false;
}

/** `ectosmith ARGS`, run from source. */
export function ectosmithCommand(...args: string[]): string[] {
	return [process.execPath, '--import', tsxLoader, path.join(packageRoot(), 'source/cli.tsx'), ...args];
}

/** What the program gets in the terminal: PATH, a temp home and state folder, a real terminal, UTF-8, and `extra`. */
export function terminalEnv(t: ExecutionContext, extra: Record<string, string> = {}): Record<string, string> {
	return {
		PATH: process.env.PATH ?? '/usr/bin:/bin',
		HOME: tempDir(t, 'ectosmith-home-'),
		XDG_STATE_HOME: tempDir(t, 'ectosmith-state-'),
		TERM: 'xterm-256color',
		LANG: 'C.UTF-8',
		// Run from source: tsx must find the project's JSX settings from a temp folder too.
		TSX_TSCONFIG_PATH: path.join(packageRoot(), 'tsconfig.json'),
		...extra,
	};
}

function shellQuote(value: string): string {
	return `'${value.replaceAll("'", `'\\''`)}'`;
}

export interface Terminal {
	/** The visible screen, one string; with `escapes`, its colours and attributes as escape codes. */
	screen(escapes?: boolean): string;
	/** Waits until the screen matches; returns it. */
	waitFor(pattern: RegExp, what: string, timeoutMs?: number): Promise<string>;
	/** Literal text, as typed. */
	type(text: string): void;
	/** tmux key names: Enter, Escape, C-c, PageUp... */
	keys(...names: string[]): void;
	/** A tmux format of the pane, e.g. #{alternate_on}. */
	display(format: string): string;
	/** Resizes the window, as a user dragging the terminal's corner (the program gets SIGWINCH). */
	resize(width: number, height: number): void;
	/** The pid of the program under test (the child of the pane's shell), to send it signals. */
	programPid(): number;
	kill(): void;
}

export function startTerminal(
	t: ExecutionContext,
	options: {
		command: string[];
		env: Record<string, string>;
		cwd: string;
		width?: number;
		height?: number;
		/** Pass CI variables of env on (a user whose shell sets CI); by default they are dropped. */
		keepCi?: boolean;
	},
): Terminal {
	const socket = `ectosmith-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
	const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
	// `env -i` gives the program only the environment the test chose (tmux's server would pass its own).
	// A user's terminal is not CI: Ink draws nothing live when CI or CI_* is set, so those never pass.
	const assignments = Object.entries(options.env)
		.filter(([key]) => options.keepCi === true || (key !== 'CI' && !key.startsWith('CI_')))
		.map(([key, value]) => shellQuote(`${key}=${value}`));
	// TTY:RESTORED after the exit: the terminal's settings (raw mode, echo) are as before, the shell usable.
	const command = `cd ${shellQuote(options.cwd)} && tty=$(stty -g) && echo BEFORE-THE-TUI && env -i ${assignments.join(' ')} ${options.command.map(shellQuote).join(' ')}; status=$?; [ "$(stty -g)" = "$tty" ] && echo TTY:RESTORED || echo TTY:CHANGED; echo "EXITED:$status"; sleep 600`;
	const started = tmux('new-session', '-d', '-s', 'main', '-x', String(options.width ?? 80), '-y', String(options.height ?? 24), command);
	if (started.status !== 0) throw new Error(`tmux did not start: ${started.stderr}`);
	const kill = () => void tmux('kill-server');
	t.teardown(kill);
	const screen = (escapes = false) => tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', 'main').stdout;
	return {
		screen,
		async waitFor(pattern, what, timeoutMs = 90_000) {
			const end = Date.now() + timeoutMs;
			for (;;) {
				const text = screen();
				// No wait after the match: the key bus hands each key to the handlers of the frame on show.
				if (pattern.test(text)) return text;

				if (Date.now() > end) throw new Error(`Timed out waiting for ${what}. Screen:\n${text}`);
				await new Promise(resolve => setTimeout(resolve, 150));
			}
		},
		type(text) {
			tmux('send-keys', '-t', 'main', '-l', text);
		},
		keys(...names) {
			for (const name of names) tmux('send-keys', '-t', 'main', name);
		},
		display(format) {
			return tmux('display-message', '-p', '-t', 'main', format).stdout.trim();
		},
		resize(width, height) {
			const resized = tmux('resize-window', '-t', 'main', '-x', String(width), '-y', String(height));
			if (resized.status !== 0) throw new Error(`tmux did not resize: ${resized.stderr}`);
		},
		programPid() {
			const shell = tmux('display-message', '-p', '-t', 'main', '#{pane_pid}').stdout.trim();
			const child = spawnSync('pgrep', ['-P', shell], {encoding: 'utf8'}).stdout.trim().split('\n')[0];
			if (!child) throw new Error(`no program runs in the pane (shell ${shell})`);
			return Number(child);
		},
		kill,
	};
}
