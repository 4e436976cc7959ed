import test from 'ava';
import {GeneratorError} from '../../source/generators/errors.js';
import {migrationModuleName, migrationStamp, renderEmptyMigration, renderMigration} from '../../source/generators/migration.js';
import type {ProjectInfo} from '../../source/generators/project-info.js';
import {buildSchemaSpec, type SchemaOptions} from '../../source/generators/schema-spec.js';
import {mixFormatCheck, parseElixirTexts, requireElixir} from '../helpers/elixir.js';
import {modernProject, plainProject, scopedProject} from './projects.js';

const STAMP = '20250102030405';
const migrationFor = (options: SchemaOptions, project: ProjectInfo = plainProject, stamp = STAMP) => renderMigration(buildSchemaSpec(project, options), stamp);

test('a migration for every attribute type (full file)', t => {
	const file = migrationFor({
		schema: 'Blog.Post',
		plural: 'posts',
		attrs: [
			'title',
			'body:text',
			'views:integer',
			'rating:float',
			'price:decimal',
			'published:boolean',
			'meta:map',
			'token:uuid',
			'blob:binary',
			'day:date',
			'at:time',
			'at_usec:time_usec',
			'drafted_at:datetime',
			'naive_usec:naive_datetime_usec',
			'edited_at:utc_datetime',
			'utc_usec:utc_datetime_usec',
			'tags:array:string',
			'notes:array:text',
			'ids:array:uuid',
			'status:enum:draft:in-progress',
			'author_id:references:users',
		],
	});
	t.is(file.path, 'priv/repo/migrations/20250102030405_create_posts.exs');
	t.is(
		file.content,
		`defmodule MyApp.Repo.Migrations.CreatePosts do
  use Ecto.Migration

  def change do
    create table(:posts) do
      add :title, :string
      add :body, :text
      add :views, :integer
      add :rating, :float
      add :price, :decimal
      add :published, :boolean, default: false, null: false
      add :meta, :map
      add :token, :uuid
      add :blob, :binary
      add :day, :date
      add :at, :time
      add :at_usec, :time_usec
      add :drafted_at, :naive_datetime
      add :naive_usec, :naive_datetime_usec
      add :edited_at, :utc_datetime
      add :utc_usec, :utc_datetime_usec
      add :tags, {:array, :string}
      add :notes, {:array, :text}
      add :ids, {:array, :uuid}
      add :status, :string
      add :author_id, references(:users, on_delete: :nothing)

      timestamps()
    end

    create index(:posts, [:author_id])
  end
end
`,
	);
});

test('no indexes: the file ends right after the table (full file)', t => {
	t.is(
		migrationFor({schema: 'Blog.Post', plural: 'blog_posts', attrs: ['title:string', 'views:integer']}, modernProject).content,
		`defmodule MyApp.Repo.Migrations.CreateBlogPosts do
  use Ecto.Migration

  def change do
    create table(:blog_posts) do
      add :title, :string
      add :views, :integer

      timestamps(type: :utc_datetime)
    end
  end
end
`,
	);
});

// Deliberate difference: Phoenix 1.8's migration.exs template keeps the blank line before
// timestamps even without columns, which mix format removes; we write what mix format keeps.
test('no attributes at all', t => {
	t.is(
		migrationFor({schema: 'Tag', plural: 'tags', attrs: []}).content,
		'defmodule MyApp.Repo.Migrations.CreateTags do\n  use Ecto.Migration\n\n  def change do\n    create table(:tags) do\n      timestamps()\n    end\n  end\nend\n',
	);
});

// Phoenix: "generates unique indices" — unique first (reverse input order), then references; one index per column.
test('unique indexes, reference indexes and their order (full file)', t => {
	t.is(
		migrationFor({
			schema: 'Blog.Post',
			plural: 'posts',
			attrs: ['title:unique', 'secret:redact', 'unique_int:integer:unique', 'author_id:references:users', 'editor_id:references:users:unique', 'blog_id:references:blogs'],
		}).content,
		`defmodule MyApp.Repo.Migrations.CreatePosts do
  use Ecto.Migration

  def change do
    create table(:posts) do
      add :title, :string
      add :secret, :string
      add :unique_int, :integer
      add :author_id, references(:users, on_delete: :nothing)
      add :editor_id, references(:users, on_delete: :nothing)
      add :blog_id, references(:blogs, on_delete: :nothing)

      timestamps()
    end

    create unique_index(:posts, [:editor_id])
    create unique_index(:posts, [:unique_int])
    create unique_index(:posts, [:title])
    create index(:posts, [:author_id])
    create index(:posts, [:blog_id])
  end
end
`,
	);
});

// Phoenix: "generates migration with binary_id" and "uses defaults from :generators configuration into the migration".
test('binary ids (full file)', t => {
	const expected = `defmodule MyApp.Repo.Migrations.CreatePosts do
  use Ecto.Migration

  def change do
    create table(:posts, primary_key: false) do
      add :id, :binary_id, primary_key: true
      add :title, :string
      add :user_id, references(:users, on_delete: :nothing, type: :binary_id)

      timestamps()
    end

    create index(:posts, [:user_id])
  end
end
`;
	t.is(migrationFor({schema: 'Blog.Post', plural: 'posts', attrs: ['title', 'user_id:references:users'], binaryId: true}).content, expected);
	t.is(migrationFor({schema: 'Blog.Post', plural: 'posts', attrs: ['title', 'user_id:references:users']}, {...plainProject, binaryId: true}).content, expected);
});

// Phoenix: "generates migration with custom primary key".
test('custom primary keys, with and without binary ids', t => {
	const binary = migrationFor({schema: 'Blog.Post', plural: 'posts', attrs: ['title'], binaryId: true, primaryKey: 'post_id'}).content;
	t.true(binary.includes('    create table(:posts, primary_key: false) do\n      add :post_id, :binary_id, primary_key: true\n      add :title, :string\n'));
	const plain = migrationFor({schema: 'Blog.Post', plural: 'posts', attrs: ['title'], primaryKey: 'post_id'}).content;
	t.true(plain.includes('    create table(:posts, primary_key: false) do\n      add :post_id, :id, primary_key: true\n      add :title, :string\n'));
});

// Phoenix: "generates schema and migration with prefix".
test('prefix (full file)', t => {
	t.is(
		migrationFor({schema: 'Blog.Post', plural: 'posts', attrs: ['title'], prefix: 'cms', binaryId: true}).content,
		`defmodule MyApp.Repo.Migrations.CreatePosts do
  use Ecto.Migration

  def change do
    create table(:posts, primary_key: false, prefix: :cms) do
      add :id, :binary_id, primary_key: true
      add :title, :string

      timestamps()
    end
  end
end
`,
	);
	t.true(migrationFor({schema: 'Blog.Post', plural: 'posts', attrs: [], prefix: 'cms'}).content.includes('    create table(:posts, prefix: :cms) do\n'));
});

test('default scope: scope column and its index come first (full file)', t => {
	t.is(
		migrationFor({schema: 'Blog.Post', plural: 'posts', attrs: ['title', 'slug:unique', 'category_id:references:categories']}, scopedProject).content,
		`defmodule MyApp.Repo.Migrations.CreatePosts do
  use Ecto.Migration

  def change do
    create table(:posts) do
      add :title, :string
      add :slug, :string
      add :category_id, references(:categories, on_delete: :nothing)
      add :user_id, references(:users, type: :id, on_delete: :delete_all)

      timestamps(type: :utc_datetime)
    end

    create index(:posts, [:user_id])

    create unique_index(:posts, [:slug])
    create index(:posts, [:category_id])
  end
end
`,
	);
});

test('scope without other indexes, binary scope key, scope without a table', t => {
	t.true(
		migrationFor({schema: 'Post', plural: 'posts', attrs: ['title']}, scopedProject).content.endsWith(
			'      timestamps(type: :utc_datetime)\n    end\n\n    create index(:posts, [:user_id])\n  end\nend\n',
		),
	);
	t.true(
		migrationFor({schema: 'Post', plural: 'posts', attrs: [], scope: 'organization'}, scopedProject).content.includes(
			'      add :org_id, references(:organizations, type: :binary_id, on_delete: :delete_all)\n',
		),
	);
	const tableless = {...scopedProject, scopes: [{...scopedProject.scopes[0]!, schemaTable: ''}]};
	t.true(migrationFor({schema: 'Post', plural: 'posts', attrs: []}, tableless).content.includes('      add :user_id, :id\n\n'));
});

// Phoenix: "allows a custom repo", "allows a custom migration dir", "custom migration_dir takes precedence over custom repo name".
test('migration paths and module names follow the repo and migration dir', t => {
	const custom = migrationFor({schema: 'Blog.Post', plural: 'blog_posts', attrs: [], repo: 'MyApp.CustomRepo'});
	t.is(custom.path, 'priv/custom_repo/migrations/20250102030405_create_blog_posts.exs');
	t.true(custom.content.startsWith('defmodule MyApp.CustomRepo.Migrations.CreateBlogPosts do\n'));
	t.is(migrationFor({schema: 'Blog.Post', plural: 'blog_posts', attrs: [], migrationDir: 'priv/custom_dir'}).path, 'priv/custom_dir/20250102030405_create_blog_posts.exs');
	t.is(migrationFor({schema: 'Blog.Post', plural: 'blog_posts', attrs: [], repo: 'MyApp.CustomRepo', migrationDir: 'priv/custom_dir'}).path, 'priv/custom_dir/20250102030405_create_blog_posts.exs');
	t.is(migrationFor({schema: 'Post', plural: 'posts', attrs: []}, {...plainProject, migrationDir: 'priv/gen'}).path, 'priv/gen/20250102030405_create_posts.exs');
	// Phoenix: "generates custom table name": the table names the file and the module.
	const table = buildSchemaSpec(plainProject, {schema: 'Blog.Post', plural: 'posts', attrs: [], table: 'cms_posts'});
	t.is(migrationModuleName(table), 'MyApp.Repo.Migrations.CreateCmsPosts');
	t.is(renderMigration(table, STAMP).path, 'priv/repo/migrations/20250102030405_create_cms_posts.exs');
	t.true(renderMigration(table, STAMP).content.includes('    create table(:cms_posts) do\n'));
	t.throws(() => migrationFor({schema: 'Post', plural: 'posts', attrs: []}, plainProject, '2025-01-02'), {instanceOf: GeneratorError, message: /stamp "2025-01-02".*YYYYMMDDHHMMSS/});
});

// Deliberate difference: ecto.gen.migration's template has a blank line in the empty body, which mix format removes.
test("empty migration: ecto.gen.migration's template as mix format leaves it (full file)", t => {
	const expected = 'defmodule MyApp.Repo.Migrations.AddPostsTable do\n  use Ecto.Migration\n\n  def change do\n  end\nend\n';
	const snake = renderEmptyMigration(plainProject, {name: 'add_posts_table'}, STAMP);
	t.deepEqual(snake, {path: 'priv/repo/migrations/20250102030405_add_posts_table.exs', content: expected});
	const camel = renderEmptyMigration(plainProject, {name: 'AddPostsTable'}, STAMP);
	t.deepEqual(camel, {path: 'priv/repo/migrations/20250102030405_add_posts_table.exs', content: expected});
	const custom = renderEmptyMigration(plainProject, {name: 'backfill_v2', repo: 'MyApp.CustomRepo'}, STAMP);
	t.is(custom.path, 'priv/custom_repo/migrations/20250102030405_backfill_v2.exs');
	t.true(custom.content.startsWith('defmodule MyApp.CustomRepo.Migrations.BackfillV2 do\n'));
	t.is(renderEmptyMigration(plainProject, {name: 'x', migrationDir: 'priv/m'}, STAMP).path, 'priv/m/20250102030405_x.exs');
	for (const name of ['add posts', 'add-posts', '1_add', '', 'x'.repeat(101), '../evil']) {
		t.throws(() => renderEmptyMigration(plainProject, {name}, STAMP), {instanceOf: GeneratorError, message: /Migration name .* is not valid: use snake_case or CamelCase/}, name);
	}
});

test('migrationStamp: UTC now, or one second past the newest taken stamp', t => {
	const now = new Date(Date.UTC(2025, 0, 2, 3, 4, 5));
	t.is(migrationStamp(now, []), '20250102030405');
	t.is(migrationStamp(now, ['20240101000000', 'not-a-stamp']), '20250102030405');
	t.is(migrationStamp(now, ['20250102030405']), '20250102030406');
	t.is(migrationStamp(now, ['20250102030405', '20250102030406']), '20250102030407');
	// Carries across minutes, days and years like a clock.
	t.is(migrationStamp(now, ['20250102035959']), '20250102040000');
	t.is(migrationStamp(now, ['20251231235959']), '20260101000000');
	// Ten migrations generated in the same second stay distinct and ordered.
	const taken: string[] = [];
	for (let i = 0; i < 10; i++) taken.push(migrationStamp(now, taken));
	t.deepEqual(taken, [...new Set(taken)].sort());
	t.is(taken.length, 10);
	t.is(taken[9], '20250102030414');
	t.throws(() => migrationStamp(new Date(Number.NaN), []), {instanceOf: GeneratorError});
});

// Every migration above is valid Elixir; all but ecto's empty template are mix-formatted.
test('generated migrations parse and are mix-formatted', async t => {
	if (!requireElixir(t)) return;
	const formatted = [
		migrationFor({
			schema: 'Blog.Post',
			plural: 'posts',
			attrs: ['title', 'body:text', 'published:boolean', 'token:uuid', 'tags:array:text', 'status:enum:a:b', 'author_id:references:users', 'slug:unique'],
		}),
		migrationFor({schema: 'Blog.Post', plural: 'posts', attrs: ['title:unique', 'n:integer:unique', 'a_id:references:as:unique']}),
		migrationFor({schema: 'Blog.Post', plural: 'posts', attrs: ['title', 'user_id:references:users'], binaryId: true, primaryKey: 'post_id', prefix: 'cms'}),
		migrationFor({schema: 'Blog.Post', plural: 'posts', attrs: ['title'], primaryKey: 'post_id'}),
		migrationFor({schema: 'Blog.Post', plural: 'posts', attrs: ['title', 'slug:unique', 'c_id:references:cs']}, scopedProject),
		migrationFor({schema: 'Post', plural: 'posts', attrs: ['title']}, scopedProject),
		migrationFor({schema: 'Post', plural: 'posts', attrs: [], scope: 'organization'}, scopedProject),
	];
	const empty = renderEmptyMigration(plainProject, {name: 'add_posts_table'}, STAMP);
	const noColumns = migrationFor({schema: 'Tag', plural: 'tags', attrs: []}, modernProject);
	const [parseFailures, unformatted] = await Promise.all([parseElixirTexts([...formatted, empty, noColumns]), mixFormatCheck([...formatted, empty, noColumns])]);
	t.deepEqual(parseFailures, []);
	// ecto_sql writes a blank line inside the empty change/0, and Phoenix one after `create table(...) do`
	// when there are no columns; mix format removes both, and so do we.
	t.deepEqual(unformatted, []);
});
