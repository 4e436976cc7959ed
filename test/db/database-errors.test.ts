import {spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {DatabaseError, explainDatabaseError, openDatabase} from '../../source/db/orm.js';
import {packageRoot} from '../../source/package-root.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {tempDir} from '../helpers/temp-dir.js';
import {tsxLoader} from '../helpers/tsx-loader.js';
import {canTestPermissions, NOBODY, runsAsRoot} from '../helpers/unprivileged.js';

const cli = join(packageRoot(), 'source', 'cli.tsx');

function migrate(dbPath: string, options: {unprivileged?: boolean} = {}) {
	const {ECTOSMITH_DB: _db, XDG_DATA_HOME: _xdg, ...env} = process.env;
	const result = spawnSync(process.execPath, ['--import', tsxLoader, cli, '--db', dbPath, 'db', 'migrate'], {
		cwd: '/',
		env,
		encoding: 'utf8',
		...(options.unprivileged && runsAsRoot ? {uid: NOBODY, gid: NOBODY} : {}),
	});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
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
	await t.throwsAsync(openDatabase({dbPath: folder}), {instanceOf: DatabaseError, message: `Database path ${folder} is a folder; give the path of a file (it is created if missing) with --db or ECTOSMITH_DB.`});
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

test('a folder in the way of the database folder is named', async t => {
	const dir = tempDir(t);
	const blocker = join(dir, 'data');
	writeFileSync(blocker, '');
	const dbPath = join(blocker, 'sub', 'e.db');
	await t.throwsAsync(openDatabase({dbPath}), {
		instanceOf: DatabaseError,
		message: `Cannot create the database folder ${join(blocker, 'sub')}: ${blocker} is a file, not a folder. Fix that or choose another file with --db or ECTOSMITH_DB.`,
	});
	assertClearError(t, migrate(dbPath), /data is a file, not a folder/);
});

test("another program's database with clashing tables is refused before any migration runs", async t => {
	const dbPath = tempDbPath(t);
	mkdirSync(join(dbPath, '..'), {recursive: true});
	spawnSync('sqlite3', [dbPath, 'create table workflows (x integer); create table other (y integer);']);
	await t.throwsAsync(openDatabase({dbPath}), {
		instanceOf: DatabaseError,
		message: `${dbPath} already has table(s) workflows that ectosmith's migrations did not create, so it is not an ectosmith database. Choose another file with --db or ECTOSMITH_DB.`,
	});
	t.is(spawnSync('sqlite3', [dbPath, "select count(*) from sqlite_master where type = 'table'"], {encoding: 'utf8'}).stdout.trim(), '2', 'nothing was created');
	// Also once an earlier, older attempt left MikroORM's (empty) bookkeeping table behind.
	spawnSync('sqlite3', [dbPath, 'create table mikro_orm_migrations (id integer primary key, name text, executed_at datetime)']);
	await t.throwsAsync(openDatabase({dbPath}), {instanceOf: DatabaseError, message: /already has table\(s\) workflows that ectosmith's migrations did not create/});
});

test('a database migrated by a newer ectosmith is refused', async t => {
	const dbPath = tempDbPath(t);
	const orm = await openDatabase({dbPath, seed: false});
	await orm.close(true);
	spawnSync('sqlite3', [dbPath, "insert into mikro_orm_migrations (name, executed_at) values ('Migration29990101000000', '2999-01-01')"]);
	await t.throwsAsync(openDatabase({dbPath}), {instanceOf: DatabaseError, message: /was migrated by a newer ectosmith \(migration\(s\) this version does not know: Migration29990101000000\)\. Upgrade ectosmith/});
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
	assertClearError(t, migrate(join(locked, 'sub', 'new.db'), {unprivileged: true}), /Cannot create the database folder .*locked\/sub: permission denied/);
	assertClearError(t, migrate(existing, {unprivileged: true}), /The database .*e\.db is read-only for this user: its folder .*locked is not writable/);
});

test('SQLite codes outside those explained pass through unchanged', t => {
	const other = new Error('SQLITE_CONSTRAINT: NOT NULL constraint failed');
	t.is(explainDatabaseError('/x.db', other), other);
	const full = explainDatabaseError('/x.db', new Error('SQLITE_FULL: database or disk is full'));
	t.true(full instanceof DatabaseError);
	t.regex((full as Error).message, /^Cannot write the database \/x\.db: the disk is full/);
});
