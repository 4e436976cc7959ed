import test from 'ava';
import {buildContextSpec, type ContextOptions, renderContextFiles} from '../../source/generators/context.js';
import {DEFAULT_SAMPLE_NOW, inspectMap, renderTestCases, sampleParams, scopeFixturesModule} from '../../source/generators/context-test.js';
import {modernProject, scopedProject, userScope} from './projects.js';

const spec = (options: Partial<ContextOptions> = {}, project = modernProject) =>
	buildContextSpec(project, {context: 'Blog', schema: 'Post', plural: 'posts', attrs: ['title:string', 'views:integer'], ...options});

const NOW = new Date('2025-06-09T13:45:27.123Z');

// `mix phx.gen.context Blog Post posts title:string views:integer` in Phoenix 1.8, new test file.
const BLOG_TEST = `defmodule MyApp.BlogTest do
  use MyApp.DataCase

  alias MyApp.Blog

  describe "posts" do
    alias MyApp.Blog.Post

    import MyApp.BlogFixtures

    @invalid_attrs %{title: nil, views: nil}

    test "list_posts/0 returns all posts" do
      post = post_fixture()
      assert Blog.list_posts() == [post]
    end

    test "get_post!/1 returns the post with given id" do
      post = post_fixture()
      assert Blog.get_post!(post.id) == post
    end

    test "create_post/1 with valid data creates a post" do
      valid_attrs = %{title: "some title", views: 42}

      assert {:ok, %Post{} = post} = Blog.create_post(valid_attrs)
      assert post.title == "some title"
      assert post.views == 42
    end

    test "create_post/1 with invalid data returns error changeset" do
      assert {:error, %Ecto.Changeset{}} = Blog.create_post(@invalid_attrs)
    end

    test "update_post/2 with valid data updates the post" do
      post = post_fixture()
      update_attrs = %{title: "some updated title", views: 43}

      assert {:ok, %Post{} = post} = Blog.update_post(post, update_attrs)
      assert post.title == "some updated title"
      assert post.views == 43
    end

    test "update_post/2 with invalid data returns error changeset" do
      post = post_fixture()
      assert {:error, %Ecto.Changeset{}} = Blog.update_post(post, @invalid_attrs)
      assert post == Blog.get_post!(post.id)
    end

    test "delete_post/1 deletes the post" do
      post = post_fixture()
      assert {:ok, %Post{}} = Blog.delete_post(post)
      assert_raise Ecto.NoResultsError, fn -> Blog.get_post!(post.id) end
    end

    test "change_post/1 returns a post changeset" do
      post = post_fixture()
      assert %Ecto.Changeset{} = Blog.change_post(post)
    end
  end
end
`;

// The same with the default user scope (test_cases_scope.exs).
const SCOPED_BLOG_TEST = `defmodule MyApp.BlogTest do
  use MyApp.DataCase

  alias MyApp.Blog

  describe "posts" do
    alias MyApp.Blog.Post

    import MyApp.AccountsFixtures, only: [user_scope_fixture: 0]
    import MyApp.BlogFixtures

    @invalid_attrs %{title: nil, views: nil}

    test "list_posts/1 returns all scoped posts" do
      scope = user_scope_fixture()
      other_scope = user_scope_fixture()
      post = post_fixture(scope)
      other_post = post_fixture(other_scope)
      assert Blog.list_posts(scope) == [post]
      assert Blog.list_posts(other_scope) == [other_post]
    end

    test "get_post!/2 returns the post with given id" do
      scope = user_scope_fixture()
      post = post_fixture(scope)
      other_scope = user_scope_fixture()
      assert Blog.get_post!(scope, post.id) == post
      assert_raise Ecto.NoResultsError, fn -> Blog.get_post!(other_scope, post.id) end
    end

    test "create_post/2 with valid data creates a post" do
      valid_attrs = %{title: "some title", views: 42}
      scope = user_scope_fixture()

      assert {:ok, %Post{} = post} = Blog.create_post(scope, valid_attrs)
      assert post.title == "some title"
      assert post.views == 42
      assert post.user_id == scope.user.id
    end

    test "create_post/2 with invalid data returns error changeset" do
      scope = user_scope_fixture()
      assert {:error, %Ecto.Changeset{}} = Blog.create_post(scope, @invalid_attrs)
    end

    test "update_post/3 with valid data updates the post" do
      scope = user_scope_fixture()
      post = post_fixture(scope)
      update_attrs = %{title: "some updated title", views: 43}

      assert {:ok, %Post{} = post} = Blog.update_post(scope, post, update_attrs)
      assert post.title == "some updated title"
      assert post.views == 43
    end

    test "update_post/3 with invalid scope raises" do
      scope = user_scope_fixture()
      other_scope = user_scope_fixture()
      post = post_fixture(scope)

      assert_raise MatchError, fn ->
        Blog.update_post(other_scope, post, %{})
      end
    end

    test "update_post/3 with invalid data returns error changeset" do
      scope = user_scope_fixture()
      post = post_fixture(scope)
      assert {:error, %Ecto.Changeset{}} = Blog.update_post(scope, post, @invalid_attrs)
      assert post == Blog.get_post!(scope, post.id)
    end

    test "delete_post/2 deletes the post" do
      scope = user_scope_fixture()
      post = post_fixture(scope)
      assert {:ok, %Post{}} = Blog.delete_post(scope, post)
      assert_raise Ecto.NoResultsError, fn -> Blog.get_post!(scope, post.id) end
    end

    test "delete_post/2 with invalid scope raises" do
      scope = user_scope_fixture()
      other_scope = user_scope_fixture()
      post = post_fixture(scope)
      assert_raise MatchError, fn -> Blog.delete_post(other_scope, post) end
    end

    test "change_post/2 returns a post changeset" do
      scope = user_scope_fixture()
      post = post_fixture(scope)
      assert %Ecto.Changeset{} = Blog.change_post(scope, post)
    end
  end
end
`;

test('a new context test file is context_test.exs with the describe block injected', t => {
	const {test: file} = renderContextFiles(spec(), {});
	t.is(file.path, 'test/my_app/blog_test.exs');
	t.is(file.action, 'created');
	t.is(file.content, BLOG_TEST);
});

test('a scoped schema gets the scoped test cases, taking the scope first', t => {
	t.is(renderContextFiles(spec({}, scopedProject), {}).test.content, SCOPED_BLOG_TEST);
});

test("every type gets Phoenix's create and update sample values", t => {
	const context = spec({
		attrs: [
			'title',
			'body:text',
			'data:binary',
			'views:integer',
			'ratio:float',
			'price:decimal',
			'done:boolean',
			'meta:map',
			'day:date',
			'at:time',
			'at_us:time_usec',
			'token:uuid',
			'tags:array:string',
			'scores:array:integer',
			'notes:array:text',
			'status:enum:draft:published',
			'kind:enum:single',
			'mood:enum:in-progress:done',
			'seen:naive_datetime',
			'seen_us:naive_datetime_usec',
			'sent:utc_datetime',
			'sent_us:utc_datetime_usec',
			'legacy:datetime',
			'author_id:references:users',
		],
	});
	const rows = (action: 'create' | 'update') => Object.fromEntries(sampleParams(context.schema, action, NOW).map(value => [value.name, [value.code, value.expected]]));
	t.deepEqual(rows('create'), {
		title: ['"some title"', '"some title"'],
		body: ['"some body"', '"some body"'],
		data: ['"some data"', '"some data"'],
		views: ['42', '42'],
		ratio: ['120.5', '120.5'],
		price: ['"120.5"', 'Decimal.new("120.5")'],
		done: ['true', 'true'],
		meta: ['%{}', '%{}'],
		day: ['~D[2025-06-08]', '~D[2025-06-08]'],
		at: ['~T[14:00:00]', '~T[14:00:00]'],
		at_us: ['~T[14:00:00.000000]', '~T[14:00:00.000000]'],
		token: ['"7488a646-e31f-11e4-aace-600308960662"', '"7488a646-e31f-11e4-aace-600308960662"'],
		tags: ['["option1", "option2"]', '["option1", "option2"]'],
		scores: ['[1, 2]', '[1, 2]'],
		notes: ['[]', '[]'],
		status: [':draft', ':draft'],
		kind: [':single', ':single'],
		mood: [':"in-progress"', ':"in-progress"'],
		seen: ['~N[2025-06-08 13:45:00]', '~N[2025-06-08 13:45:00]'],
		seen_us: ['~N[2025-06-08 13:45:00.000000]', '~N[2025-06-08 13:45:00.000000]'],
		sent: ['~U[2025-06-08 13:45:00Z]', '~U[2025-06-08 13:45:00Z]'],
		sent_us: ['~U[2025-06-08 13:45:00.000000Z]', '~U[2025-06-08 13:45:00.000000Z]'],
		legacy: ['~N[2025-06-08 13:45:00]', '~N[2025-06-08 13:45:00]'],
	});
	t.deepEqual(rows('update'), {
		title: ['"some updated title"', '"some updated title"'],
		body: ['"some updated body"', '"some updated body"'],
		data: ['"some updated data"', '"some updated data"'],
		views: ['43', '43'],
		ratio: ['456.7', '456.7'],
		price: ['"456.7"', 'Decimal.new("456.7")'],
		done: ['false', 'false'],
		meta: ['%{}', '%{}'],
		day: ['~D[2025-06-09]', '~D[2025-06-09]'],
		at: ['~T[15:01:01]', '~T[15:01:01]'],
		at_us: ['~T[15:01:01.000000]', '~T[15:01:01.000000]'],
		token: ['"7488a646-e31f-11e4-aace-600308960668"', '"7488a646-e31f-11e4-aace-600308960668"'],
		tags: ['["option1"]', '["option1"]'],
		scores: ['[1]', '[1]'],
		notes: ['[]', '[]'],
		status: [':published', ':published'],
		kind: [':single', ':single'],
		mood: [':done', ':done'],
		seen: ['~N[2025-06-09 13:45:00]', '~N[2025-06-09 13:45:00]'],
		seen_us: ['~N[2025-06-09 13:45:00.000000]', '~N[2025-06-09 13:45:00.000000]'],
		sent: ['~U[2025-06-09 13:45:00Z]', '~U[2025-06-09 13:45:00Z]'],
		sent_us: ['~U[2025-06-09 13:45:00.000000Z]', '~U[2025-06-09 13:45:00.000000Z]'],
		legacy: ['~N[2025-06-09 13:45:00]', '~N[2025-06-09 13:45:00]'],
	});
	// The date crosses the day boundary backwards from midnight UTC.
	const midnight = sampleParams(spec({attrs: ['day:date', 'sent:utc_datetime']}).schema, 'create', new Date('2024-03-01T00:05:59Z'));
	t.deepEqual(
		midnight.map(value => value.code),
		['~D[2024-02-29]', '~U[2024-02-29 00:05:00Z]'],
	);
});

test('the describe block lists attributes in input order, references excluded, decimals compared as Decimal', t => {
	const block = renderTestCases(spec({attrs: ['title', 'author_id:references:users', 'price:decimal', 'status:enum:draft:published']}), NOW);
	t.true(block.includes('    @invalid_attrs %{title: nil, price: nil, status: nil}\n'));
	t.true(block.includes('      valid_attrs = %{title: "some title", price: "120.5", status: :draft}\n'));
	t.true(block.includes('      assert post.title == "some title"\n      assert post.price == Decimal.new("120.5")\n      assert post.status == :draft\n    end\n'));
	t.true(block.includes('      update_attrs = %{title: "some updated title", price: "456.7", status: :published}\n'));
	t.false(block.includes('author_id'));
});

test('no attributes give empty maps and no assertions', t => {
	const block = renderTestCases(spec({attrs: []}));
	t.true(block.includes('    @invalid_attrs %{}\n'));
	t.true(block.includes('      valid_attrs = %{}\n\n      assert {:ok, %Post{} = post} = Blog.create_post(valid_attrs)\n    end\n'));
	t.true(block.includes('      update_attrs = %{}\n\n      assert {:ok, %Post{} = post} = Blog.update_post(post, update_attrs)\n    end\n'));
});

test('a custom primary key is used to fetch records in the tests', t => {
	const block = renderTestCases(spec({primaryKey: 'post_key'}));
	t.true(block.includes('      assert Blog.get_post!(post.post_key) == post\n'));
	t.true(block.includes('fn -> Blog.get_post!(post.post_key) end\n'));
	t.false(block.includes('post.id'));
});

test('dates default to a fixed instant, so output never depends on the clock unless asked', t => {
	const context = spec({attrs: ['day:date']});
	t.is(renderTestCases(context), renderTestCases(context, DEFAULT_SAMPLE_NOW));
	t.not(renderTestCases(context), renderTestCases(context, NOW));
	t.true(renderContextFiles(context, {}, {now: NOW}).test.content.includes('valid_attrs = %{day: ~D[2025-06-08]}'));
});

test("the scope fixtures module is the auth context's fixtures, unless configured", t => {
	t.is(scopeFixturesModule(userScope), 'MyApp.AccountsFixtures');
	t.is(scopeFixturesModule({...userScope, module: 'MyApp.Auth.Scope'}), 'MyApp.AuthFixtures');
	t.is(scopeFixturesModule({...userScope, testDataFixture: 'MyApp.UsersFixtures'} as typeof userScope), 'MyApp.UsersFixtures');
	const block = renderTestCases(spec({scope: 'organization'}, scopedProject));
	t.true(block.includes('    import MyApp.AccountsFixtures, only: [organization_scope_fixture: 0]\n'));
	t.true(block.includes('      assert post.org_id == scope.organization.id\n'));
});

test('map keys print as inspect prints them', t => {
	t.is(
		inspectMap([
			{name: 'title', code: 'nil'},
			{name: 'in-progress', code: '1'},
		]),
		'%{title: nil, "in-progress": 1}',
	);
	t.is(inspectMap([]), '%{}');
});

test('an existing test module receives the block; twice is a no-op', t => {
	const existing = 'defmodule MyApp.BlogTest do\n  use MyApp.DataCase\n\n  alias MyApp.Blog\n\n  test "x" do\n    assert true\n  end\nend\n';
	const once = renderContextFiles(spec(), {test: existing}).test;
	t.is(once.action, 'injected');
	t.is(once.content, existing.slice(0, -'end\n'.length) + renderTestCases(spec()) + 'end\n');
	const twice = renderContextFiles(spec(), {test: once.content}).test;
	t.is(twice.action, 'unchanged');
	t.is(twice.content, once.content);
});
