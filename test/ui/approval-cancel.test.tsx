import {existsSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import React from 'react';
import {openDatabase} from '../../source/db/orm.js';
import {Recorder} from '../../source/records/recorder.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {KEYS, startUi, until} from './_ui.js';

void React;

test.serial('Ctrl-C at an approval is a cancel, not a decline; once cancelled the bar stops saying "Cancelling"', async t => {
	const project = await copyFixtureProject(t, 'my_app');
	const ui = await startUi(t, {project, provider: 'offline'});
	await ui.type('Blog.Post posts title:string');
	await ui.press(KEYS.enter);
	await until(ui.app.lastFrame, /tool generate_schema/, 'the first approval');
	await ui.press(KEYS.ctrlC);
	const cancelled = await until(ui.app.lastFrame, /■ Cancelled after \d+ turns?/, 'the cancel');
	t.notRegex(cancelled, /declined/, 'the call is not shown declined');
	const settled = await until(ui.app.lastFrame, /■ Cancelled[\s\S]*\n[^\n]*$/, 'the final frame');
	t.notRegex(settled.split('\n').at(-1)!, /Cancelling the run/, 'the status bar no longer says it is cancelling');
	t.false(existsSync(path.join(project, 'lib/my_app/blog/post.ex')));
	const orm = await openDatabase({dbPath: ui.dbPath});
	t.teardown(() => orm.close(true));
	const recorder = new Recorder(orm);
	t.is((await recorder.getExecution(1)).status, 'CANCELLED');
	const outcomes = (await recorder.listMessages(1)).map(message => message.approval ?? null);
	t.false(outcomes.includes('declined'), `recorded outcomes: ${outcomes.join(', ')}`);
});
