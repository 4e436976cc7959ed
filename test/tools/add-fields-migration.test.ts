import {readFile, rm, writeFile} from 'node:fs/promises';
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

const CREATE_POSTS = '20250601120000_create_posts.exs';
const posts = {schema: 'Blog.Post', plural: 'posts'};
const migrations = async (root: string) => (await listDir(join(root, 'priv/repo/migrations'))).filter(name => /^\d+_/.test(name));

test('generate_add_fields_migration writes the alter migration for an existing table, and says to migrate', async t => {
	const root = await copyFixtureProject(t, 'with_context');
	const result = await callTool(client, 'generate_add_fields_migration', {project_path: root, ...posts, attrs: ['slug:string:unique', 'editor_id:references:users']});
	t.false(result.isError, result.text);
	const [file] = result.files;
	t.regex(file!.path, /^priv\/repo\/migrations\/\d{14}_add_slug_and_editor_id_to_posts\.exs$/);
	t.true(file!.path > `priv/repo/migrations/${CREATE_POSTS}`, 'stamped after the create migration');
	t.is(file!.action, 'created');
	t.is(
		await readFile(join(root, file!.path), 'utf8'),
		`defmodule MyApp.Repo.Migrations.AddSlugAndEditorIdToPosts do
  use Ecto.Migration

  def change do
    alter table(:posts) do
      add :slug, :string
      add :editor_id, references(:users, on_delete: :nothing)
    end

    create unique_index(:posts, [:slug])
    create index(:posts, [:editor_id])
  end
end
`,
	);
	t.deepEqual(result.nextSteps, ['Run mix ecto.migrate to apply the migration.']);
	if (requireElixir(t)) t.deepEqual(await checkElixirFiles([join(root, file!.path)]), []);

	// The migration just written counts too: slug is now a column of posts.
	const before = await snapshotTree(root);
	const again = await callTool(client, 'generate_add_fields_migration', {project_path: root, ...posts, attrs: ['views:integer', 'slug'], name: 'add_more'});
	t.true(again.isError);
	t.regex(again.text, /Table "posts" already has slug \(added by priv\/repo\/migrations\/\d{14}_add_slug_and_editor_id_to_posts\.exs\)\. Give only the new fields/);
	t.deepEqual(await snapshotTree(root), before);
});

test('dry_run plans it and writes nothing; binary_id and prefix reach the file', async t => {
	const root = await copyFixtureProject(t, 'with_context');
	const result = await callTool(client, 'generate_add_fields_migration', {
		project_path: root,
		...posts,
		attrs: ['owner_id:references:users'],
		binary_id: true,
		prefix: 'cms',
		dry_run: true,
	});
	t.false(result.isError, result.text);
	t.like(result.files[0], {action: 'planned', would: 'created'});
	t.true(result.files[0]!.content.includes('    alter table(:posts, prefix: :cms) do\n      add :owner_id, references(:users, on_delete: :nothing, type: :binary_id)\n'));
	t.true(result.files[0]!.content.includes('    create index(:posts, [:owner_id], prefix: :cms)\n'));
	t.deepEqual(await migrations(root), [CREATE_POSTS]);
});

test('refused, with nothing written: an unknown table, an existing column, no fields, a bad name', async t => {
	const root = await copyFixtureProject(t, 'with_context');
	const before = await snapshotTree(root);
	const unknown = await callTool(client, 'generate_add_fields_migration', {project_path: root, schema: 'Blog.Comment', plural: 'comments', attrs: ['body']});
	t.true(unknown.isError);
	t.regex(
		unknown.text,
		/Table "comments" does not exist for the migrations: no migration in priv\/repo\/migrations creates it \(a create_comments migration with `create table\(:comments\)`\)\. Call generate_migration/,
	);
	t.regex(unknown.text, /Nothing was written/);

	const existing = await callTool(client, 'generate_add_fields_migration', {project_path: root, ...posts, attrs: ['title', 'slug']});
	t.true(existing.isError);
	t.regex(existing.text, new RegExp(`Table "posts" already has title \\(added by priv/repo/migrations/${CREATE_POSTS}\\)`));

	const none = await callTool(client, 'generate_add_fields_migration', {project_path: root, ...posts, attrs: []});
	t.true(none.isError, none.text);
	t.regex(none.text, /attrs/);

	const badName = await callTool(client, 'generate_add_fields_migration', {project_path: root, ...posts, attrs: ['slug'], name: 'add slug'});
	t.true(badName.isError);
	t.regex(badName.text, /Migration name "add slug" is not valid/);
	t.deepEqual(await snapshotTree(root), before);
});

test('a table known only from its schema file is refused: the create migration is missing, generate_migration is the call', async t => {
	const root = await copyFixtureProject(t, 'with_context');
	await rm(join(root, 'priv/repo/migrations', CREATE_POSTS));
	const before = await snapshotTree(root);
	const result = await callTool(client, 'generate_add_fields_migration', {project_path: root, ...posts, attrs: ['slug']});
	t.true(result.isError, result.text);
	t.regex(
		result.text,
		/Table "posts" does not exist for the migrations: no migration in priv\/repo\/migrations creates it \(a create_posts migration with `create table\(:posts\)`\)\. Call generate_migration with the schema, plural and all its attrs/,
	);
	t.deepEqual(await snapshotTree(root), before);

	// create_if_not_exists counts as creating it.
	await writeFile(
		join(root, 'priv/repo/migrations/20250601120000_create_posts.exs'),
		'defmodule MyApp.Repo.Migrations.CreatePosts do\n  use Ecto.Migration\n\n  def change do\n    create_if_not_exists table(:posts) do\n      add :title, :string\n    end\n  end\nend\n',
	);
	const accepted = await callTool(client, 'generate_add_fields_migration', {project_path: root, ...posts, attrs: ['slug']});
	t.false(accepted.isError, accepted.text);
});

test('a migration name that exists is refused; overwrite replaces that file under its name', async t => {
	const root = await copyFixtureProject(t, 'with_context');
	const taken = '20250701000000_add_slug_to_posts.exs';
	await writeFile(join(root, 'priv/repo/migrations', taken), 'defmodule MyApp.Repo.Migrations.AddSlugToPosts do\n  use Ecto.Migration\n\n  def change do\n  end\nend\n');
	const before = await snapshotTree(root);
	const refused = await callTool(client, 'generate_add_fields_migration', {project_path: root, ...posts, attrs: ['slug']});
	t.true(refused.isError);
	t.regex(refused.text, /A migration named add_slug_to_posts already exists \(priv\/repo\/migrations\/20250701000000_add_slug_to_posts\.exs\).*overwrite: true/);
	t.deepEqual(await snapshotTree(root), before);

	const replaced = await callTool(client, 'generate_add_fields_migration', {project_path: root, ...posts, attrs: ['slug'], overwrite: true});
	t.false(replaced.isError, replaced.text);
	t.like(replaced.files[0], {path: `priv/repo/migrations/${taken}`, action: 'overwritten'});
	t.deepEqual(await migrations(root), [CREATE_POSTS, taken]);
	t.true((await readFile(join(root, 'priv/repo/migrations', taken), 'utf8')).includes('    alter table(:posts) do\n      add :slug, :string\n    end\n'));
});
