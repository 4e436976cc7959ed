import test from 'ava';
import {createJsonRenderer} from '../../source/commands/render-json.js';
import {createTextRenderer} from '../../source/commands/render-text.js';
import type {EngineEvent} from '../../source/engine/events.js';

const events: EngineEvent[] = [
	{
		type: 'execution_started',
		executionId: 7,
		workflow: 'elixir_crud_generator',
		provider: 'offline',
		model: 'offline-planner',
		projectPath: '/p',
		description: 'Blog.Post posts title',
		maxTurns: 5,
		startedAt: '2026-01-01T00:00:00.000Z',
	},
	{type: 'user_message', executionId: 7, messageId: 1, turn: 1, text: 'THE FULL PROMPT'},
	{type: 'text_delta', executionId: 7, turn: 1, delta: 'Creating '},
	{type: 'text_delta', executionId: 7, turn: 1, delta: 'the schema.'},
	{
		type: 'model_message_done',
		executionId: 7,
		turn: 1,
		text: 'Creating the schema.',
		functionCalls: [
			{name: 'generate_schema', args: {schema: 'Blog.Post'}},
			{name: 'generate_context', args: {}},
		],
		durationMs: 5,
		messageId: 2,
	},
	{type: 'tool_call_started', executionId: 7, messageId: 3, readOnly: false, turn: 1, callIndex: 0, name: 'generate_schema', server: 'elixir_ecto_gen_tool', args: {schema: 'Blog.Post'}},
	{
		type: 'approval_requested',
		executionId: 7,
		turn: 1,
		callIndex: 0,
		messageId: 3,
		name: 'generate_schema',
		server: 'elixir_ecto_gen_tool',
		args: {schema: 'Blog.Post'},
		files: [{path: 'lib/my_app/blog/post.ex', action: 'created', content: 'defmodule MyApp.Blog.Post do\nend\n'}],
		dryRunText: 'would be created: lib/my_app/blog/post.ex',
	},
	{type: 'approval_decided', executionId: 7, turn: 1, callIndex: 0, outcome: 'approved'},
	{
		type: 'tool_call_finished',
		executionId: 7,
		messageId: 4,
		turn: 1,
		callIndex: 0,
		name: 'generate_schema',
		isError: false,
		text: 'Schema written:\nmore detail',
		durationMs: 1200,
		structuredContent: {files: [{path: 'lib/my_app/blog/post.ex', action: 'created'}], next_steps: ['Create the table with generate_migration next.', 'Run mix ecto.migrate.']},
	},
	{type: 'tool_call_started', executionId: 7, messageId: 3, readOnly: false, turn: 1, callIndex: 1, name: 'generate_context', args: {}},
	{
		type: 'tool_call_finished',
		executionId: 7,
		messageId: 4,
		turn: 1,
		callIndex: 1,
		name: 'generate_context',
		isError: true,
		text: 'Invalid context name "blog":\nuse a module name',
		durationMs: 10,
	},
	{type: 'model_message_done', executionId: 7, turn: 2, text: 'All done.', functionCalls: [], durationMs: 5, messageId: 9},
	{type: 'execution_finished', executionId: 7, status: 'COMPLETED', finalResponseText: 'All done.', turns: 2, durationMs: 2500},
];

function render(verbose: boolean): string {
	let out = '';
	const listener = createTextRenderer({write: (chunk: string) => (out += chunk)}, {verbose});
	for (const event of events) listener(event);
	return out;
}

test('the text renderer shows who speaks, the calls, their results, the files and the outcome', t => {
	const out = render(false);
	t.true(out.includes('Execution #7 · workflow elixir_crud_generator · offline/offline-planner'));
	t.true(out.includes('You: Blog.Post posts title'));
	t.false(out.includes('THE FULL PROMPT'));
	t.true(out.includes('Model: Creating the schema.\n'));
	t.true(out.includes('→ generate_schema (elixir_ecto_gen_tool) {"schema":"Blog.Post"}\n  approval: approved\n'));
	// The first line only, without the colon that introduced the lines left out.
	t.true(out.includes('  ✓ Schema written (1.2s)'));
	t.false(out.includes('more detail'));
	t.true(out.includes('    created     lib/my_app/blog/post.ex'));
	// Errors are shown whole.
	t.true(out.includes('✗ Invalid context name "blog":\n    use a module name'));
	t.true(out.includes('\nModel: All done.\n'));
	t.true(out.includes('✔ Completed after 2 turns in 2.5s (execution #7).'));
	t.true(out.includes('  1 tool call ended in an error (✗ above).'));
	t.true(out.includes('  Files:\n    created     lib/my_app/blog/post.ex'));
	t.true(out.includes('  Next: Run mix ecto.migrate.'));
	t.false(out.includes('Next: Create the table'));
	t.true(render(true).includes('THE FULL PROMPT'));
	t.true(render(true).includes('more detail'));
});

test('failures and cancels say so', t => {
	let out = '';
	const listener = createTextRenderer({write: (chunk: string) => (out += chunk)});
	listener({type: 'execution_finished', executionId: 1, status: 'FAILED', errorMessage: 'Stopped after 3 turns', turns: 3, durationMs: 10});
	listener({type: 'execution_finished', executionId: 2, status: 'CANCELLED', errorMessage: 'Cancelled by the user.', turns: 1, durationMs: 10});
	t.regex(out, /✘ Failed after 3 turns .*: Stopped after 3 turns/);
	t.regex(out, /■ Cancelled after 1 turn /);
});

const started: EngineEvent = {
	type: 'execution_started',
	executionId: 3,
	workflow: 'w',
	provider: 'offline',
	model: 'offline-planner',
	projectPath: '/p',
	description: 'q',
	maxTurns: 5,
	startedAt: '2026-01-01T00:00:00.000Z',
};

function renderAll(list: EngineEvent[], verbose = false): string {
	let out = '';
	const listener = createTextRenderer({write: (chunk: string) => (out += chunk)}, {verbose});
	for (const event of list) listener(event);
	return out;
}

function schemaCall(args: Record<string, unknown>, files: Array<{path: string; action: string; would?: string}>): EngineEvent[] {
	return [
		{type: 'tool_call_started', executionId: 3, messageId: 3, readOnly: false, turn: 1, callIndex: 0, name: 'generate_context', args},
		{
			type: 'tool_call_finished',
			executionId: 3,
			messageId: 4,
			turn: 1,
			callIndex: 0,
			name: 'generate_context',
			isError: false,
			text: 'Context written:\n  details',
			durationMs: 5,
			structuredContent: {files, next_steps: ['Run mix ecto.migrate to apply the migration.', 'Run mix test test/my_app/blog_test.exs to check the new functions.']},
		},
	];
}

const contextFiles = [
	{path: 'lib/my_app/blog/post.ex', action: 'unchanged'},
	{path: 'lib/my_app/blog.ex', action: 'created'},
];

test('the summary repeats neither the files nor the steps the final answer already gave', t => {
	const answer = 'Generated Blog.\n\nFiles:\n- created lib/my_app/blog.ex\n\nNext steps:\n- `mix ecto.migrate`';
	const out = renderAll([started, ...schemaCall({}, contextFiles), {type: 'execution_finished', executionId: 3, status: 'COMPLETED', finalResponseText: answer, turns: 2, durationMs: 10}]);
	t.regex(out, /✔ Completed/);
	t.false(out.includes('  Files:'), out);
	t.false(out.includes('Next: Run mix ecto.migrate'), out);
	// A step the answer did not give is still shown.
	t.true(out.includes('  Next: Run mix test test/my_app/blog_test.exs to check the new functions.'), out);
	t.false(out.includes('ended in an error'));
	// An untouched file is listed only when verbose.
	t.false(out.includes('unchanged'));
	t.true(renderAll([started, ...schemaCall({}, contextFiles)], true).includes('    unchanged   lib/my_app/blog/post.ex'));
});

test('a dry run says nothing was written and gives no steps that need the files', t => {
	const out = renderAll([
		started,
		...schemaCall({dry_run: true}, [{path: 'lib/my_app/blog.ex', action: 'planned', would: 'created'}]),
		{type: 'execution_finished', executionId: 3, status: 'COMPLETED', finalResponseText: 'Planned.', turns: 2, durationMs: 10},
	]);
	t.true(out.includes('    would create    lib/my_app/blog.ex'), out);
	t.true(out.includes('  Files it would write (dry run: nothing was written):\n    would create    lib/my_app/blog.ex'), out);
	t.true(out.includes('Next: run the same command without --dry-run to write the files.'));
	t.false(out.includes('mix ecto.migrate'));
});

test('a dry run says what it would do in words, its paths in one column, each planned migration once', t => {
	const out = renderAll([
		started,
		...schemaCall({dry_run: true}, [
			{path: 'lib/my_app/blog/post.ex', action: 'planned', would: 'overwritten'},
			{path: 'priv/repo/migrations/20261207000001_create_blog_authors.exs', action: 'planned', would: 'created'},
		]),
		...schemaCall({dry_run: true}, [{path: 'priv/repo/migrations/20261207000002_create_blog_authors.exs', action: 'planned', would: 'created'}]),
		{type: 'execution_finished', executionId: 3, status: 'COMPLETED', finalResponseText: 'Planned.', turns: 2, durationMs: 10},
	]);
	t.false(/would (?:overwritten|created)/.test(out), out);
	t.true(out.includes('    would overwrite lib/my_app/blog/post.ex\n    would create    priv/repo/migrations/20261207000001_create_blog_authors.exs'), out);
	const summary = out.slice(out.indexOf('Files it would write'));
	t.is(summary.match(/create_blog_authors/g)?.length, 1, summary);
});

test('a run that stops early lists the files it wrote before', t => {
	const out = renderAll([started, ...schemaCall({}, contextFiles), {type: 'execution_finished', executionId: 3, status: 'FAILED', errorMessage: 'Stopped after 2 turns', turns: 2, durationMs: 10}]);
	t.regex(out, /✘ Failed after 2 turns .*: Stopped after 2 turns\n {2}Files written before it stopped:\n {4}created {5}lib\/my_app\/blog\.ex\n$/);
	t.false(out.includes('Next:'));
});

test('the JSON renderer writes one parseable event per line', t => {
	let out = '';
	const listener = createJsonRenderer({write: (chunk: string) => (out += chunk)});
	for (const event of events) listener(event);
	const lines = out.trimEnd().split('\n');
	t.is(lines.length, events.length);
	t.deepEqual(
		lines.map(line => JSON.parse(line) as EngineEvent),
		events,
	);
});

const OSC_TITLE = '\u001B]0;pwned\u0007';
const CLEAR = '\u001B[2J';

test('nothing we did not write reaches the terminal raw: model text, description, results, file names, errors', t => {
	const out = renderAll([
		{...started, description: `a blog ${CLEAR}`, projectPath: `/p${OSC_TITLE}`},
		{type: 'text_delta', executionId: 3, turn: 1, delta: `Hello ${OSC_TITLE}`},
		{type: 'text_delta', executionId: 3, turn: 1, delta: '\u001B'},
		{type: 'text_delta', executionId: 3, turn: 1, delta: '[2J done'},
		{type: 'model_message_done', executionId: 3, messageId: 2, turn: 1, text: 'x', functionCalls: [], durationMs: 1},
		{type: 'tool_call_started', executionId: 3, messageId: 3, readOnly: false, turn: 1, callIndex: 0, name: 'generate_schema', server: `s${CLEAR}`, args: {schema: `Blog\u009B2J`}},
		{
			type: 'tool_call_finished',
			executionId: 3,
			messageId: 4,
			turn: 1,
			callIndex: 0,
			name: 'generate_schema',
			isError: false,
			text: `Wrote ${CLEAR}it`,
			durationMs: 1,
			structuredContent: {files: [{path: `lib/evil${OSC_TITLE}.ex`, action: 'created'}], next_steps: [`Run ${CLEAR} now`]},
		},
		{type: 'model_message_done', executionId: 3, messageId: 5, turn: 2, text: `Final ${CLEAR}`, functionCalls: [], durationMs: 1},
		{type: 'execution_finished', executionId: 3, status: 'FAILED', errorMessage: `server said ${OSC_TITLE}`, turns: 2, durationMs: 10},
	]);
	// No ESC, BEL or C1 control at all: the only escapes would be colours, and colour is off here.
	t.false(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(out), JSON.stringify(out));
	t.true(out.includes('\\x1b]0;pwned\\x07'));
	t.true(out.includes('a blog \\x1b[2J'));
	t.true(out.includes('\\x1b[2J done'));
	t.true(out.includes('lib/evil\\x1b]0;pwned\\x07.ex'));
	t.true(out.includes('server said \\x1b]0;pwned\\x07'));
});

test('the JSON renderer escapes the controls JSON leaves raw (C1, DEL, bidi) and stays parseable', t => {
	let out = '';
	const listener = createJsonRenderer({write: (chunk: string) => (out += chunk)});
	const event: EngineEvent = {type: 'text_delta', executionId: 1, turn: 1, delta: `a\u009B2J\u007F\u202Eb${CLEAR}`};
	listener(event);
	t.false(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(out), JSON.stringify(out));
	t.deepEqual(JSON.parse(out), event);
});

const failedCheck = {
	status: 'failed',
	summary: 'Checks failed: test at test/my_app/blog_test.exs:12: test create_post/1: Assertion with == failed.',
	steps: [
		{step: 'compile', status: 'passed', duration_ms: 1200, errors: []},
		{step: 'migrations', status: 'skipped', duration_ms: 0, reason: 'this execution wrote no migration', errors: []},
		{step: 'test', status: 'failed', duration_ms: 900, errors: [{file: 'test/my_app/blog_test.exs', line: 12, message: 'test create_post/1: Assertion with == failed'}]},
		{step: 'format', status: 'passed', duration_ms: 300, errors: []},
	],
};

const checkEvents: EngineEvent[] = [
	started,
	{type: 'tool_call_started', executionId: 3, messageId: 4, readOnly: true, turn: 1, callIndex: 0, name: 'check_project', args: {}},
	{type: 'tool_call_finished', executionId: 3, messageId: 5, turn: 1, callIndex: 0, name: 'check_project', isError: false, text: failedCheck.summary, structuredContent: failedCheck, durationMs: 2400},
	{type: 'execution_finished', executionId: 3, status: 'COMPLETED', finalResponseText: 'Done.', turns: 2, durationMs: 3000},
];

test('a check result: one line per step under its call, and the summary says whether the project is green', t => {
	const out = renderAll(checkEvents);
	t.regex(
		out,
		/\n {4}✓ compile \(1\.2 s\)\n {4}- migrations skipped: this execution wrote no migration\n {4}✗ test \(0\.9 s\): test\/my_app\/blog_test\.exs:12 test create_post\/1: Assertion with == failed\n {4}✓ format/,
	);
	t.regex(out, /✔ Completed .*\n {2}Checks failed: test at test\/my_app\/blog_test\.exs:12/);
});

test('--json: a check result also comes as one check_step event per step and a check_finished', t => {
	let out = '';
	const listener = createJsonRenderer({write: (chunk: string) => (out += chunk)});
	for (const event of checkEvents) listener(event);
	const lines = out
		.trim()
		.split('\n')
		.map(line => JSON.parse(line) as Record<string, unknown>);
	t.deepEqual(
		lines.filter(line => line['type'] === 'check_step').map(line => [line['step'], line['status']]),
		[
			['compile', 'passed'],
			['migrations', 'skipped'],
			['test', 'failed'],
			['format', 'passed'],
		],
	);
	t.like(
		lines.find(line => line['type'] === 'check_finished'),
		{status: 'failed', messageId: 5},
	);
});
