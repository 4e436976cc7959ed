import test from 'ava';
import {AppConfig} from '../../source/config/app-config.js';
import {ConfigStore, EditConflictError, fieldsOf, ServerInUseError, workflowFieldsOf} from '../../source/config/config-store.js';
import {ConfigValidationError, serverDefaults} from '../../source/config/entry-fields.js';
import {openDatabase} from '../../source/db/orm.js';
import {openTempDatabase} from '../helpers/temp-db.js';

const github = {...serverDefaults('github'), command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: {GITHUB_TOKEN: '${GITHUB_TOKEN}'}};

test('add, edit and read back a server; updated_at moves and the next AppConfig read sees the edit', async t => {
	const orm = await openTempDatabase(t);
	const store = new ConfigStore(orm.em);
	const config = new AppConfig(orm.em);
	const added = await store.addServer({...github, timeoutMs: 5000, includeTools: ['search'], trust: true});
	t.like(added, {name: 'github', command: 'npx', timeoutMs: 5000, trust: true, enabled: true, transport: 'stdio', usedBy: []});
	t.like(await config.getServer('github'), {timeoutMs: 5000, includeTools: ['search'], trust: true});

	await new Promise(resolve => setTimeout(resolve, 5));
	const edited = await store.updateServer('github', {...fieldsOf(added), description: 'GitHub issues'}, {expectedUpdatedAt: added.updatedAt});
	t.true(edited.updatedAt.getTime() > added.updatedAt.getTime());
	t.is((await config.getServer('github')).description, 'GitHub issues');
	t.deepEqual((await store.getServer('github')).env, {GITHUB_TOKEN: '${GITHUB_TOKEN}'});
});

test('a second edit started from the old updated_at is refused, not silently lost', async t => {
	const orm = await openTempDatabase(t);
	const store = new ConfigStore(orm.em);
	const start = await store.addServer(github);
	await new Promise(resolve => setTimeout(resolve, 5));
	// Another process saves first.
	const other = await openDatabase({dbPath: orm.config.get('dbName')!, seed: false});
	t.teardown(async () => other.close(true));
	await new ConfigStore(other.em).updateServer('github', {...fieldsOf(start), description: 'theirs'}, {expectedUpdatedAt: start.updatedAt});
	const error = await t.throwsAsync(store.updateServer('github', {...fieldsOf(start), description: 'mine'}, {expectedUpdatedAt: start.updatedAt}));
	t.true(error instanceof EditConflictError);
	t.regex(error!.message, /changed elsewhere .* nothing was saved/);
	t.is((await store.getServer('github')).description, 'theirs');
});

test('invalid fields are refused field by field and nothing is written', async t => {
	const orm = await openTempDatabase(t);
	const store = new ConfigStore(orm.em);
	const error = await t.throwsAsync(store.addServer({...serverDefaults('bad name'), env: {'1X': 'y'}, timeoutMs: -1}));
	t.true(error instanceof ConfigValidationError);
	const problems = (error as ConfigValidationError).problems;
	t.deepEqual(Object.keys(problems).sort(), ['command', 'env', 'name', 'timeoutMs']);
	const taken = await t.throwsAsync(store.addServer({...github, name: 'elixir_ecto_gen_tool'}));
	t.regex(taken!.message, /name "elixir_ecto_gen_tool" is already taken/);
	t.is((await store.listServers()).length, 3);
});

test('remove refuses while a workflow uses the server; detach removes it from workflows but never leaves one empty', async t => {
	const orm = await openTempDatabase(t);
	const store = new ConfigStore(orm.em);
	const used = await t.throwsAsync(store.removeServer('elixir_ecto_gen_tool'));
	t.true(used instanceof ServerInUseError);
	t.regex(used!.message, /used by workflow\(s\) elixir_crud_generator/);
	const result = await store.removeServer('elixir_ecto_gen_tool', {detach: true});
	t.deepEqual(result.detachedFrom, ['elixir_crud_generator']);
	t.deepEqual((await store.getWorkflow('elixir_crud_generator')).serverNames, ['elixir_migration_gen_tool', 'phoenix_context_gen_tool']);

	const base = workflowFieldsOf(await store.getWorkflow('elixir_crud_generator'));
	await store.addWorkflow({...base, name: 'solo', serverNames: ['phoenix_context_gen_tool']});
	const lonely = await t.throwsAsync(store.removeServer('phoenix_context_gen_tool', {detach: true}));
	t.regex(lonely!.message, /only server of workflow\(s\) solo/);
	t.truthy(await store.getServer('phoenix_context_gen_tool'));
});

test('workflows: unknown placeholders and no server are refused; edits replace the servers', async t => {
	const orm = await openTempDatabase(t);
	const store = new ConfigStore(orm.em);
	const base = workflowFieldsOf(await store.getWorkflow('elixir_crud_generator'));
	const placeholder = await t.throwsAsync(store.addWorkflow({...base, name: 'typo', initialPromptTemplate: 'Write into {{project_dir}}'}));
	t.regex(placeholder!.message, /unknown placeholder\(s\) \{\{project_dir\}\}; known: \{\{schema_description\}\}/);
	const none = await t.throwsAsync(store.addWorkflow({...base, name: 'empty', serverNames: []}));
	t.regex(none!.message, /needs at least one MCP server/);
	const before = await store.getWorkflow('elixir_crud_generator');
	const after = await store.updateWorkflow('elixir_crud_generator', {...base, serverNames: ['elixir_ecto_gen_tool']}, {expectedUpdatedAt: before.updatedAt});
	t.deepEqual(after.serverNames, ['elixir_ecto_gen_tool']);
	t.true(after.updatedAt.getTime() >= before.updatedAt.getTime());
	t.deepEqual((await new AppConfig(orm.em).getWorkflow('elixir_crud_generator')).servers.map(server => server.name), ['elixir_ecto_gen_tool']);
	const stale = await t.throwsAsync(store.updateWorkflow('elixir_crud_generator', base, {expectedUpdatedAt: new Date(0)}));
	t.true(stale instanceof EditConflictError);
});
