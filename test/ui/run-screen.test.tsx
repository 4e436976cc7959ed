import {existsSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import React from 'react';
import {openDatabase} from '../../source/db/orm.js';
import {Recorder} from '../../source/records/recorder.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {KEYS, press, startUi, until} from './_ui.js';

void React;

test.serial('a scripted run streams its text and tool calls, grows the schema pane, and ends in the summary', async t => {
	const project = await copyFixtureProject(t, 'my_app');
	const ui = await startUi(t, {project, provider: 'scripted', script: 'fixtures/conversations/blog.json', yes: true});
	const first = ui.app.lastFrame()!;
	t.regex(first, /elixir_crud_generator/);
	t.regex(first, /scripted gemini-2\.5-flash/, 'the provider and model the run will use');
	await until(ui.app.lastFrame, /No Ecto schemas yet/, 'the schema of the untouched project');

	await ui.type('Blog.Post posts title:string body:text published:boolean');
	await ui.press(KEYS.enter);
	const done = await until(ui.app.lastFrame, /✔ Completed after \d+ turns[\s\S]*· completed/, 'the run to complete');
	t.regex(done, /✓ generate_context \(phoenix_context_gen_tool\) Blog Post posts/);
	t.regex(done, /\+ lib\/my_app\/blog\.ex/);
	t.regex(done, /Next: Run mix ecto\.migrate/);
	t.regex(done, /#1 · scripted gemini-2\.5-flash · turn \d+\/10 · \d+\.\ds · [\d,]+ tokens · completed/);
	const schema = await until(ui.app.lastFrame, /\+ posts {2}MyApp\.Blog\.Post/, 'the schema pane to show the new table');
	t.regex(schema, /\+ title\s+string/);
	t.true(existsSync(path.join(project, 'lib/my_app/blog/post.ex')));

	// The panes show the newest lines; scrolling back shows the start of the conversation.
	t.notRegex(done, /You: Blog\.Post/);
	await ui.press(KEYS.pageUp);
	await ui.press(KEYS.pageUp);
	const back = await until(ui.app.lastFrame, /You: Blog\.Post posts title:string body:text published:boolean/, 'the conversation scrolled back');
	t.regex(back, /Conversation ─+ ↓ \d+ more/);
	t.regex(back, /Model: I'll start by inspecting the Phoenix project/);

	const orm = await openDatabase({dbPath: ui.dbPath});
	t.teardown(() => orm.close(true));
	const recorder = new Recorder(orm);
	const execution = await recorder.getExecution(1);
	t.is(execution.status, 'COMPLETED');
	t.is(execution.targetProjectPath, project);
	t.true((await recorder.listMessages(1)).some(message => message.role === 'tool_response' && message.functionResponseName === 'generate_context'));
});

test.serial('a project that is not a Mix project is named as such, with the offer to create the demo project', async t => {
	const {tempDir} = await import('../helpers/temp-dir.js');
	const empty = tempDir(t, 'ectosmith-empty-');
	const {render} = await import('./_frames.js');
	const {App} = await import('../../source/ui/app.js');
	const {loadServices} = await import('../../source/app/load-ui-services.js');
	const {seededDb} = await import('../commands/_cli.js');
	const db = await seededDb(t);
	let services: Awaited<ReturnType<typeof loadServices>> | undefined;
	const app = render(
		<App
			options={{project: empty, yes: true}}
			loadServices={async () => (services = await loadServices({db, env: {...process.env, XDG_STATE_HOME: tempDir(t)}, provider: 'offline'}))}
			onQuit={() => undefined}
		/>,
	);
	t.teardown(async () => {
		app.unmount();
		await services?.close();
	});
	await until(app.lastFrame, /⚠ Not a Mix project \(no mix\.exs\)/, 'the warning');
	// Tab to the project pane (description → conversation → tools → schema → workflow → project).
	for (let index = 0; index < 5; index++) await press(app, KEYS.tab);

	await until(app.lastFrame, /d: demo project here · c: choose/, 'the offer, once the pane has the focus');
	app.stdin.write('d');
	await until(app.lastFrame, /Create the demo project in/, 'the folder prompt');
	app.stdin.write(KEYS.enter);
	await until(app.lastFrame, /app MyApp/, 'the demo project to be read');
	t.true(existsSync(path.join(empty, 'mix.exs')), 'the empty folder received the demo project');
});

test.serial('a follow-up continues the conversation as a linked execution; n starts fresh; ↑ recalls earlier descriptions', async t => {
	const project = await copyFixtureProject(t, 'my_app');
	const ui = await startUi(t, {project, provider: 'offline', yes: true});
	await ui.type('Blog.Post posts title:string');
	await ui.press(KEYS.enter);
	await until(ui.app.lastFrame, /✔ Completed after \d+ turns? in [\d.]+s \(#1\)[\s\S]*Follow-up/, 'the first run');
	await ui.type('add a unique slug to posts');
	await ui.press(KEYS.enter);
	const followed = await until(ui.app.lastFrame, /✔ Completed after \d+ turns? in [\d.]+s \(#2\)[\s\S]*#2 ↳#1/, 'the follow-up');
	t.regex(followed, /\+ slug\s+string/, 'the schema pane marks the new field');

	const orm = await openDatabase({dbPath: ui.dbPath});
	t.teardown(() => orm.close(true));
	const second = await new Recorder(orm).getExecution(2);
	t.is(second.parentExecutionId, 1);
	t.is(second.description, 'add a unique slug to posts');

	await ui.press(KEYS.escape);
	await ui.press('n');
	const fresh = await until(ui.app.lastFrame, /Describe your data model/, 'a new conversation');
	t.notRegex(fresh, /Completed/);
	await ui.press(KEYS.up);
	await until(ui.app.lastFrame, /› add a unique slug to posts/, 'the last description');
	await ui.press(KEYS.up);
	await until(ui.app.lastFrame, /› Blog\.Post posts title:string/, 'the one before');
});
