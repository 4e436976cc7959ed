/**
 * `ectosmith replay ID` in a real terminal (tmux, 80x24): it opens on the Replay screen of that
 * execution, steps, goes back to the History list, and quits back to the shell.
 */
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {openDatabase} from '../../source/db/orm.js';
import {Recorder} from '../../source/records/recorder.js';
import {contentSha256 as sha256} from '../../source/tool-results/content-hash.js';
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
	// The rows arrive after the frame (read from the database): wait for them.
	const list = await terminal.waitFor(/\n 5 +01-01 00:05 .*FAILED .*Blog\.Post/, 'the History list, the newest first, with its description');
	t.regex(list, /History page 1/);
	terminal.keys('q');
	const after = await terminal.waitFor(/EXITED:0/, 'the program to exit');
	t.notRegex(after, /Conversation|History page/, 'nothing of the TUI is left on the main screen');
});

test('ectosmith replay ID at 80x24: u shows the plan, y undoes it (the files are gone), q quits cleanly', async t => {
	if (!requireTmux(t)) return;
	const db = await seededDb(t);
	const project = tempDir(t, 'ectosmith-project-');
	// Undo acts only in a Mix project.
	writeFileSync(path.join(project, 'mix.exs'), 'defmodule MyApp.MixProject do\nend\n');
	const files = {'lib/my_app/blog/post.ex': 'defmodule MyApp.Blog.Post do\nend\n', 'priv/repo/migrations/20260101000000_create_posts.exs': 'defmodule M do\nend\n'};
	// An execution as the tool servers record one: the files it created, with their content and hash.
	const orm = await openDatabase({dbPath: db});
	const recorder = new Recorder(orm);
	const id = await recorder.startExecution({
		workflowName: 'elixir_crud_generator',
		description: 'Blog.Post posts title:string',
		targetProjectPath: project,
		provider: 'offline',
		model: 'offline-planner',
	});
	await recorder.addMessage(id, {turnNumber: 1, role: 'user', contentText: 'Blog.Post posts title:string'});
	await recorder.addMessage(id, {turnNumber: 1, role: 'tool_request', functionCallName: 'generate_schema', functionCallArgs: {schema: 'Blog.Post'}});
	await recorder.addMessage(id, {
		turnNumber: 1,
		role: 'tool_response',
		functionResponseName: 'generate_schema',
		contentText: 'Wrote 2 files',
		functionResponseContent: {
			text: 'Wrote 2 files',
			structuredContent: {
				files: Object.entries(files).map(([file, content]) => ({path: file, action: 'created', content, sha256_before: null, sha256_after: sha256(content)})),
				next_steps: [],
			},
		},
	});
	await recorder.addMessage(id, {turnNumber: 2, role: 'model', contentText: 'Done.'});
	await recorder.finishExecution(id, {status: 'COMPLETED', turnCount: 2, finalResponseText: 'Done.'});
	await orm.close(true);
	for (const [file, content] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(project, file)), {recursive: true});
		writeFileSync(path.join(project, file), content);
	}

	const terminal = startTerminal(t, {cwd: tempDir(t, 'ectosmith-cwd-'), env: terminalEnv(t, {TZ: 'UTC'}), command: ectosmithCommand('--db', db, 'replay', String(id))});
	await terminal.waitFor(new RegExp(`Replay #${id} · step 1 of \\d+`), 'the replay');
	terminal.keys('u');
	const plan = await terminal.waitFor(/y: undo/, 'the undo plan');
	t.regex(plan, /remove +lib\/my_app\/blog\/post\.ex/);
	t.regex(plan, /remove\s+priv\/repo\/migrations\/20260101000000_create_posts\.exs/);
	terminal.keys('y');
	await terminal.waitFor(new RegExp(`Undid execution #${id}: 2 removed, 0 restored[^\\n]*Replay #${id} \\(undone\\)`), 'the undo, said in the status line');
	for (const file of Object.keys(files)) t.false(existsSync(path.join(project, file)), file);
	terminal.keys('q');
	const after = await terminal.waitFor(/EXITED:0/, 'the program to exit');
	t.notRegex(after, /Conversation|Replay #/, 'nothing of the TUI is left on the main screen');
});

test('ectosmith replay with an unknown id says so in one line before taking the screen', async t => {
	const db = await seededDb(t);
	const result = await runCli(['--db', db, 'replay', '99'], {env: cliEnv(tempDir(t, 'ectosmith-state-'))});
	t.not(result.code, 0);
	t.regex(result.stderr.trim(), /^ectosmith: .*99/);
	t.is(result.stderr.trim().split('\n').length, 1);
});
