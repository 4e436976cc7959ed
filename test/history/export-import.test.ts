/**
 * Export then import: a real recorded chain (test provider with usage, the real tool servers) goes
 * to JSON and into another database as an equal record; secrets never reach the file; bad files
 * are refused with one line and leave the database as it was.
 */
import {truncateSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {McpServer, Workflow} from '../../source/db/entities/index.js';
import type {ApprovalDecision, EngineEvent} from '../../source/engine/events.js';
import {replayEvents} from '../../source/engine/replay.js';
import {buildExport, exportMarkdown} from '../../source/history/export.js';
import {ImportRefusedError, importExport, readExportFile} from '../../source/history/import.js';
import {listExecutions} from '../../source/history/queries.js';
import {Recorder} from '../../source/records/recorder.js';
import {currentHostName, currentUserName} from '../../source/records/run-by.js';
import {markdownTable} from '../../source/terminal/text-table.js';
import {answer, setupEngine, TestProvider} from '../engine/_support.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {eachDialect, openTempDatabase} from '../helpers/temp-db.js';
import {tempDir} from '../helpers/temp-dir.js';
import {realToolServers} from '../helpers/tool-servers.js';

const API_KEY = 'AIzaSyD-not-a-real-key-but-shaped-like-1234';
const SERVER_SECRET = 'server-env-secret-value';

eachDialect.serial('a follow-up chain exports without secrets and imports into another database as an equal record (who ran it and where too), once', async (t, dialect) => {
	const project = await copyFixtureProject(t);
	const usage = {promptTokens: 10, outputTokens: 2, totalTokens: 12};
	const provider = new TestProvider([
		{
			text: `Writing the schema.\n\n${markdownTable([
				['Schema', 'Fields'],
				['Blog.Post', 'status: enum(draft|published)'],
			]).join('\n')}\n`,
			functionCalls: [{name: 'generate_schema', args: {project_path: project, schema: 'Blog.Post', plural: 'posts', attrs: ['title:string']}}],
			usage,
		},
		{...answer(`Done. (key ${API_KEY} and ${SERVER_SECRET} must not leak)`), usage},
		{...answer('Follow-up done.'), usage},
	]);
	const {engine, recorder, orm} = await setupEngine(t, {servers: realToolServers(), provider});
	// A server entry with a secret env value on the seeded workflow.
	const em = orm.em.fork();
	const workflow = await em.findOneOrFail(Workflow, {name: 'elixir_crud_generator'}, {populate: ['servers']});
	const server = em.create(McpServer, {name: 'secret_server', command: 'node', args: [], env: {TOKEN: SERVER_SECRET}});
	workflow.servers.add(server);
	await em.flush();

	const first = await engine.run({description: 'Blog.Post posts title:string', projectPath: project});
	const second = await engine.run({description: 'one more thing', continueFrom: first.executionId});
	t.is(second.status, 'COMPLETED', second.errorMessage);

	const file = await buildExport(orm, recorder, second.executionId, {GEMINI_API_KEY: API_KEY});
	const json = JSON.stringify(file, null, 2);
	t.false(json.includes(API_KEY));
	t.false(json.includes(SERVER_SECRET));
	t.is(file.workflows[0]!.servers.find(entry => entry.name === 'secret_server')!.env['TOKEN'], '********');
	t.is(file.executions.length, 2);
	t.like(file.executions[1], {userName: currentUserName(), hostName: currentHostName()});
	const markdown = exportMarkdown(file);
	t.regex(markdown, /# ectosmith execution #\d+/);
	t.regex(markdown, /\*\*Tool call\*\* `generate_schema`/);
	t.regex(markdown, /lib\/my_app\/blog\/post\.ex` \(created\)/);
	t.false(markdown.includes(SERVER_SECRET));
	t.true(markdown.includes(`| Run by | ${currentUserName()} on ${currentHostName()} |`));
	// The model's table is a GitHub table: at column 0 after a blank line, its bar escaped.
	t.regex(markdown, /\n\n\| Schema \| Fields \|\n\|---\|---\|\n\| Blog\.Post \| status: enum\(draft\\\|published\) \|\n/);

	const exportPath = path.join(tempDir(t), 'export.json');
	writeFileSync(exportPath, json);
	const other = await openTempDatabase(t, {dialect});
	const otherRecorder = new Recorder(other);
	const result = await importExport(other, await readExportFile(exportPath));
	t.is(result.ids.length, 2);
	const [root, followUp] = result.ids;

	// The same record: an export of the imported chain equals the original, ids aside.
	const reexport = await buildExport(other, otherRecorder, followUp!.to, {});
	const withoutIds = (value: typeof file) =>
		value.executions.map(({id: _id, parentExecutionId: _parent, messages, ...rest}) => ({...rest, messages: messages.map(({id: _messageId, ...message}) => message)}));
	t.deepEqual(withoutIds(reexport), withoutIds(file));
	t.like(await otherRecorder.getExecution(followUp!.to), {parentExecutionId: root!.to, userName: currentUserName(), hostName: currentHostName()});
	t.deepEqual(
		(await listExecutions(other, {search: 'ONE MORE thing'})).rows.map(row => [row.id, row.userName]),
		[[followUp!.to, currentUserName()]],
	);
	if (dialect === 'sqlite') {
		// The imported queries are in the history search index.
		const searched = await other.em.getConnection().execute<Array<{rowid: number}>>(`select rowid from executions_search where executions_search match '"ONE MORE thing"'`, [], 'all');
		t.deepEqual(
			searched.map(row => row.rowid),
			[followUp!.to],
		);
	}
	// And it replays as one conversation.
	const events = await replayEvents(otherRecorder, followUp!.to);
	t.is(events.filter(event => event.type === 'execution_started').length, 2);

	const again = await t.throwsAsync(async () => importExport(other, await readExportFile(exportPath)), {instanceOf: ImportRefusedError});
	t.regex(again!.message, /already imported, as execution \d+/);
	t.is(Number((await other.em.getConnection().execute<Array<{n: number}>>('select count(*) as n from executions', [], 'all'))[0]!.n), 2);
});

test('newer, malformed, hostile and huge files are refused with one line and import nothing', async t => {
	const dir = tempDir(t);
	const orm = await openTempDatabase(t);
	const good = {
		format: 'ectosmith-execution',
		version: 1,
		exportedAt: '2026-11-27T10:00:00.000Z',
		workflows: [],
		executions: [
			{
				id: 7,
				workflow: 'elixir_crud_generator',
				userQuery: 'q',
				status: 'COMPLETED',
				startTime: '2026-11-27T10:00:00.000Z',
				targetProjectPath: '/work/app',
				promptTokens: 0,
				outputTokens: 0,
				totalTokens: 0,
				turnCount: 1,
				messages: [{id: 1, turnNumber: 1, role: 'user', timestamp: '2026-11-27T10:00:00.000Z', contentText: 'q', isError: false}],
			},
		],
	};
	const write = (name: string, content: string) => {
		const file = path.join(dir, name);
		writeFileSync(file, content);
		return file;
	};

	const nested = `${'['.repeat(5000)}"x"${']'.repeat(5000)}`;
	const badPath = structuredClone(good);
	(badPath.executions[0]!.messages as unknown[]).push({
		id: 2,
		turnNumber: 1,
		role: 'tool_response',
		timestamp: '2026-11-27T10:00:00.000Z',
		isError: false,
		functionResponseContent: {text: 'ok', structuredContent: {files: [{path: '../../.bashrc', action: 'created', content: 'x'}]}},
	});
	const huge = write('huge.json', '');
	truncateSync(huge, 65 * 1024 * 1024);
	const cases: Array<[string, RegExp]> = [
		[write('newer.json', JSON.stringify({...good, version: 2})), /newer ectosmith .*version 2/],
		[write('broken.json', '{"format": "ectosmith-execution", '), /not valid JSON/],
		[write('other.json', JSON.stringify({hello: 1})), /not an ectosmith export/],
		[write('deep.json', JSON.stringify({...good, extra: 'NESTED'}).replace('"NESTED"', nested)), /nests deeper than 64 levels/],
		[write('status.json', JSON.stringify({...good, executions: [{...good.executions[0], status: 'DONE'}]})), /at executions\.0\.status/],
		[write('relative.json', JSON.stringify({...good, executions: [{...good.executions[0], targetProjectPath: 'relative/dir'}]})), /targetProjectPath.*absolute path/],
		[write('odd-user.json', JSON.stringify({...good, executions: [{...good.executions[0], userName: 'ana\u001b[2J'}]})), /at executions\.0\.userName: must not hold control characters/],
		[write('odd-path.json', JSON.stringify(badPath)), /"\.\.\/\.\.\/\.bashrc", which is not a path inside a project/],
		[huge, /is 65 MB; an export is at most 64 MB/],
	];
	for (const [file, message] of cases) {
		const error = await t.throwsAsync(readExportFile(file), {instanceOf: ImportRefusedError}, path.basename(file));
		t.regex(error!.message, message, path.basename(file));
		t.false(error!.message.includes('\n'), path.basename(file));
	}

	// A chain whose link is broken is refused too, before the database is touched.
	const broken = write('chain.json', JSON.stringify({...good, executions: [good.executions[0], {...good.executions[0], id: 8, parentExecutionId: 99}]}));
	await t.throwsAsync(readExportFile(broken), {instanceOf: ImportRefusedError, message: /chain is broken/});

	const count = async () => Number((await orm.em.getConnection().execute<Array<{n: number}>>('select count(*) as n from executions', [], 'all'))[0]!.n);
	t.is(await count(), 0);
	// The valid one imports; a workflow this database lacks is created (without servers).
	const imported = await importExport(orm, await readExportFile(write('good.json', JSON.stringify({...good, executions: [{...good.executions[0], workflow: 'brand_new'}]}))));
	t.deepEqual(imported.createdWorkflows, ['brand_new']);
	t.is(await count(), 1);
});

test.serial('an exported then imported execution still replays its approvals (the requests the user saw, the decisions)', async t => {
	const project = await copyFixtureProject(t);
	const schema = {project_path: project, schema: 'Blog.Post', plural: 'posts', attrs: ['title:string']};
	const provider = new TestProvider([
		{text: 'Schema.', functionCalls: [{name: 'generate_schema', args: schema}]},
		{text: 'Migration.', functionCalls: [{name: 'generate_migration', args: schema}]},
		answer('Done.'),
	]);
	const {engine, recorder, orm} = await setupEngine(t, {servers: realToolServers(), provider});
	const decisions: ApprovalDecision[] = [{kind: 'approve'}, {kind: 'decline', note: 'not yet'}];
	const run = await engine.run({description: 'posts', projectPath: project, approve: async () => decisions.shift()!});
	t.is(run.status, 'COMPLETED', run.errorMessage);

	const exportPath = path.join(tempDir(t), 'export.json');
	writeFileSync(exportPath, JSON.stringify(await buildExport(orm, recorder, run.executionId, {})));
	const other = await openTempDatabase(t);
	const imported = await importExport(other, await readExportFile(exportPath));

	// Ids differ between the databases; everything else of the approvals is the same.
	const approvals = (events: EngineEvent[]) =>
		events.flatMap(event => (event.type === 'approval_requested' || event.type === 'approval_decided' ? [{...event, executionId: 0, ...('messageId' in event ? {messageId: 0} : {})}] : []));
	const original = approvals(await replayEvents(recorder, run.executionId));
	t.deepEqual(
		original.map(event => event.type),
		['approval_requested', 'approval_decided', 'approval_requested', 'approval_decided'],
	);
	t.like(original[3], {outcome: 'declined_with_note', note: 'not yet'});
	const first = original[0];
	t.true(first?.type === 'approval_requested' && first.files[0]!.content.includes('schema "posts"'));
	t.deepEqual(approvals(await replayEvents(new Recorder(other), imported.ids[0]!.to)), original);
});

test('export scrubs the known secret values only: recorded file text that looks like a secret is kept whole', async t => {
	const orm = await openTempDatabase(t);
	const recorder = new Recorder(orm);
	const id = await recorder.startExecution({workflowName: 'elixir_crud_generator', description: 'd', targetProjectPath: '/p', provider: 'scripted', model: 'm'});
	const file = 'config :my_app, MyApp.Repo,\n  password: "some password",\n  api_key: "abc123def456"\n# Authorization: Bearer abc.def.ghi\n';
	await recorder.addMessage(id, {
		turnNumber: 1,
		role: 'tool_response',
		functionResponseName: 'generate_schema',
		functionResponseContent: {text: 'ok', structuredContent: {files: [{path: 'config/dev.exs', action: 'overwritten', previous_content: file}]}},
		contentText: `${file} and ${SERVER_SECRET}`,
	});
	await recorder.finishExecution(id, {status: 'COMPLETED', turnCount: 1, finalResponseText: 'done'});
	const exported = await buildExport(orm, recorder, id, {GEMINI_API_KEY: API_KEY});
	const message = exported.executions[0]!.messages[0]!;
	t.is((message.functionResponseContent as {structuredContent: {files: Array<{previous_content: string}>}}).structuredContent.files[0]!.previous_content, file);
	// A known value is still scrubbed wherever it is.
	const em = orm.em.fork();
	em.create(McpServer, {name: 'with_secret', command: 'node', args: [], env: {TOKEN: SERVER_SECRET}});
	await em.flush();
	const again = await buildExport(orm, recorder, id, {});
	t.is(again.executions[0]!.messages[0]!.contentText, `${file} and [REDACTED]`);
});
