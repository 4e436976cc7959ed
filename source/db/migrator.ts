/**
 * The migrator, loaded on first use. @mikro-orm/migrations (umzug and its command line, ajv) and
 * the migration classes cost a read command about 0.1 s of CPU, for nothing when no migration is
 * pending; opening checks that with the names alone (migrations/<dialect>/names.ts).
 */
import type {IMigrator} from '@mikro-orm/core';
import type {Database} from './database-type.js';

export async function migratorOf(orm: Database): Promise<IMigrator> {
	const options = orm.config.get('migrations');
	if (options.migrationsList === undefined) {
		const postgresql = orm.config.get('driver')?.name === 'PostgreSqlDriver';
		const [{Migrator}, {migrationsList}] = await Promise.all([import('./migrator-class.js'), postgresql ? import('../../migrations/postgresql/index.js') : import('../../migrations/sqlite/index.js')]);
		// The migrator reads its options when first built, which is after this.
		options.migrationsList = migrationsList;
		Migrator.register(orm);
	}

	return orm.getMigrator();
}
