import {Writable} from 'node:stream';
import test from 'ava';
import {DEBUG_HINT, describeFailure, reportFailure} from '../../source/commands/report-failure.js';
import {EctosmithError, UsageError} from '../../source/errors.js';
import {ExitCode} from '../../source/exit-codes.js';
import {ProviderError} from '../../source/llm/provider.js';

function stderr() {
	let text = '';
	const stream = new Writable({
		write(chunk: Buffer, _encoding, done) {
			text += chunk.toString();
			done();
		},
	});
	return {stream, text: () => text};
}

test('our errors print their message: a UsageError exits 2, any other EctosmithError 1', t => {
	t.deepEqual(describeFailure(new UsageError('--limit must be a number.'), {debug: false}), {text: '--limit must be a number.', code: ExitCode.usage});
	t.deepEqual(describeFailure(new ProviderError('Gemini request failed: 404'), {debug: true}), {text: 'Gemini request failed: 404', code: ExitCode.failed});
	t.is(describeFailure(new EctosmithError('x'), {debug: true}).text, 'x', 'no stack for ours, even with --debug');
});

test('an error that is not ours prints as an internal error with the --debug hint, without its stack', t => {
	const out = stderr();
	const code = reportFailure(new TypeError('Cannot read properties of undefined'), {debug: false, prefix: 'ectosmith', stderr: out.stream});

	t.is(code, ExitCode.failed);
	t.is(out.text(), `ectosmith: internal error: Cannot read properties of undefined (${DEBUG_HINT})\n`);
	t.regex(out.text(), /rerun with --debug/);
	t.notRegex(out.text(), /\n\s+at /);
});

test('with --debug, an internal error prints its stack trace', t => {
	const error = new TypeError('Cannot read properties of undefined');
	const out = stderr();
	reportFailure(error, {debug: true, prefix: 'ectosmith run', stderr: out.stream});

	t.true(out.text().startsWith('ectosmith run: internal error: TypeError: Cannot read properties of undefined\n'));
	t.regex(out.text(), /\n\s+at .*report-failure\.test\.ts/);
});

test('a cancellation is no bug: its reason, not "internal error"', t => {
	const error = Object.assign(new Error('Stopped by SIGINT'), {name: 'AbortError'});
	t.deepEqual(describeFailure(error, {debug: false}), {text: 'Stopped by SIGINT', code: ExitCode.failed});
});

test('a thrown non-Error is an internal error too', t => {
	t.is(describeFailure('boom', {debug: false}).text, `internal error: boom (${DEBUG_HINT})`);
});

test('an error quoting foreign text stays one line: newlines, tabs and escapes in it are shown, never acted on', t => {
	const out = stderr();
	reportFailure(new EctosmithError('prices.json has a bad price for "gemini\n\u001b[2Jectosmith: fine\tx"'), {debug: false, prefix: 'ectosmith', stderr: out.stream});
	t.is(out.text(), 'ectosmith: prices.json has a bad price for "gemini\\n\\x1b[2Jectosmith: fine\\tx"\n');
	t.is(describeFailure(new Error('line one\nline two'), {debug: false}).text, `internal error: line one\\nline two (${DEBUG_HINT})`);
});
