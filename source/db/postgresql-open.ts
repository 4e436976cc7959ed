import {TableExistsException, UniqueConstraintViolationException} from '@mikro-orm/core';
import {DatabaseError} from './database-error.js';
import type {Database} from './database-type.js';
import type {DialectOpening} from './dialect-opening.js';
import {isPostgresRetryable, postgresCodeOf} from './postgresql-error.js';

// duplicate_table, duplicate_object, unique_violation: another process made the same thing first.
const raceStates = new Set(['42P07', '42710', '23505']);

/** Opening a PostgreSQL database: what its schema holds, the races of two first starts. */
export const postgresqlOpening: DialectOpening = {
	async objects(orm: Database): Promise<string[]> {
		// Tables, views and foreign tables of the schema we would write into (sequences and indexes go with their tables).
		const rows = await orm.em.getConnection().execute<Array<{name: string}>>(
			`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm', 'f') order by c.relname`,
		);
		return rows.map(row => row.name);
	},

	async prepare(): Promise<void> {},

	/**
	 * Two processes migrating a new database at once: the loser's create waits for the winner's
	 * commit, then fails as a duplicate; once the winner committed, a retry finds nothing to do.
	 */
	isConcurrentSetupError(error: unknown): boolean {
		if (error instanceof DatabaseError) return false;
		if (error instanceof UniqueConstraintViolationException || error instanceof TableExistsException) return true;
		const code = postgresCodeOf(error);
		return (code !== undefined && raceStates.has(code)) || isPostgresRetryable(error);
	},
};
