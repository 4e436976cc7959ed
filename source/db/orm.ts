import {setTimeout} from 'node:timers/promises';
import {MikroORM} from '@mikro-orm/sqlite';
import {migrationsList} from '../../migrations/sqlite/index.js';
import {ormConfig} from './config.js';
import {DatabaseError, explainDatabaseError, prepareLocation} from './database-error.js';
import {seedIfEmpty, type SeedReport} from './seed.js';

export type Database = MikroORM;

export {resolveDbPath} from './db-path.js';
export {DatabaseError, explainDatabaseError} from './database-error.js';

export interface OpenOptions {
	dbPath: string;
	/** Apply pending migrations (default true). */
	migrate?: boolean;
	/** Import the package's fixtures when the database has no workflows and no servers (default true). */
	seed?: boolean;
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
 * and what to do.
 */
export async function openDatabaseReporting(options: OpenOptions): Promise<OpenReport> {
	const {dbPath} = options;
	if (dbPath !== ':memory:') prepareLocation(dbPath);
	let orm: MikroORM;
	try {
		orm = await MikroORM.init(ormConfig(dbPath));
	} catch (error) {
		throw explainDatabaseError(dbPath, error);
	}

	try {
		return await withFirstOpenRetry(async () => {
			// Always touch the file, so a bad one is reported here and not at the first write.
			await checkSchemaOwner(orm, dbPath);
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

const ownTables = ['workflows', 'mcp_servers', 'workflow_mcp_server_associations', 'executions', 'messages'];
const migrationsTable = 'mikro_orm_migrations';

/**
 * Refuse a file whose tables our migrations did not make (another program's database: migrating
 * would fail half-way on "table already exists") and one migrated by a newer ectosmith (its schema
 * may differ from what this version reads and writes).
 */
async function checkSchemaOwner(orm: MikroORM, dbPath: string): Promise<void> {
	const connection = orm.em.getConnection();
	const rows = await connection.execute<Array<{name: string}>>("select name from sqlite_master where type = 'table'");
	const tables = new Set(rows.map(row => row.name));
	// The migrator creates its bookkeeping table before migrating, so it may exist, empty, beside another program's tables.
	const executed = tables.has(migrationsTable)
		? (await connection.execute<Array<{name: string}>>(`select name from ${migrationsTable}`)).map(row => row.name)
		: [];
	const clashing = ownTables.filter(table => tables.has(table));
	if (executed.length === 0 && clashing.length > 0) {
		throw new DatabaseError(
			`${dbPath} already has table(s) ${clashing.join(', ')} that ectosmith's migrations did not create, so it is not an ectosmith database. Choose another file with --db or ECTOSMITH_DB.`,
		);
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
	for (let attempt = 1; ; attempt++) {
		try {
			return await step();
		} catch (error) {
			if (attempt >= 40 || !isConcurrentSetupError(error)) throw error;
			await setTimeout(25 + Math.random() * 75);
		}
	}
}

function isConcurrentSetupError(error: unknown): boolean {
	if (error instanceof DatabaseError) return false;
	const message = error instanceof Error ? error.message : String(error);
	return /already exists|UNIQUE constraint failed|SQLITE_BUSY|database is locked/i.test(message);
}
