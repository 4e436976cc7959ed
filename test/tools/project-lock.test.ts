import test from 'ava';
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {rm, writeFile} from 'node:fs/promises';
import {lockFileOf, withProjectLock} from '../../source/tools/project-lock.js';

const uniqueRoot = (name: string) => `/nonexistent/ectosmith-lock-test/${name}/${process.pid}/${Math.random()}`;

test('calls on one project run one at a time, in order, and release the lock file', async (t) => {
	const root = uniqueRoot('order');
	const events: string[] = [];
	const slow = async (name: string, ticks: number) => {
		events.push(`${name} start`);
		for (let index = 0; index < ticks; index++) await new Promise((resolve) => setImmediate(resolve));
		t.true(existsSync(lockFileOf(root)), 'the cross-process lock is held during the work');
		events.push(`${name} end`);
		return name;
	};

	const results = await Promise.all([withProjectLock(root, async () => slow('a', 20)), withProjectLock(root, async () => slow('b', 1))]);
	t.deepEqual(results, ['a', 'b']);
	t.deepEqual(events, ['a start', 'a end', 'b start', 'b end']);
	t.false(existsSync(lockFileOf(root)));
});

test('a failing call releases the lock for the next one', async (t) => {
	const root = uniqueRoot('failing');
	await t.throwsAsync(withProjectLock(root, async () => {
		throw new Error('boom');
	}), {message: 'boom'});
	t.is(await withProjectLock(root, async () => 'next'), 'next');
	t.false(existsSync(lockFileOf(root)));
});

test('a lock file left by a process that is gone does not block', async (t) => {
	const root = uniqueRoot('stale');
	const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'});
	const file = lockFileOf(root);
	await writeFile(file, `${dead.stdout} deadbeef`);
	t.teardown(async () => rm(file, {force: true}));
	t.is(await withProjectLock(root, async () => 'ran'), 'ran');
	t.false(existsSync(file));
});
