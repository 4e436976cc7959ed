import {spawn} from 'node:child_process';
import {mkdir, readFile, rename, symlink, writeFile} from 'node:fs/promises';
import {join, relative} from 'node:path';
import type {Client} from '@modelcontextprotocol/sdk/client/index.js';
import test from 'ava';
import {packageRoot} from '../../source/package-root.js';
import {checkElixirFiles, requireElixir} from '../helpers/elixir.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {tsxLoader} from '../helpers/tsx-loader.js';
import {callTool, listDir, snapshotTree, startToolServer} from './tool-client.js';

let client: Client;

test.before(async () => {
	client = await startToolServer('elixir-ecto-gen-tool');
});

test.after.always(async () => {
	await client?.close();
});

test('tools/list: both tools, their required arguments and model-ready descriptions', async t => {
	const {tools} = await client.listTools();
	const byName = new Map(tools.map(tool => [tool.name, tool]));
	t.deepEqual([...byName.keys()].sort(), ['generate_schema', 'inspect_project']);
	t.deepEqual(byName.get('inspect_project')!.inputSchema.required, ['project_path']);
	const schema = byName.get('generate_schema')!;
	t.deepEqual(schema.inputSchema.required, ['project_path', 'schema', 'plural']);
	const properties = schema.inputSchema.properties as Record<string, {description?: string}>;
	t.deepEqual(
		Object.keys(properties).sort(),
		['attrs', 'binary_id', 'dry_run', 'no_scope', 'overwrite', 'plural', 'prefix', 'primary_key', 'project_path', 'scope', 'schema', 'table', 'unique_indexes'].sort(),
	);
	for (const example of ['slug:string:unique', 'tags:array:string', 'status:enum:draft:published', 'user_id:references:users', 'utc_datetime_usec', 'time_usec']) {
		t.true(properties['attrs']!.description!.includes(example), example);
	}
	t.truthy(schema.outputSchema);
});

test('inspect_project reports the scoped fixture: app, repo, generators, scope, context, schema, migration', async t => {
	const root = await copyFixtureProject(t, 'scoped');
	const result = await callTool(client, 'inspect_project', {project_path: root});
	t.false(result.isError, result.text);
	t.like(result.structured, {
		app: 'my_app',
		base_module: 'MyApp',
		repo: 'MyApp.Repo',
		generators: {timestamp_type: 'utc_datetime', binary_id: false, migration: true, migration_dir: null},
		migration_dir: 'priv/repo/migrations',
		default_scope: 'user',
		migrations: ['20250601120000_create_users_auth_tables.exs'],
	});
	t.deepEqual(
		(result.structured!['scopes'] as Array<{schema_key: string}>).map(scope => scope.schema_key),
		['user_id'],
	);
	t.deepEqual(result.structured!['contexts'], [{module: 'MyApp.Accounts', file: 'lib/my_app/accounts.ex'}]);
	t.deepEqual(result.structured!['schemas'], [
		{
			module: 'MyApp.Accounts.User',
			table: 'users',
			file: 'lib/my_app/accounts/user.ex',
			fields: [
				{name: 'email', type: 'string'},
				{name: 'password', type: 'string'},
				{name: 'hashed_password', type: 'string'},
				{name: 'confirmed_at', type: 'utc_datetime'},
				{name: 'authenticated_at', type: 'utc_datetime'},
			],
			references: [],
		},
	]);
	t.regex(result.text, /Scopes: user \(default\) MyApp\.Accounts\.Scope/);
});

test("inspect_project resolves a relative project_path against the server's working directory", async t => {
	const root = await copyFixtureProject(t, 'binary_id');
	const local = await startToolServer('elixir-ecto-gen-tool', join(root, '..'));
	t.teardown(async () => local.close());
	const result = await callTool(local, 'inspect_project', {project_path: 'binary_id'});
	t.false(result.isError, result.text);
	t.is(result.structured!['project_path'], root);
	t.like(result.structured, {generators: {binary_id: true}});
});

test('generate_schema writes the schema file Phoenix writes, and Elixir parses it', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const result = await callTool(client, 'generate_schema', {
		project_path: root,
		schema: 'Blog.Post',
		plural: 'posts',
		attrs: ['title', 'body:text', 'slug:string:unique', 'published:boolean', 'author_id:references:users'],
	});
	t.false(result.isError, result.text);
	t.deepEqual(
		result.files.map(file => [file.path, file.action]),
		[['lib/my_app/blog/post.ex', 'created']],
	);
	const written = await readFile(join(root, 'lib/my_app/blog/post.ex'), 'utf8');
	t.is(written, result.files[0]!.content);
	t.true(written.startsWith('defmodule MyApp.Blog.Post do\n  use Ecto.Schema\n'));
	t.true(written.includes('  schema "posts" do\n    field :title, :string\n'));
	t.true(written.includes('field :published, :boolean, default: false'));
	t.true(written.includes('field :author_id, :id'));
	t.true(written.includes('timestamps(type: :utc_datetime)'));
	t.true(result.nextSteps.some(step => step.includes('generate_migration')));
	t.deepEqual(await listDir(join(root, 'priv/repo/migrations')), ['.formatter.exs', '.gitkeep'], 'no migration from generate_schema');
	if (requireElixir(t)) t.deepEqual(await checkElixirFiles([join(root, 'lib/my_app/blog/post.ex')]), []);
});

test('generate_schema follows the project config: binary ids, no timestamp type, default scope', async t => {
	const [binary, plain, scoped] = await Promise.all([copyFixtureProject(t, 'binary_id'), copyFixtureProject(t, 'no_timestamps'), copyFixtureProject(t, 'scoped')]);
	const args = {schema: 'Blog.Post', plural: 'posts', attrs: ['title']};
	const [a, b, c, d] = await Promise.all([
		callTool(client, 'generate_schema', {...args, project_path: binary}),
		callTool(client, 'generate_schema', {...args, project_path: plain}),
		callTool(client, 'generate_schema', {...args, project_path: scoped}),
		callTool(client, 'generate_schema', {...args, project_path: scoped, schema: 'Blog.Tag', plural: 'tags', no_scope: true}),
	]);
	t.true(a.files[0]!.content.includes('@primary_key {:id, :binary_id, autogenerate: true}'));
	t.true(b.files[0]!.content.includes('    timestamps()\n'));
	t.true(c.files[0]!.content.includes('field :user_id, :id'));
	t.true(c.files[0]!.content.includes('user_scope.user.id'));
	t.false(d.files[0]!.content.includes('user_id'));
});

test('overwrite: identical is unchanged, a differing file is refused, then replaced with overwrite: true', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const args = {project_path: root, schema: 'Blog.Post', plural: 'posts', attrs: ['title']};
	t.is((await callTool(client, 'generate_schema', args)).files[0]!.action, 'created');
	t.is((await callTool(client, 'generate_schema', args)).files[0]!.action, 'unchanged');
	const before = await snapshotTree(root);
	const refused = await callTool(client, 'generate_schema', {...args, attrs: ['title', 'views:integer']});
	t.true(refused.isError);
	t.regex(refused.text, /lib\/my_app\/blog\/post\.ex.*overwrite: true/);
	t.deepEqual(await snapshotTree(root), before);
	const replaced = await callTool(client, 'generate_schema', {...args, attrs: ['title', 'views:integer'], overwrite: true});
	t.is(replaced.files[0]!.action, 'overwritten');
	t.true((await readFile(join(root, 'lib/my_app/blog/post.ex'), 'utf8')).includes('field :views, :integer'));
});

test('dry_run reports the planned file with its content and writes nothing', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const before = await snapshotTree(root);
	const result = await callTool(client, 'generate_schema', {project_path: root, schema: 'Catalog.Product', plural: 'products', attrs: ['name'], dry_run: true});
	t.false(result.isError, result.text);
	t.like(result.files[0], {path: 'lib/my_app/catalog/product.ex', action: 'planned', would: 'created'});
	t.true(result.files[0]!.content.includes('defmodule MyApp.Catalog.Product do'));
	t.regex(result.text, /dry run/);
	t.deepEqual(await snapshotTree(root), before);
});

test('invalid calls are isError results that say what is allowed, and write nothing', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const before = await snapshotTree(root);
	const cases: Array<[Record<string, unknown>, RegExp]> = [
		[{schema: 'blog.post', plural: 'posts', attrs: ['title']}, /not a valid module name/],
		[{schema: 'Blog.Post', plural: 'Posts', attrs: ['title']}, /snake_case/],
		[{schema: 'Blog.Post', plural: 'posts', attrs: ['title:strng']}, /strng.*integer, float, decimal.*enum/],
		[{schema: 'Blog.Post', plural: 'posts', attrs: ['author_id:references']}, /references/],
		[{schema: 'Blog.Post', plural: 'posts', attrs: ['title'], scope: 'user'}, /not configured/],
		[{schema: 'Blog.Post', plural: 'posts', attrs: 'title'}, /attrs/],
		[{schema: 'Blog.Post', plural: 'posts', attrs: ['title'], migration_dir: 'x'}, /migration_dir/],
		[{schema: 'Blog.Post'}, /plural/],
	];
	for (const [args, message] of cases) {
		const result = await callTool(client, 'generate_schema', {project_path: root, ...args});
		t.true(result.isError, JSON.stringify(args));
		t.regex(result.text, message, JSON.stringify(args));
	}

	t.deepEqual(await snapshotTree(root), before);
});

test('a folder that is not a Mix project is refused, for both tools', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	await rename(join(root, 'mix.exs'), join(root, 'mix.exs.bak'));
	for (const [name, args] of [
		['inspect_project', {}],
		['generate_schema', {schema: 'Blog.Post', plural: 'posts', attrs: ['title']}],
	] as const) {
		const result = await callTool(client, name, {project_path: root, ...args});
		t.true(result.isError);
		t.regex(result.text, /not a Mix project: it has no mix\.exs/);
	}

	t.false((await snapshotTree(root)).has('lib/my_app/blog/post.ex'));
});

test('a symlinked lib/ pointing outside the project is refused', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const outside = await copyFixtureProject(t, 'no_timestamps');
	await rename(join(root, 'lib'), join(root, 'lib-moved'));
	await symlink(join(outside, 'lib'), join(root, 'lib'));
	const before = await snapshotTree(outside);
	const result = await callTool(client, 'generate_schema', {project_path: root, schema: 'Blog.Post', plural: 'posts', attrs: ['title']});
	t.true(result.isError);
	t.regex(result.text, /"lib" is a symbolic link that points outside the project root/);
	t.deepEqual(await snapshotTree(outside), before);
	t.is(relative(root, join(root, 'lib')), 'lib');
});

test('a schema path blocked by a file where a folder should be is refused cleanly', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	await mkdir(join(root, 'lib', 'my_app'), {recursive: true});
	await writeFile(join(root, 'lib', 'my_app', 'blog'), 'not a folder');
	const result = await callTool(client, 'generate_schema', {project_path: root, schema: 'Blog.Post', plural: 'posts', attrs: ['title']});
	t.true(result.isError);
	t.regex(result.text, /lib\/my_app\/blog" exists and is not a folder/);
});

test('a client that sends a call and closes stdin still gets the answer, then the server exits', async t => {
	const root = await copyFixtureProject(t, 'no_timestamps');
	const child = spawn(process.execPath, ['--import', tsxLoader, join(packageRoot(), 'source/tools/bin/elixir-ecto-gen-tool.ts')], {stdio: ['pipe', 'pipe', 'ignore']});
	t.teardown(() => {
		if (child.exitCode === null) child.kill();
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => {
		output += chunk.toString();
	});
	const exited = new Promise<number | null>(resolve => child.on('exit', resolve));
	const messages = [
		{jsonrpc: '2.0', id: 1, method: 'initialize', params: {protocolVersion: '2025-06-18', capabilities: {}, clientInfo: {name: 'pipe', version: '1'}}},
		{jsonrpc: '2.0', method: 'notifications/initialized'},
		{jsonrpc: '2.0', id: 2, method: 'tools/call', params: {name: 'inspect_project', arguments: {project_path: root}}},
	];
	child.stdin.end(messages.map(message => JSON.stringify(message)).join('\n') + '\n');
	t.is(await exited, 0);
	const answer = output
		.split('\n')
		.filter(Boolean)
		.map(line => JSON.parse(line) as {id?: number; result?: {structuredContent?: {app?: string}}})
		.find(message => message.id === 2);
	t.is(answer?.result?.structuredContent?.app, 'my_app');
});

test('generate_schema refuses a second schema over a table that has one, and says how to add fields to it (issue 16 item 6)', async t => {
	const root = await copyFixtureProject(t, 'with_context');
	const before = await snapshotTree(root);
	const refused = await callTool(client, 'generate_schema', {project_path: root, schema: 'Library.Post', plural: 'posts', attrs: ['title', 'author_id:references:authors']});
	t.true(refused.isError);
	t.regex(refused.text, /Table "posts" already has a schema, MyApp\.Blog\.Post.*schema "Blog\.Post", all its attrs and overwrite: true/);
	t.deepEqual(await snapshotTree(root), before);
	const same = await callTool(client, 'generate_schema', {project_path: root, schema: 'Blog.Post', plural: 'posts', attrs: ['title', 'body', 'author_id:references:authors'], overwrite: true});
	t.false(same.isError, same.text);
});
