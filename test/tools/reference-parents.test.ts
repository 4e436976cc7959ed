// Issue 16 item 2 through the real MCP servers: generate_schema and generate_context find the
// parent of a reference in the project (its schema and its fixture) and agree on the schema file.
import {readFile, rm} from 'node:fs/promises';
import {join} from 'node:path';
import type {Client} from '@modelcontextprotocol/sdk/client/index.js';
import test from 'ava';
import {checkElixirFiles, requireElixir} from '../helpers/elixir.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {callTool, startToolServer} from './tool-client.js';

let ecto: Client;
let context: Client;

test.before(async () => {
	[ecto, context] = await Promise.all([startToolServer('elixir-ecto-gen-tool'), startToolServer('phoenix-context-gen-tool')]);
});

test.after.always(async () => {
	await Promise.all([ecto?.close(), context?.close()]);
});

const comment = {schema: 'Blog.Comment', plural: 'comments', attrs: ['body:text', 'post_id:references:posts']};

test("with the parent's schema and fixture in the project, the comment takes the post; both tools write the same schema", async t => {
	// with_context has MyApp.Blog.Post over posts and post_fixture/1 in MyApp.BlogFixtures.
	const root = await copyFixtureProject(t, 'with_context');
	const schema = await callTool(ecto, 'generate_schema', {project_path: root, ...comment});
	t.false(schema.isError, schema.text);
	const schemaText = await readFile(join(root, 'lib/my_app/blog/comment.ex'), 'utf8');
	t.true(schemaText.includes('    |> cast(attrs, [:body])\n    |> validate_required([:body, :post_id])\n    |> foreign_key_constraint(:post_id)\n'));

	const result = await callTool(context, 'generate_context', {project_path: root, context: 'Blog', schema: 'Comment', plural: 'comments', attrs: comment.attrs});
	t.false(result.isError, result.text);
	t.is(result.files.find(file => file.path === 'lib/my_app/blog/comment.ex')?.action, 'unchanged');
	t.true(result.nextSteps.includes('create_comment takes the %Post{} post first and sets post_id from it; ids are never cast from attrs.'));
	const contextText = await readFile(join(root, 'lib/my_app/blog.ex'), 'utf8');
	t.true(contextText.includes('  def create_comment(%Post{} = post, attrs) do\n    %Comment{post_id: post.id}\n'));
	const fixtures = await readFile(join(root, 'test/support/fixtures/blog_fixtures.ex'), 'utf8');
	t.true(fixtures.includes('    post = post_fixture()\n'));
	if (requireElixir(t)) t.deepEqual(await checkElixirFiles(result.files.map(file => join(root, file.path))), []);
});

test("without the parent's fixture, Phoenix's output: the id is not set by the context", async t => {
	const root = await copyFixtureProject(t, 'with_context');
	await rm(join(root, 'test/support/fixtures/blog_fixtures.ex'));
	const result = await callTool(context, 'generate_context', {project_path: root, context: 'Blog', schema: 'Comment', plural: 'comments', attrs: comment.attrs});
	t.false(result.isError, result.text);
	t.true((await readFile(join(root, 'lib/my_app/blog.ex'), 'utf8')).includes('  def create_comment(attrs) do\n'));
	t.false((await readFile(join(root, 'lib/my_app/blog/comment.ex'), 'utf8')).includes('foreign_key_constraint'));
});

test('a reference to a table no schema of the project maps is left as Phoenix writes it', async t => {
	const root = await copyFixtureProject(t, 'with_context');
	const result = await callTool(ecto, 'generate_schema', {project_path: root, schema: 'Blog.Vote', plural: 'votes', attrs: ['value:integer', 'poll_id:references:polls']});
	t.false(result.isError, result.text);
	t.true((await readFile(join(root, 'lib/my_app/blog/vote.ex'), 'utf8')).includes('    |> cast(attrs, [:value])\n    |> validate_required([:value])\n  end\n'));
});

test("a schema of Phoenix's form regenerated with a new reference (a follow-up, overwrite) keeps Phoenix's form", async t => {
	// with_context's Blog.Post is Phoenix's; giving it a reference to posts' own parent must not change its form.
	const root = await copyFixtureProject(t, 'with_context');
	await callTool(context, 'generate_context', {project_path: root, context: 'Blog', schema: 'Comment', plural: 'comments', attrs: ['body:text']});
	const result = await callTool(ecto, 'generate_schema', {project_path: root, schema: 'Blog.Comment', plural: 'comments', attrs: comment.attrs, overwrite: true});
	t.false(result.isError, result.text);
	const text = await readFile(join(root, 'lib/my_app/blog/comment.ex'), 'utf8');
	t.true(text.includes('    field :post_id, :id\n'));
	t.false(text.includes('foreign_key_constraint'));
});
