import {cpSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {McpServer, Workflow} from '../../source/db/entities/index.js';
import type {Database} from '../../source/db/orm.js';
import {defaultFixturesDir, importSeed, loadSeedFiles, SeedFormatError, seedIfEmpty} from '../../source/db/seed.js';
import {openTempDatabase} from '../helpers/temp-db.js';
import {tempDir} from '../helpers/temp-dir.js';

interface Snapshot {
	servers: Array<{name: string; updatedAt: number; args: string[]; timeoutMs: number | null}>;
	workflows: Array<{name: string; updatedAt: number; llmModel: string; servers: string[]}>;
}

async function snapshot(orm: Database): Promise<Snapshot> {
	const em = orm.em.fork();
	const servers = await em.find(McpServer, {}, {orderBy: {name: 'asc'}});
	const workflows = await em.find(Workflow, {}, {populate: ['servers'], orderBy: {name: 'asc'}});
	return {
		servers: servers.map(server => ({name: server.name, updatedAt: server.updatedAt.getTime(), args: server.args, timeoutMs: server.timeoutMs ?? null})),
		workflows: workflows.map(workflow => ({
			name: workflow.name,
			updatedAt: workflow.updatedAt.getTime(),
			llmModel: workflow.llmModel,
			servers: workflow.servers
				.getItems()
				.map(server => server.name)
				.sort(),
		})),
	};
}

function copyFixtures(t: Parameters<typeof tempDir>[0]): string {
	const dir = tempDir(t);
	cpSync(join(defaultFixturesDir(), 'mcp_servers.json'), join(dir, 'mcp_servers.json'));
	cpSync(join(defaultFixturesDir(), 'workflows.json'), join(dir, 'workflows.json'));
	return dir;
}

test('first open seeds the four servers and the default workflow with its associations', async t => {
	const orm = await openTempDatabase(t);
	const state = await snapshot(orm);
	t.deepEqual(
		state.servers.map(server => server.name),
		['elixir_ecto_gen_tool', 'elixir_migration_gen_tool', 'phoenix_check_tool', 'phoenix_context_gen_tool'],
	);
	// The check's call timeout comes from its entry, above the sum of its step timeouts.
	t.is(state.servers.find(server => server.name === 'phoenix_check_tool')!.timeoutMs, 900_000);
	t.deepEqual(state.servers[0]!.args, ['${ECTOSMITH_PACKAGE}/dist/source/tools/bin/elixir-ecto-gen-tool.js']);
	t.is(state.workflows.length, 1);
	t.like(state.workflows[0], {name: 'elixir_crud_generator', llmModel: 'gemini-2.5-flash'});
	t.deepEqual(state.workflows[0]!.servers, ['elixir_ecto_gen_tool', 'elixir_migration_gen_tool', 'phoenix_check_tool', 'phoenix_context_gen_tool']);
	const workflow = await orm.em.fork().findOneOrFail(Workflow, {name: 'elixir_crud_generator'});
	t.is(workflow.maxConversationTurns, 10);
	t.is(workflow.checks, 'full');
	for (const placeholder of [
		'{{schema_description}}',
		'{{project_path}}',
		'{{app_module}}',
		'inspect_project',
		'generate_schema',
		'generate_migration',
		'generate_context',
		'user_id:references:users',
		'check_project',
	]) {
		t.true(workflow.initialPromptTemplate.includes(placeholder), placeholder);
	}
});

test('seeding again changes nothing: same rows, same updated_at', async t => {
	const orm = await openTempDatabase(t);
	const before = await snapshot(orm);
	t.is(await seedIfEmpty(orm), undefined);
	const report = await importSeed(orm.em.fork(), loadSeedFiles(defaultFixturesDir()));
	t.deepEqual(report, {servers: {created: 0, updated: 0, unchanged: 4}, workflows: {created: 0, updated: 0, unchanged: 1}});
	t.deepEqual(await snapshot(orm), before);
});

test('seeding from a folder updates a changed entry and adds new ones', async t => {
	const orm = await openTempDatabase(t);
	const before = await snapshot(orm);
	const dir = copyFixtures(t);
	const servers = JSON.parse(readFileSync(join(dir, 'mcp_servers.json'), 'utf8'));
	servers.mcpServers.elixir_ecto_gen_tool.args = ['/opt/ecto-gen.js', '--verbose'];
	servers.mcpServers.extra_tool = {command: 'extra', args: [], env: {MODE: 'x'}, description: 'An extra'};
	writeFileSync(join(dir, 'mcp_servers.json'), JSON.stringify(servers));
	const workflows = JSON.parse(readFileSync(join(dir, 'workflows.json'), 'utf8'));
	workflows.workflows[0].llm_model = 'gemini-2.5-pro';
	workflows.workflows[0].mcp_servers.push('extra_tool');
	writeFileSync(join(dir, 'workflows.json'), JSON.stringify(workflows));

	const report = await importSeed(orm.em.fork(), loadSeedFiles(dir));
	t.deepEqual(report, {servers: {created: 1, updated: 1, unchanged: 3}, workflows: {created: 0, updated: 1, unchanged: 0}});
	const after = await snapshot(orm);
	const ecto = after.servers.find(server => server.name === 'elixir_ecto_gen_tool')!;
	t.deepEqual(ecto.args, ['/opt/ecto-gen.js', '--verbose']);
	t.true(ecto.updatedAt >= before.servers[0]!.updatedAt);
	const untouched = after.servers.find(server => server.name === 'phoenix_context_gen_tool')!;
	t.is(untouched.updatedAt, before.servers.find(server => server.name === 'phoenix_context_gen_tool')!.updatedAt);
	t.like(after.workflows[0], {llmModel: 'gemini-2.5-pro'});
	t.true(after.workflows[0]!.servers.includes('extra_tool'));
});

test('a workflow naming an unknown server is refused and nothing changes', async t => {
	const orm = await openTempDatabase(t);
	const before = await snapshot(orm);
	const dir = copyFixtures(t);
	const servers = JSON.parse(readFileSync(join(dir, 'mcp_servers.json'), 'utf8'));
	servers.mcpServers.elixir_ecto_gen_tool.description = 'changed, but must not be written';
	writeFileSync(join(dir, 'mcp_servers.json'), JSON.stringify(servers));
	writeFileSync(join(dir, 'workflows.json'), JSON.stringify({workflows: [{name: 'broken', llm_model: 'm', initial_prompt_template: 'p', mcp_servers: ['elixir_ecto_gen_tool', 'no_such_server']}]}));
	const error = await t.throwsAsync(importSeed(orm.em.fork(), loadSeedFiles(dir)), {instanceOf: SeedFormatError});
	t.regex(error!.message, /Workflow "broken" names unknown MCP server\(s\) "no_such_server"; known servers: .*elixir_ecto_gen_tool/);
	t.deepEqual(await snapshot(orm), before);
	const ecto = await orm.em.fork().findOneOrFail(McpServer, {name: 'elixir_ecto_gen_tool'});
	t.not(ecto.description, 'changed, but must not be written');
});

test('malformed seed files are refused with the bad part named', t => {
	const dir = tempDir(t);
	t.throws(() => loadSeedFiles(dir), {message: /has neither mcp_servers\.json nor workflows\.json/});
	writeFileSync(join(dir, 'mcp_servers.json'), JSON.stringify({mcpServers: {good: {command: 'x', args: 'not-an-array'}}}));
	t.throws(() => loadSeedFiles(dir), {message: /server "good": "args" must be an array of strings/});
	writeFileSync(join(dir, 'mcp_servers.json'), JSON.stringify({mcpServers: {'bad name': {command: 'x'}}}));
	t.throws(() => loadSeedFiles(dir), {message: /name "bad name" is not allowed/});
	writeFileSync(join(dir, 'mcp_servers.json'), JSON.stringify({mcpServers: {}}));
	writeFileSync(join(dir, 'workflows.json'), JSON.stringify({workflows: [{name: 'w', llm_model: 'm', initial_prompt_template: 'p', max_conversation_turns: 0}]}));
	t.throws(() => loadSeedFiles(dir), {message: /workflow "w": "max_conversation_turns" must be an integer from 1 to 1000/});
	writeFileSync(join(dir, 'workflows.json'), '{oops');
	t.throws(() => loadSeedFiles(dir), {message: /workflows\.json is not valid JSON/});
});

test('misspelt keys, non-stdio servers and a file given as the folder are refused, naming what is allowed', t => {
	const dir = tempDir(t);
	writeFileSync(join(dir, 'workflows.json'), JSON.stringify({workflows: [{name: 'w', llm_model: 'm', initial_prompt_template: 'p', max_turns: 3}]}));
	t.throws(() => loadSeedFiles(dir), {
		message: /workflows\.json: workflow "w": unknown key\(s\) "max_turns"; allowed: name, description, llm_model, initial_prompt_template, max_conversation_turns, mcp_servers, checks$/,
	});
	writeFileSync(join(dir, 'workflows.json'), JSON.stringify({workflows: []}));
	writeFileSync(join(dir, 'mcp_servers.json'), JSON.stringify({mcpServers: {s: {command: 'x', argv: ['a']}}}));
	t.throws(() => loadSeedFiles(dir), {message: /server "s": unknown key\(s\) "argv"; allowed: command, args, env, description, cwd, type, timeout$/});
	writeFileSync(join(dir, 'mcp_servers.json'), JSON.stringify({mcpServers: {s: {type: 'http', command: 'x'}}}));
	t.throws(() => loadSeedFiles(dir), {message: /server "s": "type" "http" is not supported; only "stdio" servers/});
	// Copied from another MCP client's config: "type": "stdio" is accepted and not stored.
	writeFileSync(join(dir, 'mcp_servers.json'), JSON.stringify({mcpServers: {s: {type: 'stdio', command: 'x'}}}));
	t.deepEqual(loadSeedFiles(dir).servers, [{name: 's', command: 'x', args: [], env: {}, description: ''}]);
	const file = join(dir, 'mcp_servers.json');
	t.throws(() => loadSeedFiles(file), {message: `Seed folder ${file} is a file; give the folder holding mcp_servers.json and/or workflows.json`});
	t.throws(() => loadSeedFiles(join(dir, 'missing')), {message: /missing does not exist; give the folder holding/});
});
