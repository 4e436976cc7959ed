// Opening decides from migrations/<dialect>/names.ts alone whether the migrator is needed, so the
// names must be the migrations the migrator would apply, in order.
import test from 'ava';
import {migrationsList as postgresqlList} from '../../migrations/postgresql/index.js';
import {migrationNames as postgresqlNames} from '../../migrations/postgresql/names.js';
import {migrationsList as sqliteList} from '../../migrations/sqlite/index.js';
import {migrationNames as sqliteNames} from '../../migrations/sqlite/names.js';

test("each dialect's names.ts lists its migrations, in order", t => {
	t.deepEqual(
		sqliteNames,
		sqliteList.map(migration => migration.name),
	);
	t.deepEqual(
		postgresqlNames,
		postgresqlList.map(migration => migration.name),
	);
});
