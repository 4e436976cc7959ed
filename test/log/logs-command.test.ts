import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {logsCommand} from '../../source/commands/logs.js';

// The command reads process.env and writes to process.stdout/stderr: run these one at a time.
async function run(args: string[], state: string): Promise<{code: number; out: string; err: string}> {
	const saved = process.env.XDG_STATE_HOME;
	process.env.XDG_STATE_HOME = state;
	let out = '';
	let err = '';
	const writeOut = process.stdout.write.bind(process.stdout);
	const writeErr = process.stderr.write.bind(process.stderr);
	process.stdout.write = ((chunk: string) => {
		out += chunk;
		return true;
	}) as typeof process.stdout.write;
	process.stderr.write = ((chunk: string) => {
		err += chunk;
		return true;
	}) as typeof process.stderr.write;
	try {
		const code = await logsCommand(args, {});
		return {code, out, err};
	} finally {
		process.stdout.write = writeOut;
		process.stderr.write = writeErr;
		if (saved === undefined) {
			delete process.env.XDG_STATE_HOME;
		} else {
			process.env.XDG_STATE_HOME = saved;
		}
	}
}

const state = fs.mkdtempSync(path.join(os.tmpdir(), 'ectosmith-logs-cmd-'));
const logFile = path.join(state, 'ectosmith', 'ectosmith.log');
test.after.always(() => {
	fs.rmSync(state, {recursive: true, force: true});
});

test.serial('`logs` prints the log path', async t => {
	t.deepEqual(await run([], state), {code: 0, out: `${logFile}\n`, err: ''});
});

test.serial('`logs tail N` prints the last N lines; a missing log says so', async t => {
	const empty = await run(['tail'], state);
	t.is(empty.code, 0);
	t.regex(empty.err, /No log lines yet/);
	fs.mkdirSync(path.dirname(logFile), {recursive: true});
	fs.writeFileSync(logFile, 'one\ntwo\nthree\n');
	t.deepEqual(await run(['tail', '2'], state), {code: 0, out: 'two\nthree\n', err: ''});
	t.is((await run(['tail'], state)).out, 'one\ntwo\nthree\n');
});

test.serial('bad arguments are named, with what is allowed', async t => {
	const badCount = await run(['tail', 'ten'], state);
	t.is(badCount.code, 2);
	t.regex(badCount.err, /Line count "ten" is not a whole number/);
	const badSub = await run(['rotate'], state);
	t.is(badSub.code, 2);
	t.regex(badSub.err, /Unknown logs subcommand "rotate"/);
});
