import test from 'ava';
import type {EngineEvent} from '../../source/engine/events.js';
import {notRunText} from '../../source/tool-results/declined.js';
import {toolLines} from '../../source/ui/components/transcript.js';
import {applyEvent, initialRunState, parentForFollowUp, type RunState, runReducer} from '../../source/ui/state/run-state.js';

const post = {path: 'lib/my_app/blog/post.ex', action: 'created' as const, content: 'defmodule MyApp.Blog.Post do\nend\n'};

/** A whole conversation as the engine emits it: inspect, a declined write with a note, the redo, the answer. */
function conversation(executionId = 7, parentExecutionId?: number): EngineEvent[] {
	const base = {executionId};
	return [
		{
			type: 'execution_started',
			...base,
			workflow: 'elixir_crud_generator',
			provider: 'scripted',
			model: 'gemini-2.5-flash',
			projectPath: '/p',
			description: 'Blog.Post posts title:string',
			maxTurns: 10,
			startedAt: '2026-11-27T10:00:00.000Z',
			...(parentExecutionId === undefined ? {} : {parentExecutionId}),
		},
		{type: 'user_message', ...base, messageId: 1, turn: 1, text: 'You are a Phoenix expert... Blog.Post posts title:string'},
		{type: 'turn_started', ...base, turn: 1, maxTurns: 10},
		{type: 'text_delta', ...base, turn: 1, delta: 'Inspecting '},
		{type: 'text_delta', ...base, turn: 1, delta: 'the project.'},
		{
			type: 'model_message_done',
			...base,
			messageId: 2,
			turn: 1,
			text: 'Inspecting the project.',
			functionCalls: [{name: 'inspect_project', args: {project_path: '/p'}}],
			durationMs: 12,
			usage: {promptTokens: 100, outputTokens: 10, totalTokens: 110},
		},
		{type: 'usage', ...base, turn: 1, totals: {promptTokens: 100, outputTokens: 10, totalTokens: 110}},
		{type: 'tool_call_started', ...base, messageId: 3, turn: 1, callIndex: 0, name: 'inspect_project', server: 'elixir_ecto_gen_tool', args: {project_path: '/p'}, readOnly: true},
		{
			type: 'tool_call_finished',
			...base,
			messageId: 4,
			turn: 1,
			callIndex: 0,
			name: 'inspect_project',
			server: 'elixir_ecto_gen_tool',
			isError: false,
			text: 'Phoenix project my_app',
			structuredContent: {schemas: []},
			durationMs: 30,
		},
		{type: 'turn_started', ...base, turn: 2, maxTurns: 10},
		{type: 'model_message_done', ...base, messageId: 5, turn: 2, text: 'Writing the schema.', functionCalls: [{name: 'generate_schema', args: {schema: 'Blog.Post', plural: 'posts'}}], durationMs: 9},
		{
			type: 'tool_call_started',
			...base,
			messageId: 6,
			turn: 2,
			callIndex: 0,
			name: 'generate_schema',
			server: 'elixir_ecto_gen_tool',
			args: {project_path: '/p', schema: 'Blog.Post', plural: 'posts', attrs: ['title:string']},
			readOnly: false,
		},
		{
			type: 'approval_requested',
			...base,
			turn: 2,
			callIndex: 0,
			messageId: 6,
			name: 'generate_schema',
			server: 'elixir_ecto_gen_tool',
			args: {schema: 'Blog.Post'},
			files: [post],
			dryRunText: 'would create lib/my_app/blog/post.ex',
		},
		{type: 'approval_decided', ...base, turn: 2, callIndex: 0, outcome: 'declined_with_note', note: 'use utc_datetime_usec'},
		{
			type: 'tool_call_finished',
			...base,
			messageId: 7,
			turn: 2,
			callIndex: 0,
			name: 'generate_schema',
			server: 'elixir_ecto_gen_tool',
			isError: true,
			text: 'The user declined: use utc_datetime_usec',
			durationMs: 1,
			approval: 'declined_with_note',
		},
		{type: 'turn_started', ...base, turn: 3, maxTurns: 10},
		{type: 'model_message_done', ...base, messageId: 8, turn: 3, text: 'Again, with utc_datetime_usec.', functionCalls: [{name: 'generate_schema', args: {}}], durationMs: 9},
		{type: 'tool_call_started', ...base, messageId: 9, turn: 3, callIndex: 0, name: 'generate_schema', server: 'elixir_ecto_gen_tool', args: {schema: 'Blog.Post'}, readOnly: false},
		{type: 'approval_requested', ...base, turn: 3, callIndex: 0, messageId: 9, name: 'generate_schema', args: {schema: 'Blog.Post'}, files: [post], dryRunText: ''},
		{type: 'approval_decided', ...base, turn: 3, callIndex: 0, outcome: 'approved'},
		{
			type: 'tool_call_finished',
			...base,
			messageId: 10,
			turn: 3,
			callIndex: 0,
			name: 'generate_schema',
			isError: false,
			text: 'Schema written',
			structuredContent: {files: [{path: post.path, action: 'created', content: ''}], next_steps: ['Run mix ecto.migrate to apply the migration.', 'Call generate_migration next.']},
			durationMs: 20,
			approval: 'approved',
		},
		{type: 'turn_started', ...base, turn: 4, maxTurns: 10},
		{type: 'text_delta', ...base, turn: 4, delta: 'Done: Blog.Post.'},
		{type: 'model_message_done', ...base, messageId: 11, turn: 4, text: 'Done: Blog.Post.', functionCalls: [], durationMs: 5},
		{type: 'execution_finished', ...base, status: 'COMPLETED', finalResponseText: 'Done: Blog.Post.', turns: 4, durationMs: 1500},
	];
}

const play = (events: EngineEvent[], from: RunState = initialRunState) => events.reduce(applyEvent, from);

test('a whole conversation, approvals included, becomes the panes', t => {
	const state = play(conversation());
	t.is(state.phase, 'COMPLETED');
	t.is(state.executionId, 7);
	t.is(state.turn, 4);
	t.is(state.maxTurns, 10);
	t.deepEqual(state.tokens, {promptTokens: 100, outputTokens: 10, totalTokens: 110});
	t.is(state.approval, undefined);
	t.deepEqual(
		state.conversation.map(entry => [entry.kind, entry.text]),
		[
			['user', 'Blog.Post posts title:string'],
			['model', 'Inspecting the project.'],
			['model', 'Writing the schema.'],
			['model', 'Again, with utc_datetime_usec.'],
			['answer', 'Done: Blog.Post.'],
			['summary', ''],
		],
	);
	t.is(state.conversation[0]!.messageId, 1, 'the user row is known by its id');
	t.deepEqual(
		state.tools.map(row => [row.name, row.status, row.approval, row.note, row.summary]),
		[
			['inspect_project', 'ok', undefined, undefined, ''],
			['generate_schema', 'declined', 'declined_with_note', 'use utc_datetime_usec', 'Blog.Post posts title:string'],
			['generate_schema', 'ok', 'approved', undefined, 'Blog.Post'],
		],
	);
	t.deepEqual(state.tools[2]!.files, [{path: post.path, action: 'created'}]);
	t.is(state.writes, 1, 'one call wrote files');
	const summary = state.summaries[0]!;
	t.deepEqual(summary.files, [{path: post.path, action: 'created'}]);
	t.deepEqual(summary.nextSteps, ['Run mix ecto.migrate to apply the migration.'], 'advice naming a tool is for the model');
	t.is(summary.failedCalls, 0, 'a declined call is not a failure');
});

test('an approval waits in the state until it is decided', t => {
	const events = conversation();
	const asking = events.findIndex(event => event.type === 'approval_requested');
	const state = play(events.slice(0, asking + 1));
	t.is(state.approval?.name, 'generate_schema');
	t.deepEqual(state.approval?.files, [post]);
	t.is(state.tools.at(-1)!.status, 'awaiting_approval');
	t.is(state.phase, 'running');
});

test('streamed text grows one entry and the finished message replaces it; a replay without deltas ends the same', t => {
	const live = play(conversation());
	const replay = play(conversation().filter(event => event.type !== 'text_delta'));
	const shape = (state: RunState) => state.conversation.map(entry => [entry.kind, entry.text, entry.streaming ?? false]);
	t.deepEqual(shape(replay), shape(live));
	const midStream = play(conversation().slice(0, 5));
	t.deepEqual(midStream.conversation.at(-1), {key: 'd7:1', kind: 'model', text: 'Inspecting the project.', executionId: 7, turn: 1, streaming: true});
});

test('batched events reduce like one at a time; a follow-up continues the last execution; reset starts fresh', t => {
	const batched = runReducer(initialRunState, {type: 'events', events: conversation()});
	t.deepEqual(batched, play(conversation()));
	t.is(parentForFollowUp(batched), 7);
	const followed = runReducer(batched, {type: 'events', events: conversation(8, 7)});
	t.deepEqual(followed.executions, [7, 8]);
	t.is(followed.parentExecutionId, 8 - 1);
	t.is(followed.conversation.filter(entry => entry.kind === 'user').length, 2, 'the whole session stays on screen');
	t.is(parentForFollowUp(followed), 8);
	t.deepEqual(runReducer(followed, {type: 'reset'}), initialRunState);
});

test('a cancelled run keeps what it streamed and says so', t => {
	const events: EngineEvent[] = [...conversation().slice(0, 4), {type: 'execution_finished', executionId: 7, status: 'CANCELLED', errorMessage: 'Cancelled by the user.', turns: 1, durationMs: 300}];
	const state = play(events);
	t.is(state.phase, 'CANCELLED');
	t.deepEqual(
		state.conversation.find(entry => entry.kind === 'model'),
		{key: 'd7:1', kind: 'model', text: 'Inspecting ', executionId: 7, turn: 1, streaming: false},
	);
	t.is(state.summaries[0]!.status, 'CANCELLED');
});

test('a call the engine answered "Not run" (after a decline in its turn) is skipped, not an error, and the summary counts no failure', t => {
	const base = {executionId: 3};
	const events: EngineEvent[] = [
		{type: 'execution_started', ...base, workflow: 'w', provider: 'offline', model: 'offline-planner', projectPath: '/p', description: 'posts', maxTurns: 10, startedAt: '2026-12-08T03:00:00.000Z'},
		{type: 'tool_call_started', ...base, messageId: 1, turn: 2, callIndex: 1, name: 'generate_migration', args: {plural: 'posts'}, readOnly: false},
		{type: 'tool_call_finished', ...base, messageId: 2, turn: 2, callIndex: 1, name: 'generate_migration', isError: true, text: notRunText('generate_schema'), durationMs: 0},
		{type: 'tool_call_started', ...base, messageId: 3, turn: 2, callIndex: 2, name: 'generate_context', args: {plural: 'posts'}, readOnly: false},
		{type: 'tool_call_finished', ...base, messageId: 4, turn: 2, callIndex: 2, name: 'generate_context', isError: true, text: 'The tool generate_context failed: boom', durationMs: 5},
		{type: 'execution_finished', ...base, status: 'COMPLETED', turns: 3, durationMs: 100, finalResponseText: 'done'},
	];
	const state = play(events);
	t.deepEqual(
		state.tools.map(row => row.status),
		['skipped', 'error'],
	);
	t.is(state.summaries.at(-1)!.failedCalls, 1);
	const [head, reason] = toolLines(state.tools[0]!);
	t.like(head, {tone: 'dim'});
	t.true(head!.text.startsWith('– generate_migration'), head!.text);
	t.is(reason!.text, '    not run: an earlier call of its turn was declined or failed');
});
