import {copyFile, mkdir, readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {Client} from '@modelcontextprotocol/sdk/client/index.js';
import test from 'ava';
import {checkElixirFiles, requireElixir} from '../helpers/elixir.js';
import {copyFixtureProject, fixtureProjectPath} from '../helpers/phoenix-project.js';
import {callTool, listDir, snapshotTree, startToolServer} from './tool-client.js';

let client: Client;

test.before(async () => {
	client = await startToolServer('phoenix-context-gen-tool');
});

test.after.always(async () => {
	await client?.close();
});

const comment = {context: 'Blog', schema: 'Comment', plural: 'comments', attrs: ['body:text', 'approved:boolean', 'post_id:references:posts']};
const actions = (files: Array<{path: string; action: string}>) => Object.fromEntries(files.map(file => [file.path.replace(/\d{14}/, 'STAMP'), file.action]));

test('tools/list: generate_context and its required arguments', async t => {
	const {tools} = await client.listTools();
	t.deepEqual(
		tools.map(tool => tool.name),
		['generate_context'],
	);
	t.deepEqual(tools[0]!.inputSchema.required, ['project_path', 'schema', 'plural', 'context']);
	t.truthy((tools[0]!.inputSchema.properties as Record<string, unknown>)['no_schema']);
});

test('a new context: schema, migration, context, test and fixtures are created and parse as Elixir', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const result = await callTool(client, 'generate_context', {project_path: root, context: 'Catalog', schema: 'Product', plural: 'products', attrs: ['name', 'price:decimal', 'sku:string:unique']});
	t.false(result.isError, result.text);
	t.deepEqual(actions(result.files), {
		'lib/my_app/catalog/product.ex': 'created',
		'priv/repo/migrations/STAMP_create_products.exs': 'created',
		'lib/my_app/catalog.ex': 'created',
		'test/my_app/catalog_test.exs': 'created',
		'test/support/fixtures/catalog_fixtures.ex': 'created',
	});
	t.true(result.nextSteps.includes('Run mix ecto.migrate to apply the migration.'));
	const context = await readFile(join(root, 'lib/my_app/catalog.ex'), 'utf8');
	for (const fn of [
		'def list_products do',
		'def get_product!(id)',
		'def create_product(attrs)',
		'def update_product(%Product{} = product, attrs)',
		'def delete_product(%Product{} = product)',
		'def change_product(%Product{} = product',
	]) {
		t.true(context.includes(fn), fn);
	}

	t.true((await readFile(join(root, 'test/support/fixtures/catalog_fixtures.ex'), 'utf8')).includes('def unique_product_sku'));
	if (requireElixir(t)) t.deepEqual(await checkElixirFiles(result.files.map(file => join(root, file.path))), []);
});

test('after generate_schema/generate_migration-equal files: schema and migration unchanged, no duplicate migration; twice is a no-op', async t => {
	const root = await copyFixtureProject(t, 'with_context');
	const args = {project_path: root, context: 'Blog', schema: 'Post', plural: 'posts', attrs: ['title', 'body:text']};
	const before = await snapshotTree(root);
	const result = await callTool(client, 'generate_context', args);
	t.false(result.isError, result.text);
	t.deepEqual(new Set(result.files.map(file => file.action)), new Set(['unchanged']));
	t.deepEqual(
		result.nextSteps.filter(step => step.includes('ecto.migrate')),
		[],
	);
	t.deepEqual(await snapshotTree(root), before);

	const fresh = await copyFixtureProject(t, 'my_app');
	const first = await callTool(client, 'generate_context', {...args, project_path: fresh});
	const second = await callTool(client, 'generate_context', {...args, project_path: fresh});
	t.false(second.isError, second.text);
	t.deepEqual(new Set(second.files.map(file => file.action)), new Set(['unchanged']));
	t.deepEqual(
		second.files.map(file => file.path),
		first.files.map(file => file.path),
	);
	t.is((await listDir(join(fresh, 'priv/repo/migrations'))).filter(name => name.endsWith('_create_posts.exs')).length, 1);
});

test('a second schema is injected into the existing context, test and fixtures, keeping what was there', async t => {
	const root = await copyFixtureProject(t, 'with_context');
	const original = await readFile(join(root, 'lib/my_app/blog.ex'), 'utf8');
	const result = await callTool(client, 'generate_context', {project_path: root, ...comment});
	t.false(result.isError, result.text);
	t.deepEqual(actions(result.files), {
		'lib/my_app/blog/comment.ex': 'created',
		'priv/repo/migrations/STAMP_create_comments.exs': 'created',
		'lib/my_app/blog.ex': 'injected',
		'test/my_app/blog_test.exs': 'injected',
		'test/support/fixtures/blog_fixtures.ex': 'injected',
	});
	const context = await readFile(join(root, 'lib/my_app/blog.ex'), 'utf8');
	t.true(context.startsWith(original.trimEnd().slice(0, -'end'.length)), 'the existing code is kept as it was');
	t.true(context.includes('def list_posts do') && context.includes('def list_comments do'));
	t.true(context.endsWith('\nend\n'));
	t.is(context.match(/^defmodule /gm)!.length, 1);
	const tests = await readFile(join(root, 'test/my_app/blog_test.exs'), 'utf8');
	t.true(tests.includes('describe "posts" do') && tests.includes('describe "comments" do'));

	const again = await callTool(client, 'generate_context', {project_path: root, ...comment});
	t.deepEqual(new Set(again.files.map(file => file.action)), new Set(['unchanged']));
	if (requireElixir(t)) t.deepEqual(await checkElixirFiles(result.files.map(file => join(root, file.path))), []);
});

test('no_schema writes only the context, test and fixtures', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const result = await callTool(client, 'generate_context', {project_path: root, context: 'Reports', schema: 'Report', plural: 'reports', attrs: ['title'], no_schema: true});
	t.false(result.isError, result.text);
	t.deepEqual(
		result.files.map(file => file.path),
		['lib/my_app/reports.ex', 'test/my_app/reports_test.exs', 'test/support/fixtures/reports_fixtures.ex'],
	);
	t.false((await snapshotTree(root)).has('lib/my_app/reports/report.ex'));
	t.false(result.nextSteps.some(step => step.includes('ecto.migrate')));
	if (requireElixir(t)) t.deepEqual(await checkElixirFiles(result.files.map(file => join(root, file.path))), []);
});

test('a scoped project gets scoped access functions, schema and migration', async t => {
	const root = await copyFixtureProject(t, 'scoped');
	const result = await callTool(client, 'generate_context', {project_path: root, context: 'Blog', schema: 'Post', plural: 'posts', attrs: ['title']});
	t.false(result.isError, result.text);
	const byPath = Object.fromEntries(result.files.map(file => [file.path.replace(/\d{14}/, 'STAMP'), file.content]));
	t.true(byPath['lib/my_app/blog.ex']!.includes('def list_posts(%Scope{} = scope)'));
	t.true(byPath['lib/my_app/blog.ex']!.includes('def subscribe_posts(%Scope{} = scope)'));
	t.true(byPath['priv/repo/migrations/STAMP_create_posts.exs']!.includes('add :user_id, references(:users, type: :id, on_delete: :delete_all)'));
	t.true(result.nextSteps.some(step => step.includes('current_scope')));
	if (requireElixir(t)) t.deepEqual(await checkElixirFiles(result.files.map(file => join(root, file.path))), []);
});

test('an existing schema that differs is refused (nothing written) unless overwrite or no_schema', async t => {
	const root = await copyFixtureProject(t, 'with_context');
	const args = {project_path: root, context: 'Blog', schema: 'Post', plural: 'posts', attrs: ['title', 'body:text', 'views:integer']};
	const before = await snapshotTree(root);
	const refused = await callTool(client, 'generate_context', args);
	t.true(refused.isError);
	t.regex(refused.text, /(lib\/my_app\/blog\/post\.ex|create_posts).*overwrite: true.*no_schema: true/);
	t.deepEqual(await snapshotTree(root), before);

	const dry = await callTool(client, 'generate_context', {...args, overwrite: true, dry_run: true});
	t.false(dry.isError, dry.text);
	t.deepEqual(
		dry.files.slice(0, 2).map(file => [file.action, file.would]),
		[
			['planned', 'overwritten'],
			['planned', 'overwritten'],
		],
	);
	t.deepEqual(await snapshotTree(root), before, 'a dry run writes nothing');

	const replaced = await callTool(client, 'generate_context', {...args, overwrite: true});
	t.deepEqual(
		replaced.files.slice(0, 2).map(file => file.action),
		['overwritten', 'overwritten'],
	);
	t.deepEqual(
		(await listDir(join(root, 'priv/repo/migrations'))).filter(name => name.endsWith('.exs') && name !== '.formatter.exs'),
		['20250601120000_create_posts.exs'],
	);
});

test('invalid contexts and a context file that cannot take an injection are isError results', async t => {
	const root = await copyFixtureProject(t, 'with_context');
	const before = await snapshotTree(root);
	for (const [args, message] of [
		[{...comment, context: 'blog'}, /valid module name/],
		[{...comment, context: 'Comment'}, /Comment/],
		[{...comment, context: 'MyApp'}, /MyApp/],
		[{...comment, attrs: ['status:enum']}, /enum/],
	] as const) {
		const result = await callTool(client, 'generate_context', {project_path: root, ...args});
		t.true(result.isError, JSON.stringify(args));
		t.regex(result.text, message);
	}

	t.deepEqual(await snapshotTree(root), before);
	await writeFile(join(root, 'lib/my_app/blog.ex'), '# emptied by hand\n');
	const broken = await callTool(client, 'generate_context', {project_path: root, ...comment});
	t.true(broken.isError);
	t.regex(broken.text, /lib\/my_app\/blog\.ex does not define the module MyApp\.Blog/);
	t.false((await snapshotTree(root)).has('lib/my_app/blog/comment.ex'), 'no half-done call');
	t.true((await snapshotTree(fixtureProjectPath('with_context'))).has('lib/my_app/blog.ex'), 'the fixture itself is untouched');
});

test('with `:generators, migration: false` the context writes the schema but no migration, as Phoenix does', async t => {
	const root = await copyFixtureProject(t, 'no_timestamps');
	await writeFile(join(root, 'config', 'dev.exs'), 'import Config\nconfig :my_app, :generators, migration: false\n');
	const result = await callTool(client, 'generate_context', {project_path: root, context: 'Blog', schema: 'Post', plural: 'posts', attrs: ['title']});
	t.false(result.isError, result.text);
	t.deepEqual(
		result.files.map(file => file.path),
		['lib/my_app/blog/post.ex', 'lib/my_app/blog.ex', 'test/my_app/blog_test.exs', 'test/support/fixtures/blog_fixtures.ex'],
	);
	t.true(result.files[0]!.content.includes('    timestamps()\n'));
});

test('no_schema over a schema that exists writes real access functions against it, no "TODO" stubs (issue 16 item 4)', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	await mkdir(join(root, 'lib/my_app/blog'), {recursive: true});
	await copyFile(join(fixtureProjectPath('with_context'), 'lib/my_app/blog/post.ex'), join(root, 'lib/my_app/blog/post.ex'));
	const result = await callTool(client, 'generate_context', {project_path: root, context: 'Blog', schema: 'Post', plural: 'posts', attrs: ['title', 'body'], no_schema: true});
	t.false(result.isError, result.text);
	const context = await readFile(join(root, 'lib/my_app/blog.ex'), 'utf8');
	t.false(context.includes('raise "TODO"'));
	t.true(context.includes('  alias MyApp.Blog.Post\n'));
	t.true(context.includes('  def get_post!(id), do: Repo.get!(Post, id)\n'));
	t.true(context.includes('    |> Post.changeset(attrs)\n    |> Repo.insert()\n'));
	if (requireElixir(t)) t.deepEqual(await checkElixirFiles(result.files.map(file => join(root, file.path))), []);
});

test('a second schema over a table that has one is refused, nothing written (issue 16 item 6)', async t => {
	const root = await copyFixtureProject(t, 'with_context');
	const before = await snapshotTree(root);
	const refused = await callTool(client, 'generate_context', {project_path: root, context: 'Library', schema: 'Post', plural: 'posts', attrs: ['title', 'author_id:references:authors']});
	t.true(refused.isError);
	t.regex(refused.text, /Table "posts" already has a schema, MyApp\.Blog\.Post \(lib\/my_app\/blog\/post\.ex\).*generate_add_fields_migration/);
	t.deepEqual(await snapshotTree(root), before);
});

test('previous_attrs on a schema whose reference the program sets: the updated context, fixtures and tests still take the parent', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const base = {project_path: root, context: 'Blog'};
	t.false((await callTool(client, 'generate_context', {...base, schema: 'Post', plural: 'posts', attrs: ['title']})).isError);
	const comments = {...base, schema: 'Comment', plural: 'comments'};
	t.false((await callTool(client, 'generate_context', {...comments, attrs: ['post_id:references:posts']})).isError);
	const result = await callTool(client, 'generate_context', {...comments, attrs: ['post_id:references:posts', 'body:text'], no_schema: true, previous_attrs: ['post_id:references:posts']});
	t.false(result.isError, result.text);
	const context = await readFile(join(root, 'lib/my_app/blog.ex'), 'utf8');
	t.true(context.includes('  def create_comment(%Post{} = post, attrs) do\n    %Comment{post_id: post.id}\n'), context);
	t.true(context.includes('  def update_comment(%Comment{} = comment, attrs) do'));
	const fixtures = await readFile(join(root, 'test/support/fixtures/blog_fixtures.ex'), 'utf8');
	t.true(fixtures.includes('{:ok, comment} = MyApp.Blog.create_comment(post, attrs)'));
	const tests = await readFile(join(root, 'test/my_app/blog_test.exs'), 'utf8');
	t.true(tests.includes('assert comment.post_id == post.id'));
	t.false(tests.includes('Blog.create_comment(valid_attrs)'));
});

test('previous_attrs: after fields are added, the fixtures and the test attrs are updated for them (issue 16 item 3)', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const post = {project_path: root, context: 'Blog', schema: 'Post', plural: 'posts'};
	t.false((await callTool(client, 'generate_context', {...post, attrs: ['title']})).isError);
	await callTool(client, 'generate_context', {...post, attrs: ['title', 'slug:string:unique'], overwrite: true, no_schema: true, previous_attrs: ['title']}).then(result => {
		t.false(result.isError, result.text);
		t.deepEqual(
			result.files.map(file => [file.path, file.action]),
			[
				['lib/my_app/blog.ex', 'unchanged'],
				['test/my_app/blog_test.exs', 'injected'],
				['test/support/fixtures/blog_fixtures.ex', 'injected'],
			],
		);
	});
	const fixtures = await readFile(join(root, 'test/support/fixtures/blog_fixtures.ex'), 'utf8');
	t.true(fixtures.includes('  def unique_post_slug, do: "some slug#{System.unique_integer([:positive])}"\n'));
	t.true(fixtures.includes('        slug: unique_post_slug(),\n'));
	const tests = await readFile(join(root, 'test/my_app/blog_test.exs'), 'utf8');
	t.true(tests.includes('@invalid_attrs %{title: nil, slug: nil}'));
	t.true(tests.includes('valid_attrs = %{title: "some title", slug: "some slug"}'));
	t.is((tests.match(/describe "posts" do/g) ?? []).length, 1);

	await writeFile(join(root, 'test/my_app/blog_test.exs'), tests.replace('some updated slug', 'my own slug'));
	const edited = await callTool(client, 'generate_context', {...post, attrs: ['title', 'slug:string:unique', 'views:integer'], no_schema: true, previous_attrs: ['title', 'slug:string:unique']});
	t.true(edited.isError, 'a block edited by hand is not replaced');
	t.regex(edited.text, /test\/my_app\/blog_test\.exs does not hold the posts code as generated for title, slug/);
	t.false((await readFile(join(root, 'test/support/fixtures/blog_fixtures.ex'), 'utf8')).includes('views'), 'nothing half-written');
});
