/**
 * `ectosmith replay ID` in a real terminal (tmux, 80x24): it opens on the Replay screen of that
 * execution, steps, goes back to the History list, and quits back to the shell.
 */
import test from 'ava';
import {openDatabase} from '../../source/db/orm.js';
import {cliEnv, runCli, seededDb} from '../commands/_cli.js';
import {seedHistory} from '../helpers/seed-history.js';
import {tempDir} from '../helpers/temp-dir.js';
import {ectosmithCommand, requireTmux, startTerminal, terminalEnv} from '../helpers/tmux.js';

test('ectosmith replay ID at 80x24: steps, Esc lists the history, q quits cleanly', async t => {
	if (!requireTmux(t)) return;
	const db = await seededDb(t);
	const orm = await openDatabase({dbPath: db});
	await seedHistory(orm, {executions: 5, messagesPerExecution: 8});
	await orm.close(true);
	const terminal = startTerminal(t, {
		cwd: tempDir(t, 'ectosmith-cwd-'),
		env: terminalEnv(t, {TZ: 'UTC'}),
		command: ectosmithCommand('--db', db, 'replay', '3'),
	});

	const first = await terminal.waitFor(/Replay #3 · step 1 of \d+/, 'the replay of #3');
	t.regex(first, /Conversation #3/);
	t.regex(first, /Model: text 0/);
	terminal.keys('Right');
	const second = await terminal.waitFor(/Replay #3 · step 2 of/, 'step 2');
	t.regex(second, /"schema": "Blog\.Post"/, 'the tool call and its arguments');
	terminal.keys('Escape');
	const list = await terminal.waitFor(/History page 1/, 'the History list');
	t.regex(list, /\n 5 +01-01 00:05 .*FAILED .*Blog\.Post/, 'the newest first, with its description');
	terminal.keys('q');
	const after = await terminal.waitFor(/EXITED:0/, 'the program to exit');
	t.notRegex(after, /Conversation|History page/, 'nothing of the TUI is left on the main screen');
});

test('ectosmith replay with an unknown id says so in one line before taking the screen', async t => {
	const db = await seededDb(t);
	const result = await runCli(['--db', db, 'replay', '99'], {env: cliEnv(tempDir(t, 'ectosmith-state-'))});
	t.not(result.code, 0);
	t.regex(result.stderr.trim(), /^ectosmith: .*99/);
	t.is(result.stderr.trim().split('\n').length, 1);
});
