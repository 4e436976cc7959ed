/**
 * One writing call at a time per project. Without it, two calls running together (a client sending
 * requests in parallel, a call that timed out on the client while the server kept working, or the
 * migration and context servers used side by side) each pick the same migration stamp — ecto then
 * refuses the duplicate version — and each inject into the same context file, the second rename
 * dropping the first call's functions. Calls in one process queue on a promise; across processes
 * they take a lock file in the system temp folder (never in the user's project), which a dead
 * holder does not keep.
 */
import {createHash, randomBytes} from 'node:crypto';
import {open, readFile, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {isProcessAlive} from '../process-alive.js';
import {ProjectError} from './project-config.js';
import {resolveProjectRoot} from './project.js';

const queues = new Map<string, Promise<unknown>>();

/** Runs `work` while holding the lock of the project at `root` (its real path). */
export async function withProjectLock<T>(root: string, work: () => Promise<T>): Promise<T> {
	const previous = queues.get(root) ?? Promise.resolve();
	const run = previous.catch(() => undefined).then(async () => {
		const release = await acquireFileLock(root);
		try {
			return await work();
		} finally {
			await release();
		}
	});
	const tail = run.catch(() => undefined);
	queues.set(root, tail);
	void tail.then(() => {
		if (queues.get(root) === tail) queues.delete(root);
	});
	return run;
}

/** withProjectLock for a tool call's `project_path` (absolute or relative to `cwd`). */
export async function withProjectPathLock<T>(projectPath: string, cwd: string, work: () => Promise<T>): Promise<T> {
	return withProjectLock(await resolveProjectRoot(projectPath, cwd), work);
}

/** Where the cross-process lock of a project lives. */
export function lockFileOf(root: string): string {
	return join(tmpdir(), `ectosmith-project-${createHash('sha256').update(root).digest('hex').slice(0, 24)}.lock`);
}

const WAIT_MS = 25;
const GIVE_UP_MS = 60_000;
/** Tool calls take well under a second; a lock this old was left by a holder that is gone. */
const STALE_MS = 120_000;

async function acquireFileLock(root: string): Promise<() => Promise<void>> {
	const file = lockFileOf(root);
	const token = `${process.pid} ${randomBytes(8).toString('hex')}`;
	const started = Date.now();
	for (;;) {
		try {
			const handle = await open(file, 'wx', 0o644);
			try {
				await handle.writeFile(token, 'utf8');
			} finally {
				await handle.close();
			}

			return async () => {
				const current = await readFile(file, 'utf8').catch(() => undefined);
				if (current === token) await rm(file, {force: true});
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}

		if (await isStale(file)) {
			await rm(file, {force: true}).catch(() => undefined);
			continue;
		}

		if (Date.now() - started > GIVE_UP_MS) {
			throw new ProjectError(
				`Another ectosmith tool call has been writing into ${root} for over ${GIVE_UP_MS / 1000} s (lock file ${file}); try again later, or delete that file if no ectosmith tool is running.`,
			);
		}

		await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
	}
}

async function isStale(file: string): Promise<boolean> {
	const [text, info] = await Promise.all([readFile(file, 'utf8').catch(() => undefined), stat(file).catch(() => undefined)]);
	if (text === undefined || info === undefined) return false; // released meanwhile: just retry
	if (Date.now() - info.mtimeMs > STALE_MS) return true;
	const pid = Number.parseInt(text.split(' ')[0] ?? '', 10);
	if (!Number.isInteger(pid) || pid <= 0) return Date.now() - info.mtimeMs > 1000; // being written, or garbage
	return !isProcessAlive(pid);
}
