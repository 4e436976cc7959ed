import {MikroORM} from '@mikro-orm/core';
import {migrationNames as postgresqlMigrations} from '../../migrations/postgresql/names.js';
import {migrationNames as sqliteMigrations} from '../../migrations/sqlite/names.js';
import {retry} from '../retry.js';
import {ormConfig} from './config.js';
import {DatabaseError, explainDatabaseError, prepareLocation} from './database-error.js';
import type {Database} from './database-type.js';
import {dialectOf, maskDatabaseUrl} from './database-url.js';
import {defaultDbPath} from './db-path.js';
import type {DialectOpening} from './dialect-opening.js';
import {migratorOf} from './migrator.js';
import {postgresqlOpening} from './postgresql-open.js';
import {createPrivateFile} from './private-file.js';
import {type SeedReport, seedIfEmpty} from './seed.js';
import {sqliteOpening} from './sqlite-open.js';

export {DatabaseError, explainDatabaseError, isBusyError} from './database-error.js';
export type {Database} from './database-type.js';
export {resolveDbPath} from './db-path.js';
export {migratorOf} from './migrator.js';

export interface OpenOptions {
	/** An SQLite file, or a postgresql:// URL (see resolveDbPath). */
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
	orm: Database;
	applied: string[];
	seeded?: SeedReport;
}

/** Open the database (an SQLite file, creating its folder, or a PostgreSQL URL), apply pending migrations and seed a fresh one. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
	return (await openDatabaseReporting(options)).orm;
}

/**
 * openDatabase, also telling what it did. Problems with the file (a folder, not a database, not
 * writable, made by another program or a newer ectosmith) become a DatabaseError naming the file
 * and what to do. Another program's database is refused before anything is written to it.
 */
export async function openDatabaseReporting(options: OpenOptions): Promise<OpenReport> {
	const {dbPath} = options;
	const dialect = dialectOf(dbPath);
	const opening = dialect === 'postgresql' ? postgresqlOpening : sqliteOpening;
	if (dialect === 'sqlite') {
		prepareLocation(dbPath, {createFolder: options.createFolder ?? dbPath === defaultDbPath()});
		createPrivateFile(dbPath);
	}

	let orm: Database;
	try {
		orm = (await MikroORM.init(await ormConfig(dbPath, options.waitMs === undefined ? {} : {waitMs: options.waitMs}))) as unknown as Database;
	} catch (error) {
		throw explainDatabaseError(dbPath, error);
	}

	try {
		return await withFirstOpenRetry(opening, async () => {
			// Always touch the database, so a bad one is reported here and not at the first write.
			const pending = await checkSchemaOwner(orm, dbPath, opening);
			await opening.prepare(orm);
			const applied = (options.migrate ?? true) && pending ? await migrateDatabase(orm) : [];
			const seeded = (options.seed ?? true) ? await seedIfEmpty(orm) : undefined;
			return {orm, applied, ...(seeded ? {seeded} : {})};
		});
	} catch (error) {
		await orm.close(true);
		throw explainDatabaseError(dbPath, error);
	}
}

/** Apply pending migrations; returns the names applied (empty when up to date). */
export async function migrateDatabase(orm: Database): Promise<string[]> {
	const applied = await (await migratorOf(orm)).up();
	return applied.map(migration => migration.name);
}

/** Names of migrations not applied yet. */
export async function pendingMigrations(orm: Database): Promise<string[]> {
	const pending = await (await migratorOf(orm)).getPendingMigrations();
	return pending.map(migration => migration.name);
}

const migrationsTable = 'mikro_orm_migrations';

/**
 * Refuse, before anything is written to it, a file that holds anything our migrations did not make
 * (another program's database: no tables may be added to it, nor its journal mode changed) and one
 * migrated by a newer ectosmith (its schema may differ from what this version reads and writes). An
 * empty database, and one holding only the migrator's (empty) bookkeeping table, are ours to set up.
 * True when a migration of this version is not applied yet.
 */
async function checkSchemaOwner(orm: Database, dbPath: string, opening: DialectOpening): Promise<boolean> {
	const connection = orm.em.getConnection();
	const shownPath = maskDatabaseUrl(dbPath);
	const all = await opening.objects(orm);
	const names = all.filter(name => name !== migrationsTable);
	const hasMigrations = all.length > names.length;
	const executed = hasMigrations ? (await connection.execute<Array<{name: string}>>(`select name from ${migrationsTable}`)).map(row => row.name) : [];
	if (executed.length === 0 && names.length > 0) {
		const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
		throw new DatabaseError(`${shownPath} is not an ectosmith database: it already holds ${shown}, and no ectosmith migrations. It was left untouched; choose another file with --db or ECTOSMITH_DB.`);
	}

	const known = new Set(dialectOf(dbPath) === 'postgresql' ? postgresqlMigrations : sqliteMigrations);
	const unknown = executed.filter(name => !known.has(name));
	if (unknown.length > 0) {
		throw new DatabaseError(
			`${shownPath} was migrated by a newer ectosmith (migration(s) this version does not know: ${unknown.join(', ')}). Upgrade ectosmith, or choose another file with --db or ECTOSMITH_DB.`,
		);
	}

	const applied = new Set(executed);
	return [...known].some(name => !applied.has(name));
}

/**
 * Two processes opening a brand-new database at once both see it empty; the loser's migration or
 * seed fails on the winner's tables or rows. Once the winner commits, a retry sees nothing left to
 * do; the short random pause lets it commit.
 */
async function withFirstOpenRetry<T>(opening: DialectOpening, step: () => Promise<T>): Promise<T> {
	return retry(step, {attempts: 40, retries: opening.isConcurrentSetupError, delayMs: () => 25 + Math.random() * 75});
}
