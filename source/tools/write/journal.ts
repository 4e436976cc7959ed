/**
 * The server's side of the write journal (tool-results/write-journal.ts): a call whose request
 * carries a journal id runs with it in scope, and applyFiles writes the journal (0600, atomic)
 * before committing and marks it written after. A call without one writes no journal.
 */
import {AsyncLocalStorage} from 'node:async_hooks';
import {lstat, mkdir, readdir, rm} from 'node:fs/promises';
import {join} from 'node:path';
import {writeFileAtomic} from '../../atomic-write.js';
import {isRecord} from '../../is-record.js';
import type {ResultFile} from '../../tool-results/output.js';
import {isJournalId, JOURNAL_META_KEY, journalFileOf, journalFolderOf, removeJournal, type WriteJournal} from '../../tool-results/write-journal.js';

const current = new AsyncLocalStorage<string | undefined>();

/** Runs one tool call with the journal id its request's `_meta` asks for, if any. */
export async function withJournalOf<T>(meta: unknown, body: () => Promise<T>): Promise<T> {
	const id = isRecord(meta) ? meta[JOURNAL_META_KEY] : undefined;
	return current.run(isJournalId(id) ? id : undefined, body);
}

/** A journal this old was left by a client that answered without it (a call it timed out on) or by another database. */
const STALE_MS = 7 * 24 * 60 * 60 * 1000;

async function pruneStale(folder: string): Promise<void> {
	for (const name of await readdir(folder).catch(() => [])) {
		if (!name.endsWith('.json')) continue;
		const file = join(folder, name);
		const info = await lstat(file).catch(() => undefined);
		if (info?.isFile() && Date.now() - info.mtimeMs > STALE_MS) await rm(file, {force: true}).catch(() => undefined);
	}
}

/** The journal of the call in scope: write() before the commit, written() after, discard() when nothing was written. */
export function callJournal(root: string): {write(files: ResultFile[]): Promise<void>; written(files: ResultFile[], createdFolders: string[]): Promise<void>; discard(): Promise<void>} | undefined {
	const id = current.getStore();
	if (id === undefined) return undefined;
	const save = async (journal: WriteJournal) => {
		await mkdir(journalFolderOf(root), {recursive: true, mode: 0o700});
		await writeFileAtomic(journalFileOf(root, id), JSON.stringify(journal), {mode: 0o600});
		await pruneStale(journalFolderOf(root));
	};

	return {
		write: async files => save({version: 1, state: 'writing', files, created_folders: []}),
		written: async (files, createdFolders) => save({version: 1, state: 'written', files, created_folders: createdFolders}),
		discard: async () => removeJournal(root, id),
	};
}
