import path from 'node:path';
import test from 'ava';
import React from 'react';
import {createConfigServices} from '../../source/app/config-services.js';
import {fieldsOf} from '../../source/config/config-store.js';
import {packageRoot} from '../../source/package-root.js';
import {ServerForm} from '../../source/ui/components/server-form.js';
import {openTempDatabase} from '../helpers/temp-db.js';
import {tsxLoader} from '../helpers/tsx-loader.js';
import {press, render, send, settled, until} from './_frames.js';

const TAB = '\t';
const CTRL_S = '\u0013';
const CTRL_T = '\u0014';
const CTRL_R = '\u0012';
const ESC = '\u001B';

test.serial('adding a server: typing, a validation message beside the field, Save writes it to the database', async t => {
	const orm = await openTempDatabase(t);
	const services = createConfigServices(orm.em);
	let done: unknown = 'not yet';
	const app = render(<ServerForm otherNames={['github']} services={services} onDone={saved => (done = saved)} width={110} height={30} active />);
	await settled();
	t.regex(app.lastFrame()!, /Name .*✗ is required/);
	t.regex(app.lastFrame()!, /Command .*✗ is required/);
	// The allowance to hand our API key to the server is a row of its own, off by default.
	t.regex(app.lastFrame()!, /Pass API key .*env may use \$\{GEMINI_API_KEY\}/);
	await press(app, 'github');
	await until(app.lastFrame, /✗ "github" is already taken/, 'the uniqueness message');
	await press(app, '2');
	await press(app, TAB);
	await press(app, 'npx');
	await press(app, TAB);
	await press(app, '-y');
	await press(app, '\r');
	await press(app, 'server-github');
	await press(app, TAB);
	await press(app, 'GITHUB_TOKEN=${GITHUB_TOKEN}');
	await press(app, '\r');
	await press(app, 'BAD');
	await until(app.lastFrame, /Env .*✗ line 2 "BAD" is not KEY=VALUE/, 'the env message');
	await press(app, '=1');
	await press(app, TAB);
	await press(app, TAB);
	await press(app, 'GitHub issues');
	await press(app, TAB);
	await press(app, '5s');
	await until(app.lastFrame, /Timeout \(ms\) .*✗ must be a whole number/, 'the timeout message');
	await press(app, CTRL_S);
	await until(app.lastFrame, /Not saved: fix the fields marked ✗/, 'the refusal');
	await press(app, '\u007F');
	await press(app, '000');
	await send(app, CTRL_S); // a save that succeeds leaves the form (onDone) once the database has it
	await until(() => (done === 'not yet' ? '' : 'done'), /done/, 'the form to finish');
	t.like(done, {name: 'github2'}, app.lastFrame());
	const stored = await services.listServers();
	t.like(
		stored.find(server => server.name === 'github2'),
		{
			command: 'npx',
			args: ['-y', 'server-github'],
			env: {GITHUB_TOKEN: '${GITHUB_TOKEN}', BAD: '1'},
			description: 'GitHub issues',
			timeoutMs: 5000,
			trust: false,
			allowApiKey: false,
		},
	);
	app.unmount();
});

test.serial('editing: env values are masked until revealed; Esc asks before discarding; Test lists tools or the error with stderr', async t => {
	const orm = await openTempDatabase(t);
	const services = createConfigServices(orm.em);
	const fixture = (name: string) => ['--import', tsxLoader, path.join(packageRoot(), 'test/fixtures-servers', `${name}.ts`)];
	const saved = await services.saveServer(undefined, {
		...fieldsOf((await services.listServers())[0]!),
		name: 'fixture',
		command: process.execPath,
		args: fixture('basic-server'),
		env: {FIXTURE_LABEL: 'stored-secret-label'},
	});
	let done: unknown = 'not yet';
	const app = render(<ServerForm initial={saved} otherNames={[]} services={services} onDone={value => (done = value)} width={120} height={40} active />);
	await settled();
	t.regex(app.lastFrame()!, /FIXTURE_LABEL=\*{8}/);
	t.false(app.lastFrame()!.includes('stored-secret-label'));
	await press(app, CTRL_R);
	await until(app.lastFrame, /FIXTURE_LABEL=stored-secret-label/, 'the revealed value');

	await press(app, CTRL_T);
	const tested = await until(app.lastFrame, /Started; \d+ tool\(s\)/, 'the test report');
	t.regex(tested, /echo \[writes\]: Echoes the text back/);

	// A change, then Esc: asked, n keeps the form, y leaves without saving.
	await press(app, TAB);
	await press(app, TAB);
	await press(app, TAB);
	await press(app, TAB);
	await press(app, TAB);
	await press(app, 'changed');
	await until(app.lastFrame, /unsaved changes/, 'the dirty mark');
	await press(app, ESC);
	await until(app.lastFrame, /Discard the unsaved changes\? y \/ n/, 'the question');
	await press(app, 'n');
	t.is(done, 'not yet');
	await press(app, ESC);
	await until(app.lastFrame, /Discard the unsaved changes/, 'the question again');
	app.stdin.write('y');
	await until(() => (done === 'not yet' ? '' : 'done'), /done/, 'the form to finish');
	t.is(done, undefined);
	const after = (await services.listServers()).find(server => server.name === 'fixture');
	t.is(after?.description, saved.description, JSON.stringify((await services.listServers()).map(server => server.name)));
	app.unmount();

	const broken = render(<ServerForm initial={{...saved, args: fixture('exit-at-start')}} otherNames={[]} services={services} onDone={() => undefined} width={120} height={40} active />);
	await settled();
	broken.stdin.write(CTRL_T);
	const failed = await until(broken.lastFrame, /exited during startup/, 'the start failure');
	t.regex(failed, /Last lines of its stderr:[\s\S]*fatal: cannot open config file/);
	broken.unmount();
});

test('Ctrl-S shows at once that the save started, before the database answers', async t => {
	let answer: (value: unknown) => void = () => undefined;
	const services = {saveServer: () => new Promise(resolve => (answer = resolve)), testServer: async () => ({ok: true, tools: [], stderrTail: []})};
	let done: unknown = 'not yet';
	const app = render(<ServerForm otherNames={[]} services={services as never} onDone={saved => (done = saved)} width={80} height={24} active />);
	t.teardown(() => app.unmount());
	await settled();
	await press(app, 'local');
	await press(app, TAB);
	await press(app, 'node');
	await press(app, CTRL_S);
	t.regex(app.lastFrame()!, /Saving local…/);
	answer({name: 'local'});
	await until(() => (done === 'not yet' ? '' : 'done'), /done/, 'the form to close');
	t.like(done, {name: 'local'});
});
