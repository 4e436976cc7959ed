/**
 * A small filesystem of its own for a disk-full case: a tmpfs mounted in a private user and mount
 * namespace (`unshare -rm`), so no privilege is needed and nothing outside the child sees it. The
 * script given runs inside (node with tsx) with the mount point as its first argument, and prints
 * what it found as one JSON line. Where user namespaces are not allowed, `smallDiskAvailable` is
 * false and the tests say so.
 */
import {spawn, spawnSync} from 'node:child_process';
import {mkdtemp, realpath, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {ExecutionContext} from 'ava';
import {tsxLoader} from './tsx-loader.js';

let available: boolean | undefined;

/** Whether a tmpfs can be mounted in a user namespace here. */
export function smallDiskAvailable(t: {log(...values: unknown[]): void}): boolean {
	available ??= spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$1"', 'sh', tmpdir()], {stdio: 'ignore'}).status === 0;
	if (!available) t.log('Skipped: this machine does not allow an unprivileged tmpfs (unshare -rm), so a full disk cannot be shown here.');
	return available;
}

/** Runs `script` (a .ts file) inside a tmpfs of `sizeKb` mounted on a fresh folder; returns its JSON line. */
export async function onSmallDisk<T>(t: ExecutionContext, script: string, sizeKb: number, args: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<T> {
	const mount = await realpath(await mkdtemp(join(tmpdir(), 'ectosmith-small-disk-')));
	t.teardown(async () => rm(mount, {recursive: true, force: true}));
	const child = spawn(
		'unshare',
		['-rm', 'sh', '-c', `m="$1"; shift; mount -t tmpfs -o size=${sizeKb}k tmpfs "$m" && exec "$@"`, 'sh', mount, process.execPath, '--import', tsxLoader, script, mount, ...args],
		{env, stdio: ['ignore', 'pipe', 'pipe']},
	);
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const code = await new Promise<number | null>(resolve => child.on('close', resolve));
	const line = stdout.trim().split('\n').at(-1) ?? '';
	if (code !== 0 || !line.startsWith('{')) throw new Error(`The small-disk script ${script} failed (exit ${code}): ${stderr.trim() || stdout.trim()}`);
	return JSON.parse(line) as T;
}
