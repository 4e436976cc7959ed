import {mkdir, readFile, symlink} from 'node:fs/promises';
import {join} from 'node:path';
import type {Client} from '@modelcontextprotocol/sdk/client/index.js';
import test from 'ava';
import {checkElixirFiles, requireElixir} from '../helpers/elixir.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {callTool, listDir, snapshotTree, startToolServer} from './tool-client.js';

let client: Client;

test.before(async () => {
	client = await startToolServer('elixir-migration-gen-tool');
});

test.after.always(async () => {
	await client?.close();
});

const posts = {schema: 'Blog.Post', plural: 'posts', attrs: ['title', 'slug:string:unique', 'author_id:references:users']};
const migrations = async (root: string) => (await listDir(join(root, 'priv/repo/migrations'))).filter(name => /^\d+_/.test(name));

test('tools/list: the migration tools with their required arguments', async t => {
	const {tools} = await client.listTools();
	const byName = new Map(tools.map(tool => [tool.name, tool.inputSchema]));
	t.deepEqual([...byName.keys()].sort(), ['generate_add_fields_migration', 'generate_empty_migration', 'generate_migration']);
	t.deepEqual(byName.get('generate_add_fields_migration')!.required, ['project_path', 'schema', 'plural', 'attrs']);
	const addFields = byName.get('generate_add_fields_migration')!.properties as Record<string, unknown>;
	for (const key of ['table', 'binary_id', 'prefix', 'repo', 'migration_dir', 'name', 'overwrite', 'dry_run']) t.truthy(addFields[key], key);
	t.regex(tools.find(tool => tool.name === 'generate_add_fields_migration')!.description!, /existing schema.*attrs are only the NEW fields/s);
	t.deepEqual(byName.get('generate_migration')!.required, ['project_path', 'schema', 'plural']);
	t.deepEqual(byName.get('generate_empty_migration')!.required, ['project_path', 'name']);
	t.truthy((byName.get('generate_migration')!.properties as Record<string, unknown>)['migration_dir']);
});

test('generate_migration writes <stamp>_create_posts.exs with columns and indexes, and says to migrate', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const result = await callTool(client, 'generate_migration', {project_path: root, ...posts});
	t.false(result.isError, result.text);
	const [file] = result.files;
	t.regex(file!.path, /^priv\/repo\/migrations\/\d{14}_create_posts\.exs$/);
	t.is(file!.action, 'created');
	const written = await readFile(join(root, file!.path), 'utf8');
	t.is(written, file!.content);
	t.true(written.startsWith('defmodule MyApp.Repo.Migrations.CreatePosts do\n'));
	t.true(written.includes('add :author_id, references(:users, on_delete: :nothing)'));
	t.true(written.includes('create unique_index(:posts, [:slug])'));
	t.true(written.includes('timestamps(type: :utc_datetime)'));
	t.deepEqual(result.nextSteps, ['Run mix ecto.migrate to apply the migration.']);
	if (requireElixir(t)) t.deepEqual(await checkElixirFiles([join(root, file!.path)]), []);
});

test('a second create_posts is refused; identical is unchanged; overwrite replaces it under its name', async t => {
	const root = await copyFixtureProject(t, 'with_context');
	const existing = '20250601120000_create_posts.exs';
	const same = await callTool(client, 'generate_migration', {project_path: root, schema: 'Blog.Post', plural: 'posts', attrs: ['title', 'body:text']});
	t.false(same.isError, same.text);
	t.like(same.files[0], {path: `priv/repo/migrations/${existing}`, action: 'unchanged'});
	t.deepEqual(same.nextSteps, [], 'nothing to migrate when nothing was written');

	const before = await snapshotTree(root);
	const refused = await callTool(client, 'generate_migration', {project_path: root, ...posts});
	t.true(refused.isError);
	t.regex(refused.text, /create_posts already exists \(priv\/repo\/migrations\/20250601120000_create_posts\.exs\).*overwrite: true/);
	t.deepEqual(await snapshotTree(root), before);

	const replaced = await callTool(client, 'generate_migration', {project_path: root, ...posts, overwrite: true});
	t.like(replaced.files[0], {path: `priv/repo/migrations/${existing}`, action: 'overwritten'});
	t.deepEqual(await migrations(root), [existing]);
	t.true((await readFile(join(root, 'priv/repo/migrations', existing), 'utf8')).includes('add :slug, :string'));
});

test('migrations generated back to back get distinct, ordered stamps', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const first = await callTool(client, 'generate_migration', {project_path: root, ...posts});
	const second = await callTool(client, 'generate_migration', {project_path: root, schema: 'Blog.Comment', plural: 'comments', attrs: ['body:text']});
	const third = await callTool(client, 'generate_empty_migration', {project_path: root, name: 'add_views_to_posts'});
	const stamps = [first, second, third].map(result => /(\d{14})_/.exec(result.files[0]!.path)![1]!);
	t.is(new Set(stamps).size, 3, stamps.join(' '));
	t.deepEqual([...stamps].sort(), stamps);
	t.deepEqual(
		(await migrations(root)).map(name => name.slice(15)),
		['create_posts.exs', 'create_comments.exs', 'add_views_to_posts.exs'],
	);
});

test("generate_empty_migration writes ecto.gen.migration's file and refuses a taken name", async t => {
	const root = await copyFixtureProject(t, 'with_context');
	const result = await callTool(client, 'generate_empty_migration', {project_path: root, name: 'AddViewsToPosts'});
	t.false(result.isError, result.text);
	t.regex(result.files[0]!.path, /^priv\/repo\/migrations\/\d{14}_add_views_to_posts\.exs$/);
	t.is(result.files[0]!.content, 'defmodule MyApp.Repo.Migrations.AddViewsToPosts do\n  use Ecto.Migration\n\n  def change do\n  end\nend\n');
	if (requireElixir(t)) t.deepEqual(await checkElixirFiles([join(root, result.files[0]!.path)]), []);

	const before = await snapshotTree(root);
	for (const name of ['add_views_to_posts', 'create_posts']) {
		const again = await callTool(client, 'generate_empty_migration', {project_path: root, name});
		t.true(again.isError, name);
		t.regex(again.text, new RegExp(`${name} already exists`));
	}

	const invalid = await callTool(client, 'generate_empty_migration', {project_path: root, name: 'add views'});
	t.true(invalid.isError);
	t.regex(invalid.text, /snake_case or CamelCase/);
	t.deepEqual(await snapshotTree(root), before);
});

test('migration_dir is honoured inside the project; .., absolute and symlinked escapes are refused', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const outside = await copyFixtureProject(t, 'no_timestamps');
	const inside = await callTool(client, 'generate_migration', {project_path: root, ...posts, migration_dir: 'priv/other_repo/migrations'});
	t.false(inside.isError, inside.text);
	t.regex(inside.files[0]!.path, /^priv\/other_repo\/migrations\/\d{14}_create_posts\.exs$/);

	await mkdir(join(root, 'priv', 'links'));
	await symlink(join(outside, 'priv'), join(root, 'priv', 'links', 'out'));
	const before = await snapshotTree(outside);
	for (const migrationDir of ['../outside/migrations', 'priv/../../escape', join(outside, 'priv/repo/migrations'), 'priv/links/out/repo/migrations']) {
		for (const [tool, args] of [
			['generate_migration', posts],
			['generate_empty_migration', {name: 'add_x'}],
		] as const) {
			const result = await callTool(client, tool, {project_path: root, ...args, migration_dir: migrationDir});
			t.true(result.isError, `${tool} ${migrationDir}`);
			t.regex(result.text, /not allowed|outside the project root/, migrationDir);
		}
	}

	t.deepEqual(await snapshotTree(outside), before);
});

test('dry_run plans the migration without writing it', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const result = await callTool(client, 'generate_migration', {project_path: root, ...posts, dry_run: true});
	t.false(result.isError, result.text);
	t.like(result.files[0], {action: 'planned', would: 'created'});
	t.deepEqual(result.nextSteps, ['Run mix ecto.migrate to apply the migration.']);
	t.deepEqual(await migrations(root), []);
});

test('binary ids and an explicit repo change the migration as Phoenix does', async t => {
	const root = await copyFixtureProject(t, 'binary_id');
	const result = await callTool(client, 'generate_migration', {project_path: root, ...posts, repo: 'MyApp.ReadRepo'});
	t.false(result.isError, result.text);
	t.regex(result.files[0]!.path, /^priv\/read_repo\/migrations\/\d{14}_create_posts\.exs$/);
	const content = result.files[0]!.content;
	t.true(content.startsWith('defmodule MyApp.ReadRepo.Migrations.CreatePosts do'));
	t.true(content.includes('create table(:posts, primary_key: false) do\n      add :id, :binary_id, primary_key: true'));
	t.true(content.includes('references(:users, on_delete: :nothing, type: :binary_id)'));
});

test('a dry run reports its stamp in apply_args; the real call given it writes the previewed file, even seconds later', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	for (const [tool, args] of [
		['generate_migration', posts],
		['generate_add_fields_migration', {schema: 'Blog.Post', plural: 'posts', attrs: ['views:integer']}],
		['generate_empty_migration', {name: 'add_search_index'}],
	] as const) {
		const preview = await callTool(client, tool, {project_path: root, ...args, dry_run: true});
		t.false(preview.isError, preview.text);
		const stamp = (preview.structured!['apply_args'] as {migration_stamp: string}).migration_stamp;
		t.regex(stamp, /^\d{14}$/);
		t.true(preview.files[0]!.path.includes(`/${stamp}_`), tool);
		// A stamp in the past (as a slow approval would leave) still sorts after the project's migrations here.
		const written = await callTool(client, tool, {project_path: root, ...args, migration_stamp: stamp});
		t.false(written.isError, written.text);
		t.deepEqual(
			written.files.map(file => ({path: file.path, content: file.content})),
			preview.files.map(file => ({path: file.path, content: file.content})),
			tool,
		);
		t.is(written.structured!['apply_args'], undefined, 'only a dry run reports apply_args');
		t.is(written.structured!['notices'], undefined);
	}
});

test('a stamp that no longer sorts after every migration is replaced by a fresh one, and the result says so', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const preview = await callTool(client, 'generate_migration', {project_path: root, ...posts, dry_run: true});
	const stamp = (preview.structured!['apply_args'] as {migration_stamp: string}).migration_stamp;
	// Meanwhile someone adds a migration stamped after the previewed one.
	const later = await callTool(client, 'generate_empty_migration', {project_path: root, name: 'meanwhile', migration_stamp: String(BigInt(stamp) + 5n)});
	t.false(later.isError, later.text);
	const written = await callTool(client, 'generate_migration', {project_path: root, ...posts, migration_stamp: stamp});
	t.false(written.isError, written.text);
	const path = written.files[0]!.path;
	t.not(path, preview.files[0]!.path);
	t.true(path > later.files[0]!.path, 'the new migration still sorts after every existing one');
	t.regex(written.text, new RegExp(`Note: The migration stamp ${stamp} \\(from the preview\\) no longer sorts after every migration in priv/repo/migrations`));
	t.deepEqual(written.structured!['notices'], [written.text.split('Note: ')[1]!.split('\n')[0]]);
	t.deepEqual(await migrations(root), [later.files[0]!.path.split('/').pop(), path.split('/').pop()].sort());
});
