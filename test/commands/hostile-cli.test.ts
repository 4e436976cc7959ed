/**
 * What reaches the terminal through the real CLI, with hostile content in the record, the server
 * entries and the files given: control characters are made visible, error lines stay one line,
 * secrets stay masked or scrubbed, and a flag means what was typed.
 */
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {McpServer, Workflow} from '../../source/db/entities/index.js';
import {openDatabase} from '../../source/db/orm.js';
import {Recorder} from '../../source/records/recorder.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {tempDir} from '../helpers/temp-dir.js';
import {tsServer} from '../helpers/tool-servers.js';
import {cliEnv, runCli, seededDb} from './_cli.js';

const ESC = '\u001B';
const ECHOED = 'tok-echoed-secret-4242';
const SECRETS = ['ghp_argTokenValue123', 'sk-flag-value-5678', 'query-key-abcdef', 'access-zzz-123456', 'cs-client-secret-9', 'pw-in-url-7777'];

async function setUp(t: Parameters<typeof seededDb>[0]) {
	const db = await seededDb(t);
	const orm = await openDatabase({dbPath: db, seed: false});
	try {
		const em = orm.em.fork();
		const fixture = tsServer('echoing', 'test/fixtures-servers/basic-server.ts');
		const echoing = em.create(McpServer, {name: 'echoing', command: fixture.command, args: fixture.args, env: {TOKEN: ECHOED}});
		em.create(Workflow, {name: 'echo_flow', llmModel: 'm', initialPromptTemplate: '{{schema_description}}', maxConversationTurns: 5, servers: [echoing]});
		em.create(McpServer, {
			name: 'leaky',
			command: 'npx',
			args: [`--token=${SECRETS[0]}`, '--api-key', SECRETS[1]!, `https://x.example/mcp?key=${SECRETS[2]}&page=2`],
			env: {},
			clientKeys: {oauth: {clientId: 'public-id', clientSecret: SECRETS[4]}},
		});
		em.create(McpServer, {name: 'remote', command: '', args: [], env: {}, transport: 'http', url: `https://me:${SECRETS[5]}@x.example/mcp?access_token=${SECRETS[3]}`});
		await em.flush();
		// A record as an import or an older version may have left it: raw control characters, an unscrubbed echo.
		const recorder = new Recorder(orm);
		const id = await recorder.startExecution({
			workflowName: 'elixir_crud_generator',
			description: 'Blog.Post posts title:string',
			targetProjectPath: `/tmp/${ESC}]0;retitled${ESC}\\proj`,
			provider: `${ESC}[2Jgemini`,
			model: 'm',
		});
		await recorder.addMessage(id, {turnNumber: 1, role: 'model', contentText: `Hello ${ESC}[31mred${ESC}[0m`});
		await recorder.addMessage(id, {turnNumber: 1, role: 'tool_request', functionCallName: 'env_value', functionCallArgs: {name: 'TOKEN'}});
		await recorder.addMessage(id, {turnNumber: 1, role: 'tool_response', functionResponseName: 'env_value', functionResponseContent: {text: `TOKEN=${ECHOED}`}, contentText: `TOKEN=${ECHOED}`});
		await recorder.finishExecution(id, {status: 'COMPLETED', turnCount: 1, finalResponseText: `done ${ESC}[5m`});
	} finally {
		await orm.close(true);
	}

	const env = cliEnv(tempDir(t));
	return (...args: string[]) => runCli([...args, '--db', db], {env});
}

test('show and export --format md make control characters visible and never print an echoed env value', async t => {
	const cli = await setUp(t);
	for (const args of [
		['show', '1'],
		['export', '1', '--format', 'md'],
	]) {
		const result = await cli(...args);
		t.is(result.code, 0, result.stderr);
		t.false(result.stdout.includes(ESC), `${args.join(' ')} printed a raw escape`);
		t.regex(result.stdout, /\\x1b\[2Jgemini/);
		t.false(result.stdout.includes(ECHOED), `${args.join(' ')} printed the env value`);
		t.regex(result.stdout, /TOKEN=\[REDACTED\]/);
	}

	const dir = tempDir(t);
	const out = await cli('export', '1', '--out', path.join(dir, `x${ESC}[31m.json`));
	t.is(out.code, 0, out.stderr);
	t.false(out.stderr.includes(ESC));
	t.regex(out.stderr, /x\\x1b\[31m\.json/);
});

test("servers list, show --json and export mask tokens in args, URL queries and passwords, and other clients' secret keys", async t => {
	const cli = await setUp(t);
	for (const args of [
		['servers', 'list'],
		['servers', 'list', '--json'],
		['servers', 'show', 'leaky', '--json'],
		['servers', 'show', 'remote'],
		['servers', 'export', '--format', 'gemini'],
	]) {
		const result = await cli(...args);
		t.is(result.code, 0, result.stderr);
		for (const secret of SECRETS) t.false(result.stdout.includes(secret), `${args.join(' ')} printed ${secret}`);
		t.false(result.stdout.includes(ECHOED));
	}

	const shown = await cli('servers', 'show', 'leaky', '--json', '--show-secrets');
	t.true(shown.stdout.includes(SECRETS[4]!), '--show-secrets shows them');
	const exported = JSON.parse((await cli('servers', 'export')).stdout) as {mcpServers: Record<string, {args: string[]; oauth: {clientId: string; clientSecret: string}}>};
	t.deepEqual(exported.mcpServers['leaky']!.args, ['--token=********', '--api-key', '********', 'https://x.example/mcp?key=********&page=2']);
	t.deepEqual(exported.mcpServers['leaky']!.oauth, {clientId: 'public-id', clientSecret: '********'});
});

test('hostile and broken server files are refused in one line naming the field; a NUL is not a corrupt database', async t => {
	const cli = await setUp(t);
	const dir = tempDir(t);
	const file = (name: string, text: string) => {
		const target = path.join(dir, name);
		writeFileSync(target, text);
		return target;
	};

	const forged = await cli('servers', 'import', file('forged.json', JSON.stringify({mcpServers: {s: {command: 'n', env: {[`K${ESC}[2J\nectosmith: all good`]: 'v'}}}})));
	t.is(forged.code, 1);
	t.is(forged.stderr.split('\n').length, 2, forged.stderr);
	t.false(forged.stderr.includes(ESC));
	t.regex(forged.stderr, /env key "K\\x1b\[2J\\nectosmith: all good"/);

	const nul = await cli('servers', 'import', file('nul.json', JSON.stringify({mcpServers: {s: {command: 'no\u0000de', description: 'x'}}})));
	t.is(nul.code, 1);
	t.regex(nul.stderr, /^ectosmith: .*nul\.json: mcpServers\.s: command holds a NUL character/);
	t.notRegex(nul.stderr, /SQLITE|move the file aside/);

	const deep = await cli('servers', 'import', file('deep.json', `{"mcpServers": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`));
	t.is(deep.code, 1);
	t.regex(deep.stderr, /^ectosmith: .*deep\.json: nested more than 64 levels deep at line 1, column \d+; a client file is a few levels deep\n$/);

	const seedDir = tempDir(t);
	writeFileSync(path.join(seedDir, 'mcp_servers.json'), JSON.stringify({mcpServers: {s: {command: 'node', cwd: '/tm\u0000p'}}}));
	const seed = await cli('db', 'seed', '--from', seedDir);
	t.is(seed.code, 1);
	t.regex(seed.stderr, /server "s": "cwd" holds a NUL character/);
	t.notRegex(seed.stderr, /SQLITE|move the file aside/);

	const template = file('template.txt', 'Make {{schema_description}}\u0000');
	const workflow = await cli('workflows', 'add', 'wf', '--server', 'echoing', '--template-file', template);
	t.is(workflow.code, 2);
	t.regex(workflow.stderr, /^ectosmith: workflow "wf": --template(-file)? holds a NUL character/);
	t.notRegex(workflow.stderr, /SQLITE|move the file aside/);
});

test('--search \'""\' searches for "" and an empty --search is refused; demo shows the folder typed with its controls visible', async t => {
	const cli = await setUp(t);
	const quoted = await cli('history', '--search', '""');
	t.is(quoted.code, 0, quoted.stderr);
	t.is(quoted.stdout, 'No executions match.\n');
	const empty = await cli('history', '--search', '');
	t.is(empty.code, 2);
	t.regex(empty.stderr, /--search needs some text/);

	const target = path.join(tempDir(t), `demo${ESC}]0;x${ESC}\\`);
	const demo = await cli('demo', target);
	t.is(demo.code, 0, demo.stderr);
	t.false(demo.stdout.includes(ESC));
	t.regex(demo.stdout, /demo\\x1b\]0;x\\x1b\\/);
});

test('a server entry is handed the API key only when allowed: --allow-api-key, shown by servers show', async t => {
	const cli = await setUp(t);
	const added = await cli('servers', 'add', 'keyed', '--command', 'node', '--env', 'LEAK=${GEMINI_API_KEY}', '--allow-api-key');
	t.is(added.code, 0, added.stderr);
	t.regex((await cli('servers', 'show', 'keyed')).stdout, /^API key: +passed/m);
	t.regex((await cli('servers', 'show', 'echoing')).stdout, /^API key: +never passed \(--allow-api-key to let its env use it\)/m);
});

test('a headless run prints what a tool or the model echoes of a server secret scrubbed, as the record stores it', async t => {
	const cli = await setUp(t);
	const project = await copyFixtureProject(t);
	const script = path.join(tempDir(t), 'script.json');
	writeFileSync(
		script,
		JSON.stringify({
			provider: 'scripted',
			model: 'm',
			turns: [
				{text: '', functionCalls: [{name: 'env_value', args: {name: 'TOKEN'}}]},
				{text: `It is ${ECHOED}.`, functionCalls: []},
			],
		}),
	);
	const run = await cli('run', '--provider', 'scripted', '--script', script, '--workflow', 'echo_flow', '--project', project, '--verbose', 'echo the token');
	t.is(run.code, 0, run.stderr);
	t.false(run.stdout.includes(ECHOED), run.stdout);
	t.regex(run.stdout, /TOKEN=\[REDACTED\]/);
	t.regex(run.stdout, /It is \[REDACTED\]\./);
});
