/**
 * Issue 18: the offline planner reads a decline's note as a correction of the declined call's
 * entity, and skips a plainly declined entity with its dependents. Here the loop is the engine's in
 * miniature, answering with the engine's own words (tool-results/declined.ts); the engine test with
 * the real servers is test/engine/decline-steers.test.ts.
 */
import test from 'ava';
import type {ConversationItem, FunctionCall, FunctionResult, ModelTurn, ToolSpec} from '../../source/llm/provider.js';
import {readCorrection} from '../../source/planner/correction.js';
import {OfflineProvider} from '../../source/planner/offline-provider.js';
import {declinedText, notRunText} from '../../source/tool-results/declined.js';

const PROJECT = '/tmp/my_app';
const TOOLS: ToolSpec[] = ['inspect_project', 'generate_schema', 'generate_migration', 'generate_add_fields_migration', 'generate_context'].map(name => ({
	name,
	description: name,
	inputSchema: {type: 'object'},
}));

/** The user's answer to a writing call: approve (undefined), or decline with an optional note. */
type Decide = (call: FunctionCall, asked: FunctionCall[]) => {note?: string} | undefined;

function answer(call: FunctionCall, migrations: string[] = []): FunctionResult['response'] {
	if (call.name === 'inspect_project') return {text: 'my_app', structuredContent: {app: 'my_app', schemas: [], migrations, scopes: []}, isError: false};
	const path = `${call.name}/${String(call.args['plural'])}`;
	return {text: `wrote ${path}`, structuredContent: {files: [{path, action: 'created'}]}, isError: false};
}

async function run(description: string, decide: Decide, earlier: {history?: ConversationItem[]; migrations?: string[]} = {}): Promise<{asked: FunctionCall[]; texts: string[]; final: ModelTurn}> {
	const history: ConversationItem[] = [...(earlier.history ?? []), {role: 'user', text: description}];
	const asked: FunctionCall[] = [];
	const texts: string[] = [];
	const provider = new OfflineProvider();
	for (let turn = 0; turn < 12; turn++) {
		const next = await provider.nextTurn({history, tools: TOOLS, projectPath: PROJECT});
		texts.push(next.text);
		history.push({role: 'model', text: next.text, functionCalls: next.functionCalls});
		if (next.functionCalls.length === 0) return {asked, texts, final: next};
		const results: FunctionResult[] = [];
		let stopped: string | undefined;
		for (const call of next.functionCalls) {
			let response: FunctionResult['response'];
			if (stopped !== undefined) response = {text: notRunText(stopped), isError: true};
			else if (call.name === 'inspect_project') response = answer(call, earlier.migrations);
			else {
				asked.push(call);
				const decline = decide(call, asked);
				response = decline ? {text: declinedText(decline.note), isError: true} : answer(call);
			}

			if (response.isError) stopped ??= call.name;
			results.push({...(call.id ? {id: call.id} : {}), name: call.name, response});
		}

		history.push({role: 'tool', results});
	}

	throw new Error('the planner did not finish');
}

const attrsOf = (calls: FunctionCall[], tool: string, plural: string) => calls.filter(call => call.name === tool && call.args['plural'] === plural).map(call => call.args['attrs']);
const once = (note: string, tool: string, plural: string) => (call: FunctionCall, asked: FunctionCall[]) =>
	call.name === tool && call.args['plural'] === plural && asked.filter(c => c.name === tool && c.args['plural'] === plural).length === 1 ? {note} : undefined;

test('"comments also need a body" on the comments schema: comments are offered again with a body, posts stay as they were', async t => {
	const {asked, final} = await run('Blog.Post posts title:string\nBlog.Comment comments post_id:references:posts', once('comments also need a body', 'generate_schema', 'comments'));
	t.deepEqual(attrsOf(asked, 'generate_schema', 'comments'), [['post_id:references:posts'], ['post_id:references:posts', 'body:text']]);
	t.deepEqual(attrsOf(asked, 'generate_migration', 'comments'), [['post_id:references:posts', 'body:text']], 'the migration was not run before the decline');
	t.deepEqual(attrsOf(asked, 'generate_schema', 'posts'), [['title:string']], 'what was approved is not asked again');
	t.is(final.failure, undefined);
	t.regex(final.text, /Corrected from your notes:\n- comments: added body:text/);
});

test('"no, price is a decimal" on the migration, after the schema was written: the schema is rewritten over its file, then the migration', async t => {
	const {asked, texts, final} = await run('Shop.Product products name:string price:float', once('no, price is a decimal', 'generate_migration', 'products'));
	const schemas = asked.filter(call => call.name === 'generate_schema');
	t.deepEqual(
		schemas.map(call => [call.args['attrs'], call.args['overwrite']]),
		[
			[['name:string', 'price:float'], undefined],
			[['name:string', 'price:decimal'], true],
		],
	);
	t.deepEqual(attrsOf(asked, 'generate_migration', 'products'), [
		['name:string', 'price:float'],
		['name:string', 'price:decimal'],
	]);
	t.true(texts.some(text => text.includes('From your note on products: price is now decimal.')));
	t.is(final.failure, undefined);
});

test('a plain decline skips the entity and, transitively, what references it; an unrelated entity is still made', async t => {
	const description = 'Blog.Post posts title:string\nBlog.Comment comments post_id:references:posts\nBlog.Like likes comment_id:references:comments\nBlog.Tag tags name:string';
	const {asked, final} = await run(description, call => (call.args['plural'] === 'posts' && call.name === 'generate_schema' ? {} : undefined));
	t.deepEqual([...new Set(asked.map(call => call.args['plural']))], ['posts', 'tags']);
	t.is(final.failure, undefined);
	t.regex(final.text, /^Offline planner: Generated Blog\.Tag \(tags\)\./);
	t.regex(final.text, /Declined: posts\.\n\nSkipped because posts was declined: comments, likes\./);
});

test('declining everything ends the run with nothing generated, and no failure', async t => {
	const {final} = await run('Blog.Post posts title:string', () => ({}));
	t.is(final.failure, undefined);
	t.regex(final.text, /^Offline planner: Nothing was generated\.\n\nThe tools reported no files\.\n\nDeclined: posts\./);
});

test('in a follow-up, a note may change only the fields being added: the existing ones have their columns already', async t => {
	const schema = {name: 'generate_schema', args: {project_path: PROJECT, schema: 'Blog.Post', plural: 'posts', attrs: ['title:string', 'body:text']}, id: 'e1'};
	const history: ConversationItem[] = [
		{role: 'user', text: 'Blog.Post posts title:string body:text'},
		{role: 'model', text: '', functionCalls: [schema]},
		{role: 'tool', results: [{id: 'e1', name: 'generate_schema', response: answer(schema)}]},
		{role: 'model', text: 'Done.', functionCalls: []},
	];
	const notes = ['call it handle, not slug', 'call it content, not body'];
	const {asked, texts} = await run('also give posts a slug', call => (call.name === 'generate_schema' && notes.length > 0 ? {note: notes.shift()!} : undefined), {
		history,
		migrations: ['20240101000000_create_posts.exs'],
	});
	t.deepEqual(attrsOf(asked, 'generate_schema', 'posts'), [
		['title:string', 'body:text', 'slug:string'],
		['title:string', 'body:text', 'handle:string'],
		['title:string', 'body:text', 'handle:string'],
	]);
	t.true(
		texts.some(text => /I could not read your note on posts \('call it content, not body'\): .*of posts \(handle\)/.test(text)),
		texts.join('\n---\n'),
	);
	t.deepEqual(attrsOf(asked, 'generate_add_fields_migration', 'posts'), [['handle:string']]);
	// What the run says it did follows the correction: the calls' words, the headline and the notes name handle.
	const after = texts.slice(texts.findIndex(text => text.includes('From your note on posts'))).flatMap(text => text.split('\n'));
	const words = after.filter(line => /^(?:Regenerating|Writing|Offline planner: Added|The add_|The context)/.test(line));
	t.true(words.length >= 5 && words.every(line => !line.includes('slug')), words.join('\n'));
	t.regex(texts.at(-1)!, /add_handle_to_posts migration adds the handle column/);
});

test('the correction reader: renames, types, removals and added fields; anything else is refused naming the forms', t => {
	const posts = {schema: 'Blog.Post', plural: 'posts', attrs: ['title:string', 'body:text', 'slug:string:unique']};
	const edit = (note: string) => {
		const read = readCorrection(posts, note, new Set(['posts']));
		return read.ok ? read.value.edit(posts.attrs) : read.message;
	};

	t.deepEqual(edit('call it content, not body'), ['title:string', 'content:text', 'slug:string:unique']);
	t.deepEqual(edit('rename body to content.'), ['title:string', 'content:text', 'slug:string:unique']);
	t.deepEqual(edit('Content instead of body'), ['title:string', 'content:text', 'slug:string:unique']);
	t.deepEqual(edit('the slug should be called handle'), ['title:string', 'body:text', 'handle:string:unique'], 'a rename keeps the modifiers');
	t.deepEqual(edit('actually, title is long text'), ['title:text', 'body:text', 'slug:string:unique']);
	t.deepEqual(edit('drop the slug'), ['title:string', 'body:text']);
	t.deepEqual(edit("we don't need slug"), ['title:string', 'body:text']);
	t.deepEqual(edit('no slug'), ['title:string', 'body:text']);
	t.deepEqual(edit('call it content, not body; drop the slug. Title is long text'), ['title:text', 'content:text'], 'sentences apply in turn');
	t.regex(String(edit('drop the slug; looks wrong')), /^'looks wrong': it is not a rename .*\(title, body\)$/, 'one unread sentence refuses the whole note');
	t.deepEqual(edit('No, no slug.'), ['title:string', 'body:text']);
	t.deepEqual(edit('posts also need a published_at datetime and a view count'), ['title:string', 'body:text', 'slug:string:unique', 'published_at:utc_datetime', 'view_count:integer']);
	t.deepEqual(edit('a subtitle too'), ['title:string', 'body:text', 'slug:string:unique', 'subtitle:string']);
	t.regex(String(edit('looks wrong to me')), /^it is not a rename .* of posts \(title, body, slug\)$/);
	t.regex(String(edit('rename summary to abstract')), /^it is not a rename/, 'a field the entity does not have');
});
