import {chmodSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {tempDir} from '../helpers/temp-dir.js';
import {cliEnv, runCli} from './_cli.js';

test('the demo hint prints a command that works here: npx ectosmith without ectosmith on the PATH, ectosmith with it', async t => {
	const cwd = tempDir(t);
	// The PATH of a user who ran `npm install ectosmith` in a project: node, no ectosmith.
	const bare = tempDir(t);
	const local = await runCli(['demo', 'my_app'], {env: cliEnv(tempDir(t), {PATH: `${path.dirname(process.execPath)}${path.delimiter}${bare}`}), cwd});
	t.is(local.code, 0, local.stderr);
	t.regex(local.stdout, /^ {2}npx ectosmith --project my_app /m);
	t.regex(local.stdout, /^ {2}npx ectosmith run --project my_app "Blog\.Post posts/m);

	const bin = tempDir(t);
	writeFileSync(path.join(bin, 'ectosmith'), '#!/bin/sh\n');
	chmodSync(path.join(bin, 'ectosmith'), 0o755);
	const global = await runCli(['demo', 'other'], {env: cliEnv(tempDir(t), {PATH: `${path.dirname(process.execPath)}${path.delimiter}${bin}`}), cwd});
	t.is(global.code, 0, global.stderr);
	t.regex(global.stdout, /^ {2}ectosmith --project other /m);
});
