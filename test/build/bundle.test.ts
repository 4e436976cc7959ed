// The shipped artifacts: `npm run build` bundles the CLI and the tool servers (scripts/bundle.js) to
// the paths package.json's bin and the seeded server entries name. These run that build, not the
// sources through tsx; CI builds before the tests, so there a missing dist/ fails.
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {Client} from '@modelcontextprotocol/sdk/client/index.js';
import {StdioClientTransport} from '@modelcontextprotocol/sdk/client/stdio.js';
import test, {type ExecutionContext} from 'ava';
import {migrationsList} from '../../migrations/sqlite/index.js';
import {packageRoot} from '../../source/package-root.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {tempDir} from '../helpers/temp-dir.js';

const dist = join(packageRoot(), 'dist', 'source');
const cli = join(dist, 'cli.js');
const toolBins = ['elixir-ecto-gen-tool', 'elixir-migration-gen-tool', 'phoenix-context-gen-tool'];

function built(t: ExecutionContext): boolean {
	if (existsSync(join(packageRoot(), 'dist', 'bundle'))) return true;
	if (process.env.CI === 'true') t.fail('dist/bundle is missing: run npm run build before the tests');
	else t.pass('not built (npm run build); skipped');
	return false;
}

/** The bundled CLI with a private database and no API key (the offline planner). */
function runCli(t: ExecutionContext, args: string[], options: {cwd?: string; dbPath: string; trace?: boolean}) {
	const {NODE_OPTIONS: _options, GEMINI_API_KEY: _gemini, GOOGLE_API_KEY: _google, ...env} = process.env;
	const result = spawnSync(process.execPath, [cli, ...args], {
		cwd: options.cwd ?? tempDir(t),
		env: {...env, ECTOSMITH_DB: options.dbPath, XDG_STATE_HOME: tempDir(t), ...(options.trace ? {NODE_DEBUG: 'module'} : {})},
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
	});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

test('the bin entries are bundles: the CLI and each tool server import only bundle chunks of ours', t => {
	if (!built(t)) return;
	for (const file of [cli, ...toolBins.map(bin => join(dist, 'tools', 'bin', `${bin}.js`))]) {
		const text = readFileSync(file, 'utf8');
		t.true(text.startsWith('#!/usr/bin/env node\n'), file);
		// tsc's output imports sibling modules (./cli/..., ../servers/...); the bundle only its chunks.
		const imports = [...text.matchAll(/from\s+"(\.[^"]+)"/g)].map(match => match[1]!);
		t.true(imports.length > 0, file);
		t.true(
			imports.every(specifier => specifier.includes('/bundle/')),
			`${file}: ${imports.join(', ')}`,
		);
	}
});

test('the bundled CLI prints its version without loading the ORM, and migrates a new database', t => {
	if (!built(t)) return;
	const dbPath = join(tempDir(t), 'bundle.db');
	const version = runCli(t, ['--version'], {dbPath, trace: true});
	t.is(version.code, 0, version.stderr.slice(-2000));
	t.is(version.stdout.trim(), (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {version: string}).version);
	t.notRegex(version.stderr, /@mikro-orm|[/\\]knex[/\\]|[/\\]sqlite3[/\\]/);

	const migrate = runCli(t, ['db', 'migrate'], {dbPath});
	t.is(migrate.code, 0, migrate.stderr);
	t.true(migrate.stdout.startsWith(`Applied ${migrationsList.length} migration(s) to ${dbPath}:\n`), migrate.stdout);
	const again = runCli(t, ['db', 'migrate'], {dbPath});
	t.is(again.code, 0, again.stderr);
	t.false(again.stdout.startsWith('Applied'), again.stdout);

	// A read of an up-to-date database loads the ORM but not the migrator (umzug, its command line, ajv).
	const history = runCli(t, ['history', '--limit', '1'], {dbPath, trace: true});
	t.is(history.code, 0, history.stderr.slice(-2000));
	t.regex(history.stderr, /@mikro-orm[/\\]core/);
	t.notRegex(history.stderr, /@mikro-orm[/\\]migrations|[/\\]umzug[/\\]/);
});

test('each bundled tool server answers a real MCP call over stdio', async t => {
	if (!built(t)) return;
	const project = await copyFixtureProject(t);
	for (const bin of toolBins) {
		const client = new Client({name: 'ectosmith-bundle-test', version: '1.0.0'});
		await client.connect(new StdioClientTransport({command: process.execPath, args: [join(dist, 'tools', 'bin', `${bin}.js`)], cwd: tempDir(t), stderr: 'pipe'}));
		try {
			const {tools} = await client.listTools();
			t.true(tools.length > 0, bin);
			if (bin === 'elixir-ecto-gen-tool') {
				const result = await client.callTool({name: 'inspect_project', arguments: {project_path: project}});
				t.not(result.isError, true, JSON.stringify(result.content));
				t.is((result.structuredContent as {app?: string} | undefined)?.app, 'my_app');
			}
		} finally {
			await client.close();
		}
	}
});

test('the bundled CLI runs the offline 2-entity blog end to end through the bundled tool servers', async t => {
	if (!built(t)) return;
	const project = await copyFixtureProject(t);
	const dbPath = join(tempDir(t), 'run.db');
	const run = runCli(t, ['run', '--project', project, 'a blog with posts (title, body as text, published boolean) and comments (body) that belong to posts'], {dbPath, cwd: project});
	t.is(run.code, 0, `${run.stdout}\n${run.stderr}`);
	t.true(existsSync(join(project, 'lib', 'my_app', 'blog', 'post.ex')));
	t.true(existsSync(join(project, 'lib', 'my_app', 'blog', 'comment.ex')));
	t.true(existsSync(join(project, 'lib', 'my_app', 'blog.ex')));
	t.is(readdirSync(join(project, 'priv', 'repo', 'migrations')).filter(name => /_create_(posts|comments)\.exs$/.test(name)).length, 2);
	const history = runCli(t, ['history', '--json'], {dbPath});
	t.is(history.code, 0, history.stderr);
	t.is((JSON.parse(history.stdout.trim().split('\n')[0]!) as {status: string}).status, 'COMPLETED');
});
