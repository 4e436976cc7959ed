import test from 'ava';
import {GeneratorError} from '../../source/generators/errors.js';
import type {ProjectInfo} from '../../source/generators/project-info.js';
import {renderSchema} from '../../source/generators/schema.js';
import {buildSchemaSpec, type SchemaOptions} from '../../source/generators/schema-spec.js';
import {mixFormatCheck, parseElixirTexts, requireElixir} from '../helpers/elixir.js';
import {modernProject, plainProject, scopedProject} from './projects.js';

const schemaFor = (options: SchemaOptions, project: ProjectInfo = plainProject) => renderSchema(buildSchemaSpec(project, options));

test('generates a schema for every attribute type (full file)', t => {
	const file = schemaFor({
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
	t.is(file.path, 'lib/my_app/blog/post.ex');
	t.is(
		file.content,
		`defmodule MyApp.Blog.Post do
  use Ecto.Schema
  import Ecto.Changeset

  schema "posts" do
    field :title, :string
    field :body, :string
    field :views, :integer
    field :rating, :float
    field :price, :decimal
    field :published, :boolean, default: false
    field :meta, :map
    field :token, Ecto.UUID
    field :blob, :binary
    field :day, :date
    field :at, :time
    field :at_usec, :time_usec
    field :drafted_at, :naive_datetime
    field :naive_usec, :naive_datetime_usec
    field :edited_at, :utc_datetime
    field :utc_usec, :utc_datetime_usec
    field :tags, {:array, :string}
    field :notes, {:array, :string}
    field :ids, {:array, Ecto.UUID}
    field :status, Ecto.Enum, values: [:draft, :"in-progress"]
    field :author_id, :id

    timestamps()
  end

  @doc false
  def changeset(post, attrs) do
    post
    |> cast(attrs, [
      :title,
      :body,
      :views,
      :rating,
      :price,
      :published,
      :meta,
      :token,
      :blob,
      :day,
      :at,
      :at_usec,
      :drafted_at,
      :naive_usec,
      :edited_at,
      :utc_usec,
      :tags,
      :notes,
      :ids,
      :status
    ])
    |> validate_required([
      :title,
      :body,
      :views,
      :rating,
      :price,
      :published,
      :token,
      :blob,
      :day,
      :at,
      :at_usec,
      :drafted_at,
      :naive_usec,
      :edited_at,
      :utc_usec,
      :tags,
      :notes,
      :ids,
      :status
    ])
  end
end
`,
	);
});

// Phoenix: "generates schema without extra line break".
test('a single field, default project (full file)', t => {
	t.is(
		schemaFor({schema: 'Blog.Post', plural: 'posts', attrs: ['title']}).content,
		`defmodule MyApp.Blog.Post do
  use Ecto.Schema
  import Ecto.Changeset

  schema "posts" do
    field :title, :string

    timestamps()
  end

  @doc false
  def changeset(post, attrs) do
    post
    |> cast(attrs, [:title])
    |> validate_required([:title])
  end
end
`,
	);
});

// Deliberate differences: Phoenix 1.8's schema.ex template writes the blank line before timestamps
// even when there are no fields, which mix format removes; we write the timestamps line alone. And
// with nothing to cast, the changeset takes no attrs (README "Where ectosmith differs").
test('no attributes: the timestamps line alone and a changeset without attrs (full file)', t => {
	t.is(
		schemaFor({schema: 'Tag', plural: 'tags', attrs: []}, modernProject).content,
		`defmodule MyApp.Tag do
  use Ecto.Schema
  import Ecto.Changeset

  schema "tags" do
    timestamps(type: :utc_datetime)
  end

  @doc false
  def changeset(tag) do
    change(tag)
  end
end
`,
	);
});

// Phoenix: "generates unique indices" / "redact" — unique_constraint in reverse input order, redact after the default.
test('unique and redact flags (full file)', t => {
	t.is(
		schemaFor({schema: 'Accounts.User', plural: 'users', attrs: ['email:string:unique', 'password:string:redact', 'admin:boolean:redact', 'number:integer:unique', 'settings:map']}).content,
		`defmodule MyApp.Accounts.User do
  use Ecto.Schema
  import Ecto.Changeset

  schema "users" do
    field :email, :string
    field :password, :string, redact: true
    field :admin, :boolean, default: false, redact: true
    field :number, :integer
    field :settings, :map

    timestamps()
  end

  @doc false
  def changeset(user, attrs) do
    user
    |> cast(attrs, [:email, :password, :admin, :number, :settings])
    |> validate_required([:email, :password, :admin, :number])
    |> unique_constraint(:number)
    |> unique_constraint(:email)
  end
end
`,
	);
});

// Phoenix: "generates migration with custom primary key" + "generates schema and migration with prefix" + binary ids.
test('binary id, custom primary key and prefix (full file)', t => {
	t.is(
		schemaFor({schema: 'Blog.Post', plural: 'posts', attrs: ['title', 'user_id:references:users'], binaryId: true, primaryKey: 'post_id', prefix: 'cms'}).content,
		`defmodule MyApp.Blog.Post do
  use Ecto.Schema
  import Ecto.Changeset

  @schema_prefix :cms
  @derive {Phoenix.Param, key: :post_id}
  @primary_key {:post_id, :binary_id, autogenerate: true}
  @foreign_key_type :binary_id
  schema "posts" do
    field :title, :string
    field :user_id, :binary_id

    timestamps()
  end

  @doc false
  def changeset(post, attrs) do
    post
    |> cast(attrs, [:title])
    |> validate_required([:title])
  end
end
`,
	);
});

test('custom primary key without binary ids', t => {
	const content = schemaFor({schema: 'Blog.Post', plural: 'posts', attrs: ['title'], primaryKey: 'post_id'}).content;
	t.true(content.includes('  import Ecto.Changeset\n\n  @derive {Phoenix.Param, key: :post_id}\n  @primary_key {:post_id, :id, autogenerate: true}\n  schema "posts" do\n'));
	t.false(content.includes('@foreign_key_type'));
});

// Phoenix: "uses defaults from :generators configuration into the schema".
test("binary_id and timestamp_type come from the project's :generators config", t => {
	const content = schemaFor({schema: 'Blog.Post', plural: 'posts', attrs: ['title']}, {...plainProject, binaryId: true, timestampType: 'utc_datetime_usec'}).content;
	t.true(content.includes('  import Ecto.Changeset\n\n  @primary_key {:id, :binary_id, autogenerate: true}\n  @foreign_key_type :binary_id\n  schema "posts" do\n'));
	t.true(content.includes('\n    timestamps(type: :utc_datetime_usec)\n  end\n'));
	// An explicit option wins over the config.
	t.false(schemaFor({schema: 'Blog.Post', plural: 'posts', attrs: ['title'], binaryId: false}, {...plainProject, binaryId: true}).content.includes('@primary_key'));
	// naive_datetime is Ecto's default: written as timestamps().
	t.true(schemaFor({schema: 'P', plural: 'ps', attrs: []}, {...plainProject, timestampType: 'naive_datetime'}).content.includes('    timestamps()\n'));
});

// Phoenix: "generates nested schema".
test('nested schema module and path', t => {
	const spec = buildSchemaSpec(plainProject, {schema: 'Blog.Admin.User', plural: 'users', attrs: ['name:string']});
	t.like(spec, {module: 'MyApp.Blog.Admin.User', alias: 'User', singular: 'user', file: 'lib/my_app/blog/admin/user.ex', table: 'users'});
	t.true(renderSchema(spec).content.startsWith('defmodule MyApp.Blog.Admin.User do\n'));
	t.like(buildSchemaSpec(plainProject, {schema: 'Site.UserProfile', plural: 'user_profiles', attrs: []}), {
		file: 'lib/my_app/site/user_profile.ex',
		singular: 'user_profile',
		humanSingular: 'User profile',
		humanPlural: 'User profiles',
	});
});

// Phoenix: "generates custom table name".
test('custom table name', t => {
	const spec = buildSchemaSpec(plainProject, {schema: 'Blog.Post', plural: 'posts', attrs: [], table: 'cms_posts'});
	t.is(spec.table, 'cms_posts');
	t.is(spec.plural, 'posts');
	t.true(renderSchema(spec).content.includes('  schema "cms_posts" do\n'));
});

// Phoenix: "does not add maps to the required list".
test('maps are cast but not required; references neither', t => {
	const content = schemaFor({schema: 'Blog.Post', plural: 'blog_posts', attrs: ['title:string', 'tags:map', 'published_at:naive_datetime', 'user_id:references:users']}).content;
	t.true(content.includes('    |> cast(attrs, [:title, :tags, :published_at])\n    |> validate_required([:title, :published_at])\n  end\n'));
});

test('default scope: scope field, changeset argument and put_change (full file)', t => {
	t.is(
		schemaFor({schema: 'Blog.Post', plural: 'posts', attrs: ['title', 'slug:unique', 'category_id:references:categories']}, scopedProject).content,
		`defmodule MyApp.Blog.Post do
  use Ecto.Schema
  import Ecto.Changeset

  schema "posts" do
    field :title, :string
    field :slug, :string
    field :category_id, :id
    field :user_id, :id

    timestamps(type: :utc_datetime)
  end

  @doc false
  def changeset(post, attrs, user_scope) do
    post
    |> cast(attrs, [:title, :slug])
    |> validate_required([:title, :slug])
    |> unique_constraint(:slug)
    |> put_change(:user_id, user_scope.user.id)
  end
end
`,
	);
});

test('named scope, and noScope skips the default one', t => {
	const named = buildSchemaSpec(scopedProject, {schema: 'Post', plural: 'posts', attrs: ['title'], scope: 'organization'});
	t.is(named.scope?.name, 'organization');
	const content = renderSchema(named).content;
	t.true(content.includes('    field :title, :string\n    field :org_id, :binary_id\n\n'));
	t.true(content.includes('  def changeset(post, attrs, organization_scope) do\n'));
	t.true(content.includes('    |> put_change(:org_id, organization_scope.organization.id)\n  end\n'));

	const unscoped = buildSchemaSpec(scopedProject, {schema: 'Post', plural: 'posts', attrs: ['title'], noScope: true});
	t.is(unscoped.scope, undefined);
	t.true(renderSchema(unscoped).content.includes('  def changeset(post, attrs) do\n'));
	// No default scope configured: no scope.
	t.is(buildSchemaSpec({...scopedProject, scopes: [{...scopedProject.scopes[0]!, default: false}]}, {schema: 'Post', plural: 'posts', attrs: []}).scope, undefined);
});

test('the spec carries repo, alias and migration folder', t => {
	t.like(buildSchemaSpec(plainProject, {schema: 'Blog.Post', plural: 'posts', attrs: []}), {
		repo: 'MyApp.Repo',
		repoAlias: 'MyApp.Repo',
		migrationDir: 'priv/repo/migrations',
		binaryId: false,
	});
	t.like(buildSchemaSpec(plainProject, {schema: 'Blog.Post', plural: 'posts', attrs: [], repo: 'MyApp.CustomRepo'}), {
		repo: 'MyApp.CustomRepo',
		repoAlias: 'MyApp.CustomRepo, as: Repo',
		migrationDir: 'priv/custom_repo/migrations',
	});
	t.like(buildSchemaSpec({...plainProject, migrationDir: 'priv/other/migrations'}, {schema: 'Blog.Post', plural: 'posts', attrs: []}), {
		migrationDir: 'priv/other/migrations',
	});
	t.like(buildSchemaSpec(plainProject, {schema: 'Blog.Post', plural: 'posts', attrs: [], repo: 'MyApp.CustomRepo', migrationDir: './priv/custom_dir/'}), {
		migrationDir: 'priv/custom_dir',
	});
});

function refuses(t: import('ava').ExecutionContext, options: SchemaOptions, pattern: RegExp, project: ProjectInfo = plainProject): void {
	const error = t.throws(() => buildSchemaSpec(project, options), {instanceOf: GeneratorError});
	t.regex(error?.message ?? '', pattern);
}

test('invalid input is refused with a message naming the bad part', t => {
	const base = {plural: 'posts', attrs: ['title']};
	refuses(t, {...base, schema: 'blog.post'}, /Schema "blog\.post" is not a valid module name.*uppercase/);
	refuses(t, {...base, schema: 'Blog-Post'}, /Schema "Blog-Post" is not a valid module name/);
	refuses(t, {...base, schema: 'MyApp'}, /same name as the application module MyApp/);
	refuses(t, {...base, schema: Array.from({length: 11}, () => 'A').join('.')}, /nests 11 modules deep; at most 10/);
	refuses(t, {...base, schema: 'Blog.End'}, /variable name "end"/);
	// Phoenix: "plural can't contain a colon" / "plural can't have uppercased characters or camelized format".
	refuses(t, {...base, schema: 'Blog', plural: 'title:string'}, /Plural "title:string" must be all lowercase using the snake_case convention/);
	refuses(t, {...base, schema: 'Blog.Post', plural: 'Posts'}, /Plural "Posts" must be all lowercase/);
	refuses(t, {...base, schema: 'Blog.Post', plural: 'BlogPosts'}, /Plural "BlogPosts"/);
	refuses(t, {...base, schema: 'Blog.Post', plural: 'blog-posts'}, /Plural "blog-posts"/);
	refuses(t, {...base, schema: 'Post', table: 'cms.posts'}, /Table "cms\.posts" is not a valid table name/);
	refuses(t, {...base, schema: 'Post', table: 'x'.repeat(64)}, /at most 63 characters/);
	refuses(t, {...base, schema: 'Post', prefix: 'my-schema'}, /Prefix "my-schema" is not valid/);
	refuses(t, {...base, schema: 'Post', primaryKey: 'Post ID'}, /Primary key "Post ID" is not a valid field name/);
	refuses(t, {...base, schema: 'Post', primaryKey: 'end'}, /Primary key "end" is an Elixir reserved word/);
	refuses(t, {...base, schema: 'Post', repo: 'my_repo'}, /Repo "my_repo" is not a valid module name/);
	refuses(t, {...base, schema: 'Post', migrationDir: '../elsewhere'}, /Migration dir "\.\.\/elsewhere" is not allowed/);
	refuses(t, {...base, schema: 'Post', migrationDir: '/abs/migrations'}, /Migration dir "\/abs\/migrations" is not allowed/);
	refuses(t, {...base, schema: 'Post', attrs: ['title:strin']}, /Unknown type "strin".*supported types are: integer/);
	refuses(t, {...base, schema: 'Post', attrs: ['user_id:references']}, /needs the referenced table/);
	refuses(t, {...base, schema: 'Post', attrs: ['tags:array']}, /needs the type of the array's items/);
	refuses(t, {...base, schema: 'Post', attrs: ['status:enum']}, /needs at least one value/);
	refuses(t, {...base, schema: 'Post', attrs: ['id:integer']}, /"id" clashes with the primary key/);
	refuses(t, {...base, schema: 'Post', attrs: ['post_id:integer'], primaryKey: 'post_id'}, /"post_id" clashes with the primary key/);
	refuses(t, {...base, schema: 'Post', attrs: ['inserted_at:utc_datetime']}, /"inserted_at" clashes with a timestamps\(\) column/);
	// Ecto.Schema's own names: the schema would not compile.
	for (const name of ['__meta__', '__struct__', '__schema__', '__changeset__', '__whatever__']) {
		refuses(t, {...base, schema: 'Post', attrs: [`${name}:string`]}, new RegExp(`"${name}" clashes with a name Ecto.Schema reserves`));
	}
	// Phoenix 1.8: a reference named like the scope key is an error.
	refuses(t, {...base, schema: 'Post', attrs: ['user_id:references:users']}, /"user_id" clashes with the key of scope "user"/, scopedProject);
	refuses(t, {...base, schema: 'Post', scope: 'team'}, /Scope "team" is not configured.*configured scopes: user, organization/, scopedProject);
	refuses(t, {...base, schema: 'UserScope'}, /"user_scope", which clashes with the scope argument/, scopedProject);
	refuses(t, {...base, schema: 'Post', scope: 'user', noScope: true}, /Both scope "user" and noScope/, scopedProject);
	refuses(t, {...base, schema: 'Post'}, /Only one default scope/, {...scopedProject, scopes: scopedProject.scopes.map(scope => ({...scope, default: true}))});
	refuses(t, {...base, schema: 'Post'}, /Project timestamp type "datetime" is not supported/, {...plainProject, timestampType: 'datetime'});
	refuses(t, {...base, schema: 'Post'}, /Project app "MyApp" is not a valid OTP app name/, {...plainProject, app: 'MyApp'});
});

// Every schema the cases above produce is valid, mix-formatted Elixir (two Elixir runs in all).
test('generated schemas parse and are mix-formatted', async t => {
	if (!requireElixir(t)) return;
	const files = [
		schemaFor({
			schema: 'Blog.Post',
			plural: 'posts',
			attrs: ['title', 'body:text', 'views:integer', 'published:boolean:redact', 'token:uuid', 'tags:array:string', 'status:enum:draft:in-progress:done', 'author_id:references:users', 'slug:unique'],
		}),
		schemaFor({schema: 'Accounts.User', plural: 'users', attrs: ['email:string:unique', 'password:string:redact', 'settings:map']}),
		schemaFor({schema: 'Blog.Post', plural: 'posts', attrs: ['title', 'user_id:references:users'], binaryId: true, primaryKey: 'post_id', prefix: 'cms'}),
		schemaFor({schema: 'Blog.Post', plural: 'posts', attrs: ['title'], primaryKey: 'post_id'}),
		schemaFor({schema: 'Blog.Post', plural: 'posts', attrs: ['title', 'slug:unique']}, scopedProject),
		schemaFor({schema: 'Post', plural: 'posts', attrs: ['title'], scope: 'organization'}, scopedProject),
		schemaFor({schema: 'Only.Refs', plural: 'refs', attrs: ['a_id:references:as', 'b_id:references:bs']}, {...plainProject, binaryId: true}),
	];
	const empty = schemaFor({schema: 'Tag', plural: 'tags', attrs: []}, modernProject);
	const [parseFailures, unformatted, emptyFormatted] = await Promise.all([parseElixirTexts([...files, empty]), mixFormatCheck(files), mixFormatCheck([empty])]);
	t.deepEqual(parseFailures, []);
	t.deepEqual(unformatted, []);
	// Phoenix leaves a blank line after `do` when there are no fields, which mix format removes; we do not write it.
	t.deepEqual(emptyFormatted, []);
});

// The checks above would be worthless if the helpers passed anything: show they catch bad code.
test('the Elixir checks report unparsable and unformatted code', async t => {
	if (!requireElixir(t)) return;
	const broken = {path: 'lib/broken.ex', content: 'defmodule Broken do\n  def f(, do: 1\nend\n'};
	const sloppy = {path: 'lib/sloppy.ex', content: 'defmodule Sloppy do\n  schema "s" do\n    field(:a,   :string)\n  end\nend\n'};
	const [parseFailures, unformatted] = await Promise.all([parseElixirTexts([broken, sloppy]), mixFormatCheck([sloppy])]);
	t.is(parseFailures.length, 1);
	t.is(parseFailures[0]!.file, 'lib/broken.ex');
	t.deepEqual(unformatted, [{file: 'lib/sloppy.ex', formatted: 'defmodule Sloppy do\n  schema "s" do\n    field(:a, :string)\n  end\nend\n'}]);
});
