import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {migrationsList} from '../../migrations/sqlite/index.js';
import {packageRoot} from '../../source/package-root.js';
import {tempDir} from '../helpers/temp-dir.js';
import {tsxLoader} from '../helpers/tsx-loader.js';

const heavy = /@mikro-orm|[/\\]knex[/\\]|[/\\]sqlite3[/\\]/;

/**
 * Run a CLI entry with NODE_DEBUG=module, which logs every CommonJS module loaded (MikroORM, knex and
 * sqlite3 are CommonJS). The trace grows with the checkout's path: a deep clone passes spawnSync's 1 MiB
 * default buffer, so the buffer is set far above it.
 */
function tracedRun(cwd: string, nodeArgs: string[], args: string[]) {
	const {ECTOSMITH_DB: _db, XDG_DATA_HOME: _xdg, NODE_OPTIONS: _options, ...env} = process.env;
	const result = spawnSync(process.execPath, [...nodeArgs, ...args], {cwd, env: {...env, NODE_DEBUG: 'module'}, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024});
	return {code: result.status, stdout: result.stdout, trace: result.stderr};
}

test('--help, --version and db path do not load the ORM; db migrate does', t => {
	const cwd = tempDir(t);
	const source = ['--import', tsxLoader, join(packageRoot(), 'source', 'cli.tsx')];
	for (const args of [['--help'], ['--version'], ['db', 'path', '--db', join(cwd, 'x.db')]]) {
		const run = tracedRun(cwd, source, args);
		t.is(run.code, 0, args.join(' '));
		t.true(run.stdout.length > 0, args.join(' '));
		t.notRegex(run.trace, heavy, args.join(' '));
	}

	// The control: the trace does show the ORM when a command needs it.
	const migrate = tracedRun(cwd, source, ['--db', join(cwd, 'x.db'), 'db', 'migrate']);
	t.is(migrate.code, 0, migrate.trace.slice(-2000));
	t.regex(migrate.trace, heavy);
});

test('the compiled CLI applies the committed migrations from dist without a TypeScript loader', t => {
	const compiled = join(packageRoot(), 'dist', 'source', 'cli.js');
	if (!existsSync(compiled)) {
		if (process.env.CI === 'true') t.fail('dist/ is missing: run npm run build before the tests');
		else t.pass('dist/ not built; skipped');
		return;
	}

	t.true(existsSync(join(packageRoot(), 'dist', 'migrations', 'sqlite', 'index.js')));
	const cwd = tempDir(t);
	const dbPath = join(tempDir(t), 'compiled.db');
	const run = tracedRun(cwd, [], [compiled, '--db', dbPath, 'db', 'migrate']);
	t.is(run.code, 0, run.trace.slice(-2000));
	t.true(run.stdout.startsWith(`Applied ${migrationsList.length} migration(s) to ${dbPath}:\n`), run.stdout);
	t.notRegex(run.trace, /[/\\]node_modules[/\\](tsx|typescript|ts-morph|@mikro-orm[/\\]reflection)[/\\]/);
	t.deepEqual(readdirSync(cwd), [], 'no metadata cache or temp folder in the current directory');
	const tables = spawnSync(
		'sqlite3',
		[dbPath, "select count(*) from sqlite_master where type = 'table' and name in ('workflows', 'mcp_servers', 'workflow_mcp_server_associations', 'executions', 'messages')"],
		{encoding: 'utf8'},
	);
	t.is(tables.stdout.trim(), '5');
});
