/** The scripted provider, its fixture format, and recording a live (fake Gemini) session into it. */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {GeminiProvider} from '../../source/llm/gemini.js';
import type {ConversationItem, ModelTurn, NextTurnRequest, ToolSpec} from '../../source/llm/provider.js';
import {ScriptedProvider, splitForStreaming} from '../../source/llm/scripted.js';
import {loadScriptFixture, parseScriptFixture} from '../../source/llm/scripted-fixture.js';
import {RecordingProvider} from '../../source/llm/scripted-recorder.js';
import {packageRoot} from '../../source/package-root.js';
import {startFakeGemini} from '../helpers/fake-gemini.js';
import {tempDir} from '../helpers/temp-dir.js';

const blogFile = path.join(packageRoot(), 'fixtures', 'conversations', 'blog.json');

test('blog.json plays inspect, schema, migration, context, then a summary, on any project path', async t => {
	const provider = new ScriptedProvider(blogFile);
	t.is(provider.name, 'scripted');
	t.is(provider.model, 'gemini-2.5-flash');
	const projectPath = '/tmp/some project/my_app';
	const history: ConversationItem[] = [{role: 'user', text: 'Blog.Post posts title:string body:text published:boolean'}];
	const names: string[] = [];
	let last: ModelTurn | undefined;
	for (let turn = 0; turn < 5; turn++) {
		const deltas: string[] = [];
		last = await provider.nextTurn({history, tools: [], projectPath, onTextDelta: delta => deltas.push(delta)});
		t.true(deltas.length > 1, 'text arrives in several deltas');
		t.is(deltas.join(''), last.text);
		t.is(last.finishReason, 'STOP');
		t.truthy(last.usage);
		for (const call of last.functionCalls) {
			names.push(call.name);
			t.is(call.args['project_path'], projectPath);
		}
		history.push({role: 'model', text: last.text, functionCalls: last.functionCalls});
	}
	t.deepEqual(names, ['inspect_project', 'generate_schema', 'generate_migration', 'generate_context']);
	t.deepEqual(last!.functionCalls, []);
	t.regex(last!.text, /mix ecto\.migrate/);

	const error = await t.throwsAsync(provider.nextTurn({history, tools: [], projectPath}));
	t.regex(error.message, /has only 5 model turns; turn 6 was asked for/);
});

test("blog.json uses the tools' public argument names", t => {
	const fixture = loadScriptFixture(blogFile);
	const calls = fixture.turns.flatMap(turn => turn.functionCalls);
	const attrs = ['title:string', 'body:text', 'published:boolean'];
	t.deepEqual(calls[0], {name: 'inspect_project', args: {project_path: '${project_path}'}});
	t.deepEqual(calls[1], {name: 'generate_schema', args: {project_path: '${project_path}', schema: 'Blog.Post', plural: 'posts', attrs}});
	t.deepEqual(calls[2], {name: 'generate_migration', args: {project_path: '${project_path}', schema: 'Blog.Post', plural: 'posts', attrs}});
	t.deepEqual(calls[3], {name: 'generate_context', args: {project_path: '${project_path}', context: 'Blog', schema: 'Post', plural: 'posts', attrs}});
});

test('a placeholder without a project path, and a cancelled signal, are clear errors', async t => {
	const provider = new ScriptedProvider(blogFile);
	const error = await t.throwsAsync(provider.nextTurn({history: [], tools: []}));
	t.regex(error.message, /turns\[0\] uses \$\{project_path\} but the run has no project path/);

	const cancelled = new ScriptedProvider(blogFile);
	const controller = new AbortController();
	const pending = cancelled.nextTurn({
		history: [],
		tools: [],
		projectPath: '/p',
		signal: controller.signal,
		onTextDelta: () => controller.abort(),
	});
	const abort = await t.throwsAsync(pending);
	t.is(abort.name, 'AbortError');
});

test('bad fixtures are refused naming the bad part', t => {
	t.throws(() => parseScriptFixture({provider: 'gemini', turns: [{text: 'x'}]}, 'f.json'), {message: /f\.json: "provider" must be "scripted"/});
	t.throws(() => parseScriptFixture({turns: []}, 'f.json'), {message: /"turns" must be a non-empty array/});
	t.throws(() => parseScriptFixture({turns: [{text: 'a'}, {functionCalls: [{args: {}}]}]}, 'f.json'), {
		message: /f\.json: turns\[1\]\.functionCalls\[0\]\.name must be a non-empty string/,
	});
	t.throws(() => parseScriptFixture({turns: [{functionCalls: [{name: 'x', args: []}]}]}), {message: /turns\[0\]\.functionCalls\[0\]\.args must be an object/});
	t.throws(() => new ScriptedProvider('/nonexistent/script.json'), {message: /Script file not found: \/nonexistent\/script\.json/});
	const dir = tempDir(t, 'ectosmith-scripted-');
	const broken = path.join(dir, 'broken.json');
	writeFileSync(broken, '{"turns": [');
	t.throws(() => new ScriptedProvider(broken), {message: /broken\.json is not valid JSON/});
});

test('splitForStreaming keeps words whole and loses nothing', t => {
	const text = 'The quick brown fox jumps over the lazy dog';
	const pieces = splitForStreaming(text);
	t.is(pieces.join(''), text);
	t.true(pieces.length >= 2 && pieces.length <= 4);
	for (const piece of pieces.slice(0, -1)) t.true(piece.endsWith(' '));
	t.deepEqual(splitForStreaming(''), []);
});

test('RecordingProvider saves a live session after each turn; the scripted provider replays it identically', async t => {
	const dir = tempDir(t, 'ectosmith-scripted-');
	const projectPath = path.join(dir, 'my_app');
	const fake = await startFakeGemini([
		{
			text: 'Inspecting.',
			thoughtSignature: 'sig',
			functionCalls: [{id: 'c1', name: 'inspect_project', args: {project_path: projectPath}}],
			usage: {promptTokenCount: 10, candidatesTokenCount: 2, totalTokenCount: 12},
		},
		{text: `All files are in ${projectPath}/lib.`},
	]);
	t.teardown(() => fake.close());
	const file = path.join(dir, 'session.json');
	const recording = new RecordingProvider(new GeminiProvider({apiKey: 'dummy-key', baseUrl: fake.url, model: 'gemini-x'}), file);
	t.is(recording.name, 'gemini');
	t.is(recording.model, 'gemini-x');
	const tools: ToolSpec[] = [{name: 'inspect_project', description: 'd', inputSchema: {type: 'object'}}];
	const history: ConversationItem[] = [{role: 'user', text: 'prompt around it', description: 'Blog.Post posts title'}];
	const request = (): NextTurnRequest => ({history, tools, projectPath});

	const live1 = await recording.nextTurn(request());
	const afterFirst = JSON.parse(readFileSync(file, 'utf8')) as {turns: unknown[]; provider: string; description: string};
	t.is(afterFirst.turns.length, 1, 'written after the first turn already');
	t.is(afterFirst.provider, 'scripted');
	t.regex(afterFirst.description, /Blog\.Post posts title/);
	history.push({role: 'model', text: live1.text, functionCalls: live1.functionCalls, raw: live1.raw});
	history.push({role: 'tool', results: [{id: 'c1', name: 'inspect_project', response: {text: 'ok', isError: false}}]});
	const live2 = await recording.nextTurn(request());

	const saved = readFileSync(file, 'utf8');
	t.false(saved.includes(projectPath), 'the project path is abstracted');
	t.true(saved.includes('${project_path}'));
	t.false(saved.includes('dummy-key'));

	const replay = new ScriptedProvider(file);
	t.is(replay.model, 'gemini-x');
	const strip = (turn: ModelTurn) => ({text: turn.text, functionCalls: turn.functionCalls, finishReason: turn.finishReason, usage: turn.usage});
	t.deepEqual(strip(await replay.nextTurn(request())), strip(live1));
	t.deepEqual(strip(await replay.nextTurn(request())), strip(live2));
	t.is(replay.remaining, 0);
});
