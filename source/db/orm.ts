import {MikroORM, TableExistsException, UniqueConstraintViolationException} from '@mikro-orm/sqlite';
import {migrationsList} from '../../migrations/sqlite/index.js';
import {retry} from '../retry.js';
import {ormConfig} from './config.js';
import {DatabaseError, explainDatabaseError, isBusyError, prepareLocation, sqliteSays} from './database-error.js';
import {defaultDbPath} from './db-path.js';
import {createPrivateFile} from './private-file.js';
import {type SeedReport, seedIfEmpty} from './seed.js';

export type Database = MikroORM;

export {DatabaseError, explainDatabaseError, isBusyError} from './database-error.js';
export {resolveDbPath} from './db-path.js';

export interface OpenOptions {
	dbPath: string;
	/** Apply pending migrations (default true). */
	migrate?: boolean;
	/** Import the package's fixtures when the database has no workflows and no servers (default true). */
	seed?: boolean;
	/**
	 * Create the database's folder when missing. Default: only for the default location (under
	 * XDG_DATA_HOME); a path the user chose must be in a folder that exists.
	 */
	createFolder?: boolean;
	/** How long a statement waits for another process's lock (default ECTOSMITH_DB_WAIT_SECONDS, else 30 s; capped per statement). */
	waitMs?: number;
}

/** What opening did: the migrations applied (empty when up to date) and the first-run seeding, if any. */
export interface OpenReport {
	orm: MikroORM;
	applied: string[];
	seeded?: SeedReport;
}

/** Open the database file (creating its folder), apply pending migrations and seed a fresh one. */
export async function openDatabase(options: OpenOptions): Promise<MikroORM> {
	return (await openDatabaseReporting(options)).orm;
}

/**
 * openDatabase, also telling what it did. Problems with the file (a folder, not a database, not
 * writable, made by another program or a newer ectosmith) become a DatabaseError naming the file
 * and what to do. Another program's database is refused before anything is written to it.
 */
export async function openDatabaseReporting(options: OpenOptions): Promise<OpenReport> {
	const {dbPath} = options;
	prepareLocation(dbPath, {createFolder: options.createFolder ?? dbPath === defaultDbPath()});
	createPrivateFile(dbPath);
	let orm: MikroORM;
	try {
		orm = await MikroORM.init(ormConfig(dbPath, options.waitMs === undefined ? {} : {waitMs: options.waitMs}));
	} catch (error) {
		throw explainDatabaseError(dbPath, error);
	}

	try {
		return await withFirstOpenRetry(async () => {
			// Always touch the file, so a bad one is reported here and not at the first write.
			await checkSchemaOwner(orm, dbPath);
			// Persistent for the file: readers never block the writer, so a TUI and a headless run can share it.
			await orm.em.getConnection().execute('PRAGMA journal_mode = WAL');
			const applied = (options.migrate ?? true) ? await migrateDatabase(orm) : [];
			const seeded = (options.seed ?? true) ? await seedIfEmpty(orm) : undefined;
			return {orm, applied, ...(seeded ? {seeded} : {})};
		});
	} catch (error) {
		await orm.close(true);
		throw explainDatabaseError(dbPath, error);
	}
}

/** Apply pending migrations; returns the names applied (empty when up to date). */
export async function migrateDatabase(orm: MikroORM): Promise<string[]> {
	const applied = await orm.getMigrator().up();
	return applied.map(migration => migration.name);
}

/** Names of migrations not applied yet. */
export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
	const pending = await orm.getMigrator().getPendingMigrations();
	return pending.map(migration => migration.name);
}

const migrationsTable = 'mikro_orm_migrations';

/**
 * Refuse, before anything is written to it, a file that holds anything our migrations did not make
 * (another program's database: no tables may be added to it, nor its journal mode changed) and one
 * migrated by a newer ectosmith (its schema may differ from what this version reads and writes). An
 * empty database, and one holding only the migrator's (empty) bookkeeping table, are ours to set up.
 */
async function checkSchemaOwner(orm: MikroORM, dbPath: string): Promise<void> {
	const connection = orm.em.getConnection();
	// Every table, index, view and trigger but SQLite's own (sqlite_sequence...).
	const all = (await connection.execute<Array<{name: string}>>('select name from sqlite_master order by name')).map(row => row.name).filter(name => !name.startsWith('sqlite_'));
	const names = all.filter(name => name !== migrationsTable);
	const hasMigrations = all.length > names.length;
	const executed = hasMigrations ? (await connection.execute<Array<{name: string}>>(`select name from ${migrationsTable}`)).map(row => row.name) : [];
	if (executed.length === 0 && names.length > 0) {
		const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
		throw new DatabaseError(`${dbPath} is not an ectosmith database: it already holds ${shown}, and no ectosmith migrations. It was left untouched; choose another file with --db or ECTOSMITH_DB.`);
	}

	const known = new Set(migrationsList.map(migration => migration.name));
	const unknown = executed.filter(name => !known.has(name));
	if (unknown.length > 0) {
		throw new DatabaseError(
			`${dbPath} was migrated by a newer ectosmith (migration(s) this version does not know: ${unknown.join(', ')}). Upgrade ectosmith, or choose another file with --db or ECTOSMITH_DB.`,
		);
	}
}

/**
 * Two processes opening a brand-new file at once both see it empty; the loser's migration or seed
 * fails on the winner's tables or rows, or with SQLITE_BUSY when its read transaction cannot be
 * upgraded to a write (SQLite does not wait in that case). Once the winner commits, a retry sees
 * nothing left to do; the short random pause lets it commit.
 */
async function withFirstOpenRetry<T>(step: () => Promise<T>): Promise<T> {
	return retry(step, {attempts: 40, retries: isConcurrentSetupError, delayMs: () => 25 + Math.random() * 75});
}

function isConcurrentSetupError(error: unknown): boolean {
	if (error instanceof DatabaseError) return false;
	// The ORM converts the errors of its own queries (the seed's flush); raw statements and migrations give the driver's.
	if (error instanceof UniqueConstraintViolationException || error instanceof TableExistsException) return true;
	return isBusyError(error) || sqliteSays(error, 'tableExists') !== undefined || sqliteSays(error, 'unique') !== undefined;
}
