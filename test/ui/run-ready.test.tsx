/** The Run screen's status bar says "ready" only once its panes are: never beside "Loading…". */
import test from 'ava';
import React from 'react';
import {App} from '../../source/ui/app.js';
import {SCREENS} from '../../source/ui/screens/index.js';
import type {UiServices, WorkflowChoice} from '../../source/ui/services.js';
import {render, until} from './_frames.js';

void React;

const choice: WorkflowChoice = {name: 'elixir_crud_generator', description: '', model: 'm', servers: ['s'], maxTurns: 3, provider: 'offline', providerModel: 'offline-planner'};

test('while the workflows and the project load the bar says so, then ready', async t => {
	const waiting: {workflows: Array<(value: WorkflowChoice[]) => void>; schema: Array<(value: unknown) => void>} = {workflows: [], schema: []};
	const services = {
		listWorkflows: () => new Promise(resolve => waiting.workflows.push(resolve)),
		recentDescriptions: async () => [],
		checkProject: async (folder: string) => ({kind: 'mix', path: folder, appModule: 'MyApp'}),
		readSchema: () => new Promise(resolve => waiting.schema.push(resolve)),
		close: async () => undefined,
	} as unknown as UiServices;
	const screens = SCREENS.filter(screen => screen.id === 'run');
	const app = render(<App screens={screens} options={{project: '/tmp/my_app', yes: false}} loadServices={async () => services} onQuit={() => undefined} />);
	t.teardown(() => app.unmount());
	const bar = (frame: string) => frame.split('\n').at(-1)!;
	await until(() => String(waiting.workflows.length), /[1-9]/, 'the workflows asked for');
	const loading = await until(app.lastFrame, /Loading…/, 'the workflow pane loading');
	t.notRegex(bar(loading), /ready/);
	t.regex(bar(loading), /loading the workflows…/);
	for (const resolve of waiting.workflows) resolve([choice]);
	const reading = await until(app.lastFrame, /elixir_crud_generator[\s\S]*Reading the project…/, 'the project being read');
	t.notRegex(bar(reading), /ready/);
	await until(() => String(waiting.schema.length), /[1-9]/, 'the schema asked for');
	for (const resolve of waiting.schema) resolve({tables: []});
	await until(app.lastFrame, /No Ecto schemas yet[\s\S]*· ready\s*$/, 'ready');
});
