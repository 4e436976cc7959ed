/**
 * Every Recorder operation goes through here: its own fork of the entity manager, waits and
 * retries while another process holds the lock, and what SQLite says turned into a one-line
 * DatabaseError naming what failed and what to do, never the SQL.
 */
import {statSync} from 'node:fs';
import {stat} from 'node:fs/promises';
import type {EntityManager, MikroORM} from '@mikro-orm/core';
import {DatabaseError, explainDatabaseError} from '../db/database-error.js';
import {databaseLocation, dialectOfOrm} from '../db/dialect.js';
import {retryWhileBusy} from '../db/retry-busy.js';

export class DatabaseGuard {
	private readonly dbPath: string;
	/** A write gave up on the lock and nothing succeeded since. */
	lockedOut = false;

	/** The SQLite file as it was opened (device and inode), to notice it deleted or replaced. */
	private readonly opened: {dev: number; ino: number} | undefined;

	constructor(
		private readonly orm: MikroORM,
		/** How long an operation waits for another process's lock, retrying. */
		readonly waitMs: number,
	) {
		this.dbPath = databaseLocation(orm);
		const info = dialectOfOrm(orm) === 'sqlite' ? statSync(this.dbPath, {throwIfNoEntry: false}) : undefined;
		this.opened = info === undefined ? undefined : {dev: info.dev, ino: info.ino};
	}

	/**
	 * Why what was written is not in the database file any more: SQLite goes on writing into a file
	 * deleted (or replaced) under it, and every write succeeds into nothing. Undefined when it is there.
	 */
	async fileLost(): Promise<DatabaseError | undefined> {
		if (this.opened === undefined) return undefined;
		const now = await stat(this.dbPath).catch(() => undefined);
		if (now?.dev === this.opened.dev && now.ino === this.opened.ino) return undefined;
		const what = now === undefined ? 'was deleted' : 'was replaced by another file';
		return new DatabaseError(`The database ${this.dbPath} ${what} while this run recorded into it: the record of this execution is lost (the files the run wrote stay in the project).`);
	}

	/** Runs one database operation on a fresh fork, again while the database is locked. */
	async run<T>(doing: string, operation: (em: EntityManager) => Promise<T>, waitMs = this.waitMs): Promise<T> {
		const started = Date.now();
		try {
			const result = await retryWhileBusy(async () => operation(this.orm.em.fork()), {waitMs});
			this.lockedOut = false;
			return result;
		} catch (error) {
			const explained = explainDatabaseError(this.dbPath, error, {doing, waitedMs: Date.now() - started});
			if (explained instanceof DatabaseError && explained.isBusy) this.lockedOut = true;
			throw explained;
		}
	}
}
