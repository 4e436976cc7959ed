/** The CLI's last line of defence, end to end: an error that is not ours is a bug, said as one. */
import {mkdirSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {cliEnv, runCli} from '../commands/_cli.js';
import {tempDir} from '../helpers/temp-dir.js';

// A folder where the log file should be: reading it fails with the file system's EISDIR, an error
// no part of ectosmith expects or wraps, so it stands in for a bug.
function logIsAFolder(t: Parameters<typeof tempDir>[0]) {
	const state = tempDir(t);
	mkdirSync(path.join(state, 'ectosmith', 'ectosmith.log'), {recursive: true});
	return cliEnv(state);
}

test('an unexpected error prints "internal error" and the --debug hint, without a stack trace', async t => {
	const result = await runCli(['logs', 'tail'], {env: logIsAFolder(t)});

	t.is(result.code, 1);
	t.regex(result.stderr, /^ectosmith: internal error: EISDIR.* \(rerun with --debug for the stack trace\)\n$/);
	t.notRegex(result.stderr, /\n\s+at /);
});

test('with --debug, the unexpected error prints its stack trace', async t => {
	const result = await runCli(['--debug', 'logs', 'tail'], {env: logIsAFolder(t)});

	t.is(result.code, 1);
	t.regex(result.stderr, /^ectosmith: internal error: Error: EISDIR/);
	t.regex(result.stderr, /\n\s+at .*tail\.ts/);
	t.notRegex(result.stderr, /rerun with --debug/);
});
