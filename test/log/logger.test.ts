import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {createLogger, defaultLogPath, silentLogger, tailLog} from '../../source/log/logger.js';
import {tempDir} from '../helpers/temp-dir.js';

function readLines(file: string): string[] {
	return fs.readFileSync(file, 'utf8').trimEnd().split('\n');
}

test('lines carry an ISO timestamp, the level, the tag, the message and JSON fields', t => {
	const file = path.join(tempDir(t, 'ectosmith-log-'), 'nested', 'ectosmith.log');
	const logger = createLogger({file, level: 'debug', env: {}});
	logger.child('mcp').child('ecto').info('tool done in 12 ms', {durationMs: 12, tool: 'gen'});
	logger.warn('two\nlines');
	const [first, second] = readLines(file);
	t.regex(first!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO {2}\[mcp:ecto\] tool done in 12 ms \{"durationMs":12,"tool":"gen"\}$/);
	t.regex(second!, /^\S+ WARN {2}two\\nlines$/);
	t.is(logger.file, file);
});

test('levels filter: error < warn < info < debug', t => {
	const file = path.join(tempDir(t, 'ectosmith-log-'), 'a.log');
	const logger = createLogger({file, level: 'warn', env: {}});
	logger.debug('d');
	logger.info('i');
	logger.warn('w');
	logger.error('e');
	t.deepEqual(
		readLines(file).map(line => line.split(' ')[1]),
		['WARN', 'ERROR'],
	);
});

test('a filtered line does no work: its fields are never read', t => {
	const file = path.join(tempDir(t, 'ectosmith-log-'), 'a.log');
	const logger = createLogger({file, level: 'info', env: {}});
	let touched = false;
	const fields = {
		get heavy() {
			touched = true;
			return 'x';
		},
	};
	logger.debug('skipped', fields);
	t.false(touched);
	t.false(fs.existsSync(file));
});

test('ECTOSMITH_LOG_LEVEL sets the level unless options give one; a bad value is named', t => {
	const file = path.join(tempDir(t, 'ectosmith-log-'), 'a.log');
	t.is(createLogger({file, env: {ECTOSMITH_LOG_LEVEL: 'debug'}}).level, 'debug');
	t.is(createLogger({file, env: {ECTOSMITH_LOG_LEVEL: 'ERROR'}}).level, 'error');
	t.is(createLogger({file, env: {ECTOSMITH_LOG_LEVEL: 'debug'}, level: 'warn'}).level, 'warn');
	t.is(createLogger({file, env: {}}).level, 'info');
	t.throws(() => createLogger({file, env: {ECTOSMITH_LOG_LEVEL: 'verbose'}}), {
		message: 'ECTOSMITH_LOG_LEVEL "verbose" is not a log level; use one of: error, warn, info, debug',
	});
});

test('the default path follows XDG_STATE_HOME, else ~/.local/state', t => {
	t.is(defaultLogPath({XDG_STATE_HOME: '/xdg/state', HOME: '/home/u'}), path.join('/xdg/state', 'ectosmith', 'ectosmith.log'));
	t.is(defaultLogPath({HOME: '/home/u'}), path.join('/home/u', '.local', 'state', 'ectosmith', 'ectosmith.log'));
	// Relative XDG paths are invalid per the spec and ignored.
	t.is(defaultLogPath({XDG_STATE_HOME: 'relative', HOME: '/home/u'}), path.join('/home/u', '.local', 'state', 'ectosmith', 'ectosmith.log'));
});

test('the logger writes to the XDG path when no file is given', t => {
	const state = tempDir(t, 'ectosmith-log-');
	const logger = createLogger({env: {XDG_STATE_HOME: state}});
	logger.info('hello xdg');
	const file = path.join(state, 'ectosmith', 'ectosmith.log');
	t.is(logger.file, file);
	t.regex(fs.readFileSync(file, 'utf8'), /INFO {2}hello xdg/);
});

test('the file rotates by size and keeps a bounded number of old files', t => {
	const folder = tempDir(t, 'ectosmith-log-');
	const file = path.join(folder, 'ectosmith.log');
	const logger = createLogger({file, env: {}, maxBytes: 1000, keep: 2});
	for (let index = 0; index < 60; index++) {
		logger.info(`line ${index} ${'x'.repeat(60)}`);
	}

	const files = fs.readdirSync(folder).sort();
	t.deepEqual(files, ['ectosmith.log', 'ectosmith.log.1', 'ectosmith.log.2']);
	for (const name of files) {
		t.true(fs.statSync(path.join(folder, name)).size <= 1000, name);
	}

	// The newest line is in the live file, the one before the rotation in .1.
	t.regex(readLines(file).at(-1)!, /line 59 /);
	const lastOfFirst = readLines(`${file}.1`).at(-1)!;
	const firstOfLive = readLines(file)[0]!;
	t.is(Number(/line (\d+)/.exec(lastOfFirst)![1]) + 1, Number(/line (\d+)/.exec(firstOfLive)![1]));
});

test('the API key URL-encoded in a log line is redacted with the same marker as a Gemini error', t => {
	const file = path.join(tempDir(t, 'ectosmith-log-'), 'a.log');
	const key = 'AIza/odd+key=from-env';
	const logger = createLogger({file, env: {GEMINI_API_KEY: key}});
	logger.warn(`request to /models?alt=sse&k=${encodeURIComponent(key)} failed`, {error: `echoed ${encodeURIComponent(key)}`});
	const log = fs.readFileSync(file, 'utf8');
	t.false(log.includes(encodeURIComponent(key)));
	t.regex(log, /k=\[REDACTED\] failed \{"error":"echoed \[REDACTED\]"\}/);
});

test('secret keys, bearer tokens, key= in URLs, API keys from the environment and registered secrets are redacted', t => {
	const file = path.join(tempDir(t, 'ectosmith-log-'), 'a.log');
	const logger = createLogger({file, env: {GEMINI_API_KEY: 'gemini-secret-from-env-123'}});
	logger.registerSecret('server-env-password-xyz');
	logger.child('mcp').registerSecret('child-registered-secret-9');
	logger.info('calling https://example.test/v1/models?key=abc123def&alt=sse with gemini-secret-from-env-123', {
		apiKey: 'k1-visible?',
		headers: {Authorization: 'Bearer sk-live-abcdef', 'x-goog-api-key': 'hdr-secret'},
		nested: [{password: 'p4ss', token: 't0k', primary_key: 'id'}],
		note: 'env was server-env-password-xyz and child-registered-secret-9',
		tokensUsed: 42,
	});
	logger.info('Authorization: Bearer abc.def.ghi and api_key=plain-value');
	const log = fs.readFileSync(file, 'utf8');
	for (const secret of [
		'abc123def',
		'gemini-secret-from-env-123',
		'k1-visible?',
		'sk-live-abcdef',
		'hdr-secret',
		'p4ss',
		't0k',
		'server-env-password-xyz',
		'child-registered-secret-9',
		'abc.def.ghi',
		'plain-value',
	]) {
		t.false(log.includes(secret), secret);
	}

	t.true(log.includes('?key=[REDACTED]&alt=sse'));
	t.true(log.includes('"primary_key":"id"'), 'ordinary fields stay readable');
	t.true(log.includes('"tokensUsed":42'));
	t.true(log.includes('Bearer [REDACTED]'));
});

test('errors in fields keep their message and stack; cycles do not break logging', t => {
	const file = path.join(tempDir(t, 'ectosmith-log-'), 'a.log');
	const logger = createLogger({file, env: {}});
	const cyclic: Record<string, unknown> = {name: 'loop'};
	cyclic.self = cyclic;
	logger.error('failed', {error: new Error('boom'), cyclic});
	const line = readLines(file)[0]!;
	const fields = JSON.parse(line.slice(line.indexOf('{'))) as {error: {message: string; stack: string}; cyclic: {self: string}};
	t.is(fields.error.message, 'boom');
	t.regex(fields.error.stack, /Error: boom/);
	t.is(fields.cyclic.self, '[Circular]');
});

test('a log that cannot be written never throws', t => {
	const folder = tempDir(t, 'ectosmith-log-');
	const blocker = path.join(folder, 'file');
	fs.writeFileSync(blocker, '');
	const logger = createLogger({file: path.join(blocker, 'ectosmith.log'), env: {}});
	t.notThrows(() => {
		logger.error('nowhere to go');
	});
});

test('silentLogger discards everything, children included', t => {
	t.notThrows(() => {
		silentLogger.child('x').error('nothing');
	});
	t.is(silentLogger.child('x'), silentLogger);
});

test('tailLog returns the last lines, across read chunks, and [] for a missing file', t => {
	const folder = tempDir(t, 'ectosmith-log-');
	const file = path.join(folder, 'big.log');
	const lines = Array.from({length: 5000}, (_, index) => `line ${index} ${'z'.repeat(40)}`);
	fs.writeFileSync(file, `${lines.join('\n')}\n`);
	t.deepEqual(tailLog(file, 3), lines.slice(-3));
	t.deepEqual(tailLog(file, 2000), lines.slice(-2000));
	t.deepEqual(tailLog(file, 10_000), lines);
	t.deepEqual(tailLog(file, 0), []);
	t.deepEqual(tailLog(path.join(folder, 'missing.log'), 5), []);
	t.throws(() => tailLog(file, -1), {message: /lines must be a whole number/});
});
