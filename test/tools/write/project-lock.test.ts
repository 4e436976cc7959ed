import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {chmod, lstat, mkdir, mkdtemp, readdir, realpath, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {lockFileOf, runtimeLockFileOf, withProjectLock} from '../../../source/tools/write/project-lock.js';

async function project(t: import('ava').ExecutionContext): Promise<string> {
	const root = await realpath(await mkdtemp(join(tmpdir(), 'ectosmith-lock-')));
	t.teardown(async () => rm(root, {recursive: true, force: true}));
	await writeFile(join(root, 'mix.exs'), 'defmodule MyApp.MixProject do\nend\n');
	return root;
}

test('calls on one project run one at a time, in order, holding a private lock inside the project, and leave no trace', async t => {
	const root = await project(t);
	const events: string[] = [];
	const slow = async (name: string, ticks: number) => {
		events.push(`${name} start`);
		for (let index = 0; index < ticks; index++) await new Promise(resolve => setImmediate(resolve));
		t.true(existsSync(lockFileOf(root)), 'the cross-process lock is held during the work');
		const folder = await lstat(join(root, '_build', '.ectosmith'));
		t.is(folder.mode & 0o777, 0o700, 'the lock folder is closed to other users');
		events.push(`${name} end`);
		return name;
	};

	const results = await Promise.all([withProjectLock(root, async () => slow('a', 20)), withProjectLock(root, async () => slow('b', 1))]);
	t.deepEqual(results, ['a', 'b']);
	t.deepEqual(events, ['a start', 'a end', 'b start', 'b end']);
	t.false(existsSync(lockFileOf(root)));
	t.deepEqual(await readdir(root), ['mix.exs'], 'the _build folder made for the lock is gone again');
});

test('an existing _build keeps its other content; the lock folder goes', async t => {
	const root = await project(t);
	await mkdir(join(root, '_build', 'dev'), {recursive: true});
	t.is(await withProjectLock(root, async () => 'ran'), 'ran');
	t.deepEqual(await readdir(join(root, '_build')), ['dev']);
});

test("a lock file in the shared temp folder (another user's, say) does not block the project", async t => {
	const root = await project(t);
	const {createHash} = await import('node:crypto');
	const old = join(tmpdir(), `ectosmith-project-${createHash('sha256').update(root).digest('hex').slice(0, 24)}.lock`);
	await writeFile(old, `${process.pid} squatter`);
	t.teardown(async () => rm(old, {force: true}));
	t.is(await withProjectLock(root, async () => 'ran'), 'ran');
});

test('a failing call releases the lock for the next one', async t => {
	const root = await project(t);
	await t.throwsAsync(
		withProjectLock(root, async () => {
			throw new Error('boom');
		}),
		{message: 'boom'},
	);
	t.is(await withProjectLock(root, async () => 'next'), 'next');
	t.false(existsSync(lockFileOf(root)));
});

test('a lock file left by a process that is gone does not block', async t => {
	const root = await project(t);
	const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'});
	await mkdir(join(root, '_build', '.ectosmith'), {recursive: true, mode: 0o700});
	await chmod(join(root, '_build', '.ectosmith'), 0o700);
	const file = lockFileOf(root);
	await writeFile(file, `${dead.stdout} deadbeef`);
	t.is(await withProjectLock(root, async () => 'ran'), 'ran');
	t.false(existsSync(file));
});

test('a lock folder that others can write into is not trusted: the per-user runtime folder is used', async t => {
	const root = await project(t);
	await mkdir(join(root, '_build', '.ectosmith'), {recursive: true});
	await chmod(join(root, '_build', '.ectosmith'), 0o777);
	const seen = await withProjectLock(root, async () => [existsSync(lockFileOf(root)), existsSync(runtimeLockFileOf(root))]);
	t.deepEqual(seen, [false, true]);
	const runtime = await lstat(join(runtimeLockFileOf(root), '..'));
	t.is(runtime.mode & 0o077, 0);
	t.false(existsSync(runtimeLockFileOf(root)));
});
