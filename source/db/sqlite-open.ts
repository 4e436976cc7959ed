import {TableExistsException, UniqueConstraintViolationException} from '@mikro-orm/core';
import {DatabaseError, isBusyError, sqliteSays} from './database-error.js';
import type {Database} from './database-type.js';
import type {DialectOpening} from './dialect-opening.js';

/** Opening an SQLite file: what it holds, WAL once it is known to be ours, the races of a new file. */
export const sqliteOpening: DialectOpening = {
	async objects(orm: Database): Promise<string[]> {
		// Every table, index, view and trigger but SQLite's own (sqlite_sequence...).
		const rows = await orm.em.getConnection().execute<Array<{name: string}>>('select name from sqlite_master order by name');
		return rows.map(row => row.name).filter(name => !name.startsWith('sqlite_'));
	},

	async prepare(orm: Database): Promise<void> {
		// Persistent for the file: readers never block the writer, so a TUI and a headless run can share it.
		await orm.em.getConnection().execute('PRAGMA journal_mode = WAL');
	},

	/**
	 * Two processes opening a brand-new file at once both see it empty; the loser's migration or seed
	 * fails on the winner's tables or rows, or with SQLITE_BUSY when its read transaction cannot be
	 * upgraded to a write (SQLite does not wait in that case).
	 */
	isConcurrentSetupError(error: unknown): boolean {
		if (error instanceof DatabaseError) return false;
		// The ORM converts the errors of its own queries (the seed's flush); raw statements and migrations give the driver's.
		if (error instanceof UniqueConstraintViolationException || error instanceof TableExistsException) return true;
		return isBusyError(error) || sqliteSays(error, 'tableExists') !== undefined || sqliteSays(error, 'unique') !== undefined;
	},
};
