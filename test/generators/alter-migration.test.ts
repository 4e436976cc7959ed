import test from 'ava';
import {GeneratorError} from '../../source/generators/errors.js';
import {addFieldsMigrationName, renderAlterMigration} from '../../source/generators/migration.js';
import type {ProjectInfo} from '../../source/generators/project-info.js';
import {buildSchemaSpec, type GeneratedFile, type SchemaOptions} from '../../source/generators/schema-spec.js';
import {mixFormatCheck, parseElixirTexts, requireElixir} from '../helpers/elixir.js';
import {modernProject, plainProject, scopedProject} from './projects.js';

const STAMP = '20250102030405';
const alter = (options: Partial<SchemaOptions> & {attrs: string[]}, name?: string, project: ProjectInfo = plainProject): GeneratedFile =>
	renderAlterMigration(buildSchemaSpec(project, {schema: 'Blog.Post', plural: 'posts', ...options}), name === undefined ? {} : {name}, STAMP);

const rendered: GeneratedFile[] = [];
const keep = (file: GeneratedFile): GeneratedFile => {
	rendered.push({...file, path: `${rendered.length}_${file.path.split('/').pop()!}`});
	return file;
};

test('one unique field: alter table, then its unique index', t => {
	const file = keep(alter({attrs: ['slug:string:unique']}));
	t.is(file.path, 'priv/repo/migrations/20250102030405_add_slug_to_posts.exs');
	t.is(
		file.content,
		`defmodule MyApp.Repo.Migrations.AddSlugToPosts do
  use Ecto.Migration

  def change do
    alter table(:posts) do
      add :slug, :string
    end

    create unique_index(:posts, [:slug])
  end
end
`,
	);
});

test('plain columns, then references; unique indexes then reference indexes, as in create migrations', t => {
	const file = keep(alter({attrs: ['author_id:references:users', 'published:boolean', 'views:integer', 'code:string:unique', 'tags:array:string', 'status:enum:draft:live']}, 'extend_posts'));
	t.is(file.path, 'priv/repo/migrations/20250102030405_extend_posts.exs');
	t.is(
		file.content,
		`defmodule MyApp.Repo.Migrations.ExtendPosts do
  use Ecto.Migration

  def change do
    alter table(:posts) do
      add :published, :boolean, default: false, null: false
      add :views, :integer
      add :code, :string
      add :tags, {:array, :string}
      add :status, :string
      add :author_id, references(:users, on_delete: :nothing)
    end

    create unique_index(:posts, [:code])
    create index(:posts, [:author_id])
  end
end
`,
	);
});

test('without indexes there is no trailing blank block', t => {
	const file = keep(alter({attrs: ['body:text', 'published_at:utc_datetime']}));
	t.is(file.path, 'priv/repo/migrations/20250102030405_add_body_and_published_at_to_posts.exs');
	t.is(
		file.content,
		`defmodule MyApp.Repo.Migrations.AddBodyAndPublishedAtToPosts do
  use Ecto.Migration

  def change do
    alter table(:posts) do
      add :body, :text
      add :published_at, :utc_datetime
    end
  end
end
`,
	);
});

test('binary ids type the references; a prefix goes on the table and on its indexes; table and repo options are honoured', t => {
	const file = keep(alter({attrs: ['editor_id:references:users', 'slug:string:unique'], binaryId: true, prefix: 'cms', table: 'blog_posts', repo: 'MyApp.CmsRepo'}));
	t.is(file.path, 'priv/cms_repo/migrations/20250102030405_add_editor_id_and_slug_to_blog_posts.exs');
	t.is(
		file.content,
		`defmodule MyApp.CmsRepo.Migrations.AddEditorIdAndSlugToBlogPosts do
  use Ecto.Migration

  def change do
    alter table(:blog_posts, prefix: :cms) do
      add :slug, :string
      add :editor_id, references(:users, on_delete: :nothing, type: :binary_id)
    end

    create unique_index(:blog_posts, [:slug], prefix: :cms)
    create index(:blog_posts, [:editor_id], prefix: :cms)
  end
end
`,
	);
});

test('a scope adds no column to an alter migration; the project timestamp type does not matter', t => {
	const file = keep(alter({attrs: ['featured:boolean', 'note']}, 'AddFlagsToPosts', scopedProject));
	t.true(file.path.endsWith('_add_flags_to_posts.exs'), file.path);
	t.true(file.content.startsWith('defmodule MyApp.Repo.Migrations.AddFlagsToPosts do\n'));
	t.false(file.content.includes('user_id'), file.content);
	t.false(file.content.includes('timestamps'), file.content);
	t.true(file.content.includes('      add :featured, :boolean, default: false, null: false\n      add :note, :string\n'), file.content);
	keep(alter({attrs: ['day:date']}, undefined, modernProject));
});

test('default names: up to three fields are named, more become add_fields_to_<table>', t => {
	t.is(addFieldsMigrationName('posts', ['a', 'b', 'c']), 'add_a_and_b_and_c_to_posts');
	t.is(addFieldsMigrationName('posts', ['a', 'b', 'c', 'd']), 'add_fields_to_posts');
	t.is(addFieldsMigrationName('posts', ['x'.repeat(95)]), 'add_fields_to_posts');
	t.is(alter({attrs: ['a', 'b', 'c', 'd']}).path, 'priv/repo/migrations/20250102030405_add_fields_to_posts.exs');
	t.true(alter({attrs: ['a', 'b', 'c', 'd']}).content.startsWith('defmodule MyApp.Repo.Migrations.AddFieldsToPosts do\n'));
});

test('bad input: no fields, a bad name, a bad stamp', t => {
	t.throws(() => alter({attrs: []}), {instanceOf: GeneratorError, message: /at least one new attribute/});
	t.throws(() => alter({attrs: ['slug']}, 'add slug'), {instanceOf: GeneratorError, message: /Migration name "add slug" is not valid/});
	const spec = buildSchemaSpec(plainProject, {schema: 'Blog.Post', plural: 'posts', attrs: ['slug']});
	t.throws(() => renderAlterMigration(spec, {}, '2025'), {instanceOf: GeneratorError, message: /stamp "2025" is not valid/});
});

test('every alter migration parses as Elixir and is mix-formatted', async t => {
	if (!requireElixir(t)) return;
	// Rendered by the tests above (ava starts a file's tests in order; this one awaits, they do not).
	t.true(rendered.length >= 6, String(rendered.length));
	const [parseFailures, unformatted] = await Promise.all([parseElixirTexts(rendered), mixFormatCheck(rendered)]);
	t.deepEqual(parseFailures, []);
	t.deepEqual(unformatted, []);
});
