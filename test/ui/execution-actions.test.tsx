/**
 * The actions on an execution from the TUI, on the real app (temp SQLite file, real tool servers,
 * the offline planner) writing real files into a copy of the fixture project: export and undo after
 * a run on the Run screen; re-run, continue, delete and undo from the Replay screen, each guarded
 * by its confirmation (any other key leaves everything as it was).
 */

import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import React from 'react';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {tempDir} from '../helpers/temp-dir.js';
import {KEYS, press, type StartedUi, send, startUi, until} from './_ui.js';

void React;

const SCHEMA = 'lib/my_app/blog/post.ex';

/** Opens the row `index` (0: the newest) of the History list. */
async function openRow(ui: StartedUi, index: number) {
	// To the top row: an Up there changes nothing, so these are sent, not pressed.
	for (let step = 0; step < 5; step++) await send(ui.app, KEYS.up);
	for (let step = 0; step < index; step++) await ui.press(KEYS.down);
	await ui.press(KEYS.enter);
}

/** Replaces the text of the focused field (backspaces over what is there, then types). */
async function retype(ui: StartedUi, text: string) {
	const field = () => {
		const lines = (ui.app.lastFrame() ?? '').split('\n');
		return lines[lines.findIndex(line => line.includes('File (.md or .json')) + 1] ?? '';
	};

	for (let index = 0; index < 100 && !/›\s*$/.test(field()); index++) {
		await press(ui.app, '\u007F');
	}

	await ui.type(text);
}

async function runQuery(ui: StartedUi, query: string, id: number) {
	// The tool servers are up once the schema pane has read the project (a slow machine takes a while).
	await until(ui.app.lastFrame, /No Ecto schemas yet|\+? ?posts +MyApp\.Blog\.Post/, 'the schema pane', 120_000);
	await ui.type(query);
	await ui.press(KEYS.enter);
	const frame = await until(ui.app.lastFrame, new RegExp(`#${id} [^\\n]*· (completed|failed)`), `execution #${id} to finish`);
	if (!new RegExp(`#${id} [^\\n]*· completed`).test(frame)) throw new Error(`Execution #${id} did not complete:\n${frame}`);
	return frame;
}

test.serial('after a run, e exports it to a file (format from the extension, no overwrite unasked) and u undoes it (n changes nothing)', async t => {
	t.timeout(240_000);
	const project = await copyFixtureProject(t);
	const out = tempDir(t, 'ectosmith-export-');
	const ui = await startUi(t, {project, yes: true});
	await runQuery(ui, 'Blog.Post posts title:string body:text', 1);
	t.true(existsSync(path.join(project, SCHEMA)));
	// The keys act once the description field is left.
	await ui.press(KEYS.escape);
	await ui.press('e');
	await until(ui.app.lastFrame, /Export #1[\s\S]*› \.\/ectosmith-1\.md/, 'the export field, prefilled');
	const file = path.join(out, 'one.txt');
	await retype(ui, file);
	await ui.press(KEYS.enter);
	await until(ui.app.lastFrame, /"one\.txt": the file name must end in \.json or/, 'the refusal naming the allowed extensions');
	t.false(existsSync(file));
	await retype(ui, path.join(out, 'one.md'));
	await ui.press(KEYS.enter);
	const exported = await until(ui.app.lastFrame, /Exported execution #1 to /, 'the export');
	t.true(exported.includes(path.join(out, 'one.md')), 'the written path is shown');
	const markdown = readFileSync(path.join(out, 'one.md'), 'utf8');
	t.regex(markdown, /^# ectosmith execution #1\n/);
	t.regex(markdown, /Blog\.Post posts title:string body:text/);
	t.regex(markdown, /lib\/my_app\/blog\/post\.ex/);

	// The same file again: asked first; n leaves it as it is.
	writeFileSync(path.join(out, 'one.md'), 'mine\n');
	await ui.press('e');
	await until(ui.app.lastFrame, /› \.\/ectosmith-1\.md/, 'the export field');
	await retype(ui, path.join(out, 'one.md'));
	await ui.press(KEYS.enter);
	await until(ui.app.lastFrame, /one\.md already exists\. Replace it\?/, 'the overwrite question');
	await ui.press('n');
	await until(ui.app.lastFrame, /Not exported: /, 'the cancel');
	t.is(readFileSync(path.join(out, 'one.md'), 'utf8'), 'mine\n');

	// JSON by its extension.
	await ui.press('e');
	await until(ui.app.lastFrame, /› \.\/ectosmith-1\.md/, 'the export field');
	await retype(ui, path.join(out, 'one.json'));
	await ui.press(KEYS.enter);
	await until(ui.app.lastFrame, /Exported execution #1 to /, 'the JSON export');
	const json = JSON.parse(readFileSync(path.join(out, 'one.json'), 'utf8'));
	t.is(json.format, 'ectosmith-execution');
	t.is(json.executions[0].id, 1);

	// Undo: the plan first; n changes nothing, y removes the files.
	await ui.press('u');
	const plan = await until(ui.app.lastFrame, /Undo #1[\s\S]*y: undo/, 'the undo plan');
	t.regex(plan, /remove +lib\/my_app\/blog\/post\.ex/);
	await ui.press('n');
	await until(ui.app.lastFrame, /Undo of #1 cancelled: nothing changed/, 'the cancel');
	t.true(existsSync(path.join(project, SCHEMA)));
	t.is((await ui.services().history!.execution(1)).undoneAt, undefined);
	await ui.press('u');
	await until(ui.app.lastFrame, /Undo #1[\s\S]*y: undo/, 'the undo plan');
	await ui.press('y');
	await until(ui.app.lastFrame, /Undid execution #1: 5 removed, 0 restored, \d+ emptied folder\(s\) removed\./, 'the undo');
	t.false(existsSync(path.join(project, SCHEMA)));
	t.truthy((await ui.services().history!.execution(1)).undoneAt);
});

test.serial('from the Replay: r re-runs, c continues, d deletes and u undoes, each as it says', async t => {
	t.timeout(300_000);
	const project = await copyFixtureProject(t);
	const ui = await startUi(t, {project, yes: true});
	const history = () => ui.services().history!;
	await runQuery(ui, 'Blog.Post posts title:string', 1);

	// r: the same query as a new execution, same workflow and project, started at once.
	await ui.press(KEYS.escape);
	await ui.press('2');
	await until(ui.app.lastFrame, /\n\s*\d+\s+\d\d-\d\d[\s\S]*History page 1/, 'the History list with its rows');
	await ui.press(KEYS.enter);
	await until(ui.app.lastFrame, /Replay #1 · step 1 of/, 'the replay of #1');
	await ui.press('r');
	await until(ui.app.lastFrame, /#2 [^\n]*· (completed|failed)/, 'the re-run to finish on the Run screen');
	const [first, again] = [await history().execution(1), await history().execution(2)];
	t.is(again.description, first.description);
	t.is(again.workflowName, first.workflowName);
	t.is(again.targetProjectPath, project);
	t.is(again.parentExecutionId, undefined);

	// c: the Run screen with #1's conversation; the next description follows it up.
	await ui.press(KEYS.escape);
	await ui.press('2');
	// The History screen is where it was left: on the Replay of #1; Esc lists.
	await until(ui.app.lastFrame, /Replay #1 · step/, 'the replay left open');
	await ui.press(KEYS.escape);
	// The list is read again on the way back: wait for the re-run's row above #1's.
	await until(ui.app.lastFrame, /\n\s*2\s+\d\d-\d\d[^\n]*\n\s*1\s+\d\d-\d\d[\s\S]*History page 1/, 'the History list with #2 and #1');
	await openRow(ui, 1);
	await until(ui.app.lastFrame, /Replay #1 · step 1 of/, 'the replay of #1');
	await ui.press('c');
	const loaded = await until(ui.app.lastFrame, /Follow-up/, 'the Run screen with the conversation loaded');
	t.regex(loaded, /Completed after \d+ turns in [\d.]+s \(#1\)/, "#1's conversation on the panes");
	await runQuery(ui, 'Blog.Comment comments body:text', 3);
	t.is((await history().execution(3)).parentExecutionId, 1);

	// The list shows the follow-up count; d asks first, n keeps it, y deletes it.
	await ui.press(KEYS.escape);
	await ui.press('2');
	await until(ui.app.lastFrame, /Replay #1 · step/, 'the replay left open');
	await ui.press(KEYS.escape);
	// The list is read again on the way back: wait for the row that counts the follow-up.
	await until(ui.app.lastFrame, /\n\s*1\s+\d\d-\d\d [^\n]*\(\+1 follow-up\)[\s\S]*History page 1/, 'the History list counting the follow-up');
	await openRow(ui, 1);
	await until(ui.app.lastFrame, /Replay #2 · step 1 of/, 'the replay of #2');
	await ui.press('d');
	await until(ui.app.lastFrame, /Delete execution #2 and its \d+ messages\? The files it wrote/, 'the question');
	await ui.press('n');
	await until(ui.app.lastFrame, /Nothing was deleted/, 'the cancel');
	t.is((await history().execution(2)).id, 2);
	await ui.press('d');
	await until(ui.app.lastFrame, /Delete execution #2/, 'the question');
	await ui.press('y');
	// Back on the list, read again: the row is gone, the others stay.
	const after = await until(
		ui.app.lastFrame,
		/^(?![\s\S]*\n\s*2\s+\d\d-\d\d )[\s\S]*\n\s*1\s+\d\d-\d\d [\s\S]*Deleted execution #2 and its \d+ messages; its files stay\. · History page 1/,
		'the list without #2',
	);
	t.regex(after, /\n\s*3\s+\d\d-\d\d /);
	await t.throwsAsync(history().execution(2), {message: /No execution with id 2/});

	// u on #1 with its schema edited since: refused naming the file; forcing is its own step.
	const schema = path.join(project, SCHEMA);
	writeFileSync(schema, `${readFileSync(schema, 'utf8')}# my edit\n`);
	await openRow(ui, 1);
	await until(ui.app.lastFrame, /Replay #1 · step 1 of/, 'the replay of #1');
	await ui.press('u');
	const refused = await until(ui.app.lastFrame, /Undo #1: refused/, 'the refusal');
	t.regex(refused, /blog\/post\.ex/);
	await ui.press('x');
	await until(ui.app.lastFrame, /Not undone: /, 'the refusal in the status line');
	t.regex(readFileSync(schema, 'utf8'), /# my edit/);
	await ui.press('u');
	await until(ui.app.lastFrame, /Undo #1: refused/, 'the refusal');
	await ui.press('f');
	await until(ui.app.lastFrame, /Force the undo of execution #1\?/, 'the force question');
	await ui.press('y');
	await until(ui.app.lastFrame, /Forced: edits made/, 'the forced plan');
	await ui.press('y');
	const undone = await until(ui.app.lastFrame, /Undid execution #1: \d+ removed[^\n]*Replay #1 \(undone\)/, 'the forced undo, and the header saying so');
	t.regex(undone, /Conversation #1 · undone \d{4}-/);
	// Forcing never removes content the record does not hold: the edited schema stays.
	t.regex(readFileSync(schema, 'utf8'), /# my edit/);
	await ui.press(KEYS.escape);
	await until(ui.app.lastFrame, /\n\s*1\s+\d\d-\d\d [^\n]*\[undone\][\s\S]*History page 1/, 'the History list marking #1 undone');
});
