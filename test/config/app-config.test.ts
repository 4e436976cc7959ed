import {existsSync} from 'node:fs';
import {AppConfig, UnknownNameError} from '../../source/config/app-config.js';
import {McpServer, Workflow} from '../../source/db/entities/index.js';
import {packageRoot} from '../../source/package-root.js';
import {eachDialect, openTempDatabase} from '../helpers/temp-db.js';

eachDialect('servers come back as configs with args array, env object and the package placeholder expanded', async (t, dialect) => {
	const orm = await openTempDatabase(t, {dialect});
	const config = new AppConfig(orm.em.fork());
	const servers = await config.listServers();
	t.deepEqual(
		servers.map(server => server.name),
		['elixir_ecto_gen_tool', 'elixir_migration_gen_tool', 'phoenix_check_tool', 'phoenix_context_gen_tool'],
	);
	const scripts = ['elixir-ecto-gen-tool.js', 'elixir-migration-gen-tool.js', 'phoenix-check-tool.js', 'phoenix-context-gen-tool.js'];
	for (const [index, server] of servers.entries()) {
		t.is(server.command, process.execPath);
		t.deepEqual(server.args, [`${packageRoot()}/dist/source/tools/bin/${scripts[index]}`]);
		// The check server's step timeouts are in its env; the generators need none.
		if (server.name === 'phoenix_check_tool') t.is(server.env['ECTOSMITH_CHECK_TEST_TIMEOUT_MS'], '300000');
		else t.deepEqual(server.env, {});
		t.is(server.cwd, undefined);
		t.false(server.args[0]!.includes('${'));
		t.true(server.description.length > 20);
	}

	// The compiled script exists after `npm run build`; before it, the TypeScript it is built from.
	for (const server of servers) {
		const script = server.args[0]!;
		const source = script.replace(`${packageRoot()}/dist/`, `${packageRoot()}/`).replace(/\.js$/, '.ts');
		t.true(existsSync(script) || existsSync(source), script);
	}
});

eachDialect('getWorkflow returns the workflow with its servers in order; defaultWorkflow picks it', async (t, dialect) => {
	const orm = await openTempDatabase(t, {dialect});
	const config = new AppConfig(orm.em.fork());
	const workflow = await config.getWorkflow('elixir_crud_generator');
	t.like(workflow, {name: 'elixir_crud_generator', llmModel: 'gemini-2.5-flash', maxConversationTurns: 10});
	t.deepEqual(
		workflow.servers.map(server => server.name),
		['elixir_ecto_gen_tool', 'elixir_migration_gen_tool', 'phoenix_context_gen_tool', 'phoenix_check_tool'],
	);
	t.is(workflow.servers[1]!.command, process.execPath);
	t.deepEqual(await config.defaultWorkflow(), workflow);
	t.deepEqual(await config.listWorkflows(), [workflow]);
});

eachDialect('unknown names give an error listing the known names', async (t, dialect) => {
	const orm = await openTempDatabase(t, {dialect});
	const config = new AppConfig(orm.em.fork());
	const workflowError = await t.throwsAsync(config.getWorkflow('nope'), {instanceOf: UnknownNameError});
	t.is(workflowError!.message, 'Unknown workflow "nope". Known workflows: elixir_crud_generator');
	const serverError = await t.throwsAsync(config.getServer('nope'), {instanceOf: UnknownNameError});
	t.is(serverError!.message, 'Unknown MCP server "nope". Known MCP servers: elixir_ecto_gen_tool, elixir_migration_gen_tool, phoenix_check_tool, phoenix_context_gen_tool');
});

eachDialect('defaultWorkflow: the only one wins, else elixir_crud_generator, else an error listing names', async (t, dialect) => {
	const orm = await openTempDatabase(t, {seed: false, dialect});
	const em = orm.em.fork();
	await t.throwsAsync(new AppConfig(em).defaultWorkflow(), {message: /No workflows in the database/});
	const server = em.create(McpServer, {name: 'local', command: 'my-tool', args: ['--x', '${ECTOSMITH_PACKAGE}/a.js'], env: {TOKEN_NAME: 'v'}, cwd: '${ECTOSMITH_PACKAGE}/sub'});
	const only = em.create(Workflow, {name: 'only_one', llmModel: 'm', initialPromptTemplate: 'p'});
	only.servers.add(server);
	await em.flush();
	t.is((await new AppConfig(orm.em.fork()).defaultWorkflow()).name, 'only_one');
	const local = await new AppConfig(orm.em.fork()).getServer('local');
	t.deepEqual(local, {
		name: 'local',
		command: 'my-tool',
		args: ['--x', `${packageRoot()}/a.js`],
		env: {TOKEN_NAME: 'v'},
		description: '',
		cwd: `${packageRoot()}/sub`,
		enabled: true,
		trust: false,
		allowApiKey: false,
		transport: 'stdio',
	});

	em.create(Workflow, {name: 'another', llmModel: 'm', initialPromptTemplate: 'p'});
	await em.flush();
	await t.throwsAsync(new AppConfig(orm.em.fork()).defaultWorkflow(), {message: 'Several workflows and none named elixir_crud_generator; pick one with --workflow: another, only_one'});
	em.create(Workflow, {name: 'elixir_crud_generator', llmModel: 'm', initialPromptTemplate: 'p'});
	await em.flush();
	t.is((await new AppConfig(orm.em.fork()).defaultWorkflow()).name, 'elixir_crud_generator');
});
