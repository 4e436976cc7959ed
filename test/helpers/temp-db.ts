import {join} from 'node:path';
import test, {type ExecutionContext} from 'ava';
import type {Dialect} from '../../source/db/database-url.js';
import {databaseLocation} from '../../source/db/dialect.js';
import {type Database, openDatabase} from '../../source/db/orm.js';
import {freshPostgresUrl, pgBin, registerPostgresHooks} from './postgres.js';
import {tempDir} from './temp-dir.js';

/** A database file path in a fresh temp folder (the file does not exist yet). */
export function tempDbPath(t: ExecutionContext): string {
	return join(tempDir(t, 'ectosmith-db-'), 'ectosmith.db');
}

/** A location of the dialect that does not hold a database yet: a file path, or an empty PostgreSQL database's URL. */
export async function tempDbLocation(t: ExecutionContext, dialect: Dialect = 'sqlite'): Promise<string> {
	return dialect === 'postgresql' ? freshPostgresUrl() : tempDbPath(t);
}

/**
 * A migrated (and, unless seed is false, seeded) database in a temp folder (or, for postgresql, a
 * fresh database on the test server); closed when the test ends. Its location is
 * `databaseLocation(orm)`.
 */
export async function openTempDatabase(t: ExecutionContext, options: {seed?: boolean; dbPath?: string; dialect?: Dialect} = {}): Promise<Database> {
	const dbPath = options.dbPath ?? (await tempDbLocation(t, options.dialect));
	const orm = await openDatabase({dbPath, seed: options.seed ?? true});
	// Registered after the folder's teardown, so it runs first (ava runs teardowns in reverse order).
	t.teardown(async () => {
		await orm.close(true);
	});
	return orm;
}

/** Where an open test database lives, to open it again (a file path or a URL). */
export function locationOf(orm: Database): string {
	return databaseLocation(orm);
}

type Implementation = (t: ExecutionContext, dialect: Dialect) => Promise<void> | void;

/**
 * Registers a test once per dialect, titled "<title> [sqlite]" and "<title> [postgresql]"; the
 * PostgreSQL one only where its binaries are installed (see registerPostgresHooks).
 */
export function eachDialect(title: string, implementation: Implementation): void {
	register(test, title, implementation);
}

eachDialect.serial = (title: string, implementation: Implementation): void => {
	register(test.serial, title, implementation);
};

function register(define: typeof test | typeof test.serial, title: string, implementation: Implementation): void {
	registerPostgresHooks();
	define(`${title} [sqlite]`, async t => implementation(t, 'sqlite'));
	if (pgBin !== undefined) define(`${title} [postgresql]`, async t => implementation(t, 'postgresql'));
}
