import test from 'ava';
import React from 'react';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {KEYS, startUi, until} from './_ui.js';

void React;

const postsShown = /\+ posts {2}MyApp\.Blog\.Post/;

async function runBlog(t: Parameters<typeof startUi>[0]) {
	const project = await copyFixtureProject(t, 'my_app');
	const ui = await startUi(t, {project, provider: 'scripted', script: 'fixtures/conversations/blog.json', yes: true});
	await until(ui.app.lastFrame, /No Ecto schemas yet/, 'the schema of the untouched project');
	await ui.type('Blog.Post posts title:string body:text published:boolean');
	await ui.press(KEYS.enter);
	await until(ui.app.lastFrame, /· completed/, 'the run to complete');
	await until(ui.app.lastFrame, postsShown, 'the schema pane to show the new table');
	return ui;
}

test.serial('an undo from the Run screen empties the schema pane of what it removed', async t => {
	const ui = await runBlog(t);
	await ui.press(KEYS.escape);
	ui.app.stdin.write('u');
	await until(ui.app.lastFrame, /y: undo · any other key: cancel/, 'the undo plan');
	ui.app.stdin.write('y');
	await until(ui.app.lastFrame, /Undid execution #1/, 'the undo');
	const after = await until(ui.app.lastFrame, /No Ecto schemas yet/, 'the schema pane read again');
	t.notRegex(after, postsShown);
});

test.serial('an undo from the Replay empties the Run screen’s schema pane too', async t => {
	const ui = await runBlog(t);
	await ui.press(KEYS.escape);
	ui.app.stdin.write('2');
	await until(ui.app.lastFrame, /\n\s*1\s+\d\d-\d\d/, 'the History list');
	ui.app.stdin.write(KEYS.enter);
	await until(ui.app.lastFrame, /Replay #1 · step 1 of \d+/, 'the replay');
	ui.app.stdin.write('u');
	await until(ui.app.lastFrame, /y: undo · any other key: cancel/, 'the undo plan');
	ui.app.stdin.write('y');
	await until(ui.app.lastFrame, /Undid execution #1/, 'the undo');
	ui.app.stdin.write(KEYS.escape);
	await until(ui.app.lastFrame, /History page 1/, 'back in History');
	ui.app.stdin.write('1');
	const after = await until(ui.app.lastFrame, /No Ecto schemas yet/, 'the schema pane read again');
	t.notRegex(after, postsShown);
});

test.serial('a follow-up sent while the conversation is scrolled back shows its run: the panes follow the end again', async t => {
	const ui = await runBlog(t);
	await ui.press(KEYS.escape);
	await ui.press(KEYS.pageUp);
	await ui.press(KEYS.pageUp);
	await until(ui.app.lastFrame, /Conversation ─+ ↓ \d+ more/, 'the conversation scrolled back');
	ui.app.stdin.write('i');
	await ui.type('add a unique slug to posts');
	await ui.press(KEYS.enter);
	const followed = await until(ui.app.lastFrame, /✔ Completed after \d+ turns in [\d.]+s \(#2\)/, 'the follow-up to complete, in view');
	t.notRegex(followed, /Conversation ─+ ↓ \d+ more/);
});
