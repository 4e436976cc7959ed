/** The Servers list at 80 columns: `t` says at once that the test started, whatever the description's length. */
import test from 'ava';
import React from 'react';
import type {StoredServer} from '../../source/config/config-store.js';
import {App} from '../../source/ui/app.js';
import {SCREENS} from '../../source/ui/screens/index.js';
import type {UiServices} from '../../source/ui/services.js';
import {press, render, until} from './_frames.js';

void React;

const server: StoredServer = {
	id: 1,
	name: 'elixir_ecto_gen_tool',
	transport: 'stdio',
	command: 'node',
	args: ['dist/servers/ecto.js'],
	env: {},
	enabled: true,
	trust: false,
	description: 'Generates Ecto schemas with fields, associations and changesets for a Phoenix project',
	createdAt: new Date(0),
	updatedAt: new Date(0),
	usedBy: ['elixir_crud_generator'],
} as unknown as StoredServer;

test('t on a server with a long description shows the test running at once', async t => {
	let answer: (value: unknown) => void = () => undefined;
	const config = {listServers: async () => [server], testServer: () => new Promise(resolve => (answer = resolve))};
	const services = {config, close: async () => undefined} as unknown as UiServices;
	const screens = SCREENS.filter(screen => screen.id === 'servers');
	const app = render(<App screens={screens} options={{project: '/tmp/my_app', yes: false}} loadServices={async () => services} onQuit={() => undefined} />);
	t.teardown(() => app.unmount());
	await until(app.lastFrame, /used by elixir_crud_generator/, 'the list');
	await press(app, 't');
	t.regex(app.lastFrame()!, /testing elixir_ecto_gen_tool: starting it…/);
	answer({ok: true, tools: [{name: 'generate_schema', geminiLosses: []}], stderrTail: []});
	await until(app.lastFrame, /ok, 1 tool\(s\) · used by/, 'the result');
});
