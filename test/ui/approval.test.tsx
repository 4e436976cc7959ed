import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import React from 'react';
import {openDatabase} from '../../source/db/orm.js';
import {Recorder} from '../../source/records/recorder.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {KEYS, send, startUi, until} from './_ui.js';

void React;

async function recorderOf(t: Parameters<typeof startUi>[0], dbPath: string): Promise<Recorder> {
	const orm = await openDatabase({dbPath});
	t.teardown(() => orm.close(true));
	return new Recorder(orm);
}

test.serial('the approval view shows a new file whole; a decline with a note goes back to the model and into the record', async t => {
	const project = await copyFixtureProject(t, 'my_app');
	const ui = await startUi(t, {project, provider: 'scripted', script: 'fixtures/conversations/blog.json'});
	await ui.type('Blog.Post posts title:string body:text published:boolean');
	await ui.press(KEYS.enter);
	const asking = await until(ui.app.lastFrame, /Approve MyApp\.Blog\.Post · lib\/my_app\/blog\/post\.ex\?[\s\S]*tool generate_schema \(elixir_ecto_gen_tool\)/, 'the first approval');
	t.regex(asking, /\+ lib\/my_app\/blog\/post\.ex \(new file\)/);
	t.regex(asking, /\s+1 defmodule MyApp\.Blog\.Post do/);
	t.regex(asking, /y approve · n decline · e decline with a note/);
	t.false(existsSync(path.join(project, 'lib/my_app/blog/post.ex')), 'nothing is written before the answer');

	const note = 'use utc_datetime_usec for timestamps';
	await ui.press('e');
	await until(ui.app.lastFrame, /Your note for the model/, 'the note field');
	await ui.type(note);
	await ui.press(KEYS.enter);
	await until(ui.app.lastFrame, /tool generate_migration/, 'the next approval');
	// The view changes once the engine takes the answer.
	await send(ui.app, 'a');
	const done = await until(ui.app.lastFrame, /(✔ Completed|✘ Failed) after \d+ turns[\s\S]*· (completed|failed)/, 'the end of the run');
	t.false(existsSync(path.join(project, 'lib/my_app/blog/post.ex')) && !/generate_context/.test(done), 'the declined schema was not written by its call');

	const recorder = await recorderOf(t, ui.dbPath);
	const responses = (await recorder.listMessages(1)).filter(message => message.role === 'tool_response');
	const declined = responses.find(message => message.functionResponseName === 'generate_schema')!;
	t.like(declined, {approval: 'declined_with_note', isError: true, contentText: `The user declined: ${note}`});
	t.is(responses.find(message => message.functionResponseName === 'generate_migration')?.approval, 'approved');
	// The tool-calls pane says what happened to the call.
	await ui.press(KEYS.tab);
	await ui.press(KEYS.tab); // the tool-calls pane has the focus: scroll to its top
	await ui.press('g');
	await until(ui.app.lastFrame, new RegExp(`⊘ generate_schema[\\s\\S]*declined: ${note}`), 'the declined row');
});

test.serial('a change to an existing file is shown as a unified diff against the file on disk', async t => {
	const project = await copyFixtureProject(t, 'with_context');
	const ui = await startUi(t, {project, provider: 'offline'});
	await ui.type('Blog.Comment comments body:text');
	await ui.press(KEYS.enter);
	for (;;) {
		const frame = await until(ui.app.lastFrame, /Approve (\w+)/, 'an approval');
		if (/tool generate_context/.test(frame)) break;
		await send(ui.app, 'y');
		await until(ui.app.lastFrame, /tool (?!generate_schema)\w+ \(|Tool calls/, 'the approval to be answered');
	}

	// The context file gains functions: page through the view and read everything it showed.
	const seen: string[] = [ui.app.lastFrame()!];
	for (let page = 0; page < 40; page++) {
		await send(ui.app, '\u001B[6~'); // PageDown: at the end of the view it changes nothing
		const frame = ui.app.lastFrame()!;
		if (frame === seen.at(-1)) break; // the end of the view
		seen.push(frame);
	}

	const all = seen.join('\n');
	t.regex(all, /~ lib\/my_app\/blog\.ex \(changed\)/);
	t.regex(all, /@@ -\d+,\d+ \+\d+,\d+ @@/);
	t.regex(all, /\+\s+def list_comments/, 'the added functions, as + lines');
	await send(ui.app, 'a');
	await until(ui.app.lastFrame, /✔ Completed after/, 'the run to complete');
});

test.serial('Ctrl-C at an approval cancels the run: recorded CANCELLED, nothing written', async t => {
	const project = await copyFixtureProject(t, 'my_app');
	const ui = await startUi(t, {project, provider: 'offline'});
	await ui.type('Blog.Post posts title:string');
	await ui.press(KEYS.enter);
	await until(ui.app.lastFrame, /tool generate_schema/, 'the first approval');
	await ui.press(KEYS.ctrlC);
	const cancelled = await until(ui.app.lastFrame, /■ Cancelled after \d+ turns?/, 'the cancel');
	t.regex(cancelled, /Cancelling the run… Ctrl-C again quits\.|cancelled/);
	t.false(existsSync(path.join(project, 'lib/my_app/blog/post.ex')));
	const recorder = await recorderOf(t, ui.dbPath);
	t.is((await recorder.getExecution(1)).status, 'CANCELLED');
});

test.serial('with the offline planner, a note at the approval corrects the plan: the corrected schema is offered next, and the run completes', async t => {
	const project = await copyFixtureProject(t, 'my_app');
	const ui = await startUi(t, {project, provider: 'offline'});
	await ui.type('Blog.Post posts title:string body:text');
	await ui.press(KEYS.enter);
	const first = await until(ui.app.lastFrame, /Approve MyApp\.Blog\.Post · lib\/my_app\/blog\/post\.ex\?/, 'the schema approval');
	t.regex(first, /field :body/);
	await ui.press('e');
	await until(ui.app.lastFrame, /Your note for the model/, 'the note field');
	await ui.type('call it content, not body');
	await ui.press(KEYS.enter);
	// The planner offers the schema again, corrected: the view shows the renamed field.
	const again = await until(ui.app.lastFrame, /Approve MyApp\.Blog\.Post · lib\/my_app\/blog\/post\.ex\?[\s\S]*field :content/, 'the corrected schema');
	t.notRegex(again, /field :body/);
	await send(ui.app, 'a');
	await until(ui.app.lastFrame, /✔ Completed after \d+ turns/, 'the run to complete');
	t.regex(readFileSync(path.join(project, 'lib/my_app/blog/post.ex'), 'utf8'), /field :content\b/);

	const recorder = await recorderOf(t, ui.dbPath);
	const approvals = (await recorder.listMessages(1)).filter(message => message.functionResponseName === 'generate_schema').map(message => message.approval);
	t.deepEqual(approvals, ['declined_with_note', 'approved']);
	t.is((await recorder.getExecution(1)).status, 'COMPLETED');
});

test.serial('with the offline planner, n skips the entity and what belongs to it; the run completes', async t => {
	const project = await copyFixtureProject(t, 'my_app');
	const ui = await startUi(t, {project, provider: 'offline'});
	await ui.type('Blog.Post posts title:string; Blog.Comment comments body:text post_id:references:posts; Blog.Tag tags name:string');
	await ui.press(KEYS.enter);
	await until(ui.app.lastFrame, /Approve MyApp\.Blog\.Post · lib\/my_app\/blog\/post\.ex\?/, 'the posts schema approval');
	await ui.press('n');
	// Next is tags: comments belong to the declined posts and are never offered.
	await until(ui.app.lastFrame, /Approve MyApp\.Blog\.Tag · lib\/my_app\/blog\/tag\.ex\?/, 'the tags schema approval');
	await send(ui.app, 'a');
	const done = await until(ui.app.lastFrame, /✔ Completed after \d+ turns/, 'the run to complete');
	// The calls the engine answered "Not run" after the decline are no errors.
	t.notRegex(done, /ended in an error|✗/);
	t.false(existsSync(path.join(project, 'lib/my_app/blog/comment.ex')));
	t.true(existsSync(path.join(project, 'lib/my_app/blog/tag.ex')));
	const recorder = await recorderOf(t, ui.dbPath);
	t.regex((await recorder.getExecution(1)).finalResponseText ?? '', /Declined: posts\.\n\nSkipped because posts was declined: comments\./);
});
