import test from 'ava';
import {summarizeRun} from '../../source/tool-results/run-summary.js';

const result = (files: Array<Record<string, unknown>>, nextSteps: string[] = []) => ({files, next_steps: nextSteps});

test('each file once, by its first real action, relative to the project, in the order first reported', t => {
	const summary = summarizeRun(
		[
			{
				name: 'generate_schema',
				isError: false,
				structuredContent: result([
					{path: 'a.ex', action: 'unchanged'},
					{path: '/p/lib/b.ex', action: 'created'},
				]),
			},
			{
				name: 'generate_context',
				isError: false,
				structuredContent: result([
					{path: 'a.ex', action: 'created'},
					{path: 'lib/b.ex', action: 'injected'},
					{path: 'c.ex', action: 'unchanged'},
				]),
			},
			{name: 'generate_context', isError: true},
		],
		{projectPath: '/p'},
	);
	t.deepEqual(summary, {
		files: [
			{path: 'a.ex', action: 'created'},
			{path: 'lib/b.ex', action: 'created'},
		],
		nextSteps: [],
		dryRun: false,
	});
});

test('next steps: deduplicated, from successful calls only, without advice for the model or what the answer says', t => {
	const migrate = 'Run mix ecto.migrate to apply the migration.';
	const summary = summarizeRun(
		[
			{name: 'generate_schema', isError: false, structuredContent: result([], ['Create the table with generate_migration next.', migrate])},
			{name: 'generate_migration', isError: false, structuredContent: result([], [migrate, 'Run mix test test/blog_test.exs to check the new functions.'])},
			{name: 'generate_context', isError: true, structuredContent: result([], ['Run mix format.'])},
		],
		{finalAnswer: 'Done.\n- `mix test test/blog_test.exs` to check the new functions.'},
	);
	t.deepEqual(summary.nextSteps, [migrate]);
	t.deepEqual(summarizeRun([{name: 'x', isError: false, structuredContent: result([], [migrate, migrate])}]).nextSteps, [migrate]);
});

test('a dry run lists what a real run would write, says so, and gives no steps', t => {
	const summary = summarizeRun([
		{
			name: 'generate_schema',
			isError: false,
			structuredContent: result(
				[
					{path: 'a.ex', action: 'planned', would: 'created'},
					{path: 'b.ex', action: 'planned', would: 'unchanged'},
				],
				['Run mix ecto.migrate.'],
			),
		},
	]);
	t.deepEqual(summary, {files: [{path: 'a.ex', action: 'created'}], nextSteps: [], dryRun: true});
	t.true(summarizeRun([], {dryRun: true}).dryRun);
});
