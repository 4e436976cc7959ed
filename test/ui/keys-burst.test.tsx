import test, {type ExecutionContext} from 'ava';
import React from 'react';
import {createHistoryServices} from '../../source/app/history-services.js';
import {openDatabase} from '../../source/db/orm.js';
import {Recorder} from '../../source/records/recorder.js';
import {App} from '../../source/ui/app.js';
import {SCREENS} from '../../source/ui/screens/index.js';
import type {UiServices} from '../../source/ui/services.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {seedHistory, seedStartTime} from '../helpers/seed-history.js';
import {openTempDatabase} from '../helpers/temp-db.js';
import {render, send} from './_frames.js';
import {KEYS, startUi, until} from './_ui.js';

const EXECUTIONS = 12;
const newestFirst = Array.from({length: EXECUTIONS}, (_, index) => index + 1).sort((a, b) => seedStartTime(b) - seedStartTime(a) || b - a);

async function startHistory(t: ExecutionContext) {
	const orm = await openTempDatabase(t);
	await seedHistory(orm, {executions: EXECUTIONS, messagesPerExecution: 4});
	const screens = SCREENS.filter(screen => screen.id === 'history');
	const services = {history: createHistoryServices(orm, new Recorder(orm)), close: async () => undefined} as unknown as UiServices;
	const app = render(<App screens={screens} options={{project: process.cwd(), yes: false}} loadServices={async () => services} onQuit={() => undefined} />);
	t.teardown(() => app.unmount());
	return app;
}

test.serial('three Downs in one chunk move three rows', async t => {
	const app = await startHistory(t);
	await until(app.lastFrame, /\n\s*12\s+01-01[\s\S]*History page 1/, 'the first page with its rows');
	await send(app, KEYS.down + KEYS.down + KEYS.down);
	app.stdin.write(KEYS.enter);
	const replay = await until(app.lastFrame, /Replay #\d+ · step 1 of \d+/, 'the replay');
	t.regex(replay, new RegExp(`Replay #${newestFirst[3]} `));
});

test.serial('four Backspaces in one chunk delete four characters of the search', async t => {
	const app = await startHistory(t);
	await until(app.lastFrame, /History page 1/, 'the first page');
	app.stdin.write('/');
	await until(app.lastFrame, /Search: /, 'the search field');
	app.stdin.write('textXXXX');
	await until(app.lastFrame, /Search: textXXXX/, 'typed');
	app.stdin.write('\u007F\u007F\u007F\u007F');
	const after = await until(app.lastFrame, /Search: text▏/, 'four characters deleted');
	app.stdin.write('\r');
	t.notRegex(after, /\\x7f/);
});

test.serial('in the Run field, three Backspaces at once delete three characters; text and Enter at once run it', async t => {
	const project = await copyFixtureProject(t, 'my_app');
	const ui = await startUi(t, {project, yes: true});
	await until(ui.app.lastFrame, /No Ecto schemas yet/, 'the schema of the untouched project');
	ui.app.stdin.write('Blog.Post posts title:stringXYZ');
	await until(ui.app.lastFrame, /title:stringXYZ/, 'the text typed');
	ui.app.stdin.write('\u007F\u007F\u007F');
	const deleted = await until(ui.app.lastFrame, /› Blog\.Post posts title:string\s/, 'three characters deleted');
	t.notRegex(deleted, /XYZ|\\x7f/);
	ui.app.stdin.write(' body:text\r');
	const done = await until(ui.app.lastFrame, /✔ Completed after \d+ turns/, 'the pasted description to run');
	t.regex(done, /\+ posts {2}MyApp\.Blog\.Post/);
	const orm = await openDatabase({dbPath: ui.dbPath});
	t.teardown(() => orm.close(true));
	t.is((await new Recorder(orm).getExecution(1)).description, 'Blog.Post posts title:string body:text');
});
