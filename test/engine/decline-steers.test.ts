/**
 * Issue 18: a decline steers the offline planner instead of failing the run. With the real tool
 * servers and a real SQLite record: a note corrects the declined entity, which is offered again; a
 * note it cannot read is said and the call offered again unchanged; a plain decline skips the entity
 * and what references it, and the run still completes, saying so.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {createProvider} from '../../source/app/create-provider.js';
import type {ApprovalDecision, ApprovalRequest} from '../../source/engine/events.js';
import {McpService} from '../../source/mcp/mcp-service.js';
import {OfflineProvider} from '../../source/planner/offline-provider.js';
import {startFakeGemini} from '../helpers/fake-gemini.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {realToolServers} from '../helpers/tool-servers.js';
import {setupEngine} from './_support.js';

const sharedMcp = new McpService({requestTimeoutMs: 60_000, startTimeoutMs: 120_000});
test.after.always(async () => sharedMcp.close());

/** Answers each approval with `decide`, keeping every request it was asked. */
function hook(decide: (request: ApprovalRequest, asked: ApprovalRequest[]) => ApprovalDecision) {
	const asked: ApprovalRequest[] = [];
	return {
		asked,
		approve: async (request: ApprovalRequest) => {
			asked.push(request);
			return decide(request, asked);
		},
	};
}

const schemaRequests = (asked: ApprovalRequest[], plural: string) => asked.filter(request => request.name === 'generate_schema' && request.args['plural'] === plural);

function migrationOf(project: string, table: string): string | undefined {
	const dir = path.join(project, 'priv/repo/migrations');
	const name = readdirSync(dir).find(file => file.endsWith(`_create_${table}.exs`));
	return name === undefined ? undefined : readFileSync(path.join(dir, name), 'utf8');
}

test.serial('a decline with a note corrects the entity: the corrected call is offered again, written, and the run completes', async t => {
	const project = await copyFixtureProject(t);
	const {engine, recorder} = await setupEngine(t, {servers: realToolServers(), mcp: sharedMcp, provider: new OfflineProvider(), maxTurns: 10});
	const note = 'call it content, not body';
	const {asked, approve} = hook((request, all) => (request.name === 'generate_schema' && schemaRequests(all, 'posts').length === 1 ? {kind: 'decline', note} : {kind: 'approve'}));

	const result = await engine.run({description: 'Blog.Post posts title:string body:text', projectPath: project, approve});

	t.is(result.status, 'COMPLETED', result.errorMessage);
	const [first, second] = schemaRequests(asked, 'posts');
	t.deepEqual(first!.args['attrs'], ['title:string', 'body:text']);
	t.deepEqual(second!.args['attrs'], ['title:string', 'content:text'], 'the note renamed the field');
	const schema = readFileSync(path.join(project, 'lib/my_app/blog/post.ex'), 'utf8');
	t.regex(schema, /field :content\b/);
	t.notRegex(schema, /:body/);
	t.regex(migrationOf(project, 'posts') ?? '', /add :content, :text/);
	t.regex(result.finalResponseText ?? '', /Corrected from your notes:\n- posts: renamed body to content/);

	const responses = (await recorder.listMessages(result.executionId)).filter(message => message.role === 'tool_response');
	const schemaRows = responses.filter(message => message.functionResponseName === 'generate_schema');
	t.deepEqual(
		schemaRows.map(row => [row.approval, row.isError]),
		[
			['declined_with_note', true],
			['approved', false],
		],
	);
	t.is(schemaRows[0]!.contentText, `The user declined: ${note}`);
	const model = (await recorder.listMessages(result.executionId)).filter(message => message.role === 'model');
	t.true(
		model.some(message => (message.contentText ?? '').includes('From your note on posts: renamed body to content')),
		'the turn after the decline says what the note changed',
	);
	t.is((await recorder.getExecution(result.executionId))?.status, 'COMPLETED');
});

test.serial('a note the planner cannot read is said in one line and the call is offered again unchanged', async t => {
	const project = await copyFixtureProject(t);
	const {engine, recorder} = await setupEngine(t, {servers: realToolServers(), mcp: sharedMcp, provider: new OfflineProvider(), maxTurns: 10});
	const {asked, approve} = hook((request, all) =>
		request.name === 'generate_schema' && schemaRequests(all, 'posts').length === 1 ? {kind: 'decline', note: 'hmm, not sure about this'} : {kind: 'approve'},
	);

	const result = await engine.run({description: 'Blog.Post posts title:string', projectPath: project, approve});

	t.is(result.status, 'COMPLETED', result.errorMessage);
	const [first, second] = schemaRequests(asked, 'posts');
	t.deepEqual(second!.args, first!.args, 'offered again unchanged');
	const said = (await recorder.listMessages(result.executionId)).filter(message => message.role === 'model').map(message => message.contentText ?? '');
	const line = said.flatMap(text => text.split('\n')).find(text => text.startsWith('I could not read your note on posts'));
	t.truthy(line, said.join('\n---\n'));
	t.regex(line!, /'hmm, not sure about this'.*decline without a note to skip posts/);
	t.true(existsSync(path.join(project, 'lib/my_app/blog/post.ex')));
});

test.serial('a plain decline skips the entity and what references it; the others are written and the run completes saying so', async t => {
	const project = await copyFixtureProject(t);
	const {engine, recorder} = await setupEngine(t, {servers: realToolServers(), mcp: sharedMcp, provider: new OfflineProvider(), maxTurns: 10});
	const {asked, approve} = hook(request => (request.name === 'generate_schema' && request.args['plural'] === 'posts' ? {kind: 'decline'} : {kind: 'approve'}));

	const result = await engine.run({
		description: 'Blog.Author authors name:string\nBlog.Post posts title:string author_id:references:authors\nBlog.Comment comments body:text post_id:references:posts',
		projectPath: project,
		approve,
	});

	t.is(result.status, 'COMPLETED', result.errorMessage);
	t.deepEqual(schemaRequests(asked, 'comments'), [], 'comments belong to posts: never offered');
	t.true(existsSync(path.join(project, 'lib/my_app/blog/author.ex')));
	t.false(existsSync(path.join(project, 'lib/my_app/blog/post.ex')));
	t.false(existsSync(path.join(project, 'lib/my_app/blog/comment.ex')));
	t.is(migrationOf(project, 'posts'), undefined);
	t.truthy(migrationOf(project, 'authors'));
	const text = result.finalResponseText ?? '';
	t.regex(text, /^Offline planner: Generated Blog\.Author \(authors\)\./);
	t.regex(text, /Declined: posts\./);
	t.regex(text, /Skipped because posts was declined: comments\./);

	const responses = (await recorder.listMessages(result.executionId)).filter(message => message.role === 'tool_response');
	const declined = responses.filter(message => message.approval === 'declined');
	t.deepEqual(
		declined.map(message => message.functionResponseName),
		['generate_schema'],
	);
	t.is((await recorder.getExecution(result.executionId))?.status, 'COMPLETED');
});

test.serial("Gemini through the real SDK: the declined call's function response carries the note, and the model's corrected call is asked about again", async t => {
	const project = await copyFixtureProject(t);
	const args = {project_path: project, schema: 'Blog.Post', plural: 'posts', attrs: ['title:string', 'body:text']};
	const fake = await startFakeGemini([
		{text: 'Writing the schema.', functionCalls: [{name: 'generate_schema', args}]},
		{text: 'Renaming it.', functionCalls: [{name: 'generate_schema', args: {...args, attrs: ['title:string', 'content:text']}}]},
		{text: 'Done.'},
	]);
	t.teardown(() => fake.close());
	const provider = createProvider({provider: 'gemini', model: 'gemini-2.5-flash', env: {GEMINI_API_KEY: 'test-key', GOOGLE_GEMINI_BASE_URL: fake.url}});
	const {engine} = await setupEngine(t, {servers: realToolServers(), mcp: sharedMcp, provider});
	const note = 'call it content, not body';
	const {asked, approve} = hook((_request, all) => (all.length === 1 ? {kind: 'decline', note} : {kind: 'approve'}));

	const result = await engine.run({description: 'Blog.Post posts title:string body:text', projectPath: project, approve});

	t.is(result.status, 'COMPLETED', result.errorMessage);
	t.is(asked.length, 2);
	const sent = JSON.stringify(fake.requests[1]!.body.contents?.at(-1));
	t.true(sent.includes('"functionResponse"') && sent.includes(`The user declined: ${note}`), sent);
	t.regex(readFileSync(path.join(project, 'lib/my_app/blog/post.ex'), 'utf8'), /field :content\b/);
});
