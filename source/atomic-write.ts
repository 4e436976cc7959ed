/**
 * A file written whole or not at all: the text goes to a temp file in the same folder, is synced,
 * then renamed over the target (or, with `exclusive`, hard-linked to its name, which fails with
 * EEXIST when the name is taken and never replaces a file that appeared meanwhile); the folder is
 * synced last. The one implementation for project files, exports, the price table, client files
 * and scripted fixtures. Our own rather than write-file-atomic: its current majors need a newer
 * Node than our floor (20), and it has no exclusive mode; this is all of it.
 */
import {randomBytes} from 'node:crypto';
import {closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {link, open, rename, rm, stat} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';

export interface AtomicWriteOptions {
	/** Permissions of a new file; an existing file keeps its own unless given. Default 0o644. */
	mode?: number;
	/** Fail with EEXIST instead of replacing a file already there. */
	exclusive?: boolean;
}

function tempBeside(file: string): string {
	return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

export async function writeFileAtomic(file: string, content: string, options: AtomicWriteOptions = {}): Promise<void> {
	const temp = tempBeside(file);
	const mode =
		options.mode ??
		(await stat(file)
			.then(info => info.mode & 0o777)
			.catch(() => 0o644));
	try {
		const handle = await open(temp, 'wx', mode);
		try {
			await handle.writeFile(content, 'utf8');
			await handle.sync();
		} finally {
			await handle.close();
		}

		await (options.exclusive ? link(temp, file) : rename(temp, file));
	} finally {
		await rm(temp, {force: true});
	}

	const folder = await open(dirname(file), 'r').catch(() => undefined);
	if (folder) {
		await folder.sync().catch(() => undefined);
		await folder.close();
	}
}

/** As writeFileAtomic, for callers that are synchronous. */
export function writeFileAtomicSync(file: string, content: string, options: AtomicWriteOptions = {}): void {
	const temp = tempBeside(file);
	const mode = options.mode ?? (statSync(file, {throwIfNoEntry: false})?.mode ?? 0o644) & 0o777;

	try {
		const handle = openSync(temp, 'wx', mode);
		try {
			writeFileSync(handle, content, 'utf8');
			fsyncSync(handle);
		} finally {
			closeSync(handle);
		}

		if (options.exclusive) linkSync(temp, file);
		else renameSync(temp, file);
	} finally {
		rmSync(temp, {force: true});
	}

	let folder: number | undefined;
	try {
		folder = openSync(dirname(file), 'r');
		fsyncSync(folder);
	} catch {
		// A folder some file systems cannot sync: the rename is done all the same.
	} finally {
		if (folder !== undefined) closeSync(folder);
	}
}
