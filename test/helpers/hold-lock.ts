import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import type {ExecutionContext} from 'ava';
import {tsxLoader} from './tsx-loader.js';

const holder = fileURLToPath(new URL('../db/lock-holder.ts', import.meta.url));

export interface HeldLock {
	/** Resolves when the other process has committed and let the lock go. */
	released: Promise<void>;
}

/**
 * Another process takes the database's write lock and holds it for `ms`; resolves once it holds it.
 * Killed when the test ends.
 */
export async function holdWriteLock(t: ExecutionContext, dbPath: string, ms: number): Promise<HeldLock> {
	const child = spawn(process.execPath, ['--import', tsxLoader, holder, dbPath, String(ms)], {stdio: ['ignore', 'pipe', 'pipe']});
	t.teardown(() => {
		if (child.exitCode === null) child.kill();
	});
	let stdout = '';
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const seen = (word: string) =>
		new Promise<void>((resolve, reject) => {
			const check = () => {
				if (stdout.includes(word)) resolve();
			};
			child.stdout.on('data', (chunk: Buffer) => {
				stdout += chunk.toString();
				check();
			});
			child.on('exit', code => {
				check();
				reject(new Error(`The lock holder exited (${code}) before "${word}": ${stderr}`));
			});
		});
	const locked = seen('locked');
	const released = seen('released');
	released.catch(() => undefined);
	await locked;
	return {released};
}
