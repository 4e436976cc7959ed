// Cases from Phoenix 1.8's own test suite (test/mix/tasks/phx.gen.schema_test.exs) written out as
// the full files Phoenix's templates produce, plus the name clashes we refuse where Phoenix writes
// code that cannot compile.
import test from 'ava';
import {buildContextSpec, renderContextModule} from '../../source/generators/context.js';
import {GeneratorError} from '../../source/generators/errors.js';
import {renderMigration} from '../../source/generators/migration.js';
import type {ProjectInfo, ScopeConfig} from '../../source/generators/project-info.js';
import {renderSchema} from '../../source/generators/schema.js';
import {buildSchemaSpec, repoAliasFor} from '../../source/generators/schema-spec.js';
import {parseElixirTexts, requireElixir} from '../helpers/elixir.js';
import {plainProject, scopedProject} from './projects.js';

const STAMP = '20250102030405';

// Phoenix's "generates scoped schema": `--scope org --binary-id`, the org scope keyed by an :id.
const orgIdScope: ScopeConfig = {
	name: 'org',
	default: true,
	module: 'MyApp.Accounts.Scope',
	assignKey: 'current_scope',
	accessPath: ['user', 'org_id'],
	schemaKey: 'org_id',
	schemaType: 'id',
	schemaTable: 'organizations',
};
const orgProject: ProjectInfo = {...plainProject, scopes: [orgIdScope]};

test('phx.gen.schema "generates scoped schema": binary ids with an :id scope key (full files)', async t => {
	const spec = buildSchemaSpec(orgProject, {schema: 'Blog.Post', plural: 'blog_posts', attrs: ['title:string'], scope: 'org', binaryId: true});
	const schema = renderSchema(spec);
	const migration = renderMigration(spec, STAMP);
	t.is(
		schema.content,
		`defmodule MyApp.Blog.Post do
  use Ecto.Schema
  import Ecto.Changeset

  @primary_key {:id, :binary_id, autogenerate: true}
  @foreign_key_type :binary_id
  schema "blog_posts" do
    field :title, :string
    field :org_id, :id

    timestamps()
  end

  @doc false
  def changeset(post, attrs, org_scope) do
    post
    |> cast(attrs, [:title])
    |> validate_required([:title])
    |> put_change(:org_id, org_scope.user.org_id)
  end
end
`,
	);
	t.is(migration.path, `priv/repo/migrations/${STAMP}_create_blog_posts.exs`);
	t.is(
		migration.content,
		`defmodule MyApp.Repo.Migrations.CreateBlogPosts do
  use Ecto.Migration

  def change do
    create table(:blog_posts, primary_key: false) do
      add :id, :binary_id, primary_key: true
      add :title, :string
      add :org_id, references(:organizations, type: :id, on_delete: :delete_all)

      timestamps()
    end

    create index(:blog_posts, [:org_id])
  end
end
`,
	);
	if (!requireElixir(t)) return;
	t.deepEqual(await parseElixirTexts([schema, migration]), []);
});

// Phoenix's "generates references with unique indexes" and "generates unique indices".
test('phx.gen.schema unique references and unique/redact flags (full files)', t => {
	const spec = buildSchemaSpec(plainProject, {
		schema: 'Blog.Post',
		plural: 'posts',
		attrs: ['title', 'user_id:references:users', 'unique_post_id:references:posts:unique', 'secret:redact', 'unique_int:integer:unique'],
	});
	t.is(
		renderSchema(spec).content,
		`defmodule MyApp.Blog.Post do
  use Ecto.Schema
  import Ecto.Changeset

  schema "posts" do
    field :title, :string
    field :secret, :string, redact: true
    field :unique_int, :integer
    field :user_id, :id
    field :unique_post_id, :id

    timestamps()
  end

  @doc false
  def changeset(post, attrs) do
    post
    |> cast(attrs, [:title, :secret, :unique_int])
    |> validate_required([:title, :secret, :unique_int])
    |> unique_constraint(:unique_int)
    |> unique_constraint(:unique_post_id)
  end
end
`,
	);
	t.is(
		renderMigration(spec, STAMP).content,
		`defmodule MyApp.Repo.Migrations.CreatePosts do
  use Ecto.Migration

  def change do
    create table(:posts) do
      add :title, :string
      add :secret, :string
      add :unique_int, :integer
      add :user_id, references(:users, on_delete: :nothing)
      add :unique_post_id, references(:posts, on_delete: :nothing)

      timestamps()
    end

    create unique_index(:posts, [:unique_int])
    create unique_index(:posts, [:unique_post_id])
    create index(:posts, [:user_id])
  end
end
`,
	);
});

// Phoenix: "custom migration_dir takes precedence over custom repo name"; the repo keeps the module.
test('phx.gen.schema custom repo and migration dir', t => {
	const spec = buildSchemaSpec(plainProject, {schema: 'Blog.Post', plural: 'blog_posts', attrs: ['title:string'], repo: 'MyApp.CustomRepo', migrationDir: 'priv/custom_dir'});
	const migration = renderMigration(spec, STAMP);
	t.is(migration.path, `priv/custom_dir/${STAMP}_create_blog_posts.exs`);
	t.true(migration.content.startsWith('defmodule MyApp.CustomRepo.Migrations.CreateBlogPosts do\n'));
});

// Phoenix compares inspect(repo) ("Repo" for a bare Repo) against a ".Repo" ending.
test('a repo module named Repo or ending in .Repo needs no "as: Repo"', t => {
	t.is(repoAliasFor('Repo'), 'Repo');
	t.is(repoAliasFor('MyApp.Repo'), 'MyApp.Repo');
	t.is(repoAliasFor('MyApp.Repos'), 'MyApp.Repos, as: Repo');
	const context = buildContextSpec({...plainProject, repo: 'Repo'}, {context: 'Blog', schema: 'Post', plural: 'posts', attrs: []});
	t.true(renderContextModule(context).includes('\n  alias Repo\nend\n'));
});

// Phoenix writes these, but the result does not compile: an alias shadows a module the code uses,
// the context is the repo itself, or the schema's variable is the scope's.
test('names that break the generated context code are refused', t => {
	const refuses = (options: {context: string; schema: string}, message: RegExp, project: ProjectInfo = plainProject) =>
		t.throws(() => buildContextSpec(project, {plural: 'items', attrs: [], ...options}), {instanceOf: GeneratorError, message});
	refuses({context: 'Repo', schema: 'Post'}, /Context "Repo" would be the project's repo module MyApp.Repo \(lib\/my_app\/repo\.ex\); a generator never replaces it/);
	refuses({context: 'Blog', schema: 'Repo'}, /schema name "Repo" would shadow the Repo alias/);
	refuses({context: 'Blog', schema: 'Admin.Ecto'}, /schema name "Ecto" would shadow the Ecto module/);
	refuses({context: 'Site.Decimal', schema: 'Post'}, /context name "Decimal" would shadow the Decimal module/);
	refuses({context: 'Blog', schema: 'Enum'}, /"Enum" would shadow/);
	refuses({context: 'Blog', schema: 'Scope'}, /"Scope" is taken by the scope module MyApp.Accounts.Scope.*rename the schema or use noScope/, scopedProject);
	refuses({context: 'Blog', schema: 'OtherScope'}, /variable name "other_scope", which the scoped code already uses/, scopedProject);
	// Without a scope, the names are free.
	t.notThrows(() => buildContextSpec(scopedProject, {context: 'Blog', schema: 'Scope', plural: 'scopes', attrs: [], noScope: true}));
	t.notThrows(() => buildContextSpec(plainProject, {context: 'Blog', schema: 'RepoEntry', plural: 'entries', attrs: []}));
});
