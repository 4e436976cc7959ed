/**
 * The servers driven the way an untrusted model or a careless third-party client would: parallel
 * calls, hostile strings, odd migration folders, symlink loops, files where folders should be, and
 * a project the server cannot write into.
 */

import {existsSync} from 'node:fs';
import {chmod, chown, mkdir, readdir, readFile, rename, symlink} from 'node:fs/promises';
import {dirname, join, relative} from 'node:path';
import type {Client} from '@modelcontextprotocol/sdk/client/index.js';
import test from 'ava';
import {lockFileOf} from '../../source/tools/write/project-lock.js';
import {checkElixirFiles, mixFormatCheck, requireElixir} from '../helpers/elixir.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {canTestPermissions, NOBODY, runsAsRoot} from '../helpers/unprivileged.js';
import {callTool, snapshotTree, startToolServer} from './tool-client.js';

let ecto: Client;
let migrations: Client;
let contexts: Client;

test.before(async () => {
	[ecto, migrations, contexts] = await Promise.all([startToolServer('elixir-ecto-gen-tool'), startToolServer('elixir-migration-gen-tool'), startToolServer('phoenix-context-gen-tool')]);
});

test.after.always(async () => {
	await Promise.all([ecto?.close(), migrations?.close(), contexts?.close()]);
});

const stampOf = (path: string) => /\/(\d{14})_[^/]+\.exs$/.exec(path)?.[1];

test('parallel calls on two servers: distinct migration stamps, and both schemas end up in the shared context', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const results = await Promise.all([
		callTool(migrations, 'generate_migration', {project_path: root, schema: 'Blog.Post', plural: 'posts', attrs: ['title']}),
		callTool(migrations, 'generate_migration', {project_path: root, schema: 'Blog.Tag', plural: 'tags', attrs: ['name']}),
		callTool(migrations, 'generate_empty_migration', {project_path: root, name: 'add_views_to_posts'}),
		callTool(contexts, 'generate_context', {project_path: root, context: 'Shop', schema: 'Item', plural: 'items', attrs: ['name']}),
		callTool(contexts, 'generate_context', {project_path: root, context: 'Shop', schema: 'Order', plural: 'orders', attrs: ['total:decimal']}),
	]);
	for (const result of results) t.false(result.isError, result.text);
	const stamps = results.flatMap(result => result.files.map(file => stampOf(file.path)).filter(stamp => stamp !== undefined));
	t.is(stamps.length, 5);
	t.is(new Set(stamps).size, 5, `one stamp per migration: ${stamps.join(' ')}`);
	const onDisk = (await readdir(join(root, 'priv/repo/migrations'))).filter(name => /^\d{14}_/.test(name));
	t.is(new Set(onDisk.map(name => name.slice(0, 14))).size, 5);

	const context = await readFile(join(root, 'lib/my_app/shop.ex'), 'utf8');
	t.true(context.includes('def list_items do') && context.includes('def list_orders do'), "no call lost the other one's functions");
	const tests = await readFile(join(root, 'test/my_app/shop_test.exs'), 'utf8');
	t.true(tests.includes('describe "items" do') && tests.includes('describe "orders" do'));
	const fixtures = await readFile(join(root, 'test/support/fixtures/shop_fixtures.ex'), 'utf8');
	t.true(fixtures.includes('def item_fixture') && fixtures.includes('def order_fixture'));
	t.deepEqual(
		results
			.slice(3)
			.map(result => result.files.find(file => file.path === 'lib/my_app/shop.ex')!.action)
			.sort(),
		['created', 'injected'],
	);
	t.false(existsSync(lockFileOf(root)), 'the lock is released');
	if (requireElixir(t)) t.deepEqual(await checkElixirFiles(['lib/my_app/shop.ex', 'test/my_app/shop_test.exs', 'test/support/fixtures/shop_fixtures.ex'].map(file => join(root, file))), []);
});

test('hostile strings in names are refused with a message naming them, and nothing is written', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const before = await snapshotTree(root);
	const post = {project_path: root, schema: 'Blog.Post', plural: 'posts'};
	const cases: Array<[Client, string, Record<string, unknown>, RegExp]> = [
		[ecto, 'generate_schema', {...post, attrs: ['title\nfield :evil, :string']}, /not a valid field name/],
		[ecto, 'generate_schema', {...post, attrs: ['ti"tle']}, /not a valid field name/],
		[ecto, 'generate_schema', {...post, attrs: ['#{System.cmd("rm", ["-rf", "/"])}']}, /not a valid field name/],
		[ecto, 'generate_schema', {...post, attrs: ['títle']}, /not a valid field name/],
		[ecto, 'generate_schema', {...post, attrs: ['end']}, /reserved word/],
		[ecto, 'generate_schema', {...post, attrs: Array.from({length: 5000}, (_, index) => `f${index}`)}, /attrs/],
		[ecto, 'generate_schema', {...post, schema: 'Blog.Post; System.cmd'}, /not a valid module name/],
		[ecto, 'generate_schema', {...post, schema: 'Blog.Pöst'}, /not a valid module name/],
		[ecto, 'generate_schema', {...post, plural: '../x'}, /snake_case/],
		[ecto, 'generate_schema', {...post, table: 'po"sts'}, /not a valid table name/],
		[ecto, 'generate_schema', {...post, attrs: ['user_id:references:us"ers']}, /not a valid table name/],
		[ecto, 'generate_schema', {...post, prefix: 'cms"; DROP'}, /Prefix/],
		[ecto, 'generate_schema', {...post, primary_key: 'id"x'}, /not a valid field name/],
		[ecto, 'generate_schema', {...post, attrs: ['s:enum:a\nb']}, /control character/],
		[migrations, 'generate_migration', {...post, repo: 'my_repo'}, /Repo "my_repo" is not a valid module name/],
		[migrations, 'generate_migration', {...post, repo: 'MyApp.Repo; System.cmd("x")'}, /not a valid module name/],
		[migrations, 'generate_empty_migration', {project_path: root, name: '../evil'}, /Migration name/],
		[contexts, 'generate_context', {...post, context: 'Blog; x', schema: 'Post'}, /Context .* not a valid module name/],
	];
	for (const [client, tool, args, message] of cases) {
		const result = await callTool(client, tool, args);
		t.true(result.isError, `${tool} ${JSON.stringify(args).slice(0, 120)}`);
		t.regex(result.text, message);
	}

	t.deepEqual(await snapshotTree(root), before);
});

test('odd but valid enum values and names are escaped: every file parses and is formatted', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const result = await callTool(contexts, 'generate_context', {
		project_path: root,
		context: 'Ops',
		schema: 'Task',
		plural: 'tasks',
		attrs: ['state:enum:#{x}:a"b:in-progress:ok?:end', 'do_it:boolean', 'label:string:unique:redact'],
	});
	t.false(result.isError, result.text);
	const schema = result.files.find(file => file.path === 'lib/my_app/ops/task.ex')!.content;
	// As Elixir's inspect prints atoms: `#{` escaped (no interpolation), quotes escaped.
	t.true(schema.includes('    field :state, Ecto.Enum, values: [:"\\#{x}", :"a\\"b", :"in-progress", :ok?, :end]\n'), schema);
	if (requireElixir(t)) {
		t.deepEqual(await checkElixirFiles(result.files.map(file => join(root, file.path))), []);
		t.deepEqual(await mixFormatCheck(result.files), []);
	}
});

test('migration folders inside lib/, test/, config/, priv/static/ or hidden folders are refused', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const before = await snapshotTree(root);
	for (const migrationDir of ['lib/my_app', 'lib', 'test/migrations', 'config', 'deps/x', '_build/dev', 'priv/static/migrations', '.git/hooks', 'priv/.hidden', 'Lib/x', 'priv/a\nb']) {
		for (const [tool, args] of [
			['generate_migration', {schema: 'Blog.Post', plural: 'posts', attrs: ['title']}],
			['generate_empty_migration', {name: 'add_x'}],
		] as const) {
			const result = await callTool(migrations, tool, {project_path: root, ...args, migration_dir: migrationDir});
			t.true(result.isError, `${tool} ${migrationDir}`);
			t.regex(result.text, /Migration folder .* is not allowed/, migrationDir);
		}
	}

	t.deepEqual(await snapshotTree(root), before);
	const fine = await callTool(migrations, 'generate_empty_migration', {project_path: root, name: 'add_x', migration_dir: 'priv/repo/tenant_migrations'});
	t.false(fine.isError, fine.text);
});

test('project_path that is a file, or a relative path from a server started elsewhere', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const file = await callTool(ecto, 'generate_schema', {project_path: join(root, 'mix.exs'), schema: 'Blog.Post', plural: 'posts'});
	t.true(file.isError);
	t.regex(file.text, /mix\.exs" is not a folder/);

	const elsewhere = await startToolServer('elixir-ecto-gen-tool', dirname(dirname(root)));
	t.teardown(async () => elsewhere.close());
	const relativePath = relative(dirname(dirname(root)), root);
	const result = await callTool(elsewhere, 'generate_schema', {project_path: relativePath, schema: 'Blog.Post', plural: 'posts', attrs: ['title']});
	t.false(result.isError, result.text);
	t.true(existsSync(join(root, 'lib/my_app/blog/post.ex')));
});

test('symlink loops in lib/ neither hang inspect_project nor let a write through', async t => {
	const root = await copyFixtureProject(t, 'with_context');
	await symlink('loop', join(root, 'lib/my_app/loop'));
	await symlink('..', join(root, 'lib/my_app/up'));
	await symlink('b2', join(root, 'lib/my_app/b1'));
	await symlink('b1', join(root, 'lib/my_app/b2'));
	const inspected = await callTool(ecto, 'inspect_project', {project_path: root});
	t.false(inspected.isError, inspected.text);
	t.deepEqual(inspected.structured!['contexts'], [{module: 'MyApp.Blog', file: 'lib/my_app/blog.ex'}]);
	t.deepEqual(inspected.structured!['schemas'], [
		{
			module: 'MyApp.Blog.Post',
			table: 'posts',
			file: 'lib/my_app/blog/post.ex',
			fields: [
				{name: 'title', type: 'string'},
				{name: 'body', type: 'string'},
			],
			references: [],
		},
	]);
	const before = await snapshotTree(root);
	for (const schema of ['Loop.Post', 'B1.Post']) {
		const result = await callTool(ecto, 'generate_schema', {project_path: root, schema, plural: 'loop_posts'});
		t.true(result.isError, schema);
		t.regex(result.text, /symbolic link that cannot be resolved/);
	}

	t.deepEqual(await snapshotTree(root), before);
});

test('a folder the server cannot write into: clear error, earlier files restored, new folders removed, no temp files', async t => {
	if (!canTestPermissions(t)) return t.pass();
	const root = await copyFixtureProject(t, 'my_app');
	const locked = join(root, 'test/support/fixtures');
	await mkdir(locked);
	// Root writes anywhere: run that server as `nobody` on a project owned by nobody instead.
	let client = contexts;
	if (runsAsRoot) {
		await chmod(dirname(root), 0o755);
		for (const path of [root, ...(await listAll(root))]) await chown(path, NOBODY, NOBODY);
		client = await startToolServer('phoenix-context-gen-tool', root, {uid: NOBODY});
		t.teardown(async () => client.close());
	}

	await chmod(locked, 0o555);
	t.teardown(async () => chmod(locked, 0o755));
	const before = await snapshotTree(root);
	const result = await callTool(client, 'generate_context', {project_path: root, context: 'Shop', schema: 'Item', plural: 'items', attrs: ['name']});
	t.true(result.isError);
	t.regex(result.text, /Could not write "test\/support\/fixtures\/shop_fixtures\.ex": permission denied \(EACCES\)/);
	t.regex(result.text, /The 4 file\(s\) this call had already written were restored\. Nothing was written\./);
	t.deepEqual(await snapshotTree(root), before, 'no file added, changed or left behind (temp files included)');
	t.false(existsSync(join(root, 'lib/my_app/shop')), 'the folder made for the schema is gone');
	t.false(existsSync(join(root, 'test/my_app')), 'the folder made for the context test is gone');
});

async function listAll(folder: string): Promise<string[]> {
	const entries = await readdir(folder, {withFileTypes: true, recursive: true});
	return entries.map(entry => join(entry.parentPath, entry.name));
}

test('a symlinked migrations folder pointing outside is refused for both migration tools', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const outside = await copyFixtureProject(t, 'no_timestamps');
	await rename(join(root, 'priv/repo/migrations'), join(root, 'priv/repo/migrations-moved'));
	await symlink(join(outside, 'priv/repo/migrations'), join(root, 'priv/repo/migrations'));
	const before = await snapshotTree(outside);
	for (const [tool, args] of [
		['generate_migration', {schema: 'Blog.Post', plural: 'posts', attrs: ['title']}],
		['generate_empty_migration', {name: 'add_x'}],
	] as const) {
		const result = await callTool(migrations, tool, {project_path: root, ...args});
		t.true(result.isError, tool);
		t.regex(result.text, /"priv\/repo\/migrations" is a symbolic link that points outside the project root/);
	}

	t.deepEqual(await snapshotTree(outside), before);
});
