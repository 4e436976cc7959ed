/**
 * PostgreSQL for the tests: one private server per test process (source/db/private-postgres.ts:
 * a Unix socket in a temp folder, run as an unprivileged user when the tests run as root), started
 * at its first use and stopped after the file's last test; each test gets a database of its own.
 * Without the binaries the PostgreSQL variants are not registered and one test says so, except
 * under CI=true, where that test fails.
 */
import test from 'ava';
import {findPgBin, type PrivatePostgres, startPrivatePostgres} from '../../source/db/private-postgres.js';

export const pgBin = findPgBin();

let server: Promise<PrivatePostgres> | undefined;
let databases = 0;
let hooked = false;

/** Registers, once per file, the hook that stops the server (or the one line saying it is missing). */
export function registerPostgresHooks(): void {
	if (hooked) return;
	hooked = true;
	if (pgBin === undefined) {
		test('PostgreSQL variants', t => {
			const missing = 'the PostgreSQL server binaries (initdb, pg_ctl, psql) are not installed';
			if (process.env.CI === 'true') t.fail(`${missing}, and CI=true requires the PostgreSQL variants to run`);
			else t.log(`skipped: ${missing}`);
			t.pass();
		});
		return;
	}

	test.after.always(async () => {
		if (server) await (await server).stop();
		server = undefined;
	});
}

/** The test process's server, started on first use. */
export async function testPostgres(): Promise<PrivatePostgres> {
	if (pgBin === undefined) throw new Error('PostgreSQL is not installed');
	server ??= startPrivatePostgres(pgBin);
	return server;
}

/** A fresh, empty database on the test server; returns its postgresql:// URL. */
export async function freshPostgresUrl(): Promise<string> {
	const postgres = await testPostgres();
	const name = `test_${process.pid}_${++databases}`;
	await postgres.query('postgres', `create database ${name}`);
	return postgres.url(name);
}
