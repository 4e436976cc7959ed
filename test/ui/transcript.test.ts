import test from 'ava';
import {approvalLines} from '../../source/ui/components/approval-lines.js';
import {toneStyle} from '../../source/ui/components/theme.js';
import {entryLines, schemaLines, schemaMarks, seconds, summaryLines, toolLines} from '../../source/ui/components/transcript.js';
import {type Line, tailWindow, windowOf, wrapLines} from '../../source/ui/state/lines.js';
import type {ToolRow} from '../../source/ui/state/run-state.js';

test('model and tool text reaches the panes with its control characters made visible', t => {
	const hostile = 'Done\u001B[2J\u001B]0;pwned\u0007 \u202Eexe.txt';
	const text = entryLines({key: 'm1', kind: 'answer', text: hostile})
		.map(line => line.text)
		.join('\n');
	t.false(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202E]/.test(text));
	t.true(text.includes('\\x1b[2J'));
	const row: ToolRow = {
		key: '1:1:0',
		executionId: 1,
		turn: 1,
		callIndex: 0,
		name: 'generate_schema',
		server: 'ecto\u001B[31m',
		args: {},
		summary: 'x',
		readOnly: false,
		status: 'error',
		requestMessageId: 1,
		files: [{path: 'lib/\u001B[1mx.ex', action: 'created'}],
		error: 'bad\u001B[0m thing\nsecond line',
	};
	const lines = toolLines(row)
		.map(line => line.text)
		.join('\n');
	t.false(lines.includes('\u001B'));
	t.regex(lines, /✗ generate_schema \(ecto\\x1b\[31m\) x/);
	t.regex(lines, /bad\\x1b\[0m thing$/m, 'the first line of the error only');
	const approval = approvalLines(
		{executionId: 1, turn: 1, callIndex: 0, messageId: 1, name: 'generate_schema', args: {}, dryRunText: '', files: [{path: 'a.ex', action: 'created', content: 'x\u001B[2Jy\n'}]},
		undefined,
	);
	t.false(approval.some(line => line.text.includes('\u001B')));
});

test('NO_COLOR turns colours off and keeps bold', t => {
	const saved = process.env['NO_COLOR'];
	process.env['NO_COLOR'] = '1';
	t.teardown(() => {
		if (saved === undefined) delete process.env['NO_COLOR'];
		else process.env['NO_COLOR'] = saved;
	});
	t.deepEqual(toneStyle('error', true), {bold: true});
	delete process.env['NO_COLOR'];
	t.deepEqual(toneStyle('error', true), {color: 'red', bold: true});
});

test('a pane window follows the newest line, scrolls back, and is clamped', t => {
	const lines: Line[] = Array.from({length: 10}, (_, index) => ({text: `line ${index}`}));
	t.deepEqual(
		windowOf(lines, 3, 0).lines.map(line => line.text),
		['line 7', 'line 8', 'line 9'],
	);
	t.deepEqual(
		windowOf(lines, 3, 2).lines.map(line => line.text),
		['line 5', 'line 6', 'line 7'],
	);
	const clamped = windowOf(lines, 3, 99);
	t.is(clamped.offset, 7);
	t.deepEqual(
		clamped.lines.map(line => line.text),
		['line 0', 'line 1', 'line 2'],
	);
	t.false(clamped.moreAbove);
});

test('a long conversation is cut to the window without wrapping what the window does not reach', t => {
	const entries = Array.from({length: 500}, (_, index) => ({key: `m${index}`, kind: 'model' as const, text: `message ${index} `.repeat(8)}));
	let wrapped = 0;
	const toLines = (entry: (typeof entries)[number]) => {
		wrapped++;
		return entryLines(entry);
	};

	const window = tailWindow(entries, toLines, 40, 6, 0);
	t.is(window.lines.length, 6);
	t.true(window.moreAbove);
	t.regex(window.lines.at(-1)!.text, /499/);
	t.true(wrapped < 10, `wrapped ${wrapped} entries for a window of 6 lines`);
	const again = wrapped;
	tailWindow(entries, toLines, 40, 6, 0);
	t.is(wrapped, again, 'wrapped lines are kept per entry');
});

test('the schema pane draws tables, fields, references as links, and marks what the session added', t => {
	const before = {tables: [{table: 'posts', module: 'MyApp.Blog.Post', fields: [{name: 'title', type: 'string'}], references: []}]};
	const after = {
		tables: [
			{
				table: 'comments',
				module: 'MyApp.Blog.Comment',
				fields: [
					{name: 'body', type: 'string'},
					{name: 'post_id', type: 'id'},
				],
				references: [{field: 'post_id', target: 'posts'}],
			},
			{
				table: 'posts',
				module: 'MyApp.Blog.Post',
				fields: [
					{name: 'title', type: 'string'},
					{name: 'slug', type: 'string'},
				],
				references: [],
			},
		],
	};
	const text = schemaLines(after, schemaMarks(before, after)).map(line => line.text);
	t.deepEqual(text, ['+ comments  MyApp.Blog.Comment', '+ body     string', '+ post_id  → posts', 'posts  MyApp.Blog.Post', '  title  string', '+ slug   string']);
});

test('a running call whose line wraps keeps its text whole: the spinner stands before its first row only', t => {
	const row: ToolRow = {
		key: '1:1:0',
		executionId: 1,
		turn: 1,
		callIndex: 0,
		name: 'generate_schema',
		server: 'elixir_ecto_gen_tool',
		args: {},
		summary: 'Blog.Post posts title:string body:text',
		readOnly: false,
		status: 'running',
		requestMessageId: 1,
		files: [],
	};
	const lines = wrapLines(toolLines(row), 40);
	t.true(lines.length > 1);
	t.deepEqual(
		lines.map(line => line.spinner === true),
		lines.map((_, index) => index === 0),
	);
});

test('a summary wraps under its text, and a dry run lists the files it would write', t => {
	const lines = wrapLines(
		summaryLines({
			executionId: 4,
			status: 'COMPLETED',
			turns: 3,
			durationMs: 1200,
			failedCalls: 0,
			dryRun: true,
			files: [{path: 'priv/repo/migrations/20261207000001_create_blog_authors_with_a_long_name.exs', action: 'created'}],
			nextSteps: ['Run mix ecto.migrate and then mix test to check the new functions of the context'],
		}),
		40,
	).map(line => line.text);
	t.true(lines.includes('  Files it would write:'), lines.join('\n'));
	const file = lines.findIndex(line => line.includes('priv/repo'));
	t.regex(lines[file + 1]!, /^ {6}\S/);
	const step = lines.findIndex(line => line.startsWith('  Next: '));
	t.regex(lines[step + 1]!, /^ {8}\S/);
});

test('a run whose end could not be saved says so instead of "Completed"', t => {
	const lines = summaryLines({
		executionId: 5,
		status: 'COMPLETED',
		turns: 4,
		durationMs: 2100,
		failedCalls: 0,
		dryRun: false,
		files: [{path: 'lib/my_app/blog/post.ex', action: 'created'}],
		nextSteps: [],
		recordError: 'the database file was deleted',
	}).map(line => line.text);
	t.regex(lines[0]!, /^✘ Not recorded: the run ended COMPLETED after 4 turns .*: the database file was deleted$/);
	t.false(lines.some(line => line.includes('✔ Completed')));
});

test("a duration fits History's five-column time cell at any length: 22.5s, 1m43s, 12m, 1h05m", t => {
	t.deepEqual([860, 22_500, 99_940, 102_600, 599_000, 720_000, 3_900_000, 35_940_000].map(seconds), ['0.9s', '22.5s', '99.9s', '1m43s', '9m59s', '12m', '1h05m', '9h59m']);
	for (const ms of [0, 99_949, 99_950, 100_000, 599_499, 599_500, 3_599_000, 36_000_000 - 60_001]) t.true(seconds(ms).length <= 5, `${ms} ms: ${seconds(ms)}`);
});
