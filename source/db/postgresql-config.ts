import {defineConfig, type Options} from '@mikro-orm/core';
import {PostgreSqlDriver} from '@mikro-orm/postgresql';
import {packageRoot} from '../package-root.js';
import {allEntities} from './entities/index.js';
import {maxBusyTimeoutMs, writeWaitMs} from './limits.js';

/** What the driver needs from a postgresql:// URL: host (or socket folder, as ?host=), port, user, password, database, TLS. */
export interface PostgresTarget {
	host: string;
	port: number;
	user: string;
	password: string | undefined;
	dbName: string;
	ssl: boolean | {rejectUnauthorized: boolean} | undefined;
}

/** Reads the URL (already checked by resolveDbPath): ?host=/folder names a Unix socket's folder, ?sslmode= TLS. */
export function postgresTarget(url: string): PostgresTarget {
	const parsed = new URL(url);
	const sslmode = parsed.searchParams.get('sslmode') ?? undefined;
	return {
		host: parsed.searchParams.get('host') ?? decodeURIComponent(parsed.hostname),
		port: parsed.port === '' ? 5432 : Number(parsed.port),
		user: decodeURIComponent(parsed.username) || (parsed.searchParams.get('user') ?? 'postgres'),
		password: parsed.password === '' ? (parsed.searchParams.get('password') ?? undefined) : decodeURIComponent(parsed.password),
		dbName: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
		ssl: sslmode === undefined || sslmode === 'disable' || sslmode === 'prefer' || sslmode === 'allow' ? undefined : {rejectUnauthorized: sslmode === 'verify-full' || sslmode === 'verify-ca'},
	};
}

/**
 * The ORM configuration for a team's PostgreSQL database. As for SQLite: nothing touches the
 * current directory, migrations come from an imported list (migrations/postgresql) and the
 * migrator writes no snapshots. A statement waits for a row lock at most the per-statement wait
 * (lock_timeout), then fails with a code the recorder's retry loop knows.
 */
export function postgresqlConfig(url: string, options: {waitMs?: number} = {}): Options<PostgreSqlDriver> {
	const target = postgresTarget(url);
	const lockTimeoutMs = Math.min(maxBusyTimeoutMs, options.waitMs ?? writeWaitMs());
	return defineConfig({
		driver: PostgreSqlDriver,
		host: target.host,
		port: target.port,
		user: target.user,
		...(target.password === undefined ? {} : {password: target.password}),
		dbName: target.dbName,
		entities: allEntities,
		baseDir: packageRoot(),
		metadataCache: {enabled: false},
		discovery: {warnWhenNoEntities: false},
		ensureDatabase: false,
		debug: false,
		// No Migrator extension and no migrationsList here: migratorOf (db/migrator.ts) adds both on
		// first use, so a read that needs no migration loads neither.
		migrations: {
			tableName: 'mikro_orm_migrations',
			path: 'migrations/postgresql',
			pathTs: 'migrations/postgresql',
			emit: 'ts',
			snapshot: false,
			silent: true,
			transactional: true,
			allOrNothing: true,
		},
		// Connections are made on demand and dropped when idle: a laptop's run keeps none open for nothing.
		pool: {min: 0, max: 4, idleTimeoutMillis: 10_000},
		driverOptions: {
			// knex would print a dropped connection to the terminal; the program reports database failures itself, one line each.
			log: {warn() {}, error() {}, deprecate() {}, debug() {}},
			acquireConnectionTimeout: Math.max(lockTimeoutMs, 10_000),
			connection: {
				application_name: 'ectosmith',
				lock_timeout: lockTimeoutMs,
				connectionTimeoutMillis: 10_000,
				keepAlive: true,
				...(target.ssl === undefined ? {} : {ssl: target.ssl}),
			},
		},
	});
}
