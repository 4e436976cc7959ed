/** The Gemini provider through the REAL @google/genai SDK, against the local fake server. */
import test from 'ava';
import {GeminiProvider} from '../../source/llm/gemini.js';
import {type ConversationItem, ProviderError, type ToolSpec} from '../../source/llm/provider.js';
import type {Logger} from '../../source/log/types.js';
import {type FakeGemini, type FakeTurn, startFakeGemini} from '../helpers/fake-gemini.js';

const KEY = 'test-key-5ecret-abc123';

const tools: ToolSpec[] = [
	{
		name: 'inspect_project',
		description: 'Reads the project.',
		inputSchema: {
			$schema: 'http://json-schema.org/draft-07/schema#',
			type: 'object',
			properties: {project_path: {type: 'string'}},
			required: ['project_path'],
			additionalProperties: false,
		},
	},
	{
		name: 'generate_schema',
		description: 'Writes a schema.',
		inputSchema: {type: 'object', properties: {schema: {type: 'string'}, attrs: {type: 'array', items: {type: 'string'}}}},
	},
];

const history: ConversationItem[] = [{role: 'user', text: 'Generate Blog.Post posts title:string'}];

interface Setup {
	fake: FakeGemini;
	provider: GeminiProvider;
	sleeps: number[];
	logs: Array<{level: string; message: string; fields?: Record<string, unknown>}>;
}

async function setup(script: FakeTurn[], options: {maxAttempts?: number; maxInvalid?: number} = {}): Promise<Setup> {
	const fake = await startFakeGemini(script);
	const sleeps: number[] = [];
	const logs: Setup['logs'] = [];
	const provider = new GeminiProvider({
		apiKey: KEY,
		model: 'gemini-test-model',
		baseUrl: fake.url,
		logger: captureLogger(logs),
		retry: {maxAttempts: options.maxAttempts ?? 5, random: () => 0.5, sleep: async ms => void sleeps.push(ms)},
		maxInvalidAnswerAttempts: options.maxInvalid ?? 3,
	});
	return {fake, provider, sleeps, logs};
}

function captureLogger(logs: Setup['logs']): Logger {
	const make = (level: string) => (message: string, fields?: Record<string, unknown>) => void logs.push({level, message, fields});
	const logger: Logger = {error: make('error'), warn: make('warn'), info: make('info'), debug: make('debug'), child: () => logger};
	return logger;
}

test('streams text deltas as they arrive and returns calls in order with ids, args and usage', async t => {
	const {fake, provider, logs} = await setup([
		{
			textChunks: ['I will ', 'inspect ', 'the project.'],
			functionCalls: [
				{id: 'call-1', name: 'inspect_project', args: {project_path: '/tmp/app'}},
				{id: 'call-2', name: 'generate_schema', args: {schema: 'Blog.Post', attrs: ['title:string']}},
			],
			usage: {promptTokenCount: 120, candidatesTokenCount: 30, totalTokenCount: 150},
		},
	]);
	t.teardown(() => fake.close());
	const deltas: string[] = [];
	const turn = await provider.nextTurn({history, tools, onTextDelta: delta => deltas.push(delta)});

	t.deepEqual(deltas, ['I will ', 'inspect ', 'the project.']);
	t.is(turn.text, 'I will inspect the project.');
	t.deepEqual(turn.functionCalls, [
		{id: 'call-1', name: 'inspect_project', args: {project_path: '/tmp/app'}},
		{id: 'call-2', name: 'generate_schema', args: {schema: 'Blog.Post', attrs: ['title:string']}},
	]);
	t.deepEqual(turn.usage, {promptTokens: 120, outputTokens: 30, totalTokens: 150});
	t.is(turn.finishReason, 'STOP');

	// What went over the wire: the model, the key header, the cleaned tool declarations.
	t.is(fake.requests.length, 1);
	const request = fake.requests[0]!;
	t.is(request.method, 'streamGenerateContent');
	t.is(request.model, 'gemini-test-model');
	t.is(request.apiKey, KEY);
	const declarations = request.body.tools?.[0]?.functionDeclarations ?? [];
	t.deepEqual(
		declarations.map(declaration => declaration['name']),
		['inspect_project', 'generate_schema'],
	);
	t.deepEqual(declarations[0]!['parametersJsonSchema'], {
		type: 'object',
		properties: {project_path: {type: 'string'}},
		required: ['project_path'],
	});
	t.deepEqual(request.body.contents, [{role: 'user', parts: [{text: 'Generate Blog.Post posts title:string'}]}]);

	// One info line per request, with its duration, and never the key.
	const info = logs.filter(line => line.level === 'info');
	t.is(info.length, 1);
	t.is(typeof info[0]!.fields?.['durationMs'], 'number');
	t.false(JSON.stringify(logs).includes(KEY));
});

test('a 429 with RetryInfo is retried after the server-given delay, then succeeds', async t => {
	const {fake, provider, sleeps} = await setup([{error: {status: 429, retryDelay: '2s'}}, {error: {status: 429, retryDelay: '0.5s'}}, {text: 'Recovered.'}]);
	t.teardown(() => fake.close());
	const turn = await provider.nextTurn({history, tools});
	t.is(turn.text, 'Recovered.');
	t.is(fake.requests.length, 3);
	t.deepEqual(sleeps, [2000, 500]);
});

test('a Retry-After header is honoured; without one the backoff grows exponentially', async t => {
	const {fake, provider, sleeps} = await setup([{error: {status: 503, retryAfter: '3'}}, {error: {status: 500}}, {error: {status: 502}}, {text: 'ok'}]);
	t.teardown(() => fake.close());
	await provider.nextTurn({history, tools});
	// random() = 0.5 → jitter factor 0.75: 2nd and 3rd failures back off 1000*2*0.75 and 1000*4*0.75.
	t.deepEqual(sleeps, [3000, 1500, 3000]);
});

test('503 beyond the attempt limit gives up with a ProviderError naming the status', async t => {
	const {fake, provider} = await setup(
		Array.from({length: 6}, () => ({error: {status: 503}})),
		{maxAttempts: 4},
	);
	t.teardown(() => fake.close());
	const error = await t.throwsAsync(provider.nextTurn({history, tools}), {instanceOf: ProviderError});
	t.is(error.status, 503);
	t.regex(error.message, /503/);
	t.regex(error.message, /after 4 attempts/);
	t.is(fake.requests.length, 4);
});

test('a 400 is not retried and says what to check', async t => {
	const {fake, provider} = await setup([{error: {status: 400, message: 'Invalid JSON payload received.'}}, {text: 'never'}]);
	t.teardown(() => fake.close());
	const error = await t.throwsAsync(provider.nextTurn({history, tools}), {instanceOf: ProviderError});
	t.is(error.status, 400);
	t.regex(error.message, /Invalid JSON payload received/);
	t.is(fake.requests.length, 1);
});

for (const [label, bad] of [
	['an empty stream', {empty: true}],
	['a stream without a finish reason', {text: 'cut sh', finishReason: null}],
	['a malformed function call', {malformed: true}],
] as const) {
	test(`${label} is retried, then the good answer is used`, async t => {
		const {fake, provider} = await setup([bad, bad, {text: 'cut short no more.', functionCalls: [{name: 'inspect_project', args: {project_path: '/p'}}]}]);
		t.teardown(() => fake.close());
		const deltas: string[] = [];
		const turn = await provider.nextTurn({history, tools, onTextDelta: delta => deltas.push(delta)});
		t.is(fake.requests.length, 3);
		t.is(turn.text, 'cut short no more.');
		t.deepEqual(turn.functionCalls, [{name: 'inspect_project', args: {project_path: '/p'}}]);
		// What was already shown is not shown twice: the deltas add up to the final text.
		t.is(deltas.join(''), 'cut short no more.');
	});

	test(`${label} every time fails after the limit`, async t => {
		const {fake, provider} = await setup([bad, bad, bad, {text: 'too late'}], {maxInvalid: 3});
		t.teardown(() => fake.close());
		const error = await t.throwsAsync(provider.nextTurn({history, tools}), {instanceOf: ProviderError});
		t.regex(error.message, /3 times in a row/);
		t.is(fake.requests.length, 3);
	});
}

test('history is rebuilt: raw parts (thought signatures) go back verbatim, then the function responses', async t => {
	const {fake, provider} = await setup([
		{
			thought: 'Let me look first.',
			text: 'Inspecting.',
			thoughtSignature: 'c2lnbmF0dXJlLTE=',
			functionCalls: [
				{id: 'a1', name: 'inspect_project', args: {project_path: '/p'}},
				{id: 'a2', name: 'generate_schema', args: {schema: 'Blog.Post'}},
			],
		},
		{text: 'Done.', thoughtSignature: 'c2lnbmF0dXJlLTI='},
	]);
	t.teardown(() => fake.close());
	const first = await provider.nextTurn({history, tools});
	const rawParts = first.raw as Array<Record<string, unknown>>;
	t.deepEqual(rawParts, [
		{text: 'Let me look first.', thought: true},
		{text: 'Inspecting.'},
		{functionCall: {id: 'a1', name: 'inspect_project', args: {project_path: '/p'}}, thoughtSignature: 'c2lnbmF0dXJlLTE='},
		{functionCall: {id: 'a2', name: 'generate_schema', args: {schema: 'Blog.Post'}}},
	]);
	t.is(first.text, 'Inspecting.', 'thought text is not part of the visible text');

	const next: ConversationItem[] = [
		...history,
		{role: 'model', text: first.text, functionCalls: first.functionCalls, raw: first.raw},
		{
			role: 'tool',
			results: [
				{id: 'a1', name: 'inspect_project', response: {text: 'app MyApp', structuredContent: {app: 'my_app'}, isError: false}},
				{id: 'a2', name: 'generate_schema', response: {text: 'attrs must be a list', isError: true}},
			],
		},
	];
	const second = await provider.nextTurn({history: next, tools});
	t.is(second.text, 'Done.');
	t.deepEqual(second.raw, [{text: 'Done.', thoughtSignature: 'c2lnbmF0dXJlLTI='}]);

	const sent = fake.requests[1]!.body.contents!;
	t.is(sent.length, 3);
	t.deepEqual(sent[1], {role: 'model', parts: rawParts});
	t.deepEqual(sent[2], {
		role: 'user',
		parts: [
			{functionResponse: {id: 'a1', name: 'inspect_project', response: {output: 'app MyApp', structured: {app: 'my_app'}}}},
			{functionResponse: {id: 'a2', name: 'generate_schema', response: {error: 'attrs must be a list'}}},
		],
	});
});

test('abort mid-stream rejects with an AbortError and stops the request', async t => {
	const {fake, provider} = await setup([{hang: true, text: 'Thinking about '}]);
	t.teardown(() => fake.close());
	const controller = new AbortController();
	const deltas: string[] = [];
	const pending = provider.nextTurn({history, tools, signal: controller.signal, onTextDelta: delta => deltas.push(delta)});
	await fake.hanging;
	// Wait until the first chunk reached us, so this is truly mid-stream.
	while (deltas.length === 0) await new Promise(resolve => setTimeout(resolve, 5));
	controller.abort();
	const error = await t.throwsAsync(pending);
	t.is(error.name, 'AbortError');
	t.deepEqual(deltas, ['Thinking about ']);
	t.is(fake.requests.length, 1, 'a cancel is not retried');
});

test('an already aborted signal sends nothing', async t => {
	const {fake, provider} = await setup([{text: 'never'}]);
	t.teardown(() => fake.close());
	const controller = new AbortController();
	controller.abort();
	const error = await t.throwsAsync(provider.nextTurn({history, tools, signal: controller.signal}));
	t.is(error.name, 'AbortError');
	t.is(fake.requests.length, 0);
});

test('the key never appears in error messages or logs, even when the server echoes it', async t => {
	const {fake, provider, logs} = await setup([{error: {status: 403, message: `API key ${KEY} is not valid. Please pass a valid API key.`}}]);
	t.teardown(() => fake.close());
	const error = await t.throwsAsync(provider.nextTurn({history, tools}), {instanceOf: ProviderError});
	t.is(error.status, 403);
	t.false(error.message.includes(KEY));
	t.regex(error.message, /\[REDACTED\] is not valid/);
	t.regex(error.message, /GEMINI_API_KEY/);
	t.false(JSON.stringify(logs).includes(KEY));
	t.false(String(error.stack).includes(KEY));
});

test('a URL-encoded key echoed by the server is redacted with the one marker, in the error and the log', async t => {
	const key = 'AIza/odd+key=with/slashes';
	const fake = await startFakeGemini([{error: {status: 403, message: `Bad request to ?key=x for ${encodeURIComponent(key)}.`}}]);
	t.teardown(() => fake.close());
	const logs: Setup['logs'] = [];
	const provider = new GeminiProvider({apiKey: key, baseUrl: fake.url, logger: captureLogger(logs)});
	const error = await t.throwsAsync(provider.nextTurn({history, tools}), {instanceOf: ProviderError});
	t.false(error.message.includes(encodeURIComponent(key)));
	t.regex(error.message, /for \[REDACTED\]\./);
	t.false(JSON.stringify(logs).includes(encodeURIComponent(key)));
	t.regex(JSON.stringify(logs), /for \[REDACTED\]\./);
});

test('a server that is not there: network errors are retried, then reported without the key', async t => {
	const fake = await startFakeGemini([]);
	const url = fake.url;
	await fake.close();
	const sleeps: number[] = [];
	const provider = new GeminiProvider({apiKey: KEY, baseUrl: url, retry: {maxAttempts: 3, sleep: async ms => void sleeps.push(ms)}});
	const error = await t.throwsAsync(provider.nextTurn({history, tools}), {instanceOf: ProviderError});
	t.regex(error.message, /after 3 attempts/);
	t.is(error.status, undefined);
	t.is(sleeps.length, 2);
	t.false(error.message.includes(KEY));
});

test('no tools means no tools field; the default model is used when none is given', async t => {
	const fake = await startFakeGemini([{text: 'hi'}]);
	t.teardown(() => fake.close());
	const provider = new GeminiProvider({apiKey: KEY, baseUrl: fake.url});
	t.is(provider.model, 'gemini-2.5-flash');
	await provider.nextTurn({history, tools: []});
	t.is(fake.requests[0]!.body.tools, undefined);
	t.is(fake.requests[0]!.model, 'gemini-2.5-flash');
});

test('the fake also answers unary generateContent (for other callers of the SDK)', async t => {
	const {GoogleGenAI} = await import('@google/genai');
	const fake = await startFakeGemini([{text: 'Whole answer.', functionCalls: [{name: 'f', args: {a: 1}}], usage: {promptTokenCount: 1, candidatesTokenCount: 2, totalTokenCount: 3}}]);
	t.teardown(() => fake.close());
	const client = new GoogleGenAI({apiKey: KEY, httpOptions: {baseUrl: fake.url}});
	const response = await client.models.generateContent({model: 'm', contents: 'hi'});
	t.is(response.text, 'Whole answer.');
	t.deepEqual(response.functionCalls, [{name: 'f', args: {a: 1}}]);
	t.is(response.usageMetadata?.totalTokenCount, 3);
	t.is(fake.requests[0]!.method, 'generateContent');
});
