/**
 * The one guarded path by which the tool servers write into a user's project. A call's files are
 * all checked first (inside the root after resolving symlinks, no differing file replaced without
 * overwrite), then written atomically one by one (temp file in the same folder, fsync, rename);
 * if a write fails, the files already written by the call are restored.
 */
import {lstat, mkdir, realpath, rm, rmdir, stat} from 'node:fs/promises';
import {dirname, join, relative, sep} from 'node:path';
import {writeFileAtomic} from '../../atomic-write.js';
import {EctosmithError} from '../../errors.js';
import {isInside} from '../../phoenix-project/read-project.js';
import {readRegularFile} from '../../phoenix-project/read-regular.js';
import type {FileAction} from '../../tool-results/read-result.js';

/** A write the guard refused; the message names the file and what to do instead. */
export class WriteRefusedError extends EctosmithError {
	/** The project file refused (relative to the root), when the refusal is about one file. */
	readonly path: string | undefined;

	constructor(message: string, options: {path?: string} = {}) {
		super(message);
		this.name = 'WriteRefusedError';
		this.path = options.path;
	}
}

export interface FileToWrite {
	/** Relative to the project root, '/' separated. */
	path: string;
	content: string;
	/**
	 * The content was computed from the file's current text (an injection before the final `end`):
	 * replacing the file then needs no overwrite.
	 */
	derivedFromExisting?: boolean;
}

export interface PlannedWrite {
	path: string;
	absolute: string;
	content: string;
	action: FileAction;
	/** The current text when the file exists. */
	previous?: string;
}

/** Checks a relative path's shape (no absolute, `..`, empty or odd segments). */
export function assertRelativePath(path: string): void {
	const bad =
		typeof path !== 'string' ||
		path === '' ||
		path.includes('\0') ||
		path.includes('\\') ||
		path.startsWith('/') ||
		/^[a-zA-Z]:/.test(path) ||
		path.split('/').some(segment => segment === '' || segment === '.' || segment === '..');
	if (bad) {
		throw new WriteRefusedError(`Refusing to write "${String(path)}": paths must be relative to the project root, '/' separated, without "..", "." or empty segments.`, {path: String(path)});
	}
}

/**
 * Resolves where `path` lands and refuses anything that would leave the root: existing folders on
 * the way are resolved with realpath (so a symlinked lib/ pointing elsewhere is caught), the file
 * itself must not be a symlink or a folder (with `kind: 'folder'`, it must be a real folder).
 */
export async function resolveInsideRoot(root: string, path: string, kind: 'file' | 'folder' = 'file'): Promise<string> {
	assertRelativePath(path);
	const realRoot = await realpath(root);
	const segments = path.split('/');
	let current = realRoot;
	for (const [index, segment] of segments.entries()) {
		const next = join(current, segment);
		const info = await lstat(next).catch(() => undefined);
		const isLast = index === segments.length - 1;
		if (!info) {
			// Missing from here on: it will be created inside `current`, which is inside the root.
			return join(current, ...segments.slice(index));
		}

		if (isLast) {
			if (info.isSymbolicLink()) {
				throw new WriteRefusedError(`Refusing to write "${path}": it is a symbolic link; replace it by a regular file first.`, {path});
			}

			if (kind === 'folder' ? !info.isDirectory() : !info.isFile()) {
				throw new WriteRefusedError(`Refusing to write "${path}": it exists and is not a ${kind === 'folder' ? 'folder' : 'regular file'}.`, {path});
			}

			return next;
		}

		if (info.isSymbolicLink()) {
			const target = await realpath(next).catch(() => undefined);
			if (!target) {
				throw new WriteRefusedError(
					`Refusing to write "${path}": "${segments.slice(0, index + 1).join('/')}" is a symbolic link that cannot be resolved (it loops or points to nothing); replace it by a folder first.`,
					{path},
				);
			}

			if (!isInside(realRoot, target)) {
				throw new WriteRefusedError(`Refusing to write "${path}": "${segments.slice(0, index + 1).join('/')}" is a symbolic link that points outside the project root.`, {path});
			}

			current = target;
		} else {
			current = next;
		}

		const folder = await stat(current).catch(() => undefined);
		if (!folder?.isDirectory()) {
			throw new WriteRefusedError(`Refusing to write "${path}": "${segments.slice(0, index + 1).join('/')}" exists and is not a folder.`, {path});
		}
	}

	return current;
}

/** Decides every file's action without writing; throws WriteRefusedError for the first refusal. */
export async function planWrites(root: string, files: FileToWrite[], options: {overwrite: boolean}): Promise<PlannedWrite[]> {
	const plans: PlannedWrite[] = [];
	const seen = new Set<string>();
	for (const file of files) {
		const absolute = await resolveInsideRoot(root, file.path);
		if (seen.has(absolute)) throw new WriteRefusedError(`Refusing to write "${file.path}" twice in one call.`, {path: file.path});
		seen.add(absolute);
		const previous = await readRegularFile(absolute, file.path);
		let action: FileAction;
		if (previous === undefined) action = 'created';
		else if (previous === file.content) action = 'unchanged';
		else if (file.derivedFromExisting) action = 'injected';
		else if (options.overwrite) action = 'overwritten';
		else {
			throw new WriteRefusedError(`Refusing to replace "${file.path}": it already exists with different content. Pass overwrite: true to replace it, or choose another name.`, {path: file.path});
		}

		plans.push(previous === undefined ? {path: file.path, absolute, content: file.content, action} : {path: file.path, absolute, content: file.content, action, previous});
	}

	return plans;
}

/**
 * A write that the file system refused (permissions, full disk, read-only mount...). `restored`
 * says whether every file the call had already written was put back as it was.
 */
export class WriteFailedError extends EctosmithError {
	constructor(
		message: string,
		readonly restored: boolean,
	) {
		super(message);
		this.name = 'WriteFailedError';
	}
}

/**
 * Writes the planned files (skipping unchanged ones); on failure restores what this call wrote.
 * Returns the folders it created for them (relative to the root, '/' separated, outermost first),
 * so the call can report them and an undo can remove them again.
 */
export async function commitWrites(root: string, plans: PlannedWrite[]): Promise<string[]> {
	// Nothing may have changed since planning: re-check before the first byte is written.
	for (const plan of plans) {
		const absolute = await resolveInsideRoot(root, plan.path);
		const current = await readRegularFile(absolute, plan.path).catch(() => undefined);
		if (absolute !== plan.absolute || current !== plan.previous) {
			throw new WriteRefusedError(`Refusing to write "${plan.path}": it changed while the files were being prepared; try again.`, {path: plan.path});
		}
	}

	const done: PlannedWrite[] = [];
	// Folders this call created, deepest last, removed again (when still empty) if the call fails.
	const createdFolders: string[] = [];
	let current: PlannedWrite | undefined;
	try {
		for (const plan of plans) {
			if (plan.action === 'unchanged') continue;
			current = plan;
			const first = await mkdir(dirname(plan.absolute), {recursive: true});
			if (first !== undefined) createdFolders.push(...foldersFrom(first, dirname(plan.absolute)));
			// mkdir may have followed nothing new, but check again that the folder is still inside.
			const folder = await realpath(dirname(plan.absolute));
			if (!isInside(await realpath(root), folder)) {
				throw new WriteRefusedError(`Refusing to write "${plan.path}": its folder resolves outside the project root.`, {path: plan.path});
			}

			await writeFileAtomic(plan.absolute, plan.content);
			done.push(plan);
		}
	} catch (error) {
		const unrestored: string[] = [];
		for (const plan of done.reverse()) {
			try {
				if (plan.previous === undefined) await rm(plan.absolute, {force: true});
				else await writeFileAtomic(plan.absolute, plan.previous);
			} catch {
				unrestored.push(plan.path);
			}
		}

		for (const folder of [...createdFolders].reverse()) await rmdir(folder).catch(() => undefined);
		if (error instanceof WriteRefusedError) throw error;
		const what = current ? `"${current.path}"` : 'the files';
		const reason = describeFsError(error);
		const undo =
			unrestored.length === 0
				? done.length > 0
					? ` The ${done.length} file(s) this call had already written were restored.`
					: ''
				: ` These files written by this call could not be restored and may need fixing by hand: ${unrestored.join(', ')}.`;
		throw new WriteFailedError(`Could not write ${what}: ${reason}. Check that the project folder is writable and the disk has space.${undo}`, unrestored.length === 0);
	}

	const realRoot = await realpath(root);
	return createdFolders.map(folder => relative(realRoot, folder).split(sep).join('/'));
}

/** The folders from `first` (the first one mkdir created) down to `last`, outermost first. */
function foldersFrom(first: string, last: string): string[] {
	const chain: string[] = [];
	for (let folder = last; ; folder = dirname(folder)) {
		chain.unshift(folder);
		if (folder === first || dirname(folder) === folder) break;
	}

	return chain;
}

function describeFsError(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	const reasons: Record<string, string> = {
		EACCES: 'permission denied',
		EPERM: 'operation not permitted',
		EROFS: 'the file system is read-only',
		ENOSPC: 'no space left on the device',
		EDQUOT: 'the disk quota is exceeded',
		ENAMETOOLONG: 'the path is too long',
		EISDIR: 'a folder is in the way',
		ENOTDIR: 'a file is in the way of a folder',
	};
	if (code && reasons[code]) return `${reasons[code]} (${code})`;
	return error instanceof Error ? error.message : String(error);
}

/** The current text of a project file, read through the same guard; undefined when missing. */
export async function readExisting(root: string, path: string): Promise<string | undefined> {
	const absolute = await resolveInsideRoot(root, path);
	return readRegularFile(absolute, path);
}
