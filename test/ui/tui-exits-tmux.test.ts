/**
 * Every way out of the TUI in a real terminal (tmux): SIGTERM and SIGHUP during a run, an error
 * thrown while rendering (the error boundary) and one thrown outside React. Each must leave the
 * alternate screen with the cursor shown and the terminal's settings as before (raw mode off), exit
 * with its code (128 + the signal, 1 for an error, shown in one line), and end a run in progress
 * CANCELLED instead of leaving it STARTED.
 */
import test, {type ExecutionContext} from 'ava';
import {openDatabase} from '../../source/db/orm.js';
import {ExitCode} from '../../source/exit-codes.js';
import {Recorder} from '../../source/records/recorder.js';
import {requireTmux, type Terminal} from '../helpers/tmux.js';
import {READY, startTui} from './_tmux-tui.js';

/** The TUI on a copy of the demo project; `ready` waits for its schema (the tool servers are up). */
async function openTui(t: ExecutionContext, entry: 'cli' | 'faults', ready = true): Promise<{terminal: Terminal; db: string}> {
	const {terminal, db} = await startTui(t, {entry});
	if (ready) await terminal.waitFor(READY, 'the project and its schema');
	else await terminal.waitFor(/F?1 Run {2}F?2 History/, 'the first frame');
	return {terminal, db};
}

/** A run that waits for the first approval: in progress, its row STARTED. */
async function startRun(terminal: Terminal): Promise<void> {
	terminal.type('Blog.Post posts title:string');
	terminal.keys('Enter');
	await terminal.waitFor(/tool generate_schema/, 'the first approval');
}

/** The shell's screen once the program ended, after checking it left the terminal as it found it. */
async function leftCleanly(t: ExecutionContext, terminal: Terminal, code: number): Promise<string> {
	const after = await terminal.waitFor(/EXITED:\d+/, 'the program to exit');
	t.regex(after, new RegExp(`EXITED:${code}\\b`), 'the exit code');
	t.is(terminal.display('#{alternate_on}'), '0', 'the alternate screen was left');
	t.is(terminal.display('#{cursor_flag}'), '1', 'the cursor is shown');
	t.regex(after, /TTY:RESTORED/, 'the terminal settings are as before (raw mode off, echo on)');
	t.regex(after, /BEFORE-THE-TUI/, 'the shell screen is back');
	t.notRegex(after, /F?1 Run {2}F?2 History|Tool calls|Conversation/, 'nothing of the TUI is left on the main screen');
	return after;
}

async function executionStatus(t: ExecutionContext, db: string): Promise<string> {
	const orm = await openDatabase({dbPath: db});
	t.teardown(() => orm.close(true));
	return (await new Recorder(orm).getExecution(1)).status;
}

for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
	// One at a time: each starts three tool servers, slow to answer on a busy machine.
	test.serial(`${signal} during a run: the run ends CANCELLED, the terminal is restored, exit 128+n`, async t => {
		if (!requireTmux(t)) return;
		const {terminal, db} = await openTui(t, 'cli');
		await startRun(terminal);
		process.kill(terminal.programPid(), signal);
		const after = await leftCleanly(t, terminal, signal === 'SIGTERM' ? ExitCode.sigterm : ExitCode.sighup);
		t.notRegex(after, /ectosmith:/, 'a signal is not an error');
		t.is(await executionStatus(t, db), 'CANCELLED');
	});
}

test.serial('an error thrown outside React during a run: one line, exit 1, the run CANCELLED, the terminal restored', async t => {
	if (!requireTmux(t)) return;
	const {terminal, db} = await openTui(t, 'faults');
	await startRun(terminal);
	process.kill(terminal.programPid(), 'SIGUSR2');
	const after = await leftCleanly(t, terminal, ExitCode.failed);
	const shown = after.split('\n').filter(line => line.startsWith('ectosmith:'));
	t.deepEqual(shown, [shown[0]!], 'one line');
	// Not one of our errors: an internal error, with the hint to rerun for the stack (wrapped at 80 columns).
	t.regex(shown[0]!, /^ectosmith: internal error: thrown outside React.* in a timer \(rerun with/);
	t.regex(after.replaceAll('\n', ''), /\(rerun with --debug for the stack trace\)/);
	t.notRegex(after, /\bat .+:\d+:\d+\)?$/m, 'no stack trace');
	t.is(await executionStatus(t, db), 'CANCELLED');
});

test.serial('an error while rendering reaches the error boundary: one line, exit 1, the terminal restored', async t => {
	if (!requireTmux(t)) return;
	const {terminal} = await openTui(t, 'faults', false);
	// Escape and 9 sent together read as Alt-9 (typed into the field): wait for the field to be left.
	terminal.keys('Escape');
	await terminal.waitFor(/q quit/, 'the keys outside the field');
	terminal.keys('9');
	const after = await leftCleanly(t, terminal, ExitCode.failed);
	const shown = after.split('\n').filter(line => line.startsWith('ectosmith:'));
	t.is(shown.length, 1, 'one line');
	t.regex(shown[0]!, /^ectosmith: internal error: the screen broke.* while rendering \(rerun with/);
	t.regex(after.replaceAll('\n', ''), /\(rerun with --debug for the stack trace\)/);
	t.notRegex(after, /\bat .+:\d+:\d+\)?$/m, 'no stack trace');
});
