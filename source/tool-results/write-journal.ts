/**
 * The write journal: what a tool server is about to write, kept in the project until the client has
 * recorded the call's answer. A client that wants one sends an id in the call's `_meta`
 * (JOURNAL_META_KEY); the server writes the journal before the first byte of its files reaches the
 * disk, marks it written once all are, and the client removes it after recording the answer. When
 * the client died in between (kill -9 of the app), the next start finds the journal beside the
 * unanswered request and records, from it and the disk, what really reached the project.
 */
import {lstat, readFile, rm, rmdir} from 'node:fs/promises';
import {join} from 'node:path';
import {contentSha256} from './content-hash.js';
import type {ResultFile} from './output.js';

/** The `_meta` key of a tools/call request that asks for a journal; its value is the journal's id. */
export const JOURNAL_META_KEY = 'ectosmith/journal';

/** A journal id: letters, digits and dashes (a UUID), so it is a safe file name. */
export function isJournalId(value: unknown): value is string {
	return typeof value === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(value);
}

export interface WriteJournal {
	version: 1;
	/** writing: the files may be partly on disk; written: every file reached the disk. */
	state: 'writing' | 'written';
	/** The files as the call reports them (real actions, hashes before and after). */
	files: ResultFile[];
	/** The folders the write created, relative to the project, outermost first (known once written). */
	created_folders: string[];
}

/** Journals are small JSON; anything larger is not ours. */
const MAX_JOURNAL_BYTES = 64 * 1024 * 1024;

export function journalFolderOf(root: string): string {
	return join(root, '_build', '.ectosmith', 'journal');
}

export function journalFileOf(root: string, id: string): string {
	return join(journalFolderOf(root), `${id}.json`);
}

/** The journal of `id` in the project and when it was last written; undefined when absent or unreadable. */
export async function readJournal(root: string, id: string): Promise<{journal: WriteJournal; writtenAt: Date} | undefined> {
	if (!isJournalId(id)) return undefined;
	const file = journalFileOf(root, id);
	const info = await lstat(file).catch(() => undefined);
	if (!info?.isFile() || info.size > MAX_JOURNAL_BYTES) return undefined;
	try {
		const value = JSON.parse(await readFile(file, 'utf8')) as Partial<WriteJournal>;
		if (value.version !== 1 || !Array.isArray(value.files)) return undefined;
		return {
			journal: {version: 1, state: value.state === 'written' ? 'written' : 'writing', files: value.files, created_folders: Array.isArray(value.created_folders) ? value.created_folders : []},
			writtenAt: info.mtime,
		};
	} catch {
		return undefined;
	}
}

/** Removes the journal of `id`, then its folders when left empty (the project keeps no trace; an empty _build is no loss). */
export async function removeJournal(root: string, id: string): Promise<void> {
	if (!isJournalId(id)) return;
	await rm(journalFileOf(root, id), {force: true}).catch(() => undefined);
	for (const folder of [journalFolderOf(root), join(root, '_build', '.ectosmith'), join(root, '_build')]) await rmdir(folder).catch(() => undefined);
}

/** Bigger than any file a tool writes: beyond it a file is not one the journal's call wrote. */
const MAX_CHECKED_BYTES = 8 * 1024 * 1024;

/**
 * The journal's files that reached the disk, checked against it now: a file holding its written
 * content did; one still as it was before (or still missing, for a new file) did not and is left
 * out. A file that is neither was written and changed since (undo then names it); unchanged files
 * are kept as reported.
 */
export async function filesOnDisk(root: string, journal: WriteJournal): Promise<ResultFile[]> {
	const reached: ResultFile[] = [];
	for (const file of journal.files) {
		if (typeof file?.path !== 'string' || file.path.startsWith('/') || file.path.split('/').includes('..')) continue;
		if (file.action === 'unchanged') {
			reached.push(file);
			continue;
		}

		const now = await hashOf(join(root, file.path));
		const notWritten = now === undefined ? file.sha256_before === null : now === file.sha256_before && now !== file.sha256_after;
		if (!notWritten) reached.push(file);
	}

	return reached;
}

async function hashOf(file: string): Promise<string | undefined> {
	const info = await lstat(file).catch(() => undefined);
	if (!info?.isFile()) return undefined;
	if (info.size > MAX_CHECKED_BYTES) return 'too large to be ours';
	return contentSha256(await readFile(file, 'utf8'));
}
