// Issue 16 items 1 and 2: references the program sets from parent structs, when the project has a
// schema and a fixture for every referenced table; Phoenix's output otherwise.
import test from 'ava';
import {buildContextSpec, type ContextOptions, renderContextFiles} from '../../source/generators/context.js';
import {updateContextFiles} from '../../source/generators/context-update.js';
import {GeneratorError} from '../../source/generators/errors.js';
import {renderSchema} from '../../source/generators/schema.js';
import {buildSchemaSpec} from '../../source/generators/schema-spec.js';
import {modernProject, scopedProject} from './projects.js';

const POST = {field: 'post_id', module: 'MyApp.Blog.Post', fixturesModule: 'MyApp.BlogFixtures', fixture: 'post_fixture'};
const USER = {field: 'user_id', module: 'MyApp.Accounts.User', fixturesModule: 'MyApp.AccountsFixtures', fixture: 'user_fixture'};

const comments = (options: Partial<ContextOptions> = {}) =>
	buildContextSpec(modernProject, {context: 'Blog', schema: 'Comment', plural: 'comments', attrs: ['body:text', 'post_id:references:posts'], parents: [POST], ...options});
const likes = (options: Partial<ContextOptions> = {}) =>
	buildContextSpec(modernProject, {
		context: 'Blog',
		schema: 'Like',
		plural: 'likes',
		attrs: ['user_id:references:users', 'post_id:references:posts'],
		uniqueIndexes: [['user_id', 'post_id']],
		parents: [USER, POST],
		...options,
	});

test('a join table: the ids are required and checked, never cast, and the changeset takes no attrs (full file)', t => {
	t.is(
		renderSchema(likes().schema).content,
		`defmodule MyApp.Blog.Like do
  use Ecto.Schema
  import Ecto.Changeset

  schema "likes" do
    field :user_id, :id
    field :post_id, :id

    timestamps(type: :utc_datetime)
  end

  @doc false
  def changeset(like) do
    like
    |> change()
    |> validate_required([:user_id, :post_id])
    |> unique_constraint([:user_id, :post_id])
    |> foreign_key_constraint(:user_id)
    |> foreign_key_constraint(:post_id)
  end
end
`,
	);
});

test('with plain fields: only they are cast, the reference is required and checked', t => {
	const schema = renderSchema(comments().schema).content;
	t.true(
		schema.includes('  def changeset(comment, attrs) do\n    comment\n    |> cast(attrs, [:body])\n    |> validate_required([:body, :post_id])\n    |> foreign_key_constraint(:post_id)\n  end\n'),
	);
});

test("without a parent for every reference, Phoenix's output: the id is neither cast nor checked", t => {
	for (const parents of [undefined, [], [USER]]) {
		const spec = likes(parents === undefined ? {parents: []} : {parents});
		t.is(spec.schema.parents, undefined);
		const schema = renderSchema(spec.schema).content;
		t.true(schema.includes('    |> cast(attrs, [])\n    |> validate_required([])\n'));
		t.false(schema.includes('foreign_key_constraint'));
		t.true(renderContextFiles(spec, {}).context.content.includes('  def create_like(attrs) do\n'));
	}
});

test("a scoped schema keeps Phoenix's scoped templates, whatever parents are found", t => {
	const spec = buildContextSpec(scopedProject, {context: 'Blog', schema: 'Comment', plural: 'comments', attrs: ['body', 'post_id:references:posts'], parents: [POST]});
	t.is(spec.schema.parents, undefined);
	t.true(renderContextFiles(spec, {}).context.content.includes('def create_comment(%Scope{} = scope, attrs) do'));
});

test("a parent variable that clashes with a name the code uses, or an optional reference, keeps Phoenix's output", t => {
	t.is(comments({attrs: ['body', 'comment_id:references:posts'], parents: [{...POST, field: 'comment_id'}]}).schema.parents, undefined);
	t.is(comments({attrs: ['body', 'attrs_id:references:posts'], parents: [{...POST, field: 'attrs_id'}]}).schema.parents, undefined);
	t.is(comments({attrs: ['body', 'post_id:references:posts:optional']}).schema.parents, undefined);
});

test('a parent that is not a module and a fixture is refused', t => {
	t.throws(() => comments({parents: [{...POST, module: 'not a module'}]}), {instanceOf: GeneratorError, message: /parent of reference "post_id"/});
	t.throws(() => comments({parents: [{...POST, fixture: 'post'}]}), {instanceOf: GeneratorError});
});

test('the context takes the parents and puts their ids in the struct; a parent in another context is aliased', t => {
	const context = renderContextFiles(likes(), {}).context.content;
	t.true(context.includes('  alias MyApp.Blog.Like\n  alias MyApp.Accounts.User\n  alias MyApp.Blog.Post\n\n'));
	t.true(context.includes('  def create_like(%User{} = user, %Post{} = post) do\n    %Like{user_id: user.id, post_id: post.id}\n    |> Like.changeset()\n    |> Repo.insert()\n  end\n'));
	t.true(context.includes('  def change_like(%Like{} = like) do\n    Like.changeset(like)\n  end\n'));
	// Nothing the caller may change: no update.
	t.false(context.includes('update_like'));
	const withAttrs = renderContextFiles(comments(), {}).context.content;
	t.true(withAttrs.includes('  def create_comment(%Post{} = post, attrs) do\n    %Comment{post_id: post.id}\n    |> Comment.changeset(attrs)\n    |> Repo.insert()\n  end\n'));
	t.true(withAttrs.includes('  def update_comment(%Comment{} = comment, attrs) do\n'));
});

test('an alias the context has is not repeated, and a clashing one gives the full module', t => {
	const first = renderContextFiles(buildContextSpec(modernProject, {context: 'Blog', schema: 'Post', plural: 'posts', attrs: ['title']}), {});
	const second = renderContextFiles(comments(), {context: first.context.content}).context.content;
	t.is(second.split('  alias MyApp.Blog.Post\n').length, 2);
	t.true(second.includes('  def create_comment(%Post{} = post, attrs) do\n'));
	const clash = renderContextFiles(comments({parents: [{...POST, module: 'MyApp.Forum.Post'}]}), {context: first.context.content}).context.content;
	t.false(clash.includes('alias MyApp.Forum.Post'));
	t.true(clash.includes('  def create_comment(%MyApp.Forum.Post{} = post, attrs) do\n'));
});

test('the fixture makes the parents first, from their own fixtures modules', t => {
	const fixtures = renderContextFiles(likes(), {}).fixtures.content;
	t.true(
		fixtures.includes('  def like_fixture do\n    user = MyApp.AccountsFixtures.user_fixture()\n    post = post_fixture()\n    {:ok, like} = MyApp.Blog.create_like(user, post)\n    like\n  end\n'),
	);
	const withAttrs = renderContextFiles(comments(), {}).fixtures.content;
	t.true(
		withAttrs.includes(
			'  def comment_fixture(attrs \\\\ %{}) do\n    post = post_fixture()\n\n    attrs =\n      Enum.into(attrs, %{\n        body: "some body"\n      })\n\n    {:ok, comment} = MyApp.Blog.create_comment(post, attrs)\n    comment\n  end\n',
		),
	);
});

test('the tests prove the stored reference, the foreign key and the unique pair; nothing that cannot fail', t => {
	const tests = renderContextFiles(likes(), {}).test.content;
	t.false(tests.includes('@invalid_attrs'));
	t.false(tests.includes('update_like'));
	t.true(tests.includes('      assert {:ok, %Like{} = like} = Blog.create_like(user, post)\n      assert like.user_id == user.id\n      assert like.post_id == post.id\n'));
	t.true(tests.includes('    test "create_like/2 with a user that does not exist returns error changeset" do\n'));
	t.true(tests.includes('      assert {:error, %Ecto.Changeset{} = changeset} = Blog.create_like(%{user | id: -1}, post)\n      assert "does not exist" in errors_on(changeset).user_id\n'));
	t.true(
		tests.includes(
			'    test "create_like/2 twice with the same user_id and post_id returns error changeset" do\n      user = MyApp.AccountsFixtures.user_fixture()\n      post = post_fixture()\n\n      assert {:ok, %Like{}} = Blog.create_like(user, post)\n      assert {:error, %Ecto.Changeset{} = changeset} = Blog.create_like(user, post)\n      assert "has already been taken" in errors_on(changeset).user_id\n',
		),
	);
	const withAttrs = renderContextFiles(comments(), {}).test.content;
	t.true(withAttrs.includes('    @invalid_attrs %{body: nil}\n'));
	t.true(withAttrs.includes('      post = post_fixture()\n      assert {:error, %Ecto.Changeset{}} = Blog.create_comment(post, @invalid_attrs)\n'));
	t.true(withAttrs.includes('      assert comment.body == "some body"\n      assert comment.post_id == post.id\n'));
});

test('binary ids: a parent that does not exist gets a fresh UUID', t => {
	const tests = renderContextFiles(comments({binaryId: true}), {}).test.content;
	t.true(tests.includes('Blog.create_comment(%{post | id: Ecto.UUID.generate()}, valid_attrs)'));
});

test('a schema without any attribute: created with no argument, nothing to update', t => {
	const spec = buildContextSpec(modernProject, {context: 'Blog', schema: 'Tag', plural: 'tags', attrs: []});
	t.deepEqual(spec.schema.parents, []);
	const files = renderContextFiles(spec, {});
	t.true(files.context.content.includes('  def create_tag do\n    %Tag{}\n    |> Tag.changeset()\n    |> Repo.insert()\n  end\n'));
	// Nothing to assert on the new row: no unused variable.
	t.true(files.test.content.includes('      assert {:ok, %Tag{}} = Blog.create_tag()\n    end\n'));
	t.false(files.test.content.includes('@invalid_attrs'));
	t.is(buildSchemaSpec(scopedProject, {schema: 'Blog.Tag', plural: 'tags', attrs: []}).parents, undefined);
});

test('an assertion too long for a line is broken after `=` with blank lines around it, as mix format writes it', t => {
	const spec = buildContextSpec(modernProject, {context: 'Accounts', schema: 'Like', plural: 'likes', attrs: ['user_id:references:users', 'post_id:references:posts'], parents: [USER, POST]});
	t.true(
		renderContextFiles(spec, {}).test.content.includes(
			'      post = MyApp.BlogFixtures.post_fixture()\n\n      assert {:error, %Ecto.Changeset{} = changeset} =\n               Accounts.create_like(%{user | id: -1}, post)\n\n      assert "does not exist"',
		),
	);
});

test('a second identical call changes nothing, also when the block added an alias', t => {
	const first = renderContextFiles(likes(), {}).context;
	t.true(first.content.includes('  alias MyApp.Accounts.User\n'));
	const second = renderContextFiles(likes(), {context: first.content}).context;
	t.is(second.action, 'unchanged');
	t.is(second.content, first.content);
});

test('a follow-up adding a field to a linked schema keeps create taking the parent in the context, fixtures and tests', t => {
	const before = comments({attrs: ['post_id:references:posts']});
	const files = renderContextFiles(before, {});
	const existing = {context: files.context.content, test: files.test.content, fixtures: files.fixtures.content};
	const updated = updateContextFiles(comments({attrs: ['post_id:references:posts', 'body:text']}), before, existing);
	t.regex(updated.context.content, /def create_comment\(%Post\{\} = post, attrs\) do\n {4}%Comment\{post_id: post\.id\}\n {4}\|> Comment\.changeset\(attrs\)/);
	t.notRegex(updated.context.content, /def create_comment\(%Post\{\} = post\) do/);
	t.regex(updated.fixtures.content, /post = post_fixture\(\)[\s\S]*MyApp\.Blog\.create_comment\(post, attrs\)/);
	t.regex(updated.test.content, /Blog\.create_comment\(post, valid_attrs\)/);
	t.regex(updated.test.content, /test "update_comment\/2 with valid data updates the comment"/);
	t.true(updated.test.content.includes('assert comment.post_id == post.id'));
});
