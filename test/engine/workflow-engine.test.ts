import {spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {createProvider} from '../../source/app/create-provider.js';
import type {ConversationItem} from '../../source/llm/provider.js';
import {ProviderError} from '../../source/llm/provider.js';
import {isProcessAlive} from '../../source/process-alive.js';
import {startFakeGemini} from '../helpers/fake-gemini.js';
import {tempDir} from '../helpers/temp-dir.js';
import {answer, call, deadServer, flakyServer, setupEngine, TestProvider, WORKFLOW_NAME} from './_support.js';

/** A folder that looks like a Mix project (the engine only reads mix.exs for the app module). */
function mixProject(t: {teardown(fn: () => void): void}): string {
	const dir = tempDir(t, 'ectosmith-engine-');
	writeFileSync(path.join(dir, 'mix.exs'), 'defmodule ShopFront.MixProject do\n  def project do\n    [app: :shop_front]\n  end\nend\n');
	return dir;
}

test('records every step role by role, in order, and emits the events in order', async t => {
	const project = mixProject(t);
	const provider = new TestProvider([
		{...call('echo', {text: 'hi'}, 'call-1'), usage: {promptTokens: 10, outputTokens: 5, totalTokens: 15}},
		{...answer('All done: echoed hi.'), raw: [{text: 'All done: echoed hi.', thoughtSignature: 'sig'}], usage: {promptTokens: 20, outputTokens: 7, totalTokens: 27}},
	]);
	const {engine, recorder, events} = await setupEngine(t, {servers: [flakyServer()], provider});

	const result = await engine.run({description: 'Blog.Post posts title:string', projectPath: project});

	t.is(result.status, 'COMPLETED');
	t.is(result.finalResponseText, 'All done: echoed hi.');
	const execution = await recorder.getExecution(result.executionId);
	t.like(execution, {
		status: 'COMPLETED',
		workflowName: WORKFLOW_NAME,
		description: 'Blog.Post posts title:string',
		targetProjectPath: project,
		provider: 'scripted',
		model: 'test-model',
		finalResponseText: 'All done: echoed hi.',
		turnCount: 2,
		promptTokens: 30,
		outputTokens: 12,
		totalTokens: 42,
	});
	t.truthy(execution.endTime);

	const messages = await recorder.listMessages(result.executionId);
	t.deepEqual(
		messages.map(m => [m.turnNumber, m.role]),
		[
			[1, 'user'],
			[1, 'model'],
			[1, 'tool_request'],
			[1, 'tool_response'],
			[2, 'model'],
		],
	);
	// The prompt template rendered with the app module from mix.exs and the project path.
	t.is(messages[0]!.contentText, `Generate for ShopFront in ${project}:\nBlog.Post posts title:string`);
	t.is(messages[1]!.contentText, 'Calling echo.');
	t.like(messages[2], {functionCallName: 'echo', functionCallArgs: {text: 'hi'}, rawParts: {callId: 'call-1'}});
	t.like(messages[3], {functionResponseName: 'echo', contentText: 'echo: hi', isError: false});
	t.is(typeof messages[3]!.durationMs, 'number');
	t.deepEqual(messages[4]!.rawParts, [{text: 'All done: echoed hi.', thoughtSignature: 'sig'}]);

	t.deepEqual(
		events.map(e => e.type),
		[
			'execution_started',
			'user_message',
			'turn_started',
			'text_delta',
			'text_delta',
			'model_message_done',
			'usage',
			'tool_call_started',
			'tool_call_finished',
			'turn_started',
			'text_delta',
			'text_delta',
			'model_message_done',
			'usage',
			'execution_finished',
		],
	);
	t.like(events[5], {type: 'model_message_done', messageId: messages[1]!.id, functionCalls: [{name: 'echo', args: {text: 'hi'}}]});
	t.like(events[7], {type: 'tool_call_started', messageId: messages[2]!.id, name: 'echo', server: 'flaky', args: {text: 'hi'}, callIndex: 0, turn: 1, readOnly: false});
	t.like(events[8], {type: 'tool_call_finished', messageId: messages[3]!.id, name: 'echo', isError: false, text: 'echo: hi'});
	t.like(events.at(-1), {type: 'execution_finished', status: 'COMPLETED', turns: 2, finalResponseText: 'All done: echoed hi.'});
	const deltas = events.flatMap(e => (e.type === 'text_delta' && e.turn === 2 ? [e.delta] : []));
	t.is(deltas.join(''), 'All done: echoed hi.');

	// The second model call saw the first call and its result, ids kept.
	const second = provider.requests[1]!.history;
	t.like(second[1], {role: 'model', functionCalls: [{id: 'call-1', name: 'echo', args: {text: 'hi'}}]});
	t.like(second[2], {role: 'tool', results: [{id: 'call-1', name: 'echo', response: {text: 'echo: hi', isError: false}}]});
	t.like(second[0], {role: 'user', description: 'Blog.Post posts title:string'});
	t.deepEqual(provider.requests[0]!.tools.map(tool => tool.name).sort(), ['crash', 'echo', 'plan', 'refuse', 'wait', 'write_slowly']);
	t.is(provider.requests[0]!.projectPath, project);
});

test('an unknown tool, bad arguments and a tool error become error results the model sees, and the loop goes on', async t => {
	const project = mixProject(t);
	const provider = new TestProvider([call('frobnicate', {x: 1}), call('echo', {text: 42}), call('refuse'), answer('I could not do it.')]);
	const {engine, recorder} = await setupEngine(t, {servers: [flakyServer()], provider});

	const result = await engine.run({description: 'anything', projectPath: project});

	t.is(result.status, 'COMPLETED');
	const responses = (await recorder.listMessages(result.executionId)).filter(m => m.role === 'tool_response');
	t.is(responses.length, 3);
	t.true(responses.every(m => m.isError));
	t.regex(responses[0]!.contentText!, /Unknown tool "frobnicate".*available tools are: .*echo/);
	t.regex(responses[1]!.contentText!, /Invalid arguments for echo: .*text/);
	t.is(responses[2]!.contentText, 'refuse: this tool always says no');

	// Each error reached the model in the next request.
	const lastTool = (history: ConversationItem[]) => history.at(-1) as Extract<ConversationItem, {role: 'tool'}>;
	t.regex(lastTool(provider.requests[1]!.history).results[0]!.response.text, /Unknown tool/);
	t.true(lastTool(provider.requests[2]!.history).results[0]!.response.isError);
	t.is(lastTool(provider.requests[3]!.history).results[0]!.response.text, 'refuse: this tool always says no');
});

test('calls of one turn run in order; after one fails, the rest are answered as not run', async t => {
	const project = mixProject(t);
	const provider = new TestProvider([
		{
			text: 'Three calls at once.',
			functionCalls: [
				{name: 'echo', args: {text: 'first'}},
				{name: 'refuse', args: {}},
				{name: 'echo', args: {text: 'third'}},
			],
		},
		answer('Done.'),
	]);
	const {engine, recorder} = await setupEngine(t, {servers: [flakyServer()], provider});

	const result = await engine.run({description: 'three at once', projectPath: project});

	t.is(result.status, 'COMPLETED');
	const responses = (await recorder.listMessages(result.executionId)).filter(m => m.role === 'tool_response');
	t.deepEqual(
		responses.map(m => [m.functionResponseName, m.isError]),
		[
			['echo', false],
			['refuse', true],
			['echo', true],
		],
	);
	t.is(responses[0]!.contentText, 'echo: first');
	t.regex(responses[2]!.contentText!, /^Not run: the earlier call refuse in this turn failed/);
	// The model is told about all three, in order.
	const tool = provider.requests[1]!.history.at(-1) as Extract<ConversationItem, {role: 'tool'}>;
	t.deepEqual(
		tool.results.map(r => r.response.isError),
		[false, true, true],
	);
});

test('a server that crashes mid-call is an error result, the next call restarts it, and close leaves no process', async t => {
	const project = mixProject(t);
	const provider = new TestProvider([call('crash'), call('echo', {text: 'again'}), answer('Recovered.')]);
	const {engine, recorder, mcp} = await setupEngine(t, {servers: [flakyServer()], provider});

	const result = await engine.run({description: 'crash then echo', projectPath: project});

	t.is(result.status, 'COMPLETED');
	const responses = (await recorder.listMessages(result.executionId)).filter(m => m.role === 'tool_response');
	t.true(responses[0]!.isError);
	t.regex(responses[0]!.contentText!, /flaky/);
	t.like(responses[1], {isError: false, contentText: 'echo: again'});
	const pids = mcp.childPids();
	t.true(pids.length > 0);
	await mcp.close();
	t.deepEqual(
		pids.filter(pid => isProcessAlive(pid)),
		[],
	);
});

test('a server that never starts fails the run with its own error and leaves no process', async t => {
	const project = mixProject(t);
	const provider = new TestProvider([answer('never asked')]);
	const {engine, recorder, mcp} = await setupEngine(t, {servers: [flakyServer(), deadServer()], provider});

	const result = await engine.run({description: 'anything', projectPath: project});

	t.is(result.status, 'FAILED');
	t.regex(result.errorMessage!, /dead/);
	t.regex(result.errorMessage!, /cannot open \/nonexistent\/config\.toml/);
	const execution = await recorder.getExecution(result.executionId);
	t.like(execution, {status: 'FAILED', errorMessage: result.errorMessage, turnCount: 0});
	t.is(provider.requests.length, 0);
	const pids = mcp.childPids();
	await mcp.close();
	t.deepEqual(
		pids.filter(pid => isProcessAlive(pid)),
		[],
	);
});

test('hitting the turn limit is a FAILED run that says so', async t => {
	const project = mixProject(t);
	const provider = new TestProvider([call('echo', {text: '1'}), call('echo', {text: '2'}), call('echo', {text: '3'})]);
	const {engine, recorder} = await setupEngine(t, {servers: [flakyServer()], provider, maxTurns: 3});

	const result = await engine.run({description: 'loop forever', projectPath: project});

	t.is(result.status, 'FAILED');
	t.regex(result.errorMessage!, /Stopped after 3 turns without a final answer/);
	t.like(await recorder.getExecution(result.executionId), {status: 'FAILED', turnCount: 3});
	// The last turn's call still ran and was answered.
	const messages = await recorder.listMessages(result.executionId);
	t.is(messages.filter(m => m.role === 'tool_response').length, 3);
});

test('cancelling while the model streams ends the row CANCELLED', async t => {
	const project = mixProject(t);
	const provider = new TestProvider([{hang: true, text: 'Let me think'}]);
	const {engine, recorder, events} = await setupEngine(t, {servers: [flakyServer()], provider});
	const controller = new AbortController();
	void provider.hanging.then(() => controller.abort());

	const result = await engine.run({description: 'anything', projectPath: project, signal: controller.signal});

	t.is(result.status, 'CANCELLED');
	t.like(await recorder.getExecution(result.executionId), {status: 'CANCELLED', errorMessage: 'Cancelled by the user.'});
	t.true(events.some(e => e.type === 'text_delta' && e.delta === 'Let me think'));
	t.like(events.at(-1), {type: 'execution_finished', status: 'CANCELLED'});
	// The text that streamed before the cancel is kept, marked as cut short.
	const models = (await recorder.listMessages(result.executionId)).filter(m => m.role === 'model');
	t.is(models.length, 1);
	t.like(models[0], {contentText: 'Let me think', isError: true, turnNumber: 1});
});

test('a final answer that says the task could not be done fails the run with its reason', async t => {
	const project = mixProject(t);
	const provider = new TestProvider([{text: 'I could not read: "frobnicate".', functionCalls: [], failure: 'Offline planner: could not read it.'}]);
	const {engine, recorder} = await setupEngine(t, {servers: [flakyServer()], provider});

	const result = await engine.run({description: 'frobnicate', projectPath: project});

	t.is(result.status, 'FAILED');
	t.like(await recorder.getExecution(result.executionId), {
		status: 'FAILED',
		errorMessage: 'Offline planner: could not read it.',
		finalResponseText: 'I could not read: "frobnicate".',
	});
});

test('cancelling during a tool call records the call as cancelled and ends the row CANCELLED', async t => {
	const project = mixProject(t);
	const provider = new TestProvider([call('wait', {ms: 60_000}), answer('unreachable')]);
	const {engine, recorder, mcp} = await setupEngine(t, {servers: [flakyServer()], provider});
	const controller = new AbortController();
	engine.on(event => {
		if (event.type === 'tool_call_started') setTimeout(() => controller.abort(), 50);
	});

	const result = await engine.run({description: 'wait', projectPath: project, signal: controller.signal});

	t.is(result.status, 'CANCELLED');
	const messages = await recorder.listMessages(result.executionId);
	t.like(messages.at(-1), {role: 'tool_response', isError: true, contentText: 'Cancelled by the user before the tool answered.'});
	t.is(provider.requests.length, 1);
	const pids = mcp.childPids();
	await mcp.close();
	t.deepEqual(
		pids.filter(pid => isProcessAlive(pid)),
		[],
	);
});

test('a provider error fails the run with its message', async t => {
	const project = mixProject(t);
	const provider = new TestProvider([
		() => {
			throw new ProviderError('Gemini answered 503 five times; giving up', 503);
		},
	]);
	const {engine, recorder} = await setupEngine(t, {servers: [flakyServer()], provider});

	const result = await engine.run({description: 'anything', projectPath: project});

	t.is(result.status, 'FAILED');
	t.like(await recorder.getExecution(result.executionId), {status: 'FAILED', errorMessage: 'Gemini answered 503 five times; giving up'});
});

test('dry run sets dry_run on tools that take it, and only on those', async t => {
	const project = mixProject(t);
	const provider = new TestProvider([call('plan', {name: 'x'}), call('echo', {text: 'y'}), answer('ok')]);
	const {engine, recorder} = await setupEngine(t, {servers: [flakyServer()], provider});

	const result = await engine.run({description: 'plan', projectPath: project, dryRun: true});

	t.is(result.status, 'COMPLETED');
	const messages = await recorder.listMessages(result.executionId);
	const requests = messages.filter(m => m.role === 'tool_request');
	t.deepEqual(requests[0]!.functionCallArgs, {name: 'x', dry_run: true});
	t.deepEqual(requests[1]!.functionCallArgs, {text: 'y'});
	t.is(messages.find(m => m.role === 'tool_response')!.contentText, JSON.stringify({name: 'x', dry_run: true}));
});

test('continueFrom sends the whole chain of history and links the parent', async t => {
	const project = mixProject(t);
	const provider = new TestProvider([call('echo', {text: 'first'}, 'c1'), answer('First done.'), answer('Second done.'), answer('Third done.')]);
	const {engine, recorder} = await setupEngine(t, {servers: [flakyServer()], provider});

	const first = await engine.run({description: 'Blog.Post posts title:string', projectPath: project});
	const second = await engine.run({description: 'also add a slug', continueFrom: first.executionId});
	const third = await engine.run({description: 'and a body', continueFrom: second.executionId});

	t.is(third.status, 'COMPLETED');
	t.like(await recorder.getExecution(second.executionId), {parentExecutionId: first.executionId, targetProjectPath: project, description: 'also add a slug'});
	t.like(await recorder.getExecution(third.executionId), {parentExecutionId: second.executionId});
	// Each execution recorded only its own messages.
	t.deepEqual(
		(await recorder.listMessages(second.executionId)).map(m => m.role),
		['user', 'model'],
	);
	t.is((await recorder.listMessages(second.executionId))[0]!.contentText, 'also add a slug');

	const history = provider.requests[3]!.history;
	t.deepEqual(
		history.map(item => item.role),
		['user', 'model', 'tool', 'model', 'user', 'model', 'user'],
	);
	t.like(history[0], {role: 'user', description: 'Blog.Post posts title:string'});
	t.regex((history[0] as {text: string}).text, /^Generate for ShopFront/);
	t.like(history[1], {functionCalls: [{id: 'c1', name: 'echo', args: {text: 'first'}}]});
	t.like(history[2], {results: [{id: 'c1', response: {text: 'echo: first', isError: false}}]});
	t.like(history[3], {text: 'First done.'});
	t.like(history[4], {role: 'user', text: 'also add a slug'});
	t.like(history[5], {text: 'Second done.'});
	t.like(history[6], {role: 'user', text: 'and a body'});
});

test('continuing an unknown execution or naming an unknown workflow throws before any row exists', async t => {
	const project = mixProject(t);
	const {engine, orm} = await setupEngine(t, {servers: [flakyServer()], provider: new TestProvider([])});

	await t.throwsAsync(engine.run({description: 'x', continueFrom: 999}), {message: /999/});
	await t.throwsAsync(engine.run({description: 'x', projectPath: project, workflow: 'nope'}), {message: /Unknown workflow "nope"/});
	await t.throwsAsync(engine.run({description: '   ', projectPath: project}), {message: /description is empty/});
	const rows = await orm.em.fork().getConnection().execute('select count(*) as n from executions');
	t.is(Number(rows[0].n), 0);
});

test('on start-up, executions left STARTED by a dead process are marked INTERRUPTED', async t => {
	const project = mixProject(t);
	const provider = new TestProvider([answer('hello')]);
	const {engine, recorder, orm} = await setupEngine(t, {servers: [flakyServer()], provider});
	const orphan = await recorder.startExecution({workflowName: WORKFLOW_NAME, description: 'old', targetProjectPath: project, provider: 'offline', model: 'm'});
	// A pid that surely existed and ended: a finished child's.
	const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
	await orm.em.fork().getConnection().execute('update executions set owner_pid = ? where id = ?', [deadPid, orphan]);

	const result = await engine.run({description: 'new', projectPath: project});

	t.is(result.status, 'COMPLETED');
	const marked = await recorder.getExecution(orphan);
	t.is(marked.status, 'INTERRUPTED');
	t.regex(marked.errorMessage!, /ended/);
});

test('a listener that throws does not break the run', async t => {
	const project = mixProject(t);
	const {engine} = await setupEngine(t, {servers: [flakyServer()], provider: new TestProvider([answer('fine')])});
	engine.on(() => {
		throw new Error('renderer bug');
	});
	const result = await engine.run({description: 'x', projectPath: project});
	t.is(result.status, 'COMPLETED');
});

test('continuing a Gemini execution sends its recorded raw parts back: thought signature, call id, then each response', async t => {
	const project = mixProject(t);
	const fake = await startFakeGemini([
		{text: 'Echoing.', thought: 'plan', functionCalls: [{id: 'call-7', name: 'echo', args: {text: 'first'}, thoughtSignature: 'sig-from-db'}]},
		{text: 'First done.'},
		{text: 'Second done.'},
	]);
	t.teardown(() => fake.close());
	// A fresh provider per run: the continuation must rebuild everything from the database.
	const {engine, recorder} = await setupEngine(t, {
		servers: [flakyServer()],
		provider: () => createProvider({provider: 'gemini', model: 'gemini-2.5-flash', env: {GEMINI_API_KEY: 'test-key', GOOGLE_GEMINI_BASE_URL: fake.url}}),
	});

	const first = await engine.run({description: 'Blog.Post posts title:string', projectPath: project});
	t.is(first.status, 'COMPLETED', first.errorMessage);
	const second = await engine.run({description: 'also give posts a slug, unique', continueFrom: first.executionId});

	t.is(second.status, 'COMPLETED', second.errorMessage);
	t.like(await recorder.getExecution(second.executionId), {parentExecutionId: first.executionId, provider: 'gemini'});
	const contents = fake.requests.at(-1)!.body.contents!;
	t.deepEqual(
		contents.map(content => content.role),
		['user', 'model', 'user', 'model', 'user'],
	);
	const call = contents[1]!.parts!.find(part => 'functionCall' in part)!;
	t.is(call['thoughtSignature'], 'sig-from-db');
	t.like(call['functionCall'], {id: 'call-7', name: 'echo', args: {text: 'first'}});
	t.like(contents[2]!.parts![0]!['functionResponse'], {id: 'call-7', name: 'echo'});
	t.regex(JSON.stringify(contents[2]), /echo: first/);
	t.deepEqual(contents[4]!.parts, [{text: 'also give posts a slug, unique'}]);
});
