import type {Database} from './database-type.js';

/** What opening a database does differently per dialect (sqlite-open.ts, postgresql-open.ts). */
export interface DialectOpening {
	/** The names of the tables (and, for SQLite, indexes, views, triggers) the database holds, but the dialect's own. */
	objects(orm: Database): Promise<string[]>;
	/** Settings made once the database is known to be ours. */
	prepare(orm: Database): Promise<void>;
	/** A failure of a first migration or seed because another process did the same at the same time. */
	isConcurrentSetupError(error: unknown): boolean;
}
