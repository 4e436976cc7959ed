// Child process for the locked-database tests: opens the database given as argv[2] (already
// migrated), takes SQLite's write lock with BEGIN IMMEDIATE, prints "locked", holds it argv[3] ms,
// then commits and prints "released". A real second process, as a TUI beside a headless run is.
import {setTimeout as sleep} from 'node:timers/promises';
import {openDatabase} from '../../source/db/orm.js';

const [dbPath, holdText] = process.argv.slice(2);
const orm = await openDatabase({dbPath: dbPath!, migrate: false, seed: false});
const connection = orm.em.getConnection();
try {
	// One pooled connection: the transaction stays open on it between these statements.
	await connection.execute('BEGIN IMMEDIATE', [], 'run');
	await connection.execute('UPDATE workflows SET description = description WHERE 1 = 1', [], 'run');
	process.stdout.write('locked\n');
	await sleep(Number(holdText));
	await connection.execute('COMMIT', [], 'run');
	process.stdout.write('released\n');
} finally {
	await orm.close(true);
}
