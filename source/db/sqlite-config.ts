import {defineConfig, type Options} from '@mikro-orm/core';
import {SqliteDriver} from '@mikro-orm/sqlite';
import {packageRoot} from '../package-root.js';
import {allEntities} from './entities/index.js';
import {maxBusyTimeoutMs, writeWaitMs} from './limits.js';

// Minimal view of the sqlite3 connection knex hands to afterCreate.
interface RawSqliteConnection {
	exec(sql: string, callback: (error: Error | null) => void): void;
}

/**
 * The ORM configuration for one SQLite file. Nothing here touches the current directory: no
 * metadata cache, baseDir is the package root, migrations come from an imported list and the
 * migrator never writes snapshots.
 */
export function sqliteConfig(dbPath: string, options: {waitMs?: number} = {}): Options<SqliteDriver> {
	// Each statement waits this long for another process's lock; the recorder retries up to the whole wait.
	const busyTimeoutMs = Math.min(maxBusyTimeoutMs, options.waitMs ?? writeWaitMs());
	return defineConfig({
		driver: SqliteDriver,
		dbName: dbPath,
		entities: allEntities,
		baseDir: packageRoot(),
		metadataCache: {enabled: false},
		discovery: {warnWhenNoEntities: false},
		ensureDatabase: false,
		debug: false,
		// No Migrator extension and no migrationsList here: migratorOf (db/migrator.ts) adds both on
		// first use, so a read that needs no migration loads neither.
		// The full-text index over executions.user_query (a virtual table and its shadow tables) is
		// made by a migration, not by an entity: schema diffs must not propose dropping it.
		schemaGenerator: {skipTables: [/^executions_search(_|$)/]},
		migrations: {
			tableName: 'mikro_orm_migrations',
			path: 'migrations/sqlite',
			pathTs: 'migrations/sqlite',
			emit: 'ts',
			snapshot: false,
			silent: true,
			transactional: true,
			allOrNothing: true,
		},
		pool: {
			// Every connection: wait for other processes' locks and enforce foreign keys (SQLite leaves
			// them off per connection). WAL is switched on by openDatabase once the file is known to be
			// ours: connecting must not change another program's database.
			// synchronous = NORMAL (a setting of the connection, not of the file): in WAL a commit is
			// appended to the WAL without its own fsync (the WAL is synced at each checkpoint). A commit
			// survives the app's crash or kill -9 (it is in the OS's cache); only a power loss or an OS
			// crash can roll back the last commits, never corrupt the file. FULL paid an fsync per
			// recorded message (3.4 ms against 0.2 ms per insert on this machine). Before WAL is on
			// (another program's file, refused) nothing is committed.
			afterCreate(connection: RawSqliteConnection, done: (error: Error | null, connection: RawSqliteConnection) => void) {
				connection.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;`, error => {
					done(error, connection);
				});
			},
		},
	});
}
