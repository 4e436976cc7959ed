import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {migrationsList} from '../../migrations/sqlite/index.js';
import {defaultFixturesDir} from '../../source/db/seed.js';
import {packageRoot} from '../../source/package-root.js';
import {tempDir} from '../helpers/temp-dir.js';
import {tsxLoader} from '../helpers/tsx-loader.js';

const cli = join(packageRoot(), 'source', 'cli.tsx');

/** Run `ectosmith <args>` through tsx from a scratch cwd, with a controlled environment. */
function ectosmith(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
	const {ECTOSMITH_DB: _db, XDG_DATA_HOME: _xdg, ...base} = process.env;
	const result = spawnSync(process.execPath, ['--import', tsxLoader, cli, ...args], {cwd, env: {...base, ...env}, encoding: 'utf8'});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

test('db path prints the location without creating anything; flag beats env beats XDG', t => {
	const cwd = tempDir(t);
	const xdg = join(tempDir(t), 'xdg');
	const fromXdg = ectosmith(cwd, ['db', 'path'], {XDG_DATA_HOME: xdg});
	t.is(fromXdg.code, 0, fromXdg.stderr);
	t.is(fromXdg.stdout, `${xdg}/ectosmith/ectosmith.db\n`);
	t.false(existsSync(xdg));
	t.is(ectosmith(cwd, ['db', 'path'], {XDG_DATA_HOME: xdg, ECTOSMITH_DB: '/env/e.db'}).stdout, '/env/e.db\n');
	t.is(ectosmith(cwd, ['db', 'path', '--db', 'local.db'], {ECTOSMITH_DB: '/env/e.db'}).stdout, `${join(cwd, 'local.db')}\n`);
	t.deepEqual(readdirSync(cwd), []);
});

test('db migrate applies the migrations once, then reports nothing pending; cwd untouched', t => {
	const cwd = tempDir(t);
	const xdg = join(tempDir(t), 'xdg');
	const first = ectosmith(cwd, ['db', 'migrate'], {XDG_DATA_HOME: xdg});
	t.is(first.code, 0, first.stderr);
	t.true(first.stdout.startsWith(`Applied ${migrationsList.length} migration(s) to ${xdg}/ectosmith/ectosmith.db:\n`));
	for (const migration of migrationsList) t.true(first.stdout.includes(`  ${migration.name}\n`));
	t.true(existsSync(join(xdg, 'ectosmith', 'ectosmith.db')));
	t.regex(first.stdout, /Seeded the default configuration\n {2}servers: {3}4 created, 0 updated, 0 unchanged\n {2}workflows: 1 created/);
	const second = ectosmith(cwd, ['db', 'migrate'], {XDG_DATA_HOME: xdg});
	t.is(second.code, 0, second.stderr);
	t.regex(second.stdout, /is up to date; no pending migrations/);
	t.false(second.stdout.includes('Seeded'), 'a configured database is not seeded again');
	t.deepEqual(readdirSync(cwd), []);
});

test('db seed --from imports a folder and reports counts; bad files are refused with exit 1', t => {
	const cwd = tempDir(t);
	const dbPath = join(tempDir(t), 'e.db');
	const seedDir = tempDir(t);
	const servers = JSON.parse(readFileSync(join(defaultFixturesDir(), 'mcp_servers.json'), 'utf8'));
	servers.mcpServers.phoenix_context_gen_tool.description = 'Changed description';
	writeFileSync(join(seedDir, 'mcp_servers.json'), JSON.stringify(servers));

	const seeded = ectosmith(cwd, ['db', 'seed', '--from', seedDir, '--db', dbPath]);
	t.is(seeded.code, 0, seeded.stderr);
	// A brand-new file: opening it for the import does not auto-seed first, so everything is created.
	t.regex(seeded.stdout, /servers: {3}4 created, 0 updated, 0 unchanged/);
	t.regex(seeded.stdout, /workflows: 0 created, 0 updated, 0 unchanged/);

	const defaults = ectosmith(cwd, ['db', 'seed', '--db', dbPath]);
	t.is(defaults.code, 0, defaults.stderr);
	t.regex(defaults.stdout, /servers: {3}0 created, 1 updated, 3 unchanged/);
	t.regex(defaults.stdout, /workflows: 1 created, 0 updated, 0 unchanged/);

	writeFileSync(join(seedDir, 'workflows.json'), JSON.stringify({workflows: [{name: 'w', llm_model: 'm', initial_prompt_template: 'p', mcp_servers: ['ghost']}]}));
	const refused = ectosmith(cwd, ['db', 'seed', '--from', seedDir, '--db', dbPath]);
	t.is(refused.code, 1);
	t.regex(refused.stderr, /Workflow "w" names unknown MCP server\(s\) "ghost"/);
	t.deepEqual(readdirSync(cwd), []);
});

test('an unknown db subcommand lists the valid ones and exits 2', t => {
	const cwd = tempDir(t);
	const result = ectosmith(cwd, ['db', 'frobnicate']);
	t.is(result.code, 2);
	t.regex(result.stderr, /Unknown db subcommand "frobnicate"\. Use one of: ectosmith db path \| db migrate \| db seed/);
});

test('db seed --from with no folder, and db seed on a file that is not a database, fail with one clear line', t => {
	const cwd = tempDir(t);
	const empty = ectosmith(cwd, ['db', 'seed', '--from', '', '--db', join(cwd, 'e.db')]);
	t.is(empty.code, 2);
	t.is(empty.stderr, '--from needs a folder holding mcp_servers.json and/or workflows.json, for example --from ./config\n');
	t.deepEqual(readdirSync(cwd), [], 'nothing opened');
	const bad = join(tempDir(t), 'bad.db');
	writeFileSync(bad, 'not a database '.repeat(100));
	const refused = ectosmith(cwd, ['db', 'seed', '--db', bad]);
	t.is(refused.code, 1);
	t.is(refused.stderr, `ectosmith: ${bad} is not a usable SQLite database (it is another kind of file or damaged). Move it aside to start afresh, or choose another file with --db or ECTOSMITH_DB.\n`);
});

test('--from outside db seed is refused instead of ignored', t => {
	const cwd = tempDir(t);
	const result = ectosmith(cwd, ['db', 'migrate', '--from', cwd], {XDG_DATA_HOME: join(tempDir(t), 'xdg')});
	t.is(result.code, 2);
	t.regex(result.stderr, /--from belongs to `ectosmith db seed --from DIR`/);
});
