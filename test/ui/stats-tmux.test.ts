/**
 * The Stats screen in a real terminal (tmux, 80x24): key 5 opens it on the figures of a seeded
 * record; p suspends the screen for $EDITOR on the price table and comes back costing with the edit.
 */
import {chmodSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {openDatabase} from '../../source/db/orm.js';
import {DEFAULT_PRICES} from '../../source/history/prices.js';
import {seededDb} from '../commands/_cli.js';
import {seedHistory} from '../helpers/seed-history.js';
import {tempDir} from '../helpers/temp-dir.js';
import {ectosmithCommand, requireTmux, startTerminal, terminalEnv} from '../helpers/tmux.js';

test('key 5 shows the stats at 80x24; p edits the price table in $EDITOR and the costs follow', async t => {
	if (!requireTmux(t)) return;
	const db = await seededDb(t);
	const orm = await openDatabase({dbPath: db});
	// 40 executions on 2026-01-01 (a quarter COMPLETED), 1.01 to 1.4 s, two tool calls each.
	await seedHistory(orm, {executions: 40, messagesPerExecution: 8});
	await orm.close(true);
	const folder = tempDir(t, 'ectosmith-editor-');
	const editor = path.join(folder, 'editor.sh');
	writeFileSync(editor, `#!/bin/sh\ncp "$1" '${folder}/seen.json'\nprintf '%s' '{"test-model": {"input": 1000, "output": 2000}}' > "$1"\n`);
	chmodSync(editor, 0o755);
	const env = terminalEnv(t, {EDITOR: editor, TZ: 'UTC'});
	const terminal = startTerminal(t, {cwd: tempDir(t, 'ectosmith-cwd-'), env, command: ectosmithCommand('--db', db)});

	await terminal.waitFor(/Describe your data model/, 'the Run screen');
	terminal.keys('Escape');
	await terminal.waitFor(/q quit/, 'the keys outside the field');
	terminal.type('5');
	const stats = await terminal.waitFor(/Stats · all time · 40 executions/, 'the Stats screen');
	t.regex(stats, /Executions 40 {2}COMPLETED 10 {2}FAILED 10 {2}CANCELLED 10 {2}INTERRUPTED 10/);
	t.regex(stats, /2026-01-01 █+ +40 /);
	t.regex(stats, /median 1\.2 s/);
	t.regex(stats, /scripted\/test-model +40 +820 +80 +900 +no price/);
	t.regex(stats, /generate_schema +80 +32\.5% +13 ms +0/);
	t.regex(stats.split('\n')[22]!, /Stats · all time/, 'the status bar on the last line but one, as on every screen');

	terminal.type('p');
	const priced = await terminal.waitFor(/scripted\/test-model +40 +820 +80 +900 +\$0\.9800/, 'the cost from the edited table');
	t.regex(priced, /Stats · all time/, 'back on the Stats screen');
	t.deepEqual(JSON.parse(readFileSync(path.join(folder, 'seen.json'), 'utf8')), DEFAULT_PRICES, 'the table was written with the built-in prices first');
	t.deepEqual(JSON.parse(readFileSync(path.join(env['HOME']!, '.config', 'ectosmith', 'prices.json'), 'utf8')), {'test-model': {input: 1000, output: 2000}});
	terminal.type('q');
	await terminal.waitFor(/EXITED:0/, 'the program to exit');
});
