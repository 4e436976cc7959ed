/**
 * Whole-path tests: a provider (fake Gemini through the real SDK, the scripted fixture, the offline
 * planner) -> the engine -> the three real tool servers -> files in a copy of the fixture project
 * -> the rows in the database.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {createProvider} from '../../source/app/create-provider.js';
import {ScriptedProvider} from '../../source/llm/scripted.js';
import {McpService} from '../../source/mcp/mcp-service.js';
import {packageRoot} from '../../source/package-root.js';
import {OfflineProvider} from '../../source/planner/offline-provider.js';
import {isProcessAlive} from '../../source/process-alive.js';
import {checkElixirFiles, requireElixir} from '../helpers/elixir.js';
import {startFakeGemini} from '../helpers/fake-gemini.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {realToolServers} from '../helpers/tool-servers.js';
import {setupEngine} from './_support.js';

const POST_ATTRS = ['title:string', 'body:text', 'published:boolean'];

function read(project: string, file: string): string {
	return readFileSync(path.join(project, file), 'utf8');
}

function migrations(project: string): string[] {
	const dir = path.join(project, 'priv', 'repo', 'migrations');
	return readdirSync(dir)
		.filter(name => /^\d+_.*\.exs$/.test(name))
		.sort();
}

/** Every .ex file under lib/ (relative paths). */
function libFiles(project: string): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(path.join(project, dir), {withFileTypes: true})) {
			const relative = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(relative);
			else if (entry.name.endsWith('.ex')) out.push(relative);
		}
	};

	walk('lib');
	return out;
}

/** The text of the schema file for this table, wherever the planner put it. */
function schemaFor(project: string, table: string): string {
	const found = libFiles(project)
		.map(file => read(project, file))
		.find(text => text.includes(`schema "${table}" do`));
	if (!found) throw new Error(`no schema for table ${table} in ${libFiles(project).join(', ')}`);
	return found;
}

function migrationFor(project: string, table: string): string {
	const file = migrations(project).find(name => name.endsWith(`_create_${table}.exs`));
	if (!file) throw new Error(`no create_${table} migration among ${migrations(project).join(', ')}`);
	return read(project, path.join('priv', 'repo', 'migrations', file));
}

test('fake Gemini through the real SDK drives the three real servers and every step is recorded in order', async t => {
	const project = await copyFixtureProject(t);
	const args = {project_path: project, schema: 'Blog.Post', plural: 'posts', attrs: POST_ATTRS};
	const fake = await startFakeGemini([
		{
			text: 'Inspecting the project first.',
			thought: 'plan',
			functionCalls: [{name: 'inspect_project', args: {project_path: project}, thoughtSignature: 'sig-1'}],
			usage: {promptTokenCount: 100, candidatesTokenCount: 10, totalTokenCount: 110},
		},
		{text: 'Writing the schema.', functionCalls: [{name: 'generate_schema', args}]},
		{text: 'Writing the migration.', functionCalls: [{name: 'generate_migration', args}]},
		{text: 'Writing the context.', functionCalls: [{name: 'generate_context', args: {project_path: project, context: 'Blog', schema: 'Post', plural: 'posts', attrs: POST_ATTRS}}]},
		{text: 'Done: the Blog context with posts. Run mix ecto.migrate.', usage: {promptTokenCount: 300, candidatesTokenCount: 20, totalTokenCount: 320}},
	]);
	t.teardown(() => fake.close());
	const provider = createProvider({provider: 'gemini', model: 'gemini-2.5-flash', env: {GEMINI_API_KEY: 'test-key', GOOGLE_GEMINI_BASE_URL: fake.url}});
	const {engine, recorder, mcp, events} = await setupEngine(t, {servers: realToolServers(), provider});

	const result = await engine.run({description: 'Blog.Post posts title:string body:text published:boolean', projectPath: project});

	t.is(result.status, 'COMPLETED', result.errorMessage);
	t.is(result.finalResponseText, 'Done: the Blog context with posts. Run mix ecto.migrate.');
	// Files in the project.
	t.regex(read(project, 'lib/my_app/blog/post.ex'), /schema "posts" do\n\s+field :title, :string\n\s+field :body, :string\n\s+field :published, :boolean, default: false/);
	t.regex(migrationFor(project, 'posts'), /add :body, :text/);
	t.regex(read(project, 'lib/my_app/blog.ex'), /def list_posts do/);
	t.true(existsSync(path.join(project, 'test/my_app/blog_test.exs')));
	t.true(existsSync(path.join(project, 'test/support/fixtures/blog_fixtures.ex')));

	// Rows role by role, in order.
	const messages = await recorder.listMessages(result.executionId);
	t.deepEqual(
		messages.map(m => `${m.turnNumber}:${m.role}:${m.functionCallName ?? m.functionResponseName ?? ''}`),
		[
			'1:user:',
			'1:model:',
			'1:tool_request:inspect_project',
			'1:tool_response:inspect_project',
			'2:model:',
			'2:tool_request:generate_schema',
			'2:tool_response:generate_schema',
			'3:model:',
			'3:tool_request:generate_migration',
			'3:tool_response:generate_migration',
			'4:model:',
			'4:tool_request:generate_context',
			'4:tool_response:generate_context',
			'5:model:',
		],
	);
	t.true(
		messages.filter(m => m.role === 'tool_response').every(m => !m.isError),
		JSON.stringify(messages.filter(m => m.isError)),
	);
	t.regex(JSON.stringify(messages.find(m => m.functionResponseName === 'generate_schema')!.functionResponseContent), /lib\/my_app\/blog\/post\.ex/);
	// The model row keeps Gemini's raw parts, thought signature included.
	t.regex(JSON.stringify(messages[1]!.rawParts), /sig-1/);
	t.like(await recorder.getExecution(result.executionId), {status: 'COMPLETED', provider: 'gemini', model: 'gemini-2.5-flash', turnCount: 5, promptTokens: 400, totalTokens: 430});

	// What went back to Gemini: the signature, and a response after every call.
	const lastBody = JSON.stringify(fake.requests.at(-1)!.body);
	t.regex(lastBody, /sig-1/);
	t.is((lastBody.match(/"functionResponse"/g) ?? []).length, 4);
	t.true(events.some(e => e.type === 'tool_call_finished' && e.name === 'generate_context' && !e.isError));

	// Every file the tools reported is Elixir that parses.
	const written = messages
		.filter(m => m.role === 'tool_response')
		.flatMap(m => ((m.functionResponseContent as {structuredContent?: {files?: Array<{path: string}>}}).structuredContent?.files ?? []).map(f => path.join(project, f.path)));
	t.true(written.length >= 5);
	if (requireElixir(t)) t.deepEqual(await checkElixirFiles([...new Set(written)]), []);

	const pids = mcp.childPids();
	t.is(pids.length, 3);
	await mcp.close();
	t.deepEqual(
		pids.filter(pid => isProcessAlive(pid)),
		[],
	);
});

test('the scripted blog conversation writes the same files', async t => {
	const project = await copyFixtureProject(t);
	const provider = new ScriptedProvider(path.join(packageRoot(), 'fixtures/conversations/blog.json'));
	const {engine, recorder} = await setupEngine(t, {servers: realToolServers(), provider});

	const result = await engine.run({description: 'Blog.Post posts title:string body:text published:boolean', projectPath: project});

	t.is(result.status, 'COMPLETED', result.errorMessage);
	t.regex(read(project, 'lib/my_app/blog/post.ex'), /field :published, :boolean, default: false/);
	t.regex(read(project, 'lib/my_app/blog.ex'), /def create_post\(attrs/);
	t.is(migrations(project).filter(name => name.endsWith('_create_posts.exs')).length, 1);
	const execution = await recorder.getExecution(result.executionId);
	t.true(execution.totalTokens > 0);
});

test('dry run through the real servers plans every file and writes none', async t => {
	const project = await copyFixtureProject(t);
	const {engine, recorder} = await setupEngine(t, {servers: realToolServers(), provider: new OfflineProvider()});

	const result = await engine.run({description: 'Blog.Post posts title:string body:text', projectPath: project, dryRun: true});

	t.is(result.status, 'COMPLETED', result.errorMessage);
	t.false(existsSync(path.join(project, 'lib/my_app/blog/post.ex')));
	t.false(existsSync(path.join(project, 'lib/my_app/blog.ex')));
	t.deepEqual(migrations(project), []);
	const messages = await recorder.listMessages(result.executionId);
	const writes = messages.filter(m => m.role === 'tool_request' && m.functionCallName !== 'inspect_project');
	t.true(writes.length >= 3);
	t.true(writes.every(m => (m.functionCallArgs as {dry_run?: boolean}).dry_run === true));
	const actions = messages
		.filter(m => m.role === 'tool_response' && m.functionResponseName !== 'inspect_project')
		.flatMap(m => ((m.functionResponseContent as {structuredContent?: {files?: Array<{action: string}>}}).structuredContent?.files ?? []).map(f => f.action));
	t.true(actions.length > 0);
	t.true(
		actions.every(action => action === 'planned'),
		actions.join(','),
	);
});

// The offline planner on many descriptions, one MCP service for all (servers are reused).
const sharedMcp = new McpService({requestTimeoutMs: 60_000, startTimeoutMs: 60_000});
test.after.always(async () => sharedMcp.close());

interface OfflineCase {
	title: string;
	description: string;
	check: (project: string) => void;
}

const offlineCases: OfflineCase[] = [
	{
		title: 'generator syntax, one entity',
		description: 'Blog.Post posts title:string body:text published:boolean',
		check(project) {
			const schema = read(project, 'lib/my_app/blog/post.ex');
			if (!/field :published, :boolean, default: false/.test(schema)) throw new Error(schema);
			if (!/add :published, :boolean, default: false, null: false/.test(migrationFor(project, 'posts'))) throw new Error('migration');
			if (!/def get_post!\(id\), do: Repo\.get!\(Post, id\)/.test(read(project, 'lib/my_app/blog.ex'))) throw new Error('context');
		},
	},
	{
		title: 'generator syntax with unique and integer',
		description: 'Accounts.User users email:string:unique name:string age:integer',
		check(project) {
			const schema = schemaFor(project, 'users');
			if (!/field :age, :integer/.test(schema) || !/unique_constraint\(:email\)/.test(schema)) throw new Error(schema);
			if (!/create unique_index\(:users, \[:email\]\)/.test(migrationFor(project, 'users'))) throw new Error('migration');
		},
	},
	{
		title: 'generator syntax with decimal, array and enum',
		description: 'Catalog.Product products name:string price:decimal tags:array:string status:enum:draft:published',
		check(project) {
			const schema = schemaFor(project, 'products');
			for (const snippet of ['field :price, :decimal', 'field :tags, {:array, :string}', 'field :status, Ecto.Enum, values: [:draft, :published]']) {
				if (!schema.includes(snippet)) throw new Error(`missing ${snippet} in ${schema}`);
			}
		},
	},
	{
		title: 'two entities separated by ";" with a reference',
		description: 'Blog.Post posts title:string; Blog.Comment comments body:text post_id:references:posts',
		check(project) {
			if (!schemaFor(project, 'comments').includes('field :post_id, :id')) throw new Error('comment schema');
			if (!migrationFor(project, 'comments').includes('add :post_id, references(:posts, on_delete: :nothing)')) throw new Error('comment migration');
			const order = migrations(project);
			if (order.findIndex(n => n.endsWith('_create_posts.exs')) > order.findIndex(n => n.endsWith('_create_comments.exs'))) throw new Error(`order ${order.join(',')}`);
		},
	},
	{
		title: 'entities on separate lines',
		description: 'Library.Author authors name:string bio:text\nLibrary.Book books title:string author_id:references:authors published_on:date',
		check(project) {
			if (!schemaFor(project, 'books').includes('field :published_on, :date')) throw new Error('books');
			if (!migrationFor(project, 'books').includes('references(:authors')) throw new Error('books migration');
			if (!read(project, 'lib/my_app/library.ex').includes('def list_authors do')) throw new Error('library context');
		},
	},
	{
		title: 'plain English with explicit types and "belong to"',
		description: 'a blog with posts (title, body as text, published boolean) and comments (body) that belong to posts',
		check(project) {
			const posts = schemaFor(project, 'posts');
			if (!posts.includes('field :published, :boolean, default: false')) throw new Error(posts);
			if (!migrationFor(project, 'posts').includes('add :body, :text')) throw new Error('posts body');
			if (!schemaFor(project, 'comments').includes('field :post_id, :id')) throw new Error('comments ref');
			if (!existsSync(path.join(project, 'lib/my_app/blog.ex'))) throw new Error('blog context');
		},
	},
	{
		title: 'plain English with inferred types',
		description: 'events with a title, a description, starts_at, is_public and a price',
		check(project) {
			const schema = schemaFor(project, 'events');
			for (const snippet of ['field :title, :string', 'field :starts_at, :utc_datetime', 'field :is_public, :boolean, default: false', 'field :price, :decimal']) {
				if (!schema.includes(snippet)) throw new Error(`missing ${snippet} in ${schema}`);
			}

			if (!migrationFor(project, 'events').includes('add :description, :text')) throw new Error('description as text');
		},
	},
	{
		title: 'plain English "has many"',
		description: 'users with email and name, has many posts',
		check(project) {
			if (!schemaFor(project, 'users').includes('field :email, :string')) throw new Error('users');
			if (!migrationFor(project, 'posts').includes('add :user_id, references(:users, on_delete: :nothing)')) throw new Error('posts user_id');
		},
	},
];

for (const offlineCase of offlineCases) {
	test.serial(`offline planner end to end: ${offlineCase.title}`, async t => {
		const project = await copyFixtureProject(t);
		const {engine, recorder} = await setupEngine(t, {servers: realToolServers(), provider: new OfflineProvider(), mcp: sharedMcp, maxTurns: 20});

		const result = await engine.run({description: offlineCase.description, projectPath: project});

		t.is(result.status, 'COMPLETED', result.errorMessage);
		const messages = await recorder.listMessages(result.executionId);
		const errors = messages.filter(m => m.isError).map(m => m.contentText);
		t.deepEqual(errors, []);
		t.notThrows(() => offlineCase.check(project));
		t.like(await recorder.getExecution(result.executionId), {provider: 'offline', model: 'offline-planner'});
	});
}
