import test from 'ava';
import type {ConversationItem, FunctionCall, FunctionResult, ModelTurn, ToolSpec} from '../../source/llm/provider.js';
import {OfflineProvider} from '../../source/planner/offline-provider.js';

const PROJECT = '/tmp/my_app';
const TOOL_NAMES = ['inspect_project', 'generate_schema', 'generate_migration', 'generate_add_fields_migration', 'generate_empty_migration', 'generate_context'];

function tools(names: string[] = TOOL_NAMES): ToolSpec[] {
	return names.map(name => ({name, description: `the ${name} tool`, inputSchema: {type: 'object'}}));
}

type Answer = (call: FunctionCall) => FunctionResult['response'];

/** Fake tools: each generate_* reports one file named after its arguments, as the real tools do. */
const fakeTools: Answer = call => {
	const tool = call.name.replace(/^.*__/, '');
	const plural = String(call.args['plural'] ?? call.args['name'] ?? '');
	if (tool === 'inspect_project') {
		return {text: 'my_app', structuredContent: {app: 'my_app', schemas: [], migrations: [], scopes: [], default_scope: null}, isError: false};
	}

	const path = {
		generate_schema: `lib/my_app/${plural}.ex`,
		generate_migration: `priv/repo/migrations/create_${plural}.exs`,
		generate_empty_migration: `priv/repo/migrations/${plural}.exs`,
		generate_add_fields_migration: `priv/repo/migrations/add_to_${plural}.exs`,
		generate_context: `lib/my_app/${String(call.args['context']).toLowerCase()}.ex`,
	}[tool];
	const nextSteps = tool.includes('migration') ? ['mix ecto.migrate'] : [];
	return {text: `wrote ${path}`, structuredContent: {files: [{path, action: 'created'}], next_steps: nextSteps}, isError: false};
};

interface Run {
	calls: FunctionCall[];
	texts: string[];
	deltas: string[];
	final: ModelTurn;
	history: ConversationItem[];
}

/** The engine's loop in miniature: ask, call the fake tool, append, until the planner answers in text. */
async function run(request: string, options: {answer?: Answer; tools?: ToolSpec[]; history?: ConversationItem[]; projectPath?: string | null} = {}): Promise<Run> {
	const provider = new OfflineProvider();
	const history: ConversationItem[] = [...(options.history ?? []), {role: 'user', text: `Generate into the project: ${request}`, description: request}];
	const calls: FunctionCall[] = [];
	const texts: string[] = [];
	const deltas: string[] = [];
	for (let turn = 0; turn < 50; turn++) {
		const modelTurn = await provider.nextTurn({
			history: [...history],
			tools: options.tools ?? tools(),
			...(options.projectPath === null ? {} : {projectPath: options.projectPath ?? PROJECT}),
			onTextDelta: delta => deltas.push(delta),
		});
		texts.push(modelTurn.text);
		history.push({role: 'model', text: modelTurn.text, functionCalls: modelTurn.functionCalls});
		if (modelTurn.functionCalls.length === 0) return {calls, texts, deltas, final: modelTurn, history};
		calls.push(...modelTurn.functionCalls);
		history.push({
			role: 'tool',
			results: modelTurn.functionCalls.map(call => ({id: call.id, name: call.name, response: (options.answer ?? fakeTools)(call)})),
		});
	}

	throw new Error('the planner never finished');
}

function shape(calls: FunctionCall[]): string[] {
	return calls.map(call => `${call.name} ${String(call.args['schema'] ?? call.args['name'] ?? '')}`.trim());
}

test('provider identity says it is the offline planner', t => {
	const provider = new OfflineProvider();
	t.is(provider.name, 'offline');
	t.is(provider.model, 'offline-planner');
});

test('inspects, then calls schema → migration → context per entity in one turn, then summarises', async t => {
	const result = await run('a blog with posts (title, body as text, published boolean) and comments (body) that belong to posts');
	t.deepEqual(shape(result.calls), [
		'inspect_project',
		'generate_schema Blog.Post',
		'generate_migration Blog.Post',
		'generate_context Post',
		'generate_schema Blog.Comment',
		'generate_migration Blog.Comment',
		'generate_context Comment',
	]);
	t.deepEqual(result.calls[0]!.args, {project_path: PROJECT});
	t.deepEqual(result.calls[1]!.args, {project_path: PROJECT, schema: 'Blog.Post', plural: 'posts', attrs: ['title:string', 'body:text', 'published:boolean']});
	t.deepEqual(result.calls[2]!.args, {project_path: PROJECT, schema: 'Blog.Post', plural: 'posts', attrs: ['title:string', 'body:text', 'published:boolean']});
	t.deepEqual(result.calls[6]!.args, {
		project_path: PROJECT,
		context: 'Blog',
		schema: 'Comment',
		plural: 'comments',
		attrs: ['body:text', 'post_id:references:posts'],
	});
	t.is(new Set(result.calls.map(call => call.id)).size, result.calls.length, 'call ids are distinct');

	const summary = result.final.text;
	t.true(summary.startsWith('Offline planner: Generated Blog.Post (posts), Blog.Comment (comments).'), summary);
	for (const path of ['lib/my_app/posts.ex', 'priv/repo/migrations/create_posts.exs', 'lib/my_app/blog.ex', 'priv/repo/migrations/create_comments.exs']) {
		t.true(summary.includes(`- created ${path}`), path);
	}

	t.regex(summary, /Next steps:\n- mix ecto\.migrate/);
	t.is(result.final.failure, undefined, 'a summary is a success');
	// The first turn states the plan before any tool runs, then inspects.
	const plan = result.texts[0]!;
	t.true(plan.startsWith('Offline planner (no language model). Plan:\n'), plan);
	t.regex(plan, /\| Blog \| Blog\.Post \| posts \| title: string, body: text, published: boolean \| — \|/);
	t.regex(plan, /\| Blog \| Blog\.Comment \| comments \| body: text \| post_id → posts \|/);
	t.regex(plan, /Assumptions:\n {2}- comments\.body: text, from the name/);
	t.true(plan.endsWith(`Inspecting the Phoenix project at ${PROJECT}.`), plan);
	t.is(result.texts.length, 3, 'inspect, then all generation calls in one turn, then the summary');
	t.true(result.texts[1]!.startsWith('Creating the Blog.Post schema (posts).\nWriting the migration that creates posts.\n'));
	t.deepEqual(result.deltas, result.texts, 'each turn streams its text');
});

test('the planner is stateless: a fresh provider given a partial history makes the same next call', async t => {
	const full = await run('Blog.Post posts title:string');
	for (let cut = 1; cut < full.history.length; cut += 2) {
		const turn = await new OfflineProvider().nextTurn({history: full.history.slice(0, cut), tools: tools(), projectPath: PROJECT});
		const expected = full.history[cut] as Extract<ConversationItem, {role: 'model'}>;
		t.deepEqual(turn.functionCalls, expected.functionCalls, `turn after ${cut} items`);
		t.is(turn.text, expected.text);
	}
});

test('the user text is used when the user item has no query', async t => {
	const turn = await new OfflineProvider().nextTurn({
		history: [{role: 'user', text: 'Blog.Post posts title:string'}],
		tools: tools(),
		projectPath: PROJECT,
	});
	t.is(turn.functionCalls[0]?.name, 'inspect_project');
});

test('server__tool names are found by suffix and called by their exposed name', async t => {
	const clashing = tools(['ecto__inspect_project', 'ecto__generate_schema', 'migrations__generate_migration', 'phoenix__generate_context']);
	const result = await run('Blog.Post posts title:string', {tools: clashing});
	t.deepEqual(
		result.calls.map(call => call.name),
		['ecto__inspect_project', 'ecto__generate_schema', 'migrations__generate_migration', 'phoenix__generate_context'],
	);
	t.regex(result.final.text, /created lib\/my_app\/posts\.ex/);
});

test('an exact tool name wins over a suffixed one', async t => {
	const result = await run('Blog.Post posts title:string', {tools: tools(['other__inspect_project', ...TOOL_NAMES])});
	t.is(result.calls[0]!.name, 'inspect_project');
});

test('a missing tool is said plainly, with no function call', async t => {
	const result = await run('Blog.Post posts title:string', {tools: tools(['inspect_project', 'generate_schema', 'generate_migration'])});
	t.is(result.calls.length, 0);
	t.regex(result.final.text, /Offline planner: I cannot do this: the tool generate_context is not available \(tools offered: inspect_project, generate_schema, generate_migration\)/);
});

test('a tool error stops the run and reports the error text, without retrying', async t => {
	const answer: Answer = call =>
		call.name === 'generate_migration' ? {text: 'a migration named create_posts already exists: priv/repo/migrations/20240101000000_create_posts.exs', isError: true} : fakeTools(call);
	const result = await run('Blog.Post posts title:string; Blog.Comment comments body:text', {answer});
	// The generation calls come in one turn after the inspection; the planner stops at the first error.
	t.deepEqual(shape(result.calls), [
		'inspect_project',
		'generate_schema Blog.Post',
		'generate_migration Blog.Post',
		'generate_context Post',
		'generate_schema Blog.Comment',
		'generate_migration Blog.Comment',
		'generate_context Comment',
	]);
	t.is(result.texts.length, 3);
	t.regex(result.final.text, /^Offline planner: stopped\. The generate_migration \(Writing the migration that creates posts\) call failed:\na migration named create_posts already exists/);
	t.regex(result.final.text, /Files written before it:\n- created lib\/my_app\/posts\.ex/);
	t.false(result.final.text.includes('mix ecto.migrate'));
	t.is(result.final.failure, 'Offline planner: the generate_migration call failed and the offline planner does not retry.');
});

test('an unreadable description gets a plain answer naming the words, and no call', async t => {
	const result = await run('frobnicate the widgets');
	t.is(result.calls.length, 0);
	t.regex(result.final.text, /^Offline planner: I found no entities in 'frobnicate the widgets'\. .*Write entities like 'posts with a title/);
});

test('no project path is said plainly', async t => {
	const result = await run('Blog.Post posts title:string', {projectPath: null});
	t.is(result.calls.length, 0);
	t.regex(result.final.text, /no target project was given/);
});

test('a reference the default scope already adds is left out, and said so', async t => {
	const answer: Answer = call =>
		call.name === 'inspect_project'
			? {
					text: 'scoped',
					structuredContent: {schemas: [{module: 'MyApp.Accounts.User', table: 'users'}], migrations: [], default_scope: 'user', scopes: [{name: 'user', schema_key: 'user_id'}]},
					isError: false,
				}
			: fakeTools(call);
	const result = await run('orders that belong to users with a total', {answer});
	t.deepEqual(result.calls[1]!.args['attrs'], ['total:decimal']);
	t.regex(result.final.text, /orders: left out user_id, the project's user scope adds it\./);
	t.notRegex(result.final.text, /does not have yet/);
});

test('a referenced entity nobody describes is planned minimal, and said so before any tool runs', async t => {
	const result = await run('orders that belong to users with a total');
	t.deepEqual(shape(result.calls), [
		'inspect_project',
		'generate_schema Shop.User',
		'generate_migration Shop.User',
		'generate_context User',
		'generate_schema Shop.Order',
		'generate_migration Shop.Order',
		'generate_context Order',
	]);
	t.deepEqual(result.calls[1]!.args['attrs'], []);
	t.deepEqual(result.calls[4]!.args['attrs'], ['total:decimal', 'user_id:references:users']);
	t.regex(result.texts[0]!, /users is not described: a minimal table \(id and timestamps\), unless the project has users/);
	t.regex(result.final.text, /users has no fields yet/);
});

test("a referenced entity the project has is not generated: the project's table is used", async t => {
	const answer: Answer = call =>
		call.name === 'inspect_project'
			? {text: 'has users', structuredContent: {schemas: [{module: 'MyApp.Accounts.User', table: 'users'}], migrations: ['20240101000000_create_users.exs'], scopes: []}, isError: false}
			: fakeTools(call);
	const result = await run('orders that belong to users with a total', {answer});
	t.deepEqual(shape(result.calls), ['inspect_project', 'generate_schema Shop.Order', 'generate_migration Shop.Order', 'generate_context Order']);
	t.regex(result.texts[1]!, /^users is not described: using the project's users table\./);
	t.notRegex(result.final.text, /does not have yet/);
});

/** inspect_project of a project whose migrations create `tables`. */
function migrated(...tables: string[]): Answer {
	return call =>
		call.name === 'inspect_project'
			? {text: 'migrated', structuredContent: {schemas: [], migrations: tables.map(table => `20260101000000_create_${table}.exs`), scopes: []}, isError: false}
			: fakeTools(call);
}

test('follow-up "also give posts a slug, unique": schema regenerated with the union, then an add-fields migration for the new field', async t => {
	const first = await run('Blog.Post posts title:string body:text');
	const result = await run('also give posts a slug, unique', {history: first.history, answer: migrated('posts')});
	t.deepEqual(shape(result.calls), ['inspect_project', 'generate_schema Blog.Post', 'generate_add_fields_migration Blog.Post', 'generate_context Post']);
	t.deepEqual(result.calls[1]!.args, {
		project_path: PROJECT,
		schema: 'Blog.Post',
		plural: 'posts',
		attrs: ['title:string', 'body:text', 'slug:string:unique'],
		overwrite: true,
	});
	t.deepEqual(result.calls[2]!.args, {project_path: PROJECT, schema: 'Blog.Post', plural: 'posts', attrs: ['slug:string:unique']});
	// Issue 16 item 3: the context's tests and fixtures are updated for the new required field.
	t.deepEqual(result.calls[3]!.args, {
		project_path: PROJECT,
		context: 'Blog',
		schema: 'Post',
		plural: 'posts',
		attrs: ['title:string', 'body:text', 'slug:string:unique'],
		no_schema: true,
		previous_attrs: ['title:string', 'body:text'],
	});
	t.regex(result.texts.join('\n'), /Writing the add_slug_to_posts migration, which adds slug to posts\./);
	const summary = result.final.text;
	t.regex(summary, /^Offline planner: Added slug to Blog\.Post \(posts\)\./);
	t.regex(summary, /The add_slug_to_posts migration adds the slug column to posts and a unique index on slug: run mix ecto\.migrate/);
	t.notRegex(summary, /not updated|by hand/);
	t.false(summary.includes('alter table'), 'no lines to paste any more');
	t.false(summary.includes('empty'), summary);
});

test('a follow-up on a binary-id schema regenerates it and its migration with binary ids', async t => {
	const first = await run('mix phx.gen.context Blog Post posts title:string --binary-id');
	const result = await run('also give posts a slug', {history: first.history, answer: migrated('posts')});
	t.deepEqual(shape(result.calls), ['inspect_project', 'generate_schema Blog.Post', 'generate_add_fields_migration Blog.Post', 'generate_context Post']);
	t.true(result.calls[1]!.args['binary_id']);
	t.true(result.calls[2]!.args['binary_id']);
});

test('a follow-up after a dry run (no migration creates the table) writes the create migration, never an alter table', async t => {
	const first = await run('Blog.Post posts title:string body:text');
	const result = await run('also give posts a slug', {history: first.history});
	t.deepEqual(shape(result.calls), ['inspect_project', 'generate_schema Blog.Post', 'generate_migration Blog.Post']);
	t.deepEqual(result.calls[2]!.args, {project_path: PROJECT, schema: 'Blog.Post', plural: 'posts', attrs: ['title:string', 'body:text', 'slug:string']});
	t.regex(result.texts[1]!, /No migration creates posts yet, so the migration creates the table with all its fields\./);
	t.regex(result.final.text, /no migration created posts yet, so it is created with all its fields/);
});

test('a follow-up is refused plainly when the workflow lacks generate_add_fields_migration', async t => {
	const first = await run('Blog.Post posts title:string');
	const result = await run('also give posts a slug', {history: first.history, answer: migrated('posts'), tools: tools(TOOL_NAMES.filter(name => name !== 'generate_add_fields_migration'))});
	t.is(result.calls.length, 0);
	t.regex(result.final.text, /the tool generate_add_fields_migration is not available/);
});

test('follow-up for an entity not made in this conversation is refused plainly', async t => {
	const first = await run('Blog.Post posts title:string');
	const result = await run('also give widgets a color', {history: first.history});
	t.is(result.calls.length, 0);
	t.regex(result.final.text, /only add fields to entities created earlier in this conversation \(posts\); 'widgets' is not one of them/);
});

test('follow-up adding a field that exists already changes nothing', async t => {
	const first = await run('Blog.Post posts title:string');
	const result = await run('add a title to posts', {history: first.history});
	t.is(result.calls.length, 0);
	t.regex(result.final.text, /posts already has title; nothing to add/);
});

test('a follow-up that is a new description generates the new entities', async t => {
	const first = await run('Blog.Post posts title:string');
	const result = await run('Blog.Tag tags name:string:unique', {history: first.history});
	t.deepEqual(shape(result.calls), ['inspect_project', 'generate_schema Blog.Tag', 'generate_migration Blog.Tag', 'generate_context Tag']);
});

test('a schema whose generate_schema failed earlier is not known to a follow-up', async t => {
	const answer: Answer = call => (call.name === 'generate_schema' ? {text: 'exists', isError: true} : fakeTools(call));
	const first = await run('Blog.Post posts title:string', {answer});
	const result = await run('also give posts a slug', {history: first.history});
	t.is(result.calls.length, 0);
	t.regex(result.final.text, /\(none so far\)/);
});

test('an aborted request rejects', async t => {
	const controller = new AbortController();
	controller.abort();
	const error = await t.throwsAsync(new OfflineProvider().nextTurn({history: [{role: 'user', text: 'Blog.Post posts title'}], tools: tools(), projectPath: PROJECT, signal: controller.signal}), {
		any: true,
	});
	t.is((error as {name?: string}).name, 'AbortError');
});

test('entities named without fields are generated, and the summary says they have no fields yet', async t => {
	const result = await run('a blog with posts and comments');
	t.deepEqual(shape(result.calls), [
		'inspect_project',
		'generate_schema Blog.Post',
		'generate_migration Blog.Post',
		'generate_context Post',
		'generate_schema Blog.Comment',
		'generate_migration Blog.Comment',
		'generate_context Comment',
	]);
	t.deepEqual(result.calls[1]!.args['attrs'], []);
	t.regex(result.final.text, /posts, comments have no fields yet \(only id and timestamps\): add some with a follow-up like 'also give posts a title'/);
});

test('a follow-up reads fields as descriptions do: units, flags, references', async t => {
	const first = await run('Blog.Post posts title:string');
	const result = await run('also give posts a price in cents, a featured flag and a status which is one of draft or live', {history: first.history, answer: migrated('posts')});
	t.deepEqual(result.calls[1]!.args['attrs'], ['title:string', 'price_cents:integer', 'featured:boolean', 'status:enum:draft:live']);
	t.deepEqual(result.calls[2]!.args, {project_path: PROJECT, schema: 'Blog.Post', plural: 'posts', attrs: ['price_cents:integer', 'featured:boolean', 'status:enum:draft:live']});
	t.regex(result.final.text, /The add_price_cents_and_featured_and_status_to_posts migration adds the price_cents, featured, status columns to posts: run/);
	const many = await run('also give posts a subtitle, a summary, views as integer and a unique code', {history: first.history, answer: migrated('posts')});
	t.deepEqual(many.calls[2]!.args['attrs'], ['subtitle:string', 'summary:text', 'views:integer', 'code:string:unique']);
	t.regex(many.final.text, /The add_fields_to_posts migration adds the subtitle, summary, views, code columns to posts and a unique index on code/);
	const loose = await run('also give posts a subtitle and each of them is great', {history: first.history, answer: migrated('posts')});
	t.deepEqual(loose.calls[2]!.args['attrs'], ['subtitle:string']);
	t.regex(loose.texts[0]!, /Assumptions: '[^']*is great': not read, so left out/);
});

test('issue 16 item 6: "posts belong to authors" on a conversation that made Blog.Post alters posts, never a second schema', async t => {
	const first = await run('Blog.Post posts title:string');
	const result = await run('authors with a name and an email (unique); posts belong to authors', {history: first.history, answer: migrated('posts')});
	const calls = shape(result.calls);
	t.false(
		calls.some(call => call.includes('Library.Post')),
		calls.join(', '),
	);
	t.deepEqual(calls.slice(-3), ['generate_schema Blog.Post', 'generate_add_fields_migration Blog.Post', 'generate_context Post']);
	t.deepEqual(result.calls.at(-2)!.args, {project_path: PROJECT, schema: 'Blog.Post', plural: 'posts', attrs: ['author_id:references:authors']});
	t.is(result.calls.at(-1)!.args['context'], 'Blog');
	t.is(result.calls.filter(call => call.name.endsWith('generate_schema') && call.args['plural'] === 'posts').length, 1);
	t.regex(result.texts[0]!, /posts already has a schema, Blog\.Post: author_id is added to it \(no second schema\)/);
	t.regex(result.final.text, /added author_id to Blog\.Post \(posts\)/);
});

test("issue 16 item 4: a described table the project's own schema maps gets only its context, against that schema", async t => {
	const answer: Answer = call =>
		call.name === 'inspect_project'
			? {
					text: 'has posts',
					structuredContent: {
						base_module: 'MyApp',
						schemas: [{module: 'MyApp.Blog.Post', table: 'posts', fields: [{name: 'title', type: 'string'}]}],
						migrations: ['20240101000000_create_posts.exs'],
						scopes: [],
					},
					isError: false,
				}
			: fakeTools(call);
	const result = await run('mix phx.gen.context Blog Post posts title:string --no-schema', {answer});
	t.deepEqual(shape(result.calls), ['inspect_project', 'generate_context Post']);
	t.deepEqual(result.calls[1]!.args, {project_path: PROJECT, context: 'Blog', schema: 'Post', plural: 'posts', attrs: ['title:string'], no_schema: true});

	const more = await run('Blog.Post posts title:string views:integer', {answer});
	t.deepEqual(shape(more.calls), ['inspect_project'], 'a schema this conversation did not write is never overwritten');
	t.regex(more.final.text, /posts already has a schema, Blog\.Post, that this conversation did not write: it is left as it is\. Add views to it by hand/);
});
