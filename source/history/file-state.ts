/**
 * A project file as undo sees it: its identity (never following a final symlink) and whether its
 * content is the recorded one. The content is read only when the file has exactly the recorded
 * size, so a file grown to any size since is never read whole: the record bounds every read.
 */
import {lstat} from 'node:fs/promises';
import {readRegularFile, UnreadableFileError} from '../phoenix-project/read-regular.js';
import {contentSha256} from '../tool-results/content-hash.js';

export interface FileIdentity {
	dev: number;
	ino: number;
	size: number;
	mtimeMs: number;
}

/** The file's identity now; undefined when nothing is there. */
export async function fileIdentity(absolute: string): Promise<FileIdentity | undefined> {
	const info = await lstat(absolute).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
		throw error;
	});
	return info && {dev: info.dev, ino: info.ino, size: info.size, mtimeMs: info.mtimeMs};
}

export function sameIdentity(a: FileIdentity | undefined, b: FileIdentity | undefined): boolean {
	if (a === undefined || b === undefined) return a === b;
	return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** Whether the file holds the text `expected` hashes to `sha256` (`bytes` long), reading at most that. */
export async function holdsContent(absolute: string, identity: FileIdentity, sha256: string, bytes: number): Promise<boolean> {
	if (identity.size !== bytes) return false;
	try {
		const text = await readRegularFile(absolute, absolute, bytes);
		return text !== undefined && contentSha256(text) === sha256;
	} catch (error) {
		// Grown past the recorded size since the look, or no longer a regular file: not the content.
		if (error instanceof UnreadableFileError) return false;
		throw error;
	}
}
