/**
 * Replay: the events rebuilt from a record equal the events the live run emitted, text deltas
 * aside. Real runs: the offline planner and a test provider with usage, the three real tool servers,
 * a real database (SQLite, and PostgreSQL for the first two).
 */
import test from 'ava';
import type {ApprovalDecision, EngineEvent} from '../../source/engine/events.js';
import {eventsFromRecord, replayEvents} from '../../source/engine/replay.js';
import {OfflineProvider} from '../../source/planner/offline-provider.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {eachDialect, openTempDatabase} from '../helpers/temp-db.js';
import {realToolServers} from '../helpers/tool-servers.js';
import {answer, call, setupEngine, TestProvider} from './_support.js';

const withoutDeltas = (events: EngineEvent[]) => events.filter(event => event.type !== 'text_delta');

eachDialect.serial('an offline run with the real tool servers replays to the same events', async (t, dialect) => {
	const project = await copyFixtureProject(t);
	const orm = await openTempDatabase(t, {dialect});
	const {engine, recorder, events} = await setupEngine(t, {servers: realToolServers(), provider: new OfflineProvider(), maxTurns: 20, orm});

	const result = await engine.run({description: 'Blog.Post posts title:string body:text', projectPath: project});

	t.is(result.status, 'COMPLETED', result.errorMessage);
	const execution = await recorder.getExecution(result.executionId);
	const replayed = eventsFromRecord(execution, await recorder.listMessages(result.executionId));
	t.deepEqual(replayed, withoutDeltas(events));
	// The run called tools that wrote files, and the replay carries their structured results.
	const finished = replayed.filter(event => event.type === 'tool_call_finished');
	t.true(finished.length >= 3);
	t.true(finished.some(event => event.type === 'tool_call_finished' && event.server === 'elixir_ecto_gen_tool'));
});

eachDialect.serial('usage per turn, a failed tool call and a follow-up chain replay as one conversation', async (t, dialect) => {
	const project = await copyFixtureProject(t);
	const usage = {promptTokens: 100, outputTokens: 10, totalTokens: 110};
	const provider = new TestProvider([
		{text: 'Looking first.', functionCalls: [{name: 'inspect_project', args: {project_path: project}}], usage},
		{
			text: 'Wrong call.',
			functionCalls: [
				{name: 'generate_schema', args: {project_path: project, schema: 'not valid!', plural: 'posts', attrs: []}},
				{name: 'no_such_tool', args: {}},
			],
			usage,
		},
		{...answer('Done.'), usage},
		{...answer('Follow-up done.'), usage},
	]);
	const {engine, recorder, events} = await setupEngine(t, {servers: realToolServers(), provider, orm: await openTempDatabase(t, {dialect})});

	const first = await engine.run({description: 'Blog.Post posts title:string', projectPath: project});
	t.is(first.status, 'COMPLETED', first.errorMessage);
	const firstEvents = withoutDeltas(events.splice(0));
	const second = await engine.run({description: 'and nothing else', continueFrom: first.executionId});
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
	const running = engine.run({description: 'Blog.Post posts title:string', projectPath: project, signal: controller.signal});
	await provider.hanging;
	controller.abort();
	const result = await running;

	t.is(result.status, 'CANCELLED');
	const replayed = await replayEvents(recorder, result.executionId);
	t.deepEqual(replayed, events);
	t.like(replayed.at(-1), {type: 'execution_finished', status: 'CANCELLED'});
});

test.serial('a call the engine changed (project_path filled in) replays as the model made it, and the request as it ran', async t => {
	const project = await copyFixtureProject(t);
	const modelArgs = {schema: 'Blog.Post', plural: 'posts', attrs: ['title:string']};
	const provider = new TestProvider([{text: 'Writing.', functionCalls: [{name: 'generate_schema', args: modelArgs}]}, answer('Done.')]);
	const {engine, recorder, events} = await setupEngine(t, {servers: realToolServers(), provider});

	const result = await engine.run({description: 'Blog.Post posts title:string', projectPath: project});

	t.is(result.status, 'COMPLETED', result.errorMessage);
	t.deepEqual(await replayEvents(recorder, result.executionId), withoutDeltas(events));
	const started = events.find(event => event.type === 'tool_call_started');
	t.like(started, {args: {...modelArgs, project_path: project}});
	t.like(
		events.find(event => event.type === 'model_message_done'),
		{functionCalls: [{name: 'generate_schema', args: modelArgs}]},
	);
});

// With project_path given: the engine records a call's arguments as pinned to the project, and the
// model's own call (in model_message_done) is the same.
const postArgsIn = (project: string) => ({project_path: project, schema: 'Blog.Post', plural: 'posts', attrs: ['title:string']});

test.serial('approvals replay: approve (a new and a changed file), decline, decline with a note, approve all, then auto-approval', async t => {
	const project = await copyFixtureProject(t);
	const postArgs = postArgsIn(project);
	const provider = new TestProvider([
		call('generate_schema', postArgs),
		call('generate_schema', {...postArgs, attrs: ['title:string', 'body:text'], overwrite: true}),
		// Declined, so the context call after it in the same turn is not run (and not asked about).
		{
			text: 'Two calls.',
			functionCalls: [
				{name: 'generate_migration', args: postArgs},
				{name: 'generate_context', args: {...postArgs, context: 'Blog', schema: 'Post'}},
			],
		},
		call('generate_migration', postArgs),
		call('generate_migration', {...postArgs, attrs: ['title:string', 'body:text']}),
		call('generate_context', {...postArgs, attrs: ['title:string', 'body:text'], context: 'Blog', schema: 'Post'}),
		answer('Done.'),
	]);
	const {engine, recorder, events} = await setupEngine(t, {servers: realToolServers(), provider, maxTurns: 10});
	const decisions: ApprovalDecision[] = [{kind: 'approve'}, {kind: 'approve'}, {kind: 'decline'}, {kind: 'decline', note: 'add a body column'}, {kind: 'approve_all'}];
	const result = await engine.run({description: 'posts', projectPath: project, approve: async () => decisions.shift()!});

	t.is(result.status, 'COMPLETED', result.errorMessage);
	t.is(decisions.length, 0);
	const replayed = await replayEvents(recorder, result.executionId);
	t.deepEqual(replayed, withoutDeltas(events));
	const decided = replayed.flatMap(event => (event.type === 'approval_decided' ? [event.note === undefined ? event.outcome : `${event.outcome}: ${event.note}`] : []));
	t.deepEqual(decided, ['approved', 'approved', 'declined', 'declined_with_note: add a body column', 'approved', 'auto_approved']);
	const requested = replayed.filter(event => event.type === 'approval_requested');
	t.is(requested.length, 5);
	// The changed file's preview carries its content before, rebuilt from the record.
	t.like(requested[1], {type: 'approval_requested', files: [{path: 'lib/my_app/blog/post.ex', action: 'overwritten'}]});
	const second = requested[1];
	t.true(second?.type === 'approval_requested' && second.files[0]!.currentContent?.includes('field :title, :string') && !second.files[0]!.currentContent.includes(':body'));

	// Stored once: an approved preview that was written as shown points at the call's result.
	const responses = (await recorder.listMessages(result.executionId)).filter(message => message.role === 'tool_response' && message.approvalRequest);
	t.deepEqual(
		responses.map(message => message.approvalRequest!.files.map(file => ('asResult' in file ? 'asResult' : 'whole'))),
		[['asResult'], ['asResult'], ['whole'], ['whole'], ['asResult']],
	);
});

test.serial("approvals replay: a trusted server's auto-approval, and a cancel while the user is asked", async t => {
	const project = await copyFixtureProject(t);
	const postArgs = postArgsIn(project);
	const provider = new TestProvider([call('generate_schema', postArgs), call('generate_migration', postArgs), answer('never reached')]);
	const [ecto, migrations] = realToolServers();
	const {engine, recorder, events} = await setupEngine(t, {servers: [{...ecto!, trust: true}, migrations!], provider});
	const controller = new AbortController();
	const result = await engine.run({
		description: 'posts',
		projectPath: project,
		signal: controller.signal,
		// Never answers: the cancel ends the wait.
		approve: async () => {
			setTimeout(() => controller.abort(), 20);
			return new Promise<never>(() => undefined);
		},
	});

	t.is(result.status, 'CANCELLED');
	const replayed = await replayEvents(recorder, result.executionId);
	t.deepEqual(replayed, withoutDeltas(events));
	t.deepEqual(
		replayed.filter(event => event.type.startsWith('approval_')).map(event => event.type),
		['approval_decided', 'approval_requested'],
	);
	t.like(
		replayed.find(event => event.type === 'approval_decided'),
		{outcome: 'auto_approved'},
	);
});
