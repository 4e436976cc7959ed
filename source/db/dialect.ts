import type {EntityManager, MikroORM} from '@mikro-orm/core';
import type {Dialect} from './database-url.js';

type HasConfig = Pick<MikroORM, 'config'> | Pick<EntityManager, 'config'>;

/** Which database an open ORM (or one of its entity managers) talks to. */
export function dialectOfOrm(orm: HasConfig): Dialect {
	return orm.config.get('driver')?.name === 'PostgreSqlDriver' ? 'postgresql' : 'sqlite';
}

/**
 * The database an open ORM uses, as messages name it: the SQLite file, or the PostgreSQL URL
 * without its password (a socket folder as ?host=).
 */
export function databaseLocation(orm: HasConfig): string {
	const config = orm.config;
	const dbName = String(config.get('dbName'));
	if (dialectOfOrm(orm) === 'sqlite') return dbName;
	const host = String(config.get('host') ?? 'localhost');
	const socket = host.startsWith('/');
	const user = encodeURIComponent(String(config.get('user') ?? 'postgres'));
	return `postgresql://${user}@${socket ? 'localhost' : host}:${config.get('port') ?? 5432}/${encodeURIComponent(dbName)}${socket ? `?host=${encodeURIComponent(host)}` : ''}`;
}
