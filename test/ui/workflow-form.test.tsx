import test from 'ava';
import React from 'react';
import {createConfigServices} from '../../source/app/config-services.js';
import {WorkflowForm} from '../../source/ui/components/workflow-form.js';
import {openTempDatabase} from '../helpers/temp-db.js';
import {press, render, send, settled, until} from './_frames.js';

test('a workflow cannot be saved with an unknown placeholder or without a server; fixed, it is saved', async t => {
	const orm = await openTempDatabase(t);
	const services = createConfigServices(orm.em);
	let done: unknown = 'not yet';
	const servers = (await services.listServers()).map(server => server.name);
	const app = render(<WorkflowForm otherNames={['elixir_crud_generator']} serverNames={servers} services={services} onDone={saved => (done = saved)} width={140} height={40} active />);
	await settled();
	t.regex(app.lastFrame()!, /Servers .*✗ needs at least one MCP server/);
	await press(app, 'schemas');
	for (let field = 0; field < 5; field++) await press(app, '\t');
	// The template starts as {{schema_description}}; a typo is named beside it.
	await press(app, ' into {{project_dir}}');
	await until(app.lastFrame, /Prompt template.*✗ has unknown placeholder\(s\) \{\{project_dir\}\}/, 'the placeholder message');
	await press(app, '\u0013');
	await until(app.lastFrame, /Not saved: fix the fields marked ✗/, 'the refusal');
	t.is(done, 'not yet');
	for (let index = 0; index < 'dir}}'.length; index++) await press(app, '\u007F');
	await press(app, 'path}}');
	await until(app.lastFrame, /uses \{\{schema_description\}\} \{\{project_path\}\} · known:/, 'the placeholders listed');
	await press(app, '\t');
	await press(app, ' ');
	await press(app, '\u001B[B');
	await press(app, ' ');
	await until(app.lastFrame, /\[x\] elixir_ecto_gen_tool[\s\S]*\[x\] elixir_migration_gen_tool/, 'two servers chosen');
	t.notRegex(app.lastFrame()!, / ✗ /, 'no problem beside any field');
	await send(app, '\u0013'); // a save that succeeds leaves the form (onDone) once the database has it
	await until(() => (done === 'not yet' ? '' : 'done'), /done/, 'the form to finish');
	t.like(done, {name: 'schemas'});
	const saved = (await services.listWorkflows()).find(workflow => workflow.name === 'schemas');
	t.like(saved, {initialPromptTemplate: '{{schema_description}} into {{project_path}}', serverNames: ['elixir_ecto_gen_tool', 'elixir_migration_gen_tool'], maxConversationTurns: 10});
	app.unmount();
});

test('Checks is a choice of off, compile and full: ←/→ and Space cycle it, letters type nothing, the choice is saved', async t => {
	const orm = await openTempDatabase(t);
	const services = createConfigServices(orm.em);
	let done: unknown = 'not yet';
	const servers = (await services.listServers()).map(server => server.name);
	const app = render(<WorkflowForm otherNames={[]} serverNames={servers} services={services} onDone={saved => (done = saved)} width={140} height={40} active />);
	t.teardown(() => app.unmount());
	await settled();
	await press(app, 'quick');
	for (let field = 0; field < 4; field++) await press(app, '\t');
	await until(app.lastFrame, /Checks\s+off {2}compile {2}\[full\]/, 'the three values, full chosen');
	await until(app.lastFrame, /←\/→ or Space/, 'the keys that change it');
	await send(app, 'x');
	t.regex(app.lastFrame()!, /Checks\s+off {2}compile {2}\[full\]/, 'a letter is not typed into it');
	t.notRegex(app.lastFrame()!, /Checks .*✗/);
	await press(app, '\u001B[C');
	await until(app.lastFrame, /Checks\s+\[off\] {2}compile {2}full/, '→ wraps around to off');
	await press(app, ' ');
	await until(app.lastFrame, /Checks\s+off {2}\[compile\] {2}full/, 'Space: the next one');
	await press(app, '\u001B[D');
	await press(app, '\u001B[D');
	await until(app.lastFrame, /Checks\s+off {2}compile {2}\[full\]/, '← twice: back past off to full');
	await press(app, '\u001B[D');
	await until(app.lastFrame, /Checks\s+off {2}\[compile\] {2}full/, '← once more: compile');
	// Down to the servers: the first one chosen, then saved.
	await press(app, '\t');
	await press(app, '\t');
	await press(app, ' ');
	await send(app, '\u0013');
	await until(() => (done === 'not yet' ? '' : 'done'), /done/, 'the form to finish');
	const saved = (await services.listWorkflows()).find(workflow => workflow.name === 'quick');
	t.is(saved?.checks, 'compile');
});
