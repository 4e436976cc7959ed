/**
 * Every Recorder operation goes through here: its own fork of the entity manager, waits and
 * retries while another process holds the lock, and what SQLite says turned into a one-line
 * DatabaseError naming what failed and what to do, never the SQL.
 */
import type {EntityManager, MikroORM} from '@mikro-orm/core';
import {DatabaseError, explainDatabaseError} from '../db/database-error.js';
import {databaseLocation} from '../db/dialect.js';
import {retryWhileBusy} from '../db/retry-busy.js';

export class DatabaseGuard {
	private readonly dbPath: string;
	/** A write gave up on the lock and nothing succeeded since. */
	lockedOut = false;

	constructor(
		private readonly orm: MikroORM,
		/** How long an operation waits for another process's lock, retrying. */
		readonly waitMs: number,
	) {
		this.dbPath = databaseLocation(orm);
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
