import type {EntityManager} from '@mikro-orm/core';
import {dialectOfOrm} from './dialect.js';

// One key for every ectosmith writer of a PostgreSQL database (any 64-bit number no other program uses).
const postgresLockKey = 0x65_63_74_6f_73_6d;

/**
 * Takes the database's write lock at the start of a read-then-write transaction, before anything
 * is read, so two processes' transactions (a config change, a seed, a copy) run one after the
 * other. SQLite cannot upgrade a read transaction while another process writes (it fails with
 * SQLITE_BUSY instead of waiting): a write that changes nothing takes its lock. PostgreSQL reads
 * without locks, so two such transactions would both read the old rows: a transaction-scoped
 * advisory lock, released at commit or rollback, serializes them.
 */
export async function takeWriteLock(tx: EntityManager): Promise<void> {
	const connection = tx.getConnection();
	if (dialectOfOrm(tx) === 'postgresql') {
		await connection.execute(`select pg_advisory_xact_lock(${postgresLockKey})`, [], 'run', tx.getTransactionContext());
		return;
	}

	await connection.execute('UPDATE mcp_servers SET id = id WHERE 1 = 0', [], 'run', tx.getTransactionContext());
}
