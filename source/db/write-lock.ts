import type {EntityManager} from '@mikro-orm/core';

/**
 * Takes SQLite's write lock at the start of a transaction, before anything is read. SQLite cannot
 * upgrade a read transaction while another process writes (it fails with SQLITE_BUSY instead of
 * waiting), so a read-then-write transaction starts with a write that changes nothing.
 */
export async function takeWriteLock(tx: EntityManager): Promise<void> {
	await tx.getConnection().execute('UPDATE mcp_servers SET id = id WHERE 1 = 0', [], 'run', tx.getTransactionContext());
}
