import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {ExecutionContext} from 'ava';
import {openDatabase, type Database} from '../../source/db/orm.js';

/** A fresh temp folder removed when the test ends. */
export function tempDir(t: ExecutionContext, prefix = 'ectosmith-test-'): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	t.teardown(() => {
		rmSync(dir, {recursive: true, force: true});
	});
	return dir;
}

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

/** The file URL of tsx's loader, for `node --import <it>` children run from any cwd. */
export const tsxLoader = import.meta.resolve('tsx');
