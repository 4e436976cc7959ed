import test from 'ava';
import {buildContextSpec, type ContextOptions, renderContextFiles, renderContextModule, renderSchemaAccess} from '../../source/generators/context.js';
import {GeneratorError} from '../../source/generators/errors.js';
import {injectBeforeFinalEnd} from '../../source/generators/inject.js';
import {modernProject, plainProject, scopedProject} from './projects.js';

const spec = (options: Partial<ContextOptions> = {}, project = modernProject) => buildContextSpec(project, {context: 'Blog', schema: 'Post', plural: 'posts', attrs: ['title:string'], ...options});

// What Phoenix 1.8 writes for `mix phx.gen.context Blog Post posts title:string` in a new context.
const NEW_BLOG_CONTEXT = `defmodule MyApp.Blog do
  @moduledoc """
  The Blog context.
  """

  import Ecto.Query, warn: false
  alias MyApp.Repo

  alias MyApp.Blog.Post

  @doc """
  Returns the list of posts.

  ## Examples

      iex> list_posts()
      [%Post{}, ...]

  """
  def list_posts do
    Repo.all(Post)
  end

  @doc """
  Gets a single post.

  Raises \`Ecto.NoResultsError\` if the Post does not exist.

  ## Examples

      iex> get_post!(123)
      %Post{}

      iex> get_post!(456)
      ** (Ecto.NoResultsError)

  """
  def get_post!(id), do: Repo.get!(Post, id)

  @doc """
  Creates a post.

  ## Examples

      iex> create_post(%{field: value})
      {:ok, %Post{}}

      iex> create_post(%{field: bad_value})
      {:error, %Ecto.Changeset{}}

  """
  def create_post(attrs) do
    %Post{}
    |> Post.changeset(attrs)
    |> Repo.insert()
  end

  @doc """
  Updates a post.

  ## Examples

      iex> update_post(post, %{field: new_value})
      {:ok, %Post{}}

      iex> update_post(post, %{field: bad_value})
      {:error, %Ecto.Changeset{}}

  """
  def update_post(%Post{} = post, attrs) do
    post
    |> Post.changeset(attrs)
    |> Repo.update()
  end

  @doc """
  Deletes a post.

  ## Examples

      iex> delete_post(post)
      {:ok, %Post{}}

      iex> delete_post(post)
      {:error, %Ecto.Changeset{}}

  """
  def delete_post(%Post{} = post) do
    Repo.delete(post)
  end

  @doc """
  Returns an \`%Ecto.Changeset{}\` for tracking post changes.

  ## Examples

      iex> change_post(post)
      %Ecto.Changeset{data: %Post{}}

  """
  def change_post(%Post{} = post, attrs \\\\ %{}) do
    Post.changeset(post, attrs)
  end
end
`;

// Phoenix 1.8 with the default user scope of phx.gen.auth.
const NEW_SCOPED_BLOG_CONTEXT = `defmodule MyApp.Blog do
  @moduledoc """
  The Blog context.
  """

  import Ecto.Query, warn: false
  alias MyApp.Repo

  alias MyApp.Blog.Post
  alias MyApp.Accounts.Scope

  @doc """
  Subscribes to scoped notifications about any post changes.

  The broadcasted messages match the pattern:

    * {:created, %Post{}}
    * {:updated, %Post{}}
    * {:deleted, %Post{}}

  """
  def subscribe_posts(%Scope{} = scope) do
    key = scope.user.id

    Phoenix.PubSub.subscribe(MyApp.PubSub, "user:#{key}:posts")
  end

  defp broadcast_post(%Scope{} = scope, message) do
    key = scope.user.id

    Phoenix.PubSub.broadcast(MyApp.PubSub, "user:#{key}:posts", message)
  end

  @doc """
  Returns the list of posts.

  ## Examples

      iex> list_posts(scope)
      [%Post{}, ...]

  """
  def list_posts(%Scope{} = scope) do
    Repo.all_by(Post, user_id: scope.user.id)
  end

  @doc """
  Gets a single post.

  Raises \`Ecto.NoResultsError\` if the Post does not exist.

  ## Examples

      iex> get_post!(scope, 123)
      %Post{}

      iex> get_post!(scope, 456)
      ** (Ecto.NoResultsError)

  """
  def get_post!(%Scope{} = scope, id) do
    Repo.get_by!(Post, id: id, user_id: scope.user.id)
  end

  @doc """
  Creates a post.

  ## Examples

      iex> create_post(scope, %{field: value})
      {:ok, %Post{}}

      iex> create_post(scope, %{field: bad_value})
      {:error, %Ecto.Changeset{}}

  """
  def create_post(%Scope{} = scope, attrs) do
    with {:ok, post = %Post{}} <-
           %Post{}
           |> Post.changeset(attrs, scope)
           |> Repo.insert() do
      broadcast_post(scope, {:created, post})
      {:ok, post}
    end
  end

  @doc """
  Updates a post.

  ## Examples

      iex> update_post(scope, post, %{field: new_value})
      {:ok, %Post{}}

      iex> update_post(scope, post, %{field: bad_value})
      {:error, %Ecto.Changeset{}}

  """
  def update_post(%Scope{} = scope, %Post{} = post, attrs) do
    true = post.user_id == scope.user.id

    with {:ok, post = %Post{}} <-
           post
           |> Post.changeset(attrs, scope)
           |> Repo.update() do
      broadcast_post(scope, {:updated, post})
      {:ok, post}
    end
  end

  @doc """
  Deletes a post.

  ## Examples

      iex> delete_post(scope, post)
      {:ok, %Post{}}

      iex> delete_post(scope, post)
      {:error, %Ecto.Changeset{}}

  """
  def delete_post(%Scope{} = scope, %Post{} = post) do
    true = post.user_id == scope.user.id

    with {:ok, post = %Post{}} <-
           Repo.delete(post) do
      broadcast_post(scope, {:deleted, post})
      {:ok, post}
    end
  end

  @doc """
  Returns an \`%Ecto.Changeset{}\` for tracking post changes.

  ## Examples

      iex> change_post(scope, post)
      %Ecto.Changeset{data: %Post{}}

  """
  def change_post(%Scope{} = scope, %Post{} = post, attrs \\\\ %{}) do
    true = post.user_id == scope.user.id

    Post.changeset(post, attrs, scope)
  end
end
`;

test('buildContextSpec names the context, its test and fixtures like Context.new', t => {
	const context = spec();
	t.like(context, {
		module: 'MyApp.Blog',
		alias: 'Blog',
		name: 'Blog',
		basename: 'blog',
		file: 'lib/my_app/blog.ex',
		testFile: 'test/my_app/blog_test.exs',
		testModule: 'MyApp.BlogTest',
		fixturesFile: 'test/support/fixtures/blog_fixtures.ex',
		fixturesModule: 'MyApp.BlogFixtures',
	});
	t.like(context.schema, {module: 'MyApp.Blog.Post', alias: 'Post', singular: 'post', plural: 'posts', file: 'lib/my_app/blog/post.ex'});
	t.is(context.noSchema, undefined);
});

test('a nested context lives in a nested folder and keeps its last segment as alias', t => {
	const context = spec({context: 'Site.Blog'});
	t.like(context, {
		module: 'MyApp.Site.Blog',
		alias: 'Blog',
		name: 'Site.Blog',
		basename: 'blog',
		file: 'lib/my_app/site/blog.ex',
		testFile: 'test/my_app/site/blog_test.exs',
		testModule: 'MyApp.Site.BlogTest',
		fixturesFile: 'test/support/fixtures/site/blog_fixtures.ex',
		fixturesModule: 'MyApp.Site.BlogFixtures',
	});
	t.like(context.schema, {module: 'MyApp.Site.Blog.Post', file: 'lib/my_app/site/blog/post.ex'});
	const files = renderContextFiles(context, {});
	t.true(files.context.content.startsWith('defmodule MyApp.Site.Blog do\n  @moduledoc """\n  The Site.Blog context.\n  """\n'));
	t.true(files.context.content.includes('\n  alias MyApp.Site.Blog.Post\n'));
	t.true(files.test.content.startsWith('defmodule MyApp.Site.BlogTest do\n  use MyApp.DataCase\n\n  alias MyApp.Site.Blog\n'));
	t.true(files.test.content.includes('    import MyApp.Site.BlogFixtures\n'));
	t.true(files.test.content.includes('      assert Blog.list_posts() == [post]\n'));
	t.true(files.fixtures.content.includes('      |> MyApp.Site.Blog.create_post()\n'));
});

test('context validation follows phx.gen.context and names the bad part', t => {
	const bad: Array<[Partial<ContextOptions>, RegExp]> = [
		[{context: 'blog'}, /Context "blog" is not a valid module name/],
		[{context: 'Blog-Posts'}, /Context "Blog-Posts" is not a valid module name/],
		[{context: 'Blog.'}, /Context "Blog\." is not a valid module name/],
		[{schema: 'posts'}, /Schema "posts" is not a valid module name/],
		[{context: 'Blog', schema: 'Blog'}, /context and schema should have different names/],
		[{context: 'MyApp'}, /Context "MyApp" has the same name as the application module MyApp/],
		[{schema: 'MyApp'}, /Schema "MyApp" has the same name as the application module MyApp/],
		[{context: 'Admin.Post', schema: 'Post'}, /end with the same name "Post"/],
		[{plural: 'Posts'}, /Plural "Posts" must be all lowercase/],
		[{attrs: ['title:strin']}, /Unknown type "strin"/],
	];
	for (const [options, message] of bad) {
		const error = t.throws(() => spec(options), {instanceOf: GeneratorError}, JSON.stringify(options));
		t.regex(error?.message ?? '', message);
	}
	t.throws(() => buildContextSpec(modernProject, undefined as unknown as ContextOptions), {instanceOf: GeneratorError, message: /Context options are missing/});
});

test('a new context is context.ex followed by the access block, exactly as Phoenix writes it', t => {
	const files = renderContextFiles(spec(), {});
	t.is(files.context.path, 'lib/my_app/blog.ex');
	t.is(files.context.action, 'created');
	t.is(files.context.content, NEW_BLOG_CONTEXT);
});

test('a scoped schema gets the scoped access functions with PubSub broadcasts', t => {
	const context = spec({}, scopedProject);
	t.is(context.schema.scope?.name, 'user');
	t.is(renderContextFiles(context, {}).context.content, NEW_SCOPED_BLOG_CONTEXT);
});

test('a named scope uses its own key, access path and topic', t => {
	const access = renderSchemaAccess(spec({scope: 'organization', plural: 'blog_posts'}, scopedProject));
	t.true(access.includes('  def subscribe_blog_posts(%Scope{} = scope) do\n    key = scope.organization.id\n\n    Phoenix.PubSub.subscribe(MyApp.PubSub, "organization:#{key}:blog_posts")\n'));
	t.true(access.includes('  def list_blog_posts(%Scope{} = scope) do\n    Repo.all_by(Post, org_id: scope.organization.id)\n  end\n'));
	t.true(access.includes('    true = post.org_id == scope.organization.id\n'));
	t.true(access.includes('  defp broadcast_post(%Scope{} = scope, message) do\n'));
});

test('a custom primary key is used by the scoped get', t => {
	const access = renderSchemaAccess(spec({primaryKey: 'post_key'}, scopedProject));
	t.true(access.includes('  def get_post!(%Scope{} = scope, post_key) do\n    Repo.get_by!(Post, post_key: post_key, user_id: scope.user.id)\n  end\n'));
});

test('access function names use the plural argument, not the table', t => {
	const access = renderSchemaAccess(spec({plural: 'blog_posts', table: 'cms_posts'}));
	t.true(access.includes('  def list_blog_posts do\n    Repo.all(Post)\n  end\n'));
	t.true(access.includes('  Returns the list of blog_posts.\n'));
	t.true(access.includes('  def get_post!(id), do: Repo.get!(Post, id)\n'));
	t.false(access.includes('cms_posts'));
});

test('a repo not named Repo is aliased as Repo', t => {
	const context = spec({repo: 'MyApp.CustomRepo'});
	t.is(renderContextModule(context), 'defmodule MyApp.Blog do\n  @moduledoc """\n  The Blog context.\n  """\n\n  import Ecto.Query, warn: false\n  alias MyApp.CustomRepo, as: Repo\nend\n');
	t.true(renderContextFiles(context, {}).context.content.includes('    Repo.all(Post)\n'));
	t.is(renderContextModule(spec({repo: 'Other.Repo'})).split('\n')[6], '  alias Other.Repo');
});

test('no_schema writes access functions that raise "TODO"', t => {
	const access = renderSchemaAccess(spec({noSchema: true}));
	t.true(access.startsWith('\n  alias MyApp.Blog.Post\n\n  @doc """\n  Returns the list of posts.\n'));
	t.true(access.includes('  def list_posts do\n    raise "TODO"\n  end\n'));
	t.true(access.includes('  Raises if the Post does not exist.\n'));
	t.true(access.includes('  def get_post!(id), do: raise "TODO"\n'));
	t.true(access.includes('  def create_post(attrs) do\n    raise "TODO"\n  end\n'));
	t.true(access.includes('      {:error, ...}\n'));
	t.true(access.includes('  Deletes a Post.\n'));
	t.true(access.includes('      %Todo{...}\n'));
	t.true(access.endsWith('  def change_post(%Post{} = post, _attrs \\\\ %{}) do\n    raise "TODO"\n  end\n'));
	t.false(access.includes('Repo.'));
	t.is((access.match(/raise "TODO"/g) ?? []).length, 6);
});

test('no_schema with a scope uses the scoped TODO variant', t => {
	const access = renderSchemaAccess(spec({noSchema: true}, scopedProject));
	t.true(access.startsWith('\n  alias MyApp.Blog.Post\n  alias Scope\n'));
	t.true(access.includes('  def subscribe_post(%Scope{} = _scope) do\n    raise "TODO"\n  end\n'));
	t.true(access.includes('  def get_post!(%Scope{} = _scope, id), do: raise "TODO"\n'));
	t.true(access.includes('  def update_post(%Scope{} = _scope, %Post{} = post, attrs) do\n'));
	t.true(access.endsWith('  def change_post(%Scope{} = _scope, %Post{} = post, _attrs \\\\ %{}) do\n    raise "TODO"\n  end\n'));
	t.is((access.match(/raise "TODO"/g) ?? []).length, 7);
});

test('injecting into an existing context keeps its code and adds the block before the final end', t => {
	const existing = 'defmodule MyApp.Blog do\n  @moduledoc "Blog."\n\n  def hello, do: :world\nend\n\n\n';
	const {context} = renderContextFiles(spec(), {context: existing});
	t.is(context.action, 'injected');
	t.is(context.content, 'defmodule MyApp.Blog do\n  @moduledoc "Blog."\n\n  def hello, do: :world\n' + renderSchemaAccess(spec()) + 'end\n');
});

test('generating the same schema twice changes nothing; a second schema is appended', t => {
	const first = renderContextFiles(spec(), {});
	const existing = {context: first.context.content, test: first.test.content, fixtures: first.fixtures.content};
	const again = renderContextFiles(spec(), existing);
	for (const file of [again.context, again.test, again.fixtures]) {
		t.is(file.action, 'unchanged', file.path);
	}
	t.is(again.context.content, first.context.content);
	t.is(again.test.content, first.test.content);
	t.is(again.fixtures.content, first.fixtures.content);

	const comments = renderContextFiles(spec({schema: 'Comment', plural: 'comments', attrs: ['body:text']}), existing);
	t.is(comments.context.action, 'injected');
	t.is(comments.context.content, first.context.content.slice(0, -'end\n'.length) + renderSchemaAccess(spec({schema: 'Comment', plural: 'comments', attrs: ['body:text']})) + 'end\n');
	t.true(comments.test.content.includes('  describe "posts" do\n'));
	t.true(comments.test.content.includes('  describe "comments" do\n'));
	t.true(comments.fixtures.content.includes('  def post_fixture(attrs \\\\ %{}) do\n'));
	t.true(comments.fixtures.content.includes('  def comment_fixture(attrs \\\\ %{}) do\n'));
	t.is(comments.test.action, 'injected');
	t.is(comments.fixtures.action, 'injected');
});

test('injectBeforeFinalEnd follows inject_eex_before_final_end', t => {
	t.is(injectBeforeFinalEnd('defmodule A do\nend\n', '\n  def a, do: 1\n'), 'defmodule A do\n\n  def a, do: 1\nend\n');
	// trailing whitespace of any kind goes, the block is compared with its leading newline
	t.is(injectBeforeFinalEnd('defmodule A do\n  def b, do: 2\nend \n\t\n', '\n  def a, do: 1\n'), 'defmodule A do\n  def b, do: 2\n\n  def a, do: 1\nend\n');
	t.is(injectBeforeFinalEnd('defmodule A do\n\n  def a, do: 1\nend\n', '\n  def a, do: 1\n'), undefined);
	t.throws(() => injectBeforeFinalEnd('defmodule A do\n  def backend', '\n  x\n', 'The file lib/a.ex'), {
		instanceOf: GeneratorError,
		message: /The file lib\/a\.ex is not valid Elixir \(line 1: "do" on line 1 is never closed by "end"\)/,
	});
	const error = t.throws(() => renderContextFiles(spec(), {context: '# empty\n'}), {instanceOf: GeneratorError});
	t.regex(error?.message ?? '', /lib\/my_app\/blog\.ex does not define the module MyApp\.Blog/);
});

test('an invalid clock is refused', t => {
	t.throws(() => renderContextFiles(spec(), {}, {now: new Date('nope')}), {instanceOf: GeneratorError, message: /not a valid date/});
});

test('a plain project without generator config renders the same context', t => {
	t.is(renderContextFiles(spec({}, plainProject), {}).context.content, NEW_BLOG_CONTEXT);
});
