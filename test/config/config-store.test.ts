import test, {type ExecutionContext} from 'ava';
import {AppConfig} from '../../source/config/app-config.js';
import {ConfigStore, EditConflictError, fieldsOf, ServerInUseError, workflowFieldsOf} from '../../source/config/config-store.js';
import {ConfigValidationError, serverDefaults} from '../../source/config/entry-fields.js';
import {isBusyError, openDatabase} from '../../source/db/orm.js';
import {takeWriteLock} from '../../source/db/write-lock.js';
import {holdWriteLock} from '../helpers/hold-lock.js';
import {pgBin} from '../helpers/postgres.js';
import {eachDialect, locationOf, openTempDatabase} from '../helpers/temp-db.js';

const github = {...serverDefaults('github'), command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: {GITHUB_TOKEN: '${GITHUB_TOKEN}'}};

eachDialect('add, edit and read back a server; updated_at moves and the next AppConfig read sees the edit', async (t, dialect) => {
	const orm = await openTempDatabase(t, {dialect});
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

eachDialect('a second edit started from the old updated_at is refused, not silently lost', async (t, dialect) => {
	const orm = await openTempDatabase(t, {dialect});
	const store = new ConfigStore(orm.em);
	const start = await store.addServer(github);
	await new Promise(resolve => setTimeout(resolve, 5));
	// Another process saves first.
	const other = await openDatabase({dbPath: locationOf(orm), seed: false});
	t.teardown(async () => other.close(true));
	await new ConfigStore(other.em).updateServer('github', {...fieldsOf(start), description: 'theirs'}, {expectedUpdatedAt: start.updatedAt});
	const error = await t.throwsAsync(store.updateServer('github', {...fieldsOf(start), description: 'mine'}, {expectedUpdatedAt: start.updatedAt}));
	t.true(error instanceof EditConflictError);
	t.regex(error!.message, /changed elsewhere .* nothing was saved/);
	t.is((await store.getServer('github')).description, 'theirs');
});

eachDialect('invalid fields are refused field by field and nothing is written', async (t, dialect) => {
	const orm = await openTempDatabase(t, {dialect});
	const store = new ConfigStore(orm.em);
	const error = await t.throwsAsync(store.addServer({...serverDefaults('bad name'), env: {'1X': 'y'}, timeoutMs: -1}));
	t.true(error instanceof ConfigValidationError);
	const problems = (error as ConfigValidationError).problems;
	t.deepEqual(Object.keys(problems).sort(), ['command', 'env', 'name', 'timeoutMs']);
	const taken = await t.throwsAsync(store.addServer({...github, name: 'elixir_ecto_gen_tool'}));
	t.regex(taken!.message, /name "elixir_ecto_gen_tool" is already taken/);
	t.is((await store.listServers()).length, 4);
});

eachDialect('remove refuses while a workflow uses the server; detach removes it from workflows but never leaves one empty', async (t, dialect) => {
	const orm = await openTempDatabase(t, {dialect});
	const store = new ConfigStore(orm.em);
	const used = await t.throwsAsync(store.removeServer('elixir_ecto_gen_tool'));
	t.true(used instanceof ServerInUseError);
	t.regex(used!.message, /used by workflow\(s\) elixir_crud_generator/);
	const result = await store.removeServer('elixir_ecto_gen_tool', {detach: true});
	t.deepEqual(result.detachedFrom, ['elixir_crud_generator']);
	t.deepEqual((await store.getWorkflow('elixir_crud_generator')).serverNames, ['elixir_migration_gen_tool', 'phoenix_context_gen_tool', 'phoenix_check_tool']);

	const base = workflowFieldsOf(await store.getWorkflow('elixir_crud_generator'));
	await store.addWorkflow({...base, name: 'solo', serverNames: ['phoenix_context_gen_tool']});
	const lonely = await t.throwsAsync(store.removeServer('phoenix_context_gen_tool', {detach: true}));
	t.regex(lonely!.message, /only server of workflow\(s\) solo/);
	t.truthy(await store.getServer('phoenix_context_gen_tool'));
});

eachDialect('workflows: unknown placeholders and no server are refused; edits replace the servers', async (t, dialect) => {
	const orm = await openTempDatabase(t, {dialect});
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
	t.deepEqual(
		(await new AppConfig(orm.em).getWorkflow('elixir_crud_generator')).servers.map(server => server.name),
		['elixir_ecto_gen_tool'],
	);
	const stale = await t.throwsAsync(store.updateWorkflow('elixir_crud_generator', base, {expectedUpdatedAt: new Date(0)}));
	t.true(stale instanceof EditConflictError);
});

/** The store on its own connection to the file, whose SQLite busy wait (200 ms) is far shorter than the other process's hold. */
async function storeBesideLock(t: ExecutionContext, storeWaitMs: number) {
	const seeded = await openTempDatabase(t);
	const dbPath = seeded.config.get('dbName')!;
	const orm = await openDatabase({dbPath, seed: false, waitMs: 200});
	t.teardown(async () => orm.close(true));
	return {dbPath, store: new ConfigStore(orm.em, {waitMs: storeWaitMs})};
}

test('an edit waits while another process holds the write lock, then saves', async t => {
	const {dbPath, store} = await storeBesideLock(t, 60_000);
	const before = await store.getServer('elixir_ecto_gen_tool');
	const lock = await holdWriteLock(t, dbPath, 2000);
	const workflow = await store.getWorkflow('elixir_crud_generator');
	const [server, edited] = await Promise.all([
		store.updateServer('elixir_ecto_gen_tool', {...fieldsOf(before), description: 'waited'}, {expectedUpdatedAt: before.updatedAt}),
		store.updateWorkflow('elixir_crud_generator', {...workflowFieldsOf(workflow), description: 'waited too'}, {expectedUpdatedAt: workflow.updatedAt}),
	]);
	await lock.released;
	t.is(server.description, 'waited');
	t.is(edited.description, 'waited too');
	t.is((await store.getServer('elixir_ecto_gen_tool')).description, 'waited');
	t.is((await store.getWorkflow('elixir_crud_generator')).description, 'waited too');
});

test('an edit gives up with the busy error once its wait is over, and nothing is written', async t => {
	const {dbPath, store} = await storeBesideLock(t, 300);
	const before = await store.getServer('elixir_ecto_gen_tool');
	const lock = await holdWriteLock(t, dbPath, 4000);
	const error = await t.throwsAsync(store.updateServer('elixir_ecto_gen_tool', {...fieldsOf(before), description: 'lost'}));
	t.true(isBusyError(error), String(error));
	await lock.released;
	t.is((await store.getServer('elixir_ecto_gen_tool')).description, before.description);
});

if (pgBin !== undefined) {
	test('an edit waits while another connection holds the write lock, then saves [postgresql]', async t => {
		const orm = await openTempDatabase(t, {dialect: 'postgresql'});
		const other = await openDatabase({dbPath: locationOf(orm), seed: false});
		t.teardown(async () => other.close(true));
		let release!: () => void;
		let locked!: () => void;
		const held = new Promise<void>(resolve => (release = resolve));
		const isLocked = new Promise<void>(resolve => (locked = resolve));
		const holder = other.em.fork().transactional(async tx => {
			await takeWriteLock(tx);
			locked();
			await held;
		});
		await isLocked;
		const store = new ConfigStore(orm.em);
		const before = await store.getServer('elixir_ecto_gen_tool');
		const saving = store.updateServer('elixir_ecto_gen_tool', {...fieldsOf(before), description: 'waited'}, {expectedUpdatedAt: before.updatedAt});
		// The signal: PostgreSQL shows the edit waiting for the advisory lock.
		const waiting = async () => Number((await other.em.getConnection().execute<Array<{n: number}>>("select count(*) as n from pg_locks where locktype = 'advisory' and not granted", [], 'all'))[0]!.n);
		while ((await waiting()) === 0) await new Promise(resolve => setImmediate(resolve));
		t.is((await new ConfigStore(other.em).getServer('elixir_ecto_gen_tool')).description, before.description);
		release();
		await holder;
		t.is((await saving).description, 'waited');
	});
}
