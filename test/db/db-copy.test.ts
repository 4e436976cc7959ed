/**
 * `ectosmith db copy`: a laptop's SQLite history and configuration into a team's PostgreSQL that
 * already holds a teammate's runs, and back into a new file: ids remapped, links kept, secrets as
 * stored, nothing copied twice, a running execution left for later; bad command lines one line each.
 */
import test from 'ava';
import {copyDatabase} from '../../source/db/copy.js';
import {Execution, McpServer, Workflow} from '../../source/db/entities/index.js';
import type {Database} from '../../source/db/orm.js';
import {Recorder} from '../../source/records/recorder.js';
import {cliEnv, runCli} from '../commands/_cli.js';
import {freshPostgresUrl, pgBin, registerPostgresHooks} from '../helpers/postgres.js';
import {locationOf, openTempDatabase, tempDbPath} from '../helpers/temp-db.js';
import {tempDir} from '../helpers/temp-dir.js';

registerPostgresHooks();
const pg = pgBin === undefined ? test.skip : test;

const SECRET = 'literal-token-stored-in-the-entry';

async function record(orm: Database, description: string, options: {parent?: number; finish?: boolean} = {}): Promise<number> {
	const recorder = new Recorder(orm);
	const id = await recorder.startExecution({
		workflowName: 'elixir_crud_generator',
		description,
		targetProjectPath: '/work/app',
		provider: 'scripted',
		model: 'm',
		...(options.parent === undefined ? {} : {parentExecutionId: options.parent}),
	});
	await recorder.addMessage(id, {turnNumber: 0, role: 'user', contentText: description});
	await recorder.addMessage(id, {turnNumber: 1, role: 'tool_request', functionCallName: 'generate_schema', functionCallArgs: {schema: 'Blog.Post', nested: [1, null]}});
	await recorder.addMessage(id, {turnNumber: 1, role: 'model', contentText: `${description} done`, usage: {promptTokens: 3, outputTokens: 1, totalTokens: 4}});
	if (options.finish !== false) await recorder.finishExecution(id, {status: 'COMPLETED', finalResponseText: `${description} done`, turnCount: 1});
	return id;
}

/** The record as a reader sees it, ids left out but the parent's query in their place. */
async function history(orm: Database) {
	const recorder = new Recorder(orm);
	const em = orm.em.fork();
	const rows = await em.find(Execution, {}, {orderBy: {id: 'asc'}});
	const queries = new Map(rows.map(row => [row.id, row.userQuery]));
	return Promise.all(
		rows.map(async row => {
			const {id: _id, parentExecutionId: parent, ...execution} = await recorder.getExecution(row.id);
			const messages = (await recorder.listMessages(row.id)).map(({id: _messageId, executionId: _executionId, ...message}) => message);
			return {...execution, parent: parent === undefined ? undefined : queries.get(parent), messages};
		}),
	);
}

async function laptop(t: Parameters<typeof openTempDatabase>[0]): Promise<{orm: Database; running: number}> {
	const orm = await openTempDatabase(t);
	const em = orm.em.fork();
	const workflow = await em.findOneOrFail(Workflow, {name: 'elixir_crud_generator'}, {populate: ['servers']});
	workflow.servers.add(em.create(McpServer, {name: 'team_secrets', command: 'node', args: ['s.js'], env: {TOKEN: SECRET, KEY: '${GEMINI_API_KEY}'}, allowApiKey: true}));
	em.create(McpServer, {name: 'tidewave', command: '', args: [], env: {}, transport: 'http', url: 'http://localhost:4000/tidewave/mcp', headers: {Authorization: `Bearer ${SECRET}`}});
	em.create(Workflow, {name: 'mine_only', llmModel: 'gemini-2.5-pro', initialPromptTemplate: '{{schema_description}}', checks: 'compile'});
	await em.flush();
	const first = await record(orm, 'laptop first');
	await record(orm, 'laptop follow-up', {parent: first});
	await record(orm, 'laptop other');
	// Still running in this (live) process: not copied until it has ended.
	const running = await record(orm, 'laptop running', {finish: false});
	return {orm, running};
}

pg('SQLite into a PostgreSQL holding a teammate’s runs, then back into a new file: everything arrives once, linked, as stored', async t => {
	t.timeout(120_000);
	const {orm: source, running} = await laptop(t);
	const team = await openTempDatabase(t, {dbPath: await freshPostgresUrl()});
	await record(team, 'teammate run');
	await record(team, 'teammate second');

	const report = await copyDatabase(source, team);
	t.deepEqual(report.servers.created.sort(), ['team_secrets', 'tidewave']);
	t.deepEqual(report.workflows, {created: ['mine_only'], kept: ['elixir_crud_generator']});
	t.is(report.copied.length, 3);
	t.is(report.messages, 9);
	t.is(report.running, 1);
	t.is(report.alreadyThere, 0);
	// The team's ids 1 and 2 are taken: the laptop's rows got new ones.
	t.deepEqual(
		report.copied.map(pair => pair.from),
		[1, 2, 3],
	);
	t.true(report.copied.every(pair => pair.to > 2));

	const copied = await history(team);
	const expected = (await history(source)).filter(row => row.description !== 'laptop running');
	t.deepEqual(
		copied.filter(row => row.description.startsWith('laptop')),
		expected,
	);
	t.is(copied.find(row => row.description === 'laptop follow-up')?.parent, 'laptop first');
	const em = team.em.fork();
	t.deepEqual((await em.findOneOrFail(McpServer, {name: 'team_secrets'})).env, {TOKEN: SECRET, KEY: '${GEMINI_API_KEY}'});
	t.like(await em.findOneOrFail(McpServer, {name: 'tidewave'}), {transport: 'http', headers: {Authorization: `Bearer ${SECRET}`}});
	t.like(await em.findOneOrFail(Workflow, {name: 'mine_only'}), {llmModel: 'gemini-2.5-pro', checks: 'compile'});

	// Again: nothing twice. Once the running one has ended, it comes with the next copy.
	const again = await copyDatabase(source, team);
	t.like(again, {copied: [], messages: 0, alreadyThere: 3, running: 1, servers: {created: []}, workflows: {created: []}});
	await new Recorder(source).finishExecution(running, {status: 'COMPLETED', turnCount: 1});
	const later = await copyDatabase(source, team);
	t.like(later, {messages: 3, alreadyThere: 3, running: 0});
	t.is(later.copied.length, 1);

	// Back into a new file: the teammates' runs too, and the same record.
	const back = await openTempDatabase(t, {seed: false});
	const home = await copyDatabase(team, back);
	t.is(home.copied.length, 6);
	t.deepEqual(await history(back), await history(team));
	t.deepEqual(
		(await back.em.fork().findOneOrFail(Workflow, {name: 'elixir_crud_generator'}, {populate: ['servers']})).servers
			.getItems()
			.map(server => server.name)
			.sort(),
		[
			...(await team.em.fork().findOneOrFail(Workflow, {name: 'elixir_crud_generator'}, {populate: ['servers']})).servers
				.getItems()
				.map(server => server.name)
				.sort(),
		],
	);
});

pg('the command copies with one report, masks the password, and says when there is nothing new', async t => {
	t.timeout(120_000);
	const {orm} = await laptop(t);
	const location = locationOf(orm);
	const url = (await freshPostgresUrl()).replace('postgres@', 'postgres:pw-never-shown@');
	const env = cliEnv(tempDir(t));
	const first = await runCli(['db', 'copy', '--from', location, '--to', url], {env});
	t.is(first.code, 0, first.stderr);
	t.regex(first.stdout, /^Copied 3 executions \(9 messages\) from .+ into postgresql:\/\/postgres:\*\*\*@localhost/);
	t.regex(first.stdout, /^ {2}1 execution still running in .+ left out: copy again once it has ended\.$/m);
	t.notRegex(first.stdout + first.stderr, /pw-never-shown/);
	const second = await runCli(['db', 'copy', '--to', url], {env: {...env, ECTOSMITH_DB: location}});
	t.is(second.code, 0, second.stderr);
	t.regex(second.stdout, /^Nothing new to copy/);
	t.regex(second.stdout, /^ {2}3 executions already in .+ left as they are\.$/m);
});

test('bad command lines are one line each and touch nothing', async t => {
	const env = cliEnv(tempDir(t));
	const file = tempDbPath(t);
	const cases: Array<[string[], RegExp]> = [
		[['db', 'copy', '--from', file], /^ectosmith: db copy needs --to <db>/],
		[['db', 'copy', '--from', file, '--to', file], /--from and --to both name /],
		[['db', 'copy', '--from', file, '--to', `${file}.copy`], /^ectosmith: --from .+: there is no database file there\.\n$/],
		[['db', 'copy', '--from', file, '--to', 'postgresql://u:secret@/'], /--to is not a valid PostgreSQL URL \(postgresql:\/\/u:\*\*\*@\/\)/],
		[['db', 'path', '--to', file], /--to belongs to `ectosmith db copy/],
	];
	for (const [args, message] of cases) {
		const result = await runCli(args, {env});
		t.is(result.code, 2, args.join(' '));
		t.regex(result.stderr, message, args.join(' '));
		t.is(result.stderr.trim().split('\n').length, 1, result.stderr);
		t.notRegex(result.stderr, /secret/);
	}
});
