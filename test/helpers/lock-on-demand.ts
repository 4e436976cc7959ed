// Child process: opens the database given as argv[2] (already migrated), waits for a line on stdin,
// then takes SQLite's write lock (BEGIN IMMEDIATE), prints "locked" and holds it until killed.
import {createInterface} from 'node:readline';
import {openDatabase} from '../../source/db/orm.js';

const orm = await openDatabase({dbPath: process.argv[2]!, migrate: false, seed: false});
const connection = orm.em.getConnection();
process.stdout.write('ready\n');
createInterface({input: process.stdin}).once('line', () => {
	void (async () => {
		await connection.execute('BEGIN IMMEDIATE', [], 'run');
		await connection.execute('UPDATE workflows SET description = description WHERE 1 = 1', [], 'run');
		process.stdout.write('locked\n');
	})();
});
