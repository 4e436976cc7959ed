import path from 'node:path';
import test from 'ava';
import {createUiServices, schemaFromInspection} from '../../source/app/ui-services.js';
import {packageRoot} from '../../source/package-root.js';
import {inspectOutput} from '../../source/tool-results/inspect-result.js';
import {inspectProjectTool} from '../../source/tools/inspect-project.js';

test('the tool result reads by its own schema, and the schema pane draws its tables from it', async t => {
	const result = await inspectProjectTool({project_path: path.join(packageRoot(), 'fixtures/phoenix/with_context')}, packageRoot());
	t.true(inspectOutput.safeParse(result.structuredContent).success);
	const schema = schemaFromInspection(result.structuredContent);
	t.is(schema.problem, undefined);
	t.true(schema.tables.length > 0);
	t.deepEqual(
		schema.tables.map(table => table.table),
		[...schema.tables.map(table => table.table)].sort((a, b) => a.localeCompare(b)),
	);
});

test('references resolve a module to its table; a schema without a table is not drawn', t => {
	const schema = schemaFromInspection({
		schemas: [
			{
				module: 'App.Post',
				file: 'post.ex',
				table: 'posts',
				fields: [{name: 'title', type: 'string'}],
				references: [{field: 'author_id', module: 'App.User'}, {field: 'blog_id', table: 'blogs'}, {field: 'loose_id', module: 'Other.Thing'}, {field: 'nothing_id'}],
			},
			{module: 'App.User', file: 'user.ex', table: 'users', fields: [], references: []},
			{module: 'App.Embedded', file: 'embedded.ex', fields: [], references: []},
		],
	});
	t.deepEqual(schema, {
		tables: [
			{
				table: 'posts',
				module: 'App.Post',
				fields: [{name: 'title', type: 'string'}],
				references: [
					{field: 'author_id', target: 'users'},
					{field: 'blog_id', target: 'blogs'},
					{field: 'loose_id', target: 'Other.Thing'},
				],
			},
			{table: 'users', module: 'App.User', fields: [], references: []},
		],
	});
});

test('a result without a schema list, or with one that does not match the contract, is one problem line', t => {
	t.deepEqual(schemaFromInspection(undefined), {tables: [], problem: 'inspect_project gave no schema list.'});
	t.deepEqual(schemaFromInspection({schemas: 'x'}), {tables: [], problem: 'inspect_project gave no schema list.'});
	const bad = schemaFromInspection({schemas: [{module: 'App.Post', file: 'post.ex', table: 'posts', fields: [{name: 'title'}], references: []}]});
	t.deepEqual(bad.tables, []);
	t.regex(bad.problem!, /^inspect_project's schema list does not read: schemas\.0\.fields\.0\.type: /);
});

test('the schema pane reads the project in this process, as inspect_project does, with no tool server', async t => {
	// No engine, MCP or workflow at all: the pane's read must need none of them.
	const services = createUiServices({} as never, {readAppModule: async () => undefined, createDemo: async () => undefined});
	const project = path.join(packageRoot(), 'fixtures/phoenix/with_context');
	const viaTool = await inspectProjectTool({project_path: project}, packageRoot());
	const pane = await services.readSchema(project);
	t.is(pane.problem, undefined);
	t.deepEqual(pane, schemaFromInspection(viaTool.structuredContent));
	const missing = await services.readSchema(path.join(packageRoot(), 'fixtures/phoenix/no-such-project'));
	t.deepEqual(missing.tables, []);
	t.truthy(missing.problem);
	t.false(missing.problem!.includes('\n'));
});
