import {chmodSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {writeFileAtomic, writeFileAtomicSync} from '../source/atomic-write.js';
import {tempDir} from './helpers/temp-dir.js';

for (const [name, write] of [
	['async', writeFileAtomic],
	['sync', async (...args: Parameters<typeof writeFileAtomicSync>) => writeFileAtomicSync(...args)],
] as const) {
	test(`${name}: replaces a file whole, keeping its mode, and leaves no temp file`, async t => {
		const folder = tempDir(t, 'ectosmith-atomic-');
		const file = path.join(folder, 'a.txt');
		writeFileSync(file, 'old');
		chmodSync(file, 0o640);
		await write(file, 'new');
		t.is(readFileSync(file, 'utf8'), 'new');
		t.is(statSync(file).mode & 0o777, 0o640);
		await write(path.join(folder, 'b.txt'), 'secret', {mode: 0o600});
		t.is(statSync(path.join(folder, 'b.txt')).mode & 0o777, 0o600);
		t.deepEqual(readdirSync(folder).sort(), ['a.txt', 'b.txt']);
	});

	test(`${name}: exclusive never replaces a file already there (EEXIST), and leaves no temp file`, async t => {
		const folder = tempDir(t, 'ectosmith-atomic-');
		const file = path.join(folder, 'a.txt');
		await write(file, 'first', {exclusive: true});
		const error = await t.throwsAsync(async () => write(file, 'second', {exclusive: true}));
		t.is((error as NodeJS.ErrnoException).code, 'EEXIST');
		t.is(readFileSync(file, 'utf8'), 'first');
		t.deepEqual(readdirSync(folder), ['a.txt']);
	});
}
