/**
 * One writing call at a time per project. Without it, two calls running together (a client sending
 * requests in parallel, a call that timed out on the client while the server kept working, or the
 * migration and context servers used side by side) each pick the same migration stamp — ecto then
 * refuses the duplicate version — and each inject into the same context file, the second rename
 * dropping the first call's functions. Calls in one process queue on a promise; across processes
 * they take a lock file inside the project, in `_build/.ectosmith/` (build output no generator
 * reads or writes, ignored by git in Phoenix projects; created 0700 and removed again when empty),
 * so another local user cannot block the project's writes by creating the lock first, as one could
 * in the shared temp folder. When the project cannot hold it (a read-only checkout), the lock goes
 * to a per-user runtime folder ($XDG_RUNTIME_DIR, else the temp folder, in a 0700 folder owned by
 * the user). A lock whose holder is dead does not block.
 */
import {createHash, randomBytes} from 'node:crypto';
import type {Stats} from 'node:fs';
import {chmod, lstat, mkdir, open, readFile, realpath, rm, rmdir, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {ProjectError} from '../../phoenix-project/project-config.js';
import {isInside, resolveProjectRoot} from '../../phoenix-project/read-project.js';
import {isProcessAlive} from '../../process-alive.js';

const queues = new Map<string, Promise<unknown>>();

/** Runs `work` while holding the lock of the project at `root` (its real path). */
export async function withProjectLock<T>(root: string, work: () => Promise<T>): Promise<T> {
	const previous = queues.get(root) ?? Promise.resolve();
	const run = previous
		.catch(() => undefined)
		.then(async () => {
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

/** Where the cross-process lock of a project lives when the project can hold it. */
export function lockFileOf(root: string): string {
	return join(root, '_build', '.ectosmith', 'write.lock');
}

/** The per-user folder for the lock of a project that cannot hold its own. */
export function runtimeLockFileOf(root: string): string {
	const uid = process.getuid?.() ?? 0;
	const base = process.env['XDG_RUNTIME_DIR']?.startsWith('/') ? process.env['XDG_RUNTIME_DIR'] : tmpdir();
	return join(base, `ectosmith-${uid}`, `project-${createHash('sha256').update(root).digest('hex').slice(0, 24)}.lock`);
}

/** A folder that is ours: a real folder (not a link), owned by this user, closed to others. */
function isPrivate(info: Stats | undefined): boolean {
	const uid = process.getuid?.();
	return info?.isDirectory() === true && (uid === undefined || info.uid === uid) && (info.mode & 0o022) === 0;
}

async function isPrivateFolder(folder: string): Promise<boolean> {
	return isPrivate(await lstat(folder).catch(() => undefined));
}

interface LockPlace {
	file: string;
	/** Folders this acquisition created, innermost first: removed on release when empty. */
	created: string[];
}

/** Errors that say the project cannot hold the lock (rather than that a releaser raced us). */
const CANNOT_HOLD = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ELOOP', 'ENOSPC', 'EDQUOT']);

/** Makes the folder of the lock: in the project when it can hold it, else the runtime folder. */
async function lockPlace(root: string): Promise<LockPlace> {
	const build = join(root, '_build');
	const folder = join(build, '.ectosmith');
	// Another call releasing its lock removes these folders when empty: a folder that vanishes
	// between two steps is made again, never taken as a reason to lock elsewhere.
	for (let attempt = 0; attempt < 50; attempt++) {
		try {
			const buildInfo = await lstat(build).catch(() => undefined);
			if (buildInfo !== undefined && !buildInfo.isDirectory() && !(buildInfo.isSymbolicLink() && isInside(root, await realpath(build)))) break;
			const first = await mkdir(folder, {recursive: true, mode: 0o700});
			const created = first === undefined ? [] : first === build ? [folder, build] : [folder];
			if (first === build) await chmod(build, 0o755).catch(() => undefined);
			const info = await lstat(folder).catch(() => undefined);
			if (info === undefined) continue;
			if (isPrivate(info)) return {file: lockFileOf(root), created};
			break;
		} catch (error) {
			if (CANNOT_HOLD.has((error as NodeJS.ErrnoException).code ?? '')) break;
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		}
	}

	const file = runtimeLockFileOf(root);
	const runtime = join(file, '..');
	await mkdir(runtime, {mode: 0o700}).catch((error: NodeJS.ErrnoException) => {
		if (error.code !== 'EEXIST') throw error;
	});
	if (!(await isPrivateFolder(runtime))) {
		throw new ProjectError(`Cannot lock ${root} for writing: ${runtime} is not a private folder of this user (it must be a folder owned by you, not writable by others).`);
	}

	return {file, created: []};
}

const WAIT_MS = 25;
const GIVE_UP_MS = 60_000;
/** Tool calls take well under a second; a lock this old was left by a holder that is gone. */
const STALE_MS = 120_000;

async function acquireFileLock(root: string): Promise<() => Promise<void>> {
	const token = `${process.pid} ${randomBytes(8).toString('hex')}`;
	const started = Date.now();
	for (;;) {
		const {file, created} = await lockPlace(root);
		try {
			const handle = await open(file, 'wx', 0o600);
			const cleanUp = async () => {
				// Leave no trace in the project: the folders go again when no other call uses them.
				for (const folder of [join(file, '..'), ...created.filter(folder => folder !== join(file, '..'))]) {
					if (folder.startsWith(root)) await rmdir(folder).catch(() => undefined);
				}
			};

			try {
				await handle.writeFile(token, 'utf8');
			} catch (error) {
				// A full disk creates the file but takes no byte of it: no empty lock may stay behind.
				await handle.close().catch(() => undefined);
				await rm(file, {force: true});
				await cleanUp();
				throw lockWriteError(root, file, error);
			}

			await handle.close();
			return async () => {
				const current = await readFile(file, 'utf8').catch(() => undefined);
				if (current === token) await rm(file, {force: true});
				await cleanUp();
			};
		} catch (error) {
			// ENOENT: another call removed the folder on release meanwhile; make it again.
			const code = (error as NodeJS.ErrnoException).code;
			if (code !== 'EEXIST' && code !== 'ENOENT') throw error;
			if (code === 'ENOENT') continue;
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

		await new Promise(resolve => setTimeout(resolve, WAIT_MS));
	}
}

/** One line for a lock that could not be written, the disk-full case named as such. */
function lockWriteError(root: string, file: string, error: unknown): Error {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOSPC' || code === 'EDQUOT') {
		const full = code === 'ENOSPC' ? 'no space is left on its disk' : 'its disk quota is used up';
		return new ProjectError(`Cannot write into ${root}: ${full} (${code}), not even the few bytes of the write lock ${file}. Free some space and run the call again.`);
	}

	return new ProjectError(`Cannot write into ${root}: the write lock ${file} could not be written (${code ?? (error instanceof Error ? error.message : String(error))}).`);
}

async function isStale(file: string): Promise<boolean> {
	const [text, info] = await Promise.all([readFile(file, 'utf8').catch(() => undefined), stat(file).catch(() => undefined)]);
	if (text === undefined || info === undefined) return false; // released meanwhile: just retry
	if (Date.now() - info.mtimeMs > STALE_MS) return true;
	const pid = Number.parseInt(text.split(' ')[0] ?? '', 10);
	if (!Number.isInteger(pid) || pid <= 0) return Date.now() - info.mtimeMs > 1000; // being written, or garbage
	return !isProcessAlive(pid);
}
