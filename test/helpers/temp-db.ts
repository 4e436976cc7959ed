import {join} from 'node:path';
import type {ExecutionContext} from 'ava';
import {type Database, openDatabase} from '../../source/db/orm.js';
import {tempDir} from './temp-dir.js';

/** A database file path in a fresh temp folder (the file does not exist yet). */
export function tempDbPath(t: ExecutionContext): string {
	return join(tempDir(t, 'ectosmith-db-'), 'ectosmith.db');
}

/**
 * A migrated (and, unless seed is false, seeded) database in a temp folder; closed and removed when
 * the test ends. The file path is `orm.config.get('dbName')`.
 */
export async function openTempDatabase(t: ExecutionContext, options: {seed?: boolean; dbPath?: string} = {}): Promise<Database> {
	const dbPath = options.dbPath ?? tempDbPath(t);
	const orm = await openDatabase({dbPath, seed: options.seed ?? true});
	// Registered after the folder's teardown, so it runs first (ava runs teardowns in reverse order).
	t.teardown(async () => {
		await orm.close(true);
	});
	return orm;
}
