import {spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {DatabaseError, explainDatabaseError, openDatabase} from '../../source/db/orm.js';
import {packageRoot} from '../../source/package-root.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {tempDir} from '../helpers/temp-dir.js';
import {tsxLoader} from '../helpers/tsx-loader.js';
import {canTestPermissions, NOBODY, runsAsRoot} from '../helpers/unprivileged.js';

const cli = join(packageRoot(), 'source', 'cli.tsx');

/** The CLI in a child process; as user nobody when `unprivileged` and running as root (root ignores file modes). */
function ectosmith(args: string[], options: {unprivileged?: boolean; env?: NodeJS.ProcessEnv} = {}) {
	const {ECTOSMITH_DB: _db, XDG_DATA_HOME: _xdg, GEMINI_API_KEY: _key, GOOGLE_API_KEY: _google, ...env} = process.env;
	const result = spawnSync(process.execPath, ['--import', tsxLoader, cli, ...args], {
		cwd: '/',
		env: {...env, ...options.env},
		encoding: 'utf8',
		...(options.unprivileged && runsAsRoot ? {uid: NOBODY, gid: NOBODY} : {}),
	});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** `ectosmith --db PATH db migrate`, or at the default location under `dataHome`. */
function migrate(dbPath: string | {dataHome: string}, options: {unprivileged?: boolean} = {}) {
	return typeof dbPath === 'string' ? ectosmith(['--db', dbPath, 'db', 'migrate'], options) : ectosmith(['db', 'migrate'], {...options, env: {XDG_DATA_HOME: dbPath.dataHome}});
}

/** A user error: exit 1, one line naming the file and the way out, no stack trace. */
function assertClearError(t: ExecutionContext, result: ReturnType<typeof migrate>, pattern: RegExp): void {
	t.is(result.code, 1, result.stdout);
	t.regex(result.stderr, pattern);
	t.regex(result.stderr, /--db or ECTOSMITH_DB/);
	t.notRegex(result.stderr, /\n\s+at /, 'no stack trace');
	t.is(result.stderr.trim().split('\n').length, 1, result.stderr);
}

test('a database path that is a folder is refused, naming it', async t => {
	const folder = tempDir(t);
	await t.throwsAsync(openDatabase({dbPath: folder}), {
		instanceOf: DatabaseError,
		message: `Database path ${folder} is a folder; give the path of a file (it is created if missing) with --db or ECTOSMITH_DB.`,
	});
	assertClearError(t, migrate(folder), /Database path .* is a folder/);
});

test('a file that is not an SQLite database is refused with the way out', async t => {
	const dir = tempDir(t);
	const text = join(dir, 'notes.db');
	writeFileSync(text, 'just some text, long enough to not look like an empty database file at all'.repeat(20));
	const error = await t.throwsAsync(openDatabase({dbPath: text}), {instanceOf: DatabaseError});
	t.is(error!.message, `${text} is not a usable SQLite database (it is another kind of file or damaged). Move it aside to start afresh, or choose another file with --db or ECTOSMITH_DB.`);
	assertClearError(t, migrate(text), /notes\.db is not a usable SQLite database/);
});

test('a file in the way of the default database folder is named', async t => {
	const dir = tempDir(t);
	const blocker = join(dir, 'data');
	writeFileSync(blocker, '');
	const dbPath = join(blocker, 'ectosmith', 'e.db');
	await t.throwsAsync(openDatabase({dbPath, createFolder: true}), {
		instanceOf: DatabaseError,
		message: `Cannot create the database folder ${join(blocker, 'ectosmith')}: ${blocker} is a file, not a folder. Fix that or choose another file with --db or ECTOSMITH_DB.`,
	});
	assertClearError(t, migrate({dataHome: blocker}), /data is a file, not a folder/);
});

test('a chosen database path whose folder does not exist is refused, and nothing is created', async t => {
	const dir = tempDir(t);
	const dbPath = join(dir, 'missing', 'e.db');
	await t.throwsAsync(openDatabase({dbPath}), {
		instanceOf: DatabaseError,
		message: `Cannot use the database ${dbPath}: its folder ${join(dir, 'missing')} does not exist. Create the folder first, or choose another file with --db or ECTOSMITH_DB.`,
	});
	assertClearError(t, migrate(dbPath), /its folder .*missing does not exist/);
	t.false(existsSync(join(dir, 'missing')));
	// A file where the folder should be.
	writeFileSync(join(dir, 'plain'), '');
	assertClearError(t, migrate(join(dir, 'plain', 'e.db')), /plain is a file, not a folder/);
});

test('--db :memory: is refused in one line, and no file named :memory: appears', t => {
	const cwd = tempDir(t);
	const {ECTOSMITH_DB: _db, XDG_DATA_HOME: _xdg, ...env} = process.env;
	for (const [args, extra] of [
		[['--db', ':memory:', 'db', 'migrate'], {}],
		[['db', 'migrate'], {ECTOSMITH_DB: ':memory:'}],
	] as const) {
		const result = spawnSync(process.execPath, ['--import', tsxLoader, cli, ...args], {cwd, env: {...env, ...extra}, encoding: 'utf8'});
		t.is(result.status, 2, result.stderr);
		t.regex(result.stderr, /^ectosmith: (--db|ECTOSMITH_DB) :memory: is refused: an in-memory database cannot keep the history of runs .*Give the path of a file/);
		t.is(result.stderr.trim().split('\n').length, 1, result.stderr);
	}

	t.deepEqual(readdirSync(cwd), []);
});

/** The sqlite3 CLI's view of a file: its schema and journal mode. */
function describeFile(dbPath: string): string {
	return spawnSync('sqlite3', [dbPath, '.schema', 'pragma journal_mode;'], {encoding: 'utf8'}).stdout;
}

test("another program's database is refused before anything is written to it: same bytes, same schema, no WAL", async t => {
	const dir = tempDir(t);
	const dbPath = join(dir, 'theirs.db');
	spawnSync('sqlite3', [dbPath, "create table notes (id integer primary key, body text); insert into notes (body) values ('keep me');"]);
	const bytes = readFileSync(dbPath);
	const before = describeFile(dbPath);
	t.regex(before, /delete/);
	const message = `${dbPath} is not an ectosmith database: it already holds notes, and no ectosmith migrations. It was left untouched; choose another file with --db or ECTOSMITH_DB.`;
	await t.throwsAsync(openDatabase({dbPath}), {instanceOf: DatabaseError, message});
	assertClearError(t, migrate(dbPath), /theirs\.db is not an ectosmith database: it already holds notes/);
	t.deepEqual(readFileSync(dbPath), bytes, 'the file is byte-identical');
	t.is(describeFile(dbPath), before, 'schema and journal mode unchanged');
	t.deepEqual(readdirSync(dir), ['theirs.db'], 'no -wal or -shm file beside it');

	// Tables named like ours, and an (empty) bookkeeping table an older attempt left behind, change nothing.
	spawnSync('sqlite3', [dbPath, 'create table workflows (x integer); create table mikro_orm_migrations (id integer primary key, name text, executed_at datetime)']);
	await t.throwsAsync(openDatabase({dbPath}), {instanceOf: DatabaseError, message: /is not an ectosmith database: it already holds notes, workflows, and no ectosmith migrations/});
	t.regex(describeFile(dbPath), /delete/);
});

test('an empty file and a database without tables are ours to set up', async t => {
	const dir = tempDir(t);
	const empty = join(dir, 'empty.db');
	writeFileSync(empty, '');
	const bare = join(dir, 'bare.db');
	spawnSync('sqlite3', [bare, 'pragma user_version = 3; vacuum;']);
	for (const dbPath of [empty, bare]) {
		const orm = await openDatabase({dbPath});
		await orm.close(true);
		t.regex(describeFile(dbPath), /create table `workflows`[\s\S]*wal/i, dbPath);
	}
});

test('a database migrated by a newer ectosmith is refused', async t => {
	const dbPath = tempDbPath(t);
	const orm = await openDatabase({dbPath, seed: false});
	await orm.close(true);
	spawnSync('sqlite3', [dbPath, "insert into mikro_orm_migrations (name, executed_at) values ('Migration29990101000000', '2999-01-01')"]);
	await t.throwsAsync(openDatabase({dbPath}), {
		instanceOf: DatabaseError,
		message: /was migrated by a newer ectosmith \(migration\(s\) this version does not know: Migration29990101000000\)\. Upgrade ectosmith/,
	});
	assertClearError(t, migrate(dbPath), /newer ectosmith/);
});

test('an unwritable folder or database is reported with the part that is not writable', async t => {
	if (!canTestPermissions(t)) return t.pass();
	const dir = tempDir(t);
	chmodSync(dir, 0o755);
	const locked = join(dir, 'locked');
	mkdirSync(locked);
	// A database made while writable, then its folder made read-only: WAL needs to create files beside it.
	const existing = join(locked, 'e.db');
	const orm = await openDatabase({dbPath: existing, seed: false});
	await orm.close(true);
	chmodSync(existing, 0o666);
	chmodSync(locked, 0o555);
	t.teardown(() => {
		chmodSync(locked, 0o755);
	});

	assertClearError(t, migrate(join(locked, 'new.db'), {unprivileged: true}), /Cannot open the database file .*new\.db: its folder .*locked is not writable/);
	assertClearError(t, migrate({dataHome: locked}, {unprivileged: true}), /Cannot create the database folder .*locked\/ectosmith: permission denied/);
	assertClearError(t, migrate(existing, {unprivileged: true}), /The database .*e\.db is read-only for this user: its folder .*locked is not writable/);
});

test('every SQLite failure becomes one line without the statement; errors that are not the database pass through', t => {
	const statement = "insert into `messages` (`content_text`) values ('secret text') - SQLITE_CONSTRAINT: NOT NULL constraint failed: messages.turn_number";
	const other = explainDatabaseError('/x.db', Object.assign(new Error(statement), {code: 'SQLITE_CONSTRAINT'}), {doing: 'record a message'});
	t.true(other instanceof DatabaseError);
	t.is(
		(other as Error).message,
		'Could not record a message: the database /x.db refused the operation (SQLITE_CONSTRAINT: NOT NULL constraint failed: messages.turn_number); the file is not damaged, keep it. Rerun with --debug for the details.',
	);
	const full = explainDatabaseError('/x.db', new Error('SQLITE_FULL: database or disk is full'));
	t.true(full instanceof DatabaseError);
	t.regex((full as Error).message, /^Cannot write the database \/x\.db: the disk is full/);
	const busy = explainDatabaseError('/x.db', Object.assign(new Error('update `executions` set x = 1 - SQLITE_BUSY: database is locked'), {code: 'SQLITE_BUSY'}), {
		doing: 'record the end of execution 3',
		waitedMs: 30_000,
	});
	t.is(
		(busy as Error).message,
		'Could not record the end of execution 3: the database /x.db stayed locked by another process for 30 s. Let the other program (another ectosmith, a TUI, an sqlite3 shell) finish, then try again; ECTOSMITH_DB_WAIT_SECONDS sets how long to wait.',
	);
	t.true((busy as DatabaseError).isBusy);
	const bug = new TypeError('x is undefined');
	t.is(explainDatabaseError('/x.db', bug), bug);
});

test('a read-only database file: the run stops at its first write with one line, never the insert statement', async t => {
	if (!canTestPermissions(t)) return t.pass();
	const dir = tempDir(t);
	// The folder stays writable (SQLite makes its -wal and -shm files there); only the file is read-only.
	chmodSync(dir, 0o777);
	const dbPath = join(dir, 'e.db');
	const orm = await openDatabase({dbPath});
	await orm.close(true);
	chmodSync(dbPath, 0o444);
	const project = join(dir, 'my_app');
	mkdirSync(project);
	writeFileSync(join(project, 'mix.exs'), 'defmodule MyApp.MixProject do\nend\n');
	const home = join(dir, 'home');
	mkdirSync(home, {mode: 0o777});
	chmodSync(home, 0o777);
	const result = ectosmith(['run', '--db', dbPath, '--project', project, '--provider', 'offline', 'Blog.Post posts title:string'], {
		unprivileged: true,
		env: {HOME: home, XDG_STATE_HOME: home},
	});
	t.is(result.code, 1, result.stdout + result.stderr);
	t.regex(
		result.stderr,
		/^ectosmith run: Could not record the start of the execution: the database .*e\.db is read-only for this user: the file is not writable\. ectosmith writes the file and its -wal and -shm files beside it; make both writable, or choose another file with --db or ECTOSMITH_DB\.\n$/,
	);
	t.notRegex(result.stderr + result.stdout, /insert into|SQLITE_/i);
	t.is(spawnSync('sqlite3', [dbPath, 'select count(*) from executions'], {encoding: 'utf8'}).stdout.trim(), '0');
});

test('a database failure while the run reads its configuration is one line too, never the query', async t => {
	const dbPath = tempDbPath(t);
	const orm = await openDatabase({dbPath});
	await orm.close(true);
	// Damaged by hand: the table that links workflows to their servers is gone.
	spawnSync('sqlite3', [dbPath, 'drop table workflow_mcp_server_associations']);
	const project = join(tempDir(t), 'my_app');
	mkdirSync(project);
	writeFileSync(join(project, 'mix.exs'), 'defmodule MyApp.MixProject do\nend\n');
	const result = ectosmith(['run', '--db', dbPath, '--project', project, '--provider', 'offline', 'Blog.Post posts title:string'], {env: {XDG_STATE_HOME: tempDir(t)}});
	t.is(result.code, 1, result.stdout + result.stderr);
	t.regex(
		result.stderr,
		/^ectosmith run: The database .*ectosmith\.db refused the operation \(SQLITE_ERROR: no such table: .*workflow_mcp_server_associations.*\)\. Its tables are damaged: move the file aside to start afresh, or choose another file with --db or ECTOSMITH_DB\.\n$/,
	);
	t.notRegex(result.stderr, /select |left join/i);
});
