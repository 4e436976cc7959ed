/** The TUI takes a workflow by the rule `ectosmith run` follows, and never silently the first of several. */

import test, {type ExecutionContext} from 'ava';
import React from 'react';
import {defaultWorkflowOf} from '../../source/config/default-workflow.js';
import {App} from '../../source/ui/app.js';
import {SCREENS} from '../../source/ui/screens/index.js';
import type {UiRunRequest, UiServices, WorkflowChoice} from '../../source/ui/services.js';
import {render} from './_frames.js';
import {KEYS, press, until} from './_ui.js';

void React;

const choice = (name: string): WorkflowChoice => ({name, description: '', model: 'm', servers: ['s'], maxTurns: 3, provider: 'offline', providerModel: 'offline-planner'});

function startRun(t: ExecutionContext, names: string[]) {
	const runs: UiRunRequest[] = [];
	const services = {
		listWorkflows: async () => names.map(choice),
		recentDescriptions: async () => [],
		checkProject: async (folder: string) => ({kind: 'mix', path: folder, appModule: 'MyApp'}),
		readSchema: async () => ({tables: []}),
		async run(request: UiRunRequest) {
			runs.push(request);
			return {executionId: 1, status: 'COMPLETED'};
		},
		close: async () => undefined,
	} as unknown as UiServices;
	const screens = SCREENS.filter(screen => screen.id === 'run');
	const app = render(<App screens={screens} options={{project: '/tmp/my_app', yes: true}} loadServices={async () => services} onQuit={() => undefined} />);
	t.teardown(() => app.unmount());
	return {app, runs};
}

test('the rule: the only workflow, else the one named elixir_crud_generator, else none', t => {
	t.is(defaultWorkflowOf([{name: 'solo'}])?.name, 'solo');
	t.is(defaultWorkflowOf([{name: 'a'}, {name: 'elixir_crud_generator'}])?.name, 'elixir_crud_generator');
	t.is(defaultWorkflowOf([{name: 'a'}, {name: 'b'}]), undefined);
	t.is(defaultWorkflowOf([]), undefined);
});

test.serial('several workflows and none the default: none is chosen, a run asks for a choice, then runs the chosen one', async t => {
	const {app, runs} = startRun(t, ['alpha', 'beta']);
	const frame = await until(app.lastFrame, /None chosen/, 'the workflow pane without a choice');
	t.regex(frame, /–\/2/);
	t.notRegex(frame, /alpha/);
	await until(app.lastFrame, /app MyApp/, 'the project');
	await press(app, 'Blog.Post posts title:string');
	app.stdin.write(KEYS.enter);
	await until(app.lastFrame, /Several workflows and none named\s+elixir_crud_generator;\s+choose\s+one\s+in\s+the\s+Workflow\s+pane/, 'the notice');
	t.deepEqual(runs, [], 'nothing ran');
	// The focus went to the workflow pane: ↓ takes the first; i goes back to the description.
	app.stdin.write(KEYS.down);
	await until(app.lastFrame, /alpha[\s\S]*1\/2|1\/2[\s\S]*alpha/, 'alpha chosen');
	await press(app, 'i');
	// Choosing a workflow starts afresh: the description is typed again.
	await press(app, 'Blog.Post posts title:string');
	app.stdin.write(KEYS.enter);
	await until(() => (runs.length > 0 ? 'ran' : ''), /ran/, 'the run');
	t.is(runs[0]!.workflow, 'alpha');
});

test.serial('with elixir_crud_generator among several, it is the one chosen, as in `ectosmith run`', async t => {
	const {app} = startRun(t, ['alpha', 'elixir_crud_generator']);
	const frame = await until(app.lastFrame, /2\/2/, 'the chosen workflow');
	t.regex(frame, /elixir_crud_generator/);
});
