/**
 * A team's database on PostgreSQL: migrated on first open and refused when it is not ours, the
 * password never shown, four teammates recording at once, connections dropped under a run.
 */
import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {migrationsList} from '../../migrations/postgresql/index.js';
import {isBusyError} from '../../source/db/database-error.js';
import {maskDatabaseUrl} from '../../source/db/database-url.js';
import {resolveDbPath} from '../../source/db/db-path.js';
import {DatabaseError, openDatabase, openDatabaseReporting} from '../../source/db/orm.js';
import {startPrivatePostgres} from '../../source/db/private-postgres.js';
import {Recorder} from '../../source/records/recorder.js';
import {cliEnv, runCli} from '../commands/_cli.js';
import {freshPostgresUrl, pgBin, registerPostgresHooks, testPostgres} from '../helpers/postgres.js';
import {tempDir} from '../helpers/temp-dir.js';
import {tsxLoader} from '../helpers/tsx-loader.js';

registerPostgresHooks();
const pg = pgBin === undefined ? test.skip : test;

const databaseOf = (url: string) => new URL(url).pathname.slice(1);

pg('the first open migrates and seeds, the second applies nothing; the search has its trigram index', async t => {
	const url = await freshPostgresUrl();
	const first = await openDatabaseReporting({dbPath: url});
	await first.orm.close(true);
	t.deepEqual(
		first.applied,
		migrationsList.map(migration => migration.name),
	);
	t.like(first.seeded, {workflows: {created: 1}});
	const second = await openDatabaseReporting({dbPath: url});
	await second.orm.close(true);
	t.deepEqual(second.applied, []);
	t.is(second.seeded, undefined);
	const postgres = await testPostgres();
	t.regex(await postgres.query(databaseOf(url), "select indexdef from pg_indexes where indexname = 'executions_user_query_trgm_index'"), /gin \(user_query gin_trgm_ops\)/);
});

pg("another program's database and a newer ectosmith's are refused untouched", async t => {
	const postgres = await testPostgres();
	const url = await freshPostgresUrl();
	await postgres.query(databaseOf(url), 'create table invoices (id int)');
	const error = await t.throwsAsync(openDatabase({dbPath: url}), {instanceOf: DatabaseError});
	t.regex(error!.message, /is not an ectosmith database: it already holds invoices/);
	t.is(await postgres.query(databaseOf(url), "select string_agg(tablename, ',') from pg_tables where schemaname = 'public'"), 'invoices');

	const newer = await freshPostgresUrl();
	await (await openDatabase({dbPath: newer})).close(true);
	await postgres.query(databaseOf(newer), "insert into mikro_orm_migrations (name, executed_at) values ('Migration29990101000000_future', now())");
	await t.throwsAsync(openDatabase({dbPath: newer}), {instanceOf: DatabaseError, message: /migrated by a newer ectosmith .*Migration29990101000000_future/});
});

pg('the password is never shown: not by db path, not in an error, not when the URL is malformed', async t => {
	const url = 'postgresql://ana:s3cr%3Et@db.example:5432/team?sslmode=disable';
	t.is(resolveDbPath({env: {ECTOSMITH_DB: url}}), url);
	const path = await runCli(['db', 'path', '--db', url], {env: cliEnv(tempDir(t))});
	t.is(path.code, 0, path.stderr);
	t.is(path.stdout, 'postgresql://ana:***@db.example:5432/team?sslmode=disable\n');
	t.notRegex(path.stdout + path.stderr, /s3cr/);
	t.throws(() => resolveDbPath({db: 'postgresql://ana:s3cret@/'}), {message: /^--db is not a valid PostgreSQL URL \(postgresql:\/\/ana:\*\*\*@\/\)/});
	t.throws(() => resolveDbPath({db: 'postgresql://ana:s3cret@h:5432'}), {message: /^--db names no database \(postgresql:\/\/ana:\*\*\*@h:5432\)/});
	t.is(maskDatabaseUrl('postgres://u:p@h/d?password=x'), 'postgres://u:***@h/d?password=***');

	// A real server's refusal names the URL with the password masked.
	const postgres = await testPostgres();
	const missing = `postgresql://postgres:s3cret@localhost:${postgres.port}/nowhere?host=${encodeURIComponent(postgres.socketDir)}`;
	const error = await t.throwsAsync(openDatabase({dbPath: missing}), {instanceOf: DatabaseError});
	t.regex(error!.message, /^The PostgreSQL database postgresql:\/\/postgres:\*\*\*@localhost.* does not exist/);
	t.notRegex(error!.message, /s3cret/);
});

function runTeammate(url: string, count: number, label: string): Promise<{code: number | null; stderr: string}> {
	const writer = fileURLToPath(new URL('team-writer.ts', import.meta.url));
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', tsxLoader, writer, url, String(count), label], {stdio: ['ignore', 'ignore', 'pipe']});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('exit', code => resolve({code, stderr}));
	});
}

pg('four teammates recording at once into one new database lose nothing and mix nothing up', async t => {
	t.timeout(120_000);
	const url = await freshPostgresUrl();
	const team = ['ana', 'bo', 'chen', 'dee'];
	// All four start on an empty database: they race on migrating and seeding too.
	const results = await Promise.all(team.map(name => runTeammate(url, 10, name)));
	for (const result of results) t.is(result.code, 0, result.stderr);
	const postgres = await testPostgres();
	const query = (sql: string) => postgres.query(databaseOf(url), sql);
	t.is(await query("select count(*) from executions where status = 'COMPLETED' and total_tokens = 2"), '80');
	t.is(await query('select count(*) from workflows'), '1');
	t.is(await query('select count(*) from mikro_orm_migrations'), String(migrationsList.length));
	// Every follow-up points at its own teammate's first run of the same number.
	t.is(
		await query(`select count(*) from executions c join executions p on p.id = c.parent_execution_id
			where c.user_query = split_part(p.user_query, ' first', 1) || ' follow-up'`),
		'40',
	);
	// Every execution holds its own three messages, in order.
	t.is(
		await query(`select count(*) from executions e where (select string_agg(m.content_text, '|' order by m.turn_number, m.id) from messages m where m.execution_id = e.id)
			= e.user_query || ' turn 0|' || e.user_query || ' turn 1|' || e.user_query || ' turn 2'`),
		'80',
	);
});

pg('a connection dropped under a run is made again and the write goes through', async t => {
	const url = await freshPostgresUrl();
	const orm = await openDatabase({dbPath: url});
	t.teardown(async () => orm.close(true));
	const recorder = new Recorder(orm);
	const id = await recorder.startExecution({workflowName: 'elixir_crud_generator', description: 'x', targetProjectPath: '/p', provider: 'p', model: 'm'});
	const postgres = await testPostgres();
	// The server ends every connection of ours (as a restart or a failover would).
	const ended = await postgres.query(databaseOf(url), "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = 'ectosmith'");
	t.true(Number(ended) > 0);
	await recorder.addMessage(id, {turnNumber: 0, role: 'user', contentText: 'still here'});
	await recorder.finishExecution(id, {status: 'COMPLETED', turnCount: 1});
	t.like(await recorder.getExecution(id), {status: 'COMPLETED'});
});

// The drop can land between knex's BEGIN and the INSERT: knex ends the transaction and refuses the
// INSERT in words only. That try rolled back, so it is one more to make again (a CI run failed on it).
test('a statement refused because its transaction ended with its connection is tried again', t => {
	t.true(isBusyError(new Error('Transaction query already complete, run with DEBUG=knex:tx for more info')));
	t.false(isBusyError(new Error('duplicate key value violates unique constraint')));
});

pg('a run whose database went away ends with one line, and its end is written once the server is back', async t => {
	t.timeout(120_000);
	const server = await startPrivatePostgres(pgBin!);
	t.teardown(async () => server.stop());
	await server.query('postgres', 'create database team');
	const orm = await openDatabase({dbPath: server.url('team'), waitMs: 500});
	t.teardown(async () => orm.close(true));
	const recorder = new Recorder(orm, {waitMs: 500});
	const id = await recorder.startExecution({workflowName: 'elixir_crud_generator', description: 'x', targetProjectPath: '/p', provider: 'p', model: 'm'});
	await server.pause();
	const error = await t.throwsAsync(recorder.finishExecution(id, {status: 'COMPLETED', turnCount: 1}), {instanceOf: DatabaseError});
	t.regex(error!.message, /^Could not record the end of execution \d+: the PostgreSQL database postgresql:\/\/postgres@localhost.* cannot be reached/);
	t.notRegex(error!.message, /\n|insert|update/i);
	t.deepEqual(recorder.pendingFinishes(), [id]);
	await server.resume();
	t.is(await recorder.retryPendingFinishes(), 0);
	t.like(await recorder.getExecution(id), {status: 'COMPLETED'});
});
