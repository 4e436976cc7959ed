import {readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {createProvider, geminiApiKey, parseProviderName} from '../../source/app/create-provider.js';
import {GeminiProvider} from '../../source/llm/gemini.js';
import type {ProviderName} from '../../source/llm/provider.js';
import {ScriptedProvider} from '../../source/llm/scripted.js';
import {RecordingProvider} from '../../source/llm/scripted-recorder.js';
import {packageRoot} from '../../source/package-root.js';
import {OfflineProvider} from '../../source/planner/offline-provider.js';
import {startFakeGemini} from '../helpers/fake-gemini.js';
import {tempDir} from '../helpers/temp-dir.js';

const blogFile = path.join(packageRoot(), 'fixtures', 'conversations', 'blog.json');

test('no key and no provider → the offline planner', t => {
	const provider = createProvider({env: {}});
	t.true(provider instanceof OfflineProvider);
	t.is(provider.name, 'offline');
	t.is(provider.model, 'offline-planner');
	t.true(createProvider({env: {GEMINI_API_KEY: '   '}}) instanceof OfflineProvider, 'a blank key counts as none');
});

test("GEMINI_API_KEY or GOOGLE_API_KEY → gemini with the workflow's model", t => {
	const fromGemini = createProvider({env: {GEMINI_API_KEY: 'k1'}, model: 'gemini-2.5-pro'});
	t.true(fromGemini instanceof GeminiProvider);
	t.is(fromGemini.name, 'gemini');
	t.is(fromGemini.model, 'gemini-2.5-pro');
	const fromGoogle = createProvider({env: {GOOGLE_API_KEY: 'k2'}});
	t.true(fromGoogle instanceof GeminiProvider);
	t.is(fromGoogle.model, 'gemini-2.5-flash');
	t.is(geminiApiKey({GEMINI_API_KEY: 'first', GOOGLE_API_KEY: 'second'}), 'first');
});

test('explicit choices are honoured; explicit gemini without a key says what to do', t => {
	t.true(createProvider({provider: 'offline', env: {GEMINI_API_KEY: 'k'}}) instanceof OfflineProvider);
	const error = t.throws(() => createProvider({provider: 'gemini', env: {}}));
	t.regex(error.message, /GEMINI_API_KEY/);
	t.regex(error.message, /--provider offline/);
	t.throws(() => createProvider({provider: 'scripted', env: {}}), {message: /--script FILE/});
	t.throws(() => createProvider({provider: 'claude' as ProviderName}), {message: /Unknown provider "claude". Use one of: gemini, offline, scripted/});
	t.is(parseProviderName(' Gemini '), 'gemini');
});

test('a script file means scripted; --record wraps the provider', t => {
	const scripted = createProvider({scriptFile: blogFile, env: {GEMINI_API_KEY: 'k'}});
	t.true(scripted instanceof ScriptedProvider);
	t.is(scripted.name, 'scripted');
	const dir = tempDir(t, 'ectosmith-create-');
	const recorded = createProvider({provider: 'offline', recordFile: path.join(dir, 'out.json'), env: {}});
	t.true(recorded instanceof RecordingProvider);
	t.is(recorded.name, 'offline');
	t.is(recorded.model, 'offline-planner');
});

test('gemini from createProvider reaches GOOGLE_GEMINI_BASE_URL with the key from env', async t => {
	const fake = await startFakeGemini([{text: 'Hello from the fake.'}]);
	t.teardown(() => fake.close());
	const dir = tempDir(t, 'ectosmith-create-');
	const record = path.join(dir, 'rec.json');
	const provider = createProvider({
		env: {GOOGLE_API_KEY: 'env-key-123456', GOOGLE_GEMINI_BASE_URL: fake.url},
		model: 'gemini-from-workflow',
		recordFile: record,
	});
	const turn = await provider.nextTurn({history: [{role: 'user', text: 'hi'}], tools: []});
	t.is(turn.text, 'Hello from the fake.');
	t.is(fake.requests[0]!.apiKey, 'env-key-123456');
	t.is(fake.requests[0]!.model, 'gemini-from-workflow');
	t.false(readFileSync(record, 'utf8').includes('env-key-123456'));
});
