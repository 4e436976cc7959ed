/**
 * The approval hook with the real tool servers: every writing call is shown with the files its dry
 * run plans, then approved, declined (with or without a note) or approved for the rest of the run;
 * read-only calls are never asked about; every decision is on the tool_response row.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import type {ApprovalDecision, ApprovalRequest, EngineEvent} from '../../source/engine/events.js';
import {computeStats} from '../../source/history/stats.js';
import type {NextTurnRequest} from '../../source/llm/provider.js';
import {McpService} from '../../source/mcp/mcp-service.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {realToolServers} from '../helpers/tool-servers.js';
import {answer, call, setupEngine, TestProvider} from './_support.js';

// One set of tool servers for the file (the tests run one at a time): a busy machine starts three
// node processes slowly enough without doing it per test.
const sharedMcp = new McpService({requestTimeoutMs: 60_000, startTimeoutMs: 120_000});
test.after.always(async () => sharedMcp.close());

const schemaArgs = {schema: 'Blog.Post', plural: 'posts', attrs: ['title:string']};
const SCHEMA_FILE = 'lib/my_app/blog/post.ex';

function hook(decisions: ApprovalDecision[]) {
	const requests: ApprovalRequest[] = [];
	return {
		requests,
		approve: async (request: ApprovalRequest) => {
			requests.push(request);
			const decision = decisions.shift();
			if (!decision) throw new Error('asked more often than expected');
			return decision;
		},
	};
}

/** The text the model got back for its last call. */
function lastToolAnswer(request: NextTurnRequest): string {
	const item = request.history.at(-1);
	return item?.role === 'tool' ? item.results.at(-1)!.response.text : '';
}

test.serial("approve: the hook sees the dry run's files (read-only calls are not asked about), then the real call writes them", async t => {
	const project = await copyFixtureProject(t);
	// The model's own dry run writes nothing, so it is not asked about either.
	const provider = new TestProvider([call('inspect_project', {}), call('generate_schema', {...schemaArgs, dry_run: true}), call('generate_schema', schemaArgs), answer('Done.')]);
	const {engine, recorder, events} = await setupEngine(t, {servers: realToolServers(), mcp: sharedMcp, provider});
	const {requests, approve} = hook([{kind: 'approve'}]);

	const result = await engine.run({description: 'posts', projectPath: project, approve});

	t.is(result.status, 'COMPLETED', result.errorMessage);
	t.is(requests.length, 1, 'inspect_project is read-only and never asked about');
	const request = requests[0]!;
	t.like(request, {name: 'generate_schema', server: 'elixir_ecto_gen_tool', turn: 3, callIndex: 0});
	t.deepEqual(
		request.files.map(file => ({path: file.path, action: file.action})),
		[{path: SCHEMA_FILE, action: 'created'}],
	);
	t.true(request.files[0]!.content.includes('schema "posts" do'));
	t.is(request.files[0]!.currentContent, undefined);
	t.is(request.args['project_path'], project, "the missing project_path is filled with the execution's project");
	// The written file is exactly what was shown.
	t.is(readFileSync(path.join(project, SCHEMA_FILE), 'utf8'), request.files[0]!.content);

	const messages = await recorder.listMessages(result.executionId);
	const responses = messages.filter(message => message.role === 'tool_response');
	t.is(responses.length, 3, "the approval's dry run is not a recorded call");
	t.deepEqual(
		responses.map(response => response.approval),
		[undefined, undefined, 'approved'],
	);
	const types = events.map(event => event.type);
	const requested = types.indexOf('approval_requested');
	t.true(requested > types.lastIndexOf('tool_call_started'));
	t.is(types[requested + 1], 'approval_decided');
	t.like(
		events.find(event => event.type === 'approval_requested'),
		{messageId: messages.filter(m => m.role === 'tool_request')[2]!.id},
	);
	t.like(events.filter(event => event.type === 'tool_call_finished').at(-1), {approval: 'approved', isError: false});
});

test.serial('decline: nothing is written, the model hears "The user declined this change." and the row says declined', async t => {
	const project = await copyFixtureProject(t);
	const provider = new TestProvider([call('generate_schema', schemaArgs), request => answer(`Understood: ${lastToolAnswer(request)}`)]);
	const {engine, recorder} = await setupEngine(t, {servers: realToolServers(), mcp: sharedMcp, provider});
	const {approve} = hook([{kind: 'decline'}]);

	const result = await engine.run({description: 'posts', projectPath: project, approve});

	t.is(result.finalResponseText, 'Understood: The user declined this change.');
	t.false(existsSync(path.join(project, SCHEMA_FILE)));
	const response = (await recorder.listMessages(result.executionId)).filter(message => message.role === 'tool_response').at(-1);
	t.like(response, {approval: 'declined', isError: true, contentText: 'The user declined this change.'});
});

test.serial('decline with a note: the note reaches the model, which redoes the call; the record keeps both decisions', async t => {
	const project = await copyFixtureProject(t);
	const note = 'use utc_datetime_usec for timestamps';
	const provider = new TestProvider([
		call('generate_schema', schemaArgs),
		request => {
			t.is(lastToolAnswer(request), `The user declined: ${note}`);
			return call('generate_schema', {...schemaArgs, attrs: ['title:string', 'published_at:utc_datetime_usec']});
		},
		answer('Done.'),
	]);
	const {engine, recorder, events} = await setupEngine(t, {servers: realToolServers(), mcp: sharedMcp, provider});
	const {requests, approve} = hook([{kind: 'decline', note}, {kind: 'approve'}]);

	const result = await engine.run({description: 'posts', projectPath: project, approve});

	t.is(result.status, 'COMPLETED');
	t.is(requests.length, 2);
	t.true(readFileSync(path.join(project, SCHEMA_FILE), 'utf8').includes(':utc_datetime_usec'));
	const responses = (await recorder.listMessages(result.executionId)).filter(message => message.role === 'tool_response');
	t.deepEqual(
		responses.map(message => message.approval),
		['declined_with_note', 'approved'],
	);
	t.like(
		events.find(event => event.type === 'approval_decided'),
		{outcome: 'declined_with_note', note},
	);
});

test.serial('approve all: asked once, the later calls of the execution run as auto_approved', async t => {
	const project = await copyFixtureProject(t);
	const provider = new TestProvider([
		call('generate_schema', schemaArgs),
		call('generate_migration', schemaArgs),
		call('generate_context', {context: 'Blog', ...schemaArgs, schema: 'Post'}),
		answer('Done.'),
	]);
	const {engine, recorder} = await setupEngine(t, {servers: realToolServers(), mcp: sharedMcp, provider});
	const {requests, approve} = hook([{kind: 'approve_all'}]);

	const result = await engine.run({description: 'posts', projectPath: project, approve});

	t.is(result.status, 'COMPLETED', result.errorMessage);
	t.is(requests.length, 1);
	const responses = (await recorder.listMessages(result.executionId)).filter(message => message.role === 'tool_response');
	t.deepEqual(
		responses.map(message => message.approval),
		['approved', 'auto_approved', 'auto_approved'],
	);
	t.true(existsSync(path.join(project, 'lib/my_app/blog.ex')));
});

test.serial('a change to an existing file is shown with what is on disk now; a dry-run execution never asks', async t => {
	const project = await copyFixtureProject(t);
	const provider = new TestProvider([
		call('generate_schema', schemaArgs),
		answer('Done.'),
		call('generate_schema', {...schemaArgs, attrs: ['title:string', 'body:text'], overwrite: true}),
		answer('Done.'),
	]);
	const {engine} = await setupEngine(t, {servers: realToolServers(), mcp: sharedMcp, provider});
	const first = await engine.run({description: 'posts', projectPath: project});
	t.is(first.status, 'COMPLETED');
	const before = readFileSync(path.join(project, SCHEMA_FILE), 'utf8');

	const dryRun = await engine.run({description: 'posts', projectPath: project, dryRun: true, approve: async () => t.fail('a dry run must not ask') as never});
	t.is(dryRun.status, 'COMPLETED');

	const provider2 = new TestProvider([call('generate_schema', {...schemaArgs, attrs: ['title:string', 'body:text'], overwrite: true}), answer('Done.')]);
	const {engine: engine2} = await setupEngine(t, {servers: realToolServers(), mcp: sharedMcp, provider: provider2});
	const {requests, approve} = hook([{kind: 'decline'}]);
	await engine2.run({description: 'posts', projectPath: project, approve});
	const file = requests[0]!.files[0]!;
	t.is(file.action, 'overwritten');
	t.true(file.content.includes(':body'));
	// Our tools report the file before a change (previous_content): the view diffs against it.
	t.is(file.currentContent, before);
	t.is(readFileSync(path.join(project, SCHEMA_FILE), 'utf8'), before, 'declined: the file is untouched');
});

test.serial('Ctrl-C while waiting for approval cancels the run, and nothing is written', async t => {
	const project = await copyFixtureProject(t);
	const provider = new TestProvider([call('generate_schema', schemaArgs), answer('unreachable')]);
	const {engine, recorder} = await setupEngine(t, {servers: realToolServers(), mcp: sharedMcp, provider});
	const controller = new AbortController();
	let hookSignal: AbortSignal | undefined;
	const result = await engine.run({
		description: 'posts',
		projectPath: project,
		signal: controller.signal,
		// A hook that never answers: only the cancel ends the wait.
		approve: async (_request, signal) => {
			hookSignal = signal;
			setTimeout(() => controller.abort(), 20);
			return new Promise<ApprovalDecision>(() => undefined);
		},
	});

	t.is(result.status, 'CANCELLED');
	t.is(hookSignal, controller.signal);
	t.false(existsSync(path.join(project, SCHEMA_FILE)));
	t.is(provider.requests.length, 1);
	const response = (await recorder.listMessages(result.executionId)).filter(message => message.role === 'tool_response').at(-1);
	t.like(response, {isError: true, contentText: 'Cancelled by the user before the change was approved; nothing was written.'});
	t.is(response?.approval, undefined);
});

test.serial('events carry approval_requested and approval_decided in order, before the call finishes', async t => {
	const project = await copyFixtureProject(t);
	const provider = new TestProvider([call('generate_schema', schemaArgs), answer('Done.')]);
	const {engine, events} = await setupEngine(t, {servers: realToolServers(), mcp: sharedMcp, provider});
	await engine.run({description: 'posts', projectPath: project, approve: async () => ({kind: 'approve'})});
	const order = events.filter((event): event is EngineEvent => ['tool_call_started', 'approval_requested', 'approval_decided', 'tool_call_finished'].includes(event.type)).map(event => event.type);
	t.deepEqual(order, ['tool_call_started', 'approval_requested', 'approval_decided', 'tool_call_finished']);
});

/** Resolves once the UTC clock, as a migration stamp (yyyymmddhhmmss), is past the given one. */
async function clockPast(stamp: string): Promise<void> {
	const now = () => new Date().toISOString().replaceAll(/\D/g, '').slice(0, 14);
	while (now() <= stamp) await new Promise(resolve => setTimeout(resolve, 20));
}

test.serial('what the user approved is what is written: the migration keeps the previewed stamp, unless the project changed meanwhile', async t => {
	const project = await copyFixtureProject(t);
	const migrationArgs = {...schemaArgs, project_path: project};
	const provider = new TestProvider([call('generate_migration', migrationArgs), call('generate_migration', {...migrationArgs, schema: 'Blog.Tag', plural: 'tags'}), answer('Done.')]);
	const {engine, recorder} = await setupEngine(t, {servers: realToolServers(), mcp: sharedMcp, provider});
	const requests: ApprovalRequest[] = [];
	const result = await engine.run({
		description: 'posts',
		projectPath: project,
		approve: async request => {
			requests.push(request);
			// A slow answer: the clock moves past the previewed stamp (stamps count whole seconds).
			const stamp = /(\d{14})_/.exec(request.files[0]!.path)![1]!;
			await clockPast(stamp);
			if (requests.length === 2) {
				// Someone adds a migration stamped after the preview's before the user approves.
				writeFileSync(path.join(project, `priv/repo/migrations/${BigInt(stamp) + 1n}_by_hand.exs`), 'defmodule MyApp.Repo.Migrations.ByHand do\nend\n');
			}

			return {kind: 'approve'};
		},
	});

	t.is(result.status, 'COMPLETED', result.errorMessage);
	const responses = (await recorder.listMessages(result.executionId)).filter(message => message.role === 'tool_response');
	const written = responses.map(message => (message.functionResponseContent as {structuredContent: {files: Array<{path: string; content: string}>}}).structuredContent.files[0]!);
	const [first, second] = requests.map(request => request.files[0]!);
	t.deepEqual({path: written[0]!.path, content: written[0]!.content}, {path: first!.path, content: first!.content});
	t.is(readFileSync(path.join(project, first!.path), 'utf8'), first!.content);
	t.not(written[1]!.path, second!.path, 'a fresh stamp: the previewed one no longer sorts last');
	t.regex(responses[1]!.contentText!, /Note: The migration stamp \d{14} \(from the preview\) no longer sorts after every migration/);
	t.false(existsSync(path.join(project, second!.path)));
});

test.serial("stats: a call's duration is the tool's own time without the approval's wait; a decline is counted apart, never as a failure", async t => {
	const project = await copyFixtureProject(t);
	// The migration first, approved at once, so the servers are up when the schema is asked about.
	const provider = new TestProvider([call('generate_migration', schemaArgs), call('generate_schema', schemaArgs), answer('Done.')]);
	const {engine, recorder, orm} = await setupEngine(t, {servers: realToolServers(), mcp: sharedMcp, provider});
	const held = 1000;
	const result = await engine.run({
		description: 'posts',
		projectPath: project,
		// The user reads the schema for a while, then declines it.
		approve: async request => {
			if (request.name !== 'generate_schema') return {kind: 'approve'};
			await new Promise(resolve => setTimeout(resolve, held));
			return {kind: 'decline'};
		},
	});
	t.is(result.status, 'COMPLETED', result.errorMessage);

	const responses = (await recorder.listMessages(result.executionId)).filter(message => message.role === 'tool_response');
	const [approved, declined] = responses;
	t.like(approved, {approval: 'approved', isError: false});
	t.like(declined, {approval: 'declined', isError: true});
	t.true(((declined!.approvalRequest as {waitMs?: number}).waitMs ?? 0) >= held, 'the wait is recorded with the approval');
	t.true(declined!.durationMs! < held, `the declined call's duration (${declined!.durationMs} ms) leaves out the ${held} ms the user took`);

	const stats = await computeStats(orm, {prices: {}});
	const schema = stats.tools.find(tool => tool.name === 'generate_schema')!;
	t.like(schema, {calls: 1, failures: 0, failureRate: 0, declined: 1});
	t.is(schema.medianMs, undefined, 'a declined call did not run: it has no duration to count');
	t.like(
		stats.tools.find(tool => tool.name === 'generate_migration'),
		{calls: 1, failures: 0, declined: 0},
	);
});
