import test from 'ava';
import React from 'react';
import {App} from '../../source/ui/app.js';
import type {UiServices} from '../../source/ui/services.js';
import {cliEnv, runCli} from '../commands/_cli.js';
import {tempDir} from '../helpers/temp-dir.js';
import {press, render, send, settled, until} from './_frames.js';

const never = () => new Promise<UiServices>(() => undefined);
async function start(onQuit: () => void = () => undefined) {
	const app = render(<App options={{project: process.cwd(), yes: false}} loadServices={never} onQuit={onQuit} />);
	await settled();
	return app;
}

test.serial('the shell paints the top bar, the run screen and the status bar before the program loads', async t => {
	const app = await start();
	const frame = app.lastFrame()!;
	t.regex(frame, /F1 Run\s+F2 History\s+F3 Servers\s+F4 Workflows/, 'the field has the keys: the bar names F1..F5');
	t.regex(frame, /Describe your data model/);
	t.regex(frame, /Conversation/);
	t.regex(frame, /Tool calls/);
	t.regex(frame, /Schema/);
	t.is(frame.split('\n').length, 23, 'one line less than the terminal, so Ink never clears the whole screen');
	app.unmount();
});

test.serial('number keys show the other screens, ? lists every key, Esc closes it', async t => {
	const app = await start();
	await press(app, '\u001B'); // leave the description field
	app.stdin.write('2');
	await until(app.lastFrame, /2 History[\s\S]*Loading…/, 'the History screen, waiting for the program');
	app.stdin.write('4');
	await until(app.lastFrame, /Workflows[\s\S]*Loading…/, 'the Workflows screen, waiting for the program');
	app.stdin.write('1');
	await until(app.lastFrame, /Describe your data model/, 'the Run screen');
	app.stdin.write('?');
	const help = await until(app.lastFrame, /Keys/, 'the help');
	t.regex(help, /Ctrl-C\s+cancel the run; twice: quit/);
	// At 24 rows the Run keys go on below: j scrolls the help to them.
	t.regex(help, /↓ \d+ more lines?: j/);
	for (let row = 0; row < 3 && !/y \/ n \/ e \/ a/.test(app.lastFrame()!); row++) await press(app, 'j');
	t.regex(app.lastFrame()!, /y \/ n \/ e \/ a\s+approval/);
	app.stdin.write('\u001B');
	await until(app.lastFrame, /Describe your data model/, 'the Run screen again');
	t.pass();
	app.unmount();
});

test.serial('typing in the description does not switch screens; q quits once out of it; Ctrl-C twice quits', async t => {
	let quits = 0;
	const app = await start(() => quits++);
	app.stdin.write('q2');
	await until(app.lastFrame, /› q2/, 'the typed text');
	t.is(quits, 0);
	app.stdin.write('\u0003');
	await until(app.lastFrame, /Press Ctrl-C again to quit/, 'the first Ctrl-C');
	t.is(quits, 0);
	app.stdin.write('\u0003');
	await until(() => String(quits), /1/, 'the quit');
	app.unmount();

	let quitsAfterEscape = 0;
	const second = await start(() => quitsAfterEscape++);
	await press(second, '\u001B');
	second.stdin.write('q');
	await until(() => String(quitsAfterEscape), /1/, 'the quit');
	t.is(quitsAfterEscape, 1);
	second.unmount();
});

test.serial('without a terminal, ectosmith says to use `ectosmith run` and exits 2', async t => {
	const result = await runCli([], {env: cliEnv(tempDir(t, 'ectosmith-state-'))});
	t.is(result.code, 2);
	t.is(result.stdout, '');
	t.regex(result.stderr, /^ectosmith: the terminal UI needs a terminal; for scripts and pipes use `ectosmith run "<description>"`/);
	t.is(result.stderr.trim().split('\n').length, 1);
});
