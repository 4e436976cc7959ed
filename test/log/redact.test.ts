import test from 'ava';
import {isSecretKey, redact, redactFields, scrubSecretStrings, scrubSecrets} from '../../source/log/redact.js';
import {StreamScrubber} from '../../source/log/scrub-stream.js';

test('isSecretKey knows the usual spellings and leaves ordinary keys alone', t => {
	for (const key of ['api_key', 'apiKey', 'API-KEY', 'key', 'token', 'secret', 'password', 'Authorization', 'x-goog-api-key', 'GEMINI_API_KEY', 'accessToken', 'client_secret']) {
		t.true(isSecretKey(key), key);
	}

	for (const key of ['primary_key', 'foreign_key', 'keyword', 'monkey', 'tokens', 'promptTokenCount', 'name', 'description']) {
		t.false(isSecretKey(key), key);
	}
});

test('redact replaces known values, longest first, and well-known patterns', t => {
	t.is(redact('a secret-value-long and secret-value', ['secret-value', 'secret-value-long']), 'a [REDACTED] and [REDACTED]');
	t.is(redact('GET /x?api_key=123456&b=2', []), 'GET /x?api_key=[REDACTED]&b=2');
	t.is(redact('password: hunter22', []), 'password: [REDACTED]');
	t.is(redact('{"apiKey":"zzz"}', []), '{"apiKey":"[REDACTED]"}');
	t.is(redact(`key AIza${'A'.repeat(35)} leaked`, []), 'key [REDACTED] leaked');
	// Values too short to be secrets are not scrubbed: they would garble every line.
	t.is(redact('level 1 of dev', ['1', 'dev']), 'level 1 of dev');
});

test('a URL-encoded secret is redacted too, with the same marker (the Gemini key in a request URL)', t => {
	const key = 'AIza/odd+key=1';
	t.is(redact(`GET /v1/models?alt=sse&x=${encodeURIComponent(key)} failed; sent ${key}`, [key]), 'GET /v1/models?alt=sse&x=[REDACTED] failed; sent [REDACTED]');
});

test('scrubSecretStrings scrubs every string of a value of the known values and changes nothing else', t => {
	t.deepEqual(scrubSecretStrings({token: 'plain', list: ['has s3cret-value', 2, null], nested: {ok: true}}, ['s3cret-value']), {
		token: 'plain',
		list: ['has [REDACTED]', 2, null],
		nested: {ok: true},
	});
});

test('scrubSecrets replaces the known values only: file text that looks like a secret stays as it was', t => {
	const file = 'config :my_app, password: "some password", api_key: "abc123def", token=xyz\nAuthorization: Bearer abc.def';
	t.is(scrubSecrets(file, ['unrelated-secret']), file);
	t.is(scrubSecrets(`${file} sk-live-123456`, ['sk-live-123456']), `${file} [REDACTED]`);
	// Short values are not secrets: redacting "dev" would garble every line.
	t.is(scrubSecrets('dev mode', ['dev']), 'dev mode');
});

test('redactFields blanks secret keys at any depth and keeps the rest', t => {
	t.deepEqual(redactFields({a: 1, list: [{token: 'x'}], big: 10n, when: new Date(0), empty: {password: ''}}, []), {
		a: 1,
		list: [{token: '[REDACTED]'}],
		big: '10',
		when: '1970-01-01T00:00:00.000Z',
		empty: {password: ''},
	});
	const shared = {v: 1};
	t.deepEqual(redactFields({x: shared, y: shared}, []), {x: {v: 1}, y: {v: 1}});
});

test('StreamScrubber holds back what may start a secret until the next piece, so a secret split across pieces is scrubbed', t => {
	const stream = new StreamScrubber(() => ['split-secret-99']);
	const out = [stream.push('Here: spl'), stream.push('it-sec'), stream.push('ret-99 and spl'), stream.push('endid'), stream.flush()];
	t.is(out.join(''), 'Here: [REDACTED] and splendid');
	t.is(out[0], 'Here: ');
	t.is(new StreamScrubber(() => []).push('plain'), 'plain');
});
