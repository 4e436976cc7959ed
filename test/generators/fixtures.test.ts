import test from 'ava';
import {buildContextSpec, type ContextOptions, renderContextFiles} from '../../source/generators/context.js';
import {fixtureParams, renderFixtures, renderFixturesModule, uniqueFixtureFunctions} from '../../source/generators/fixtures.js';
import {modernProject, scopedProject} from './projects.js';

const spec = (options: Partial<ContextOptions> = {}, project = modernProject) =>
	buildContextSpec(project, {context: 'Blog', schema: 'Post', plural: 'posts', attrs: ['title:string', 'views:integer'], ...options});

const BLOG_FIXTURES = `defmodule MyApp.BlogFixtures do
  @moduledoc """
  This module defines test helpers for creating
  entities via the \`MyApp.Blog\` context.
  """

  @doc """
  Generate a post.
  """
  def post_fixture(attrs \\\\ %{}) do
    {:ok, post} =
      attrs
      |> Enum.into(%{
        title: "some title",
        views: 42
      })
      |> MyApp.Blog.create_post()

    post
  end
end
`;

const SCOPED_BLOG_FIXTURES = `defmodule MyApp.BlogFixtures do
  @moduledoc """
  This module defines test helpers for creating
  entities via the \`MyApp.Blog\` context.
  """

  @doc """
  Generate a post.
  """
  def post_fixture(scope, attrs \\\\ %{}) do
    attrs =
      Enum.into(attrs, %{
        title: "some title",
        views: 42
      })

    {:ok, post} = MyApp.Blog.create_post(scope, attrs)
    post
  end
end
`;

test('a new fixtures file is the fixtures module with the post fixture', t => {
	const {fixtures} = renderContextFiles(spec(), {});
	t.is(fixtures.path, 'test/support/fixtures/blog_fixtures.ex');
	t.is(fixtures.action, 'created');
	t.is(fixtures.content, BLOG_FIXTURES);
});

test('a scoped fixture takes the scope first and passes it to create', t => {
	t.is(renderContextFiles(spec({}, scopedProject), {}).fixtures.content, SCOPED_BLOG_FIXTURES);
});

// The unique-fields case of Phoenix's own phx.gen.context tests.
test('unique attributes get sorted unique_* helpers, stubs for types Phoenix cannot generate', t => {
	const context = spec({
		attrs: [
			'slug:string:unique',
			'subject:unique',
			'body:text:unique',
			'order:integer:unique',
			'price:decimal:unique',
			'published_at:utc_datetime:unique',
			'author_id:references:users:unique',
			'published:boolean',
		],
	});
	const block = renderFixtures(context, new Date('2025-06-09T13:45:00Z'));
	t.deepEqual(
		uniqueFixtureFunctions(context.schema).map(fn => [fn.name, fn.needsImplementation]),
		[
			['unique_post_body', false],
			['unique_post_order', false],
			['unique_post_price', true],
			['unique_post_published_at', true],
			['unique_post_slug', false],
			['unique_post_subject', false],
		],
	);
	t.is(
		block,
		`
  @doc """
  Generate a unique post body.
  """
  def unique_post_body, do: "some body#{System.unique_integer([:positive])}"

  @doc """
  Generate a unique post order.
  """
  def unique_post_order, do: System.unique_integer([:positive])

  @doc """
  Generate a unique post price.
  """
  def unique_post_price do
    raise "implement the logic to generate a unique post price"
  end

  @doc """
  Generate a unique post published_at.
  """
  def unique_post_published_at do
    raise "implement the logic to generate a unique post published_at"
  end

  @doc """
  Generate a unique post slug.
  """
  def unique_post_slug, do: "some slug#{System.unique_integer([:positive])}"

  @doc """
  Generate a unique post subject.
  """
  def unique_post_subject, do: "some subject#{System.unique_integer([:positive])}"

  @doc """
  Generate a post.
  """
  def post_fixture(attrs \\\\ %{}) do
    {:ok, post} =
      attrs
      |> Enum.into(%{
        body: unique_post_body(),
        order: unique_post_order(),
        price: unique_post_price(),
        published: true,
        published_at: unique_post_published_at(),
        slug: unique_post_slug(),
        subject: unique_post_subject()
      })
      |> MyApp.Blog.create_post()

    post
  end
`,
	);
	t.false(block.includes('author'));
});

test("default params are sorted by name, one per type's create value, references excluded", t => {
	const context = spec({attrs: ['zeta:float', 'author_id:references:users', 'alpha:decimal', 'mid:array:string', 'kind:enum:a:b', 'on:date']});
	t.deepEqual(fixtureParams(context.schema, new Date('2025-06-09T13:45:00Z')), [
		{name: 'alpha', code: '"120.5"'},
		{name: 'kind', code: ':a'},
		{name: 'mid', code: '["option1", "option2"]'},
		{name: 'on', code: '~D[2025-06-08]'},
		{name: 'zeta', code: '120.5'},
	]);
});

// Deliberate difference: Phoenix leaves a blank line between the braces, which mix format rejects;
// without any attribute there is nothing to merge, so the fixture takes no attrs.
test('no attributes: a fixture without attrs, or an empty map as mix format writes it when scoped', t => {
	t.true(renderFixtures(spec({attrs: []})).includes('  def post_fixture do\n    {:ok, post} = MyApp.Blog.create_post()\n    post\n  end\n'));
	t.true(renderFixtures(spec({attrs: []}, scopedProject)).includes('    attrs = Enum.into(attrs, %{})\n'));
});

test('nested contexts get a nested fixtures module calling the full context module', t => {
	const context = spec({context: 'Site.Blog'});
	t.is(renderFixturesModule(context).split('\n')[0], 'defmodule MyApp.Site.BlogFixtures do');
	t.true(renderFixturesModule(context).includes('  entities via the `MyApp.Site.Blog` context.\n'));
	t.true(renderFixtures(context).includes('      |> MyApp.Site.Blog.create_post()\n'));
});

test('an existing fixtures module receives the block once', t => {
	const first = renderContextFiles(spec(), {}).fixtures.content;
	const comment = spec({schema: 'Comment', plural: 'comments', attrs: ['body:text:unique']});
	const second = renderContextFiles(comment, {fixtures: first}).fixtures;
	t.is(second.action, 'injected');
	t.is(second.content, first.slice(0, -'end\n'.length) + renderFixtures(comment) + 'end\n');
	t.true(second.content.includes('  def unique_comment_body, do: "some body#{System.unique_integer([:positive])}"\n'));
	const third = renderContextFiles(comment, {fixtures: second.content}).fixtures;
	t.is(third.action, 'unchanged');
	t.is(third.content, second.content);
});
