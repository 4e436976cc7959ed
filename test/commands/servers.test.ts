/**
 * The servers and workflows commands, run as the real CLI against temp databases. The machine is
 * slow to start a process, so each test runs few commands and sets up the rest through ConfigStore.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {ConfigStore} from '../../source/config/config-store.js';
import {serverDefaults} from '../../source/config/entry-fields.js';
import {openDatabase} from '../../source/db/orm.js';
import {packageRoot} from '../../source/package-root.js';
import {eachDialect, tempDbLocation} from '../helpers/temp-db.js';
import {tempDir} from '../helpers/temp-dir.js';
import {tsxLoader} from '../helpers/tsx-loader.js';
import {cliEnv, runCli, seededDb} from './_cli.js';

const fixtureServer = (name: string) => path.join(packageRoot(), 'test/fixtures-servers', `${name}.ts`);
const clientFixture = (name: string) => path.join(packageRoot(), 'test/fixtures/clients', name);

async function cli(t: ExecutionContext, dbPath: string, ...args: string[]) {
	return runCli([...args, '--db', dbPath], {env: cliEnv(tempDir(t, 'ectosmith-state-'))});
}

async function withStore<T>(dbPath: string, work: (store: ConfigStore) => Promise<T>): Promise<T> {
	const orm = await openDatabase({dbPath, seed: false});
	try {
		return await work(new ConfigStore(orm.em));
	} finally {
		await orm.close(true);
	}
}

test('add, show and edit a server from the command line; stored env values are masked unless --show-secrets', async t => {
	const dbPath = await seededDb(t);
	const added = await cli(
		t,
		dbPath,
		'servers',
		'add',
		'gh',
		'--command',
		'npx',
		'--arg',
		'-y',
		'--arg',
		'server-github',
		'--env',
		'TOKEN=stored-secret-77',
		'--env',
		'REF=${GITHUB_TOKEN}',
		'--timeout',
		'3000',
		'--include-tool',
		'search,issues',
		'--trust',
	);
	t.is(added.code, 0, added.stderr);
	t.regex(added.stdout, /Added MCP server gh: npx -y server-github/);

	const edited = await cli(t, dbPath, 'servers', 'edit', 'gh', '--description', 'GitHub issues', '--env', 'OTHER=kept-secret', '--no-trust', '--rename', 'github');
	t.is(edited.code, 0, edited.stderr);
	const stored = await withStore(dbPath, async store => store.getServer('github'));
	t.like(stored, {
		description: 'GitHub issues',
		trust: false,
		env: {TOKEN: 'stored-secret-77', REF: '${GITHUB_TOKEN}', OTHER: 'kept-secret'},
		timeoutMs: 3000,
		includeTools: ['search', 'issues'],
		args: ['-y', 'server-github'],
	});
	t.true(stored.updatedAt.getTime() > stored.createdAt.getTime());

	const shown = await cli(t, dbPath, 'servers', 'show', 'github');
	t.regex(shown.stdout, /env: +TOKEN=\*{8} REF=\$\{GITHUB_TOKEN\} OTHER=\*{8}/);
	t.regex(shown.stdout, /timeout: +3000 ms/);
	t.false(shown.stdout.includes('stored-secret-77'));
	const revealed = await cli(t, dbPath, 'servers', 'list', '--json', '--show-secrets');
	t.is(JSON.parse(revealed.stdout).find((server: {name: string}) => server.name === 'github').env.TOKEN, 'stored-secret-77');
	const bad = await cli(t, dbPath, 'servers', 'add', 'x', '--env', '1BAD=v');
	t.is(bad.code, 2);
	t.regex(bad.stderr, /^ectosmith: --env key "1BAD" is not a variable name/);
});

eachDialect('a server over HTTP from the command line: --url and --header, the header masked, Name= removing it', async (t, dialect) => {
	const dbPath = await tempDbLocation(t, dialect);
	const added = await cli(
		t,
		dbPath,
		'servers',
		'add',
		'tidewave',
		'--url',
		'http://localhost:4000/tidewave/mcp',
		'--header',
		'Authorization=Bearer stored-token-55',
		'--header',
		'X-Team=${TEAM_TOKEN}',
	);
	t.is(added.code, 0, added.stderr);
	const shown = await cli(t, dbPath, 'servers', 'show', 'tidewave');
	t.is(shown.code, 0, shown.stderr);
	t.regex(shown.stdout, /http:\/\/localhost:4000\/tidewave\/mcp/);
	t.regex(shown.stdout, /^headers: +.*Authorization: \*{8}/m);
	t.regex(shown.stdout, /X-Team: \$\{TEAM_TOKEN\}/);
	t.false(shown.stdout.includes('stored-token-55'));
	const edited = await cli(t, dbPath, 'servers', 'edit', 'tidewave', '--header', 'Authorization=');
	t.is(edited.code, 0, edited.stderr);
	t.like(await withStore(dbPath, async store => store.getServer('tidewave')), {transport: 'http', headers: {'X-Team': '${TEAM_TOKEN}'}});
});

test('remove refuses while a workflow uses the server and --detach takes it out; workflows need known placeholders', async t => {
	const dbPath = await seededDb(t);
	const template = path.join(tempDir(t), 'prompt.txt');
	writeFileSync(template, 'Generate {{schema_description}} into {{project_path}}.');
	const added = await cli(
		t,
		dbPath,
		'workflows',
		'add',
		'schemas_only',
		'--server',
		'elixir_ecto_gen_tool',
		'--server',
		'elixir_migration_gen_tool',
		'--template-file',
		template,
		'--max-turns',
		'4',
		'--model',
		'gemini-2.5-pro',
	);
	t.is(added.code, 0, added.stderr);
	const typo = await cli(t, dbPath, 'workflows', 'edit', 'schemas_only', '--template', 'Into {{project_dir}}');
	t.is(typo.code, 2);
	t.regex(typo.stderr, /--template has unknown placeholder\(s\) \{\{project_dir\}\}; known: \{\{schema_description\}\}, \{\{project_path\}\}, \{\{app_module\}\}/);

	const refused = await cli(t, dbPath, 'servers', 'remove', 'elixir_ecto_gen_tool');
	t.is(refused.code, 1);
	t.regex(refused.stderr, /is used by workflow\(s\) elixir_crud_generator, schemas_only; detach it/);
	const detached = await cli(t, dbPath, 'servers', 'remove', 'elixir_ecto_gen_tool', '--detach');
	t.is(detached.code, 0, detached.stderr);
	t.regex(detached.stdout, /detached from elixir_crud_generator, schemas_only/);
	const workflow = await withStore(dbPath, async store => store.getWorkflow('schemas_only'));
	t.like(workflow, {serverNames: ['elixir_migration_gen_tool'], maxConversationTurns: 4, llmModel: 'gemini-2.5-pro', initialPromptTemplate: 'Generate {{schema_description}} into {{project_path}}.'});
});

test('import a client file, refuse a malformed one in one line, export --out; an existing file is kept without --force', async t => {
	const dbPath = await seededDb(t);
	await withStore(dbPath, async store => {
		const {parseClientFile} = await import('../../source/config/client-files.js');
		for (const file of ['claude_desktop_config.json', 'gemini-settings.json']) {
			await store.importServers(parseClientFile(readFileSync(clientFixture(file), 'utf8'), file).entries);
		}
	});
	const cursor = await cli(t, dbPath, 'servers', 'import', clientFixture('cursor-mcp.json'), '--json');
	t.is(cursor.code, 0, cursor.stderr);
	t.deepEqual(JSON.parse(cursor.stdout).created, ['postgres', 'remote-docs', 'linear']);
	const malformed = await cli(t, dbPath, 'servers', 'import', clientFixture('malformed.json'));
	t.is(malformed.code, 1);
	t.regex(malformed.stderr, /^ectosmith: .*malformed.json: not valid JSON at line 5, column 21/);
	t.is(malformed.stderr.trim().split('\n').length, 1);

	const out = path.join(tempDir(t), 'mcp.json');
	const exported = await cli(t, dbPath, 'servers', 'export', '--format', 'gemini', '--out', out);
	t.is(exported.code, 0, exported.stderr);
	t.regex(exported.stderr, /4 secret value\(s\) \(env, headers, tokens in args and URLs, secret keys of other clients\) were masked; pass --show-secrets/);
	const json = JSON.parse(readFileSync(out, 'utf8'));
	t.false(JSON.stringify(json).includes('${ECTOSMITH_PACKAGE}'));
	t.is(json.mcpServers.httpServer.httpUrl, 'http://localhost:3000/mcp');
	t.is(json.mcpServers.linear.httpUrl, 'https://mcp.linear.app/mcp');
	t.is(json.mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN, '********');
	const kept = await cli(t, dbPath, 'servers', 'export', '--out', out);
	t.is(kept.code, 2);
	t.regex(kept.stderr, /exists; pass --force to replace it/);
	t.deepEqual(JSON.parse(readFileSync(out, 'utf8')), json);
});

test('servers test: our own server lists its tools; one that fails to start shows the error and its stderr; Gemini losses are flagged', async t => {
	const dbPath = await seededDb(t);
	const node = {...serverDefaults(), command: process.execPath};
	await withStore(dbPath, async store => {
		await store.addServer({...node, name: 'broken', args: ['--import', tsxLoader, fixtureServer('exit-at-start')]});
		await store.addServer({...node, name: 'lossy', args: ['--import', tsxLoader, fixtureServer('lossy-schema')], excludeTools: ['tag_hosts'], enabled: false});
	});
	const ours = await cli(t, dbPath, 'servers', 'test', 'elixir_ecto_gen_tool');
	t.is(ours.code, 0, ours.stderr);
	t.regex(ours.stdout, /Started; 2 tool\(s\):/);
	t.regex(ours.stdout, /inspect_project \[read-only\]/);
	t.regex(ours.stdout, /generate_schema \[writes\]/);
	t.false(ours.stdout.includes('Gemini cannot express'));

	const broken = await cli(t, dbPath, 'servers', 'test', 'broken');
	t.is(broken.code, 1);
	t.regex(broken.stdout, /MCP server "broken": exited during startup \(exit code 1\)/);
	t.regex(broken.stdout, /Last lines of its stderr:\n {2}starting fixture\n {2}fatal: cannot open config file \/nonexistent\/settings.toml/);

	// A disabled entry can be tested before it is enabled.
	const lossy = await cli(t, dbPath, 'servers', 'test', 'lossy', '--json');
	t.is(lossy.code, 0, lossy.stderr);
	const [tool] = JSON.parse(lossy.stdout).tools;
	t.like(tool, {name: 'tag_hosts', readOnly: true, offered: false});
	t.deepEqual(tool.geminiLosses, ['hosts: uniqueItems', 'hosts[]: format "hostname"', 'port: exclusiveMinimum', 'port: multipleOf', 'pair: tuple items (only the first position is kept)']);
	t.true(existsSync(dbPath));
});
