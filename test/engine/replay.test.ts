/**
 * Replay: the events rebuilt from a record equal the events the live run emitted, text deltas
 * aside. Real runs: the offline planner and a test provider with usage, the three real tool servers,
 * a real database.
 */
import test from 'ava';
import type {EngineEvent} from '../../source/engine/events.js';
import {eventsFromRecord, replayEvents} from '../../source/engine/replay.js';
import {OfflineProvider} from '../../source/llm/offline.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {realToolServers} from '../helpers/tool-servers.js';
import {answer, setupEngine, TestProvider} from './_support.js';

const withoutDeltas = (events: EngineEvent[]) => events.filter(event => event.type !== 'text_delta');

test.serial('an offline run with the real tool servers replays to the same events', async t => {
	const project = await copyFixtureProject(t);
	const {engine, recorder, events} = await setupEngine(t, {servers: realToolServers(), provider: new OfflineProvider(), maxTurns: 20});

	const result = await engine.run({query: 'Blog.Post posts title:string body:text', projectPath: project});

	t.is(result.status, 'COMPLETED', result.errorMessage);
	const execution = await recorder.getExecution(result.executionId);
	const replayed = eventsFromRecord(execution, await recorder.listMessages(result.executionId));
	t.deepEqual(replayed, withoutDeltas(events));
	// The run called tools that wrote files, and the replay carries their structured results.
	const finished = replayed.filter(event => event.type === 'tool_call_finished');
	t.true(finished.length >= 3);
	t.true(finished.some(event => event.type === 'tool_call_finished' && event.server === 'elixir_ecto_gen_tool'));
});

test.serial('usage per turn, a failed tool call and a follow-up chain replay as one conversation', async t => {
	const project = await copyFixtureProject(t);
	const usage = {promptTokens: 100, outputTokens: 10, totalTokens: 110};
	const provider = new TestProvider([
		{text: 'Looking first.', functionCalls: [{name: 'inspect_project', args: {project_path: project}}], usage},
		{text: 'Wrong call.', functionCalls: [{name: 'generate_schema', args: {project_path: project, schema: 'not valid!', plural: 'posts', attrs: []}}, {name: 'no_such_tool', args: {}}], usage},
		{...answer('Done.'), usage},
		{...answer('Follow-up done.'), usage},
	]);
	const {engine, recorder, events} = await setupEngine(t, {servers: realToolServers(), provider});

	const first = await engine.run({query: 'Blog.Post posts title:string', projectPath: project});
	t.is(first.status, 'COMPLETED', first.errorMessage);
	const firstEvents = withoutDeltas(events.splice(0));
	const second = await engine.run({query: 'and nothing else', continueFrom: first.executionId});
	t.is(second.status, 'COMPLETED', second.errorMessage);
	const secondEvents = withoutDeltas(events.splice(0));

	t.deepEqual(await replayEvents(recorder, first.executionId), firstEvents);
	t.deepEqual(await replayEvents(recorder, second.executionId), [...firstEvents, ...secondEvents]);
	const usages = firstEvents.filter(event => event.type === 'usage');
	t.deepEqual(usages.at(-1), {type: 'usage', executionId: first.executionId, turn: 3, totals: {promptTokens: 300, outputTokens: 30, totalTokens: 330}});
	const failed = firstEvents.filter(event => event.type === 'tool_call_finished' && event.isError);
	t.is(failed.length, 2);
});

test.serial('a cancelled run replays its cut-short text as the text the screen had streamed', async t => {
	const provider = new TestProvider([{hang: true, text: 'Half a thou'}]);
	const project = await copyFixtureProject(t);
	const {engine, recorder, events} = await setupEngine(t, {servers: [], provider});
	const controller = new AbortController();
	const running = engine.run({query: 'Blog.Post posts title:string', projectPath: project, signal: controller.signal});
	await provider.hanging;
	controller.abort();
	const result = await running;

	t.is(result.status, 'CANCELLED');
	const replayed = await replayEvents(recorder, result.executionId);
	t.deepEqual(replayed, events);
	t.like(replayed.at(-1), {type: 'execution_finished', status: 'CANCELLED'});
});
