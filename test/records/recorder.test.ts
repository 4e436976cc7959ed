import {spawn} from 'node:child_process';
import {hostname} from 'node:os';
import {Execution, Message, Workflow} from '../../source/db/entities/index.js';
import {Recorder, UnknownExecutionError} from '../../source/records/recorder.js';
import {eachDialect, openTempDatabase} from '../helpers/temp-db.js';

const newExecution = {
	workflowName: 'elixir_crud_generator',
	description: 'Blog.Post posts title:string',
	targetProjectPath: '/tmp/my_app',
	provider: 'scripted',
	model: 'gemini-2.5-flash',
};

/** The pid of a process that has exited (and been reaped), so it is surely not alive. */
async function deadPid(): Promise<number> {
	const child = spawn(process.execPath, ['-e', '']);
	await new Promise(resolve => child.on('exit', resolve));
	return child.pid!;
}

eachDialect('an execution with messages round-trips, messages ordered by turn then insertion', async (t, dialect) => {
	const orm = await openTempDatabase(t, {dialect});
	const recorder = new Recorder(orm);
	const before = Date.now();
	const id = await recorder.startExecution(newExecution);
	const started = await recorder.getExecution(id);
	t.like(started, {id, workflowName: 'elixir_crud_generator', status: 'STARTED', promptTokens: 0, turnCount: 0, provider: 'scripted', targetProjectPath: '/tmp/my_app'});
	t.is(started.endTime, undefined);
	// A real time, read back as written (PostgreSQL hands timestamptz over as text).
	t.true(started.startTime.getTime() >= before - 1000 && started.startTime.getTime() <= Date.now(), String(started.startTime));

	const rawParts = [{text: 'thinking', thought: true, thoughtSignature: 'c2lnbmF0dXJl'}, {functionCall: {name: 'inspect_project', args: {project_path: '/tmp/my_app'}}}];
	// Inserted out of order on purpose: the listing sorts by turn.
	await recorder.addMessage(id, {turnNumber: 2, role: 'model', contentText: 'Done: 3 files.'});
	await recorder.addMessage(id, {turnNumber: 0, role: 'user', contentText: 'Make a blog'});
	await recorder.addMessage(id, {turnNumber: 1, role: 'model', contentText: '', rawParts});
	await recorder.addMessage(id, {turnNumber: 1, role: 'tool_request', functionCallName: 'inspect_project', functionCallArgs: {project_path: '/tmp/my_app', nested: {list: [1, 'two', null]}}});
	await recorder.addMessage(id, {
		turnNumber: 1,
		role: 'tool_response',
		functionResponseName: 'inspect_project',
		functionResponseContent: {content: [{type: 'text', text: 'ok'}], isError: true},
		durationMs: 42,
		isError: true,
	});
	await recorder.addUsage(id, {promptTokens: 10, outputTokens: 5, totalTokens: 15});
	await recorder.addUsage(id, {promptTokens: 1, outputTokens: 2, totalTokens: 3});
	await recorder.finishExecution(id, {status: 'COMPLETED', finalResponseText: 'Done: 3 files.', turnCount: 2});

	const messages = await recorder.listMessages(id);
	t.deepEqual(
		messages.map(message => [message.turnNumber, message.role]),
		[
			[0, 'user'],
			[1, 'model'],
			[1, 'tool_request'],
			[1, 'tool_response'],
			[2, 'model'],
		],
	);
	t.deepEqual(messages[1]!.rawParts, rawParts);
	t.is(messages[1]!.contentText, '');
	t.deepEqual(messages[2]!.functionCallArgs, {project_path: '/tmp/my_app', nested: {list: [1, 'two', null]}});
	t.like(messages[3], {functionResponseName: 'inspect_project', durationMs: 42, isError: true, executionId: id});
	t.deepEqual(messages[3]!.functionResponseContent, {content: [{type: 'text', text: 'ok'}], isError: true});
	t.false(messages[0]!.isError);
	t.is(messages[0]!.functionCallArgs, undefined);
	t.true(messages[0]!.timestamp.getTime() >= started.startTime.getTime() - 1000, String(messages[0]!.timestamp));

	const finished = await recorder.getExecution(id);
	t.like(finished, {status: 'COMPLETED', finalResponseText: 'Done: 3 files.', turnCount: 2, promptTokens: 11, outputTokens: 7, totalTokens: 18});
	t.true(finished.endTime instanceof Date);

	const child = await recorder.startExecution({...newExecution, parentExecutionId: id});
	t.is((await recorder.getExecution(child)).parentExecutionId, id);
});

eachDialect('unknown ids and workflows give clear errors', async (t, dialect) => {
	const orm = await openTempDatabase(t, {dialect});
	const recorder = new Recorder(orm);
	await t.throwsAsync(recorder.getExecution(999), {instanceOf: UnknownExecutionError, message: 'No execution with id 999'});
	await t.throwsAsync(recorder.addMessage(999, {turnNumber: 0, role: 'user'}), {instanceOf: UnknownExecutionError});
	await t.throwsAsync(recorder.addUsage(999, {promptTokens: 1, outputTokens: 1, totalTokens: 2}), {instanceOf: UnknownExecutionError});
	await t.throwsAsync(recorder.finishExecution(999, {status: 'FAILED', turnCount: 0}), {instanceOf: UnknownExecutionError});
	await t.throwsAsync(recorder.startExecution({...newExecution, workflowName: 'nope'}), {message: 'Unknown workflow "nope". Known workflows: elixir_crud_generator'});
	await t.throwsAsync(recorder.startExecution({...newExecution, parentExecutionId: 12345}), {instanceOf: UnknownExecutionError});
});

eachDialect('deleting an execution deletes its messages, through the ORM and through raw SQL', async (t, dialect) => {
	const orm = await openTempDatabase(t, {dialect});
	// Raw SQL on another connection than the ORM's.
	const sql = async (query: string) => String(Object.values((await orm.em.fork().getConnection().execute<Array<Record<string, unknown>>>(query, [], 'all'))[0] ?? {})[0] ?? '');
	const recorder = new Recorder(orm);
	const viaOrm = await recorder.startExecution(newExecution);
	const viaSql = await recorder.startExecution(newExecution);
	const kept = await recorder.startExecution({...newExecution, parentExecutionId: viaSql});
	for (const id of [viaOrm, viaSql, kept]) {
		await recorder.addMessage(id, {turnNumber: 0, role: 'user', contentText: 'hi'});
		await recorder.addMessage(id, {turnNumber: 1, role: 'model', contentText: 'hello'});
	}

	const em = orm.em.fork();
	em.remove(await em.findOneOrFail(Execution, {id: viaOrm}));
	await em.flush();
	t.is(await orm.em.fork().count(Message, {execution: viaOrm}), 0);

	await sql(`DELETE FROM executions WHERE id = ${viaSql}`);
	t.is(await sql(`SELECT count(*) FROM messages WHERE execution_id = ${viaSql}`), '0');
	// The follow-up survives its parent's deletion, unlinked.
	t.is(await sql(`SELECT count(*) FROM messages WHERE execution_id = ${kept}`), '2');
	t.is((await recorder.getExecution(kept)).parentExecutionId, undefined);
	t.is(await orm.em.fork().count(Workflow), 1);
});

eachDialect('markInterrupted marks STARTED rows of dead processes on this host only', async (t, dialect) => {
	const orm = await openTempDatabase(t, {dialect});
	const recorder = new Recorder(orm);
	const mine = await recorder.startExecution(newExecution);
	const orphan = await recorder.startExecution(newExecution);
	await recorder.addMessage(orphan, {turnNumber: 2, role: 'model', contentText: 'last step'});
	const [lastStep] = await recorder.listMessages(orphan);
	const otherHost = await recorder.startExecution(newExecution);
	const finished = await recorder.startExecution(newExecution);
	await recorder.finishExecution(finished, {status: 'FAILED', errorMessage: 'boom', turnCount: 1});
	const dead = await deadPid();
	const em = orm.em.fork();
	await em.nativeUpdate(Execution, {id: [orphan, finished]}, {ownerPid: dead});
	await em.nativeUpdate(Execution, {id: otherHost}, {ownerPid: dead, ownerHost: `${hostname()}-elsewhere`});

	t.is(await recorder.markInterrupted(), 1);
	const interrupted = await recorder.getExecution(orphan);
	t.is(interrupted.status, 'INTERRUPTED');
	// It ended at its last recorded step.
	t.is(interrupted.endTime?.getTime(), lastStep!.timestamp.getTime());
	t.is(interrupted.turnCount, 2);
	t.regex(interrupted.errorMessage!, new RegExp(`process that ran it \\(pid ${dead} on .+\\) ended`));
	t.is((await recorder.getExecution(mine)).status, 'STARTED');
	t.is((await recorder.getExecution(otherHost)).status, 'STARTED');
	t.like(await recorder.getExecution(finished), {status: 'FAILED', errorMessage: 'boom'});
	t.is(await recorder.markInterrupted(), 0);
});

eachDialect('NUL anywhere in recorded text never fails a write: stored visibly in text, exactly in JSON, also in the error of a failed run', async (t, dialect) => {
	const orm = await openTempDatabase(t, {dialect});
	const recorder = new Recorder(orm);
	const id = await recorder.startExecution({...newExecution, description: 'posts\u0000 title:string'});
	await recorder.addMessage(id, {turnNumber: 1, role: 'model', contentText: 'the model said \u0000 this', rawParts: [{text: 'the model said \u0000 this'}]});
	await recorder.addMessage(id, {turnNumber: 1, role: 'tool_request', functionCallName: 'generate\u0000schema', functionCallArgs: {schema: 'Po\u0000st'}});
	await recorder.addMessage(id, {turnNumber: 1, role: 'tool_response', contentText: 'bad\u0000', functionResponseName: 'generate_schema', functionResponseContent: {text: 'bad\u0000'}, isError: true});
	await recorder.finishExecution(id, {status: 'FAILED', errorMessage: 'The tool failed: \u0000 in "Po\u0000st"', turnCount: 1});

	const execution = await recorder.getExecution(id);
	t.like(execution, {status: 'FAILED', description: 'posts\u2400 title:string', errorMessage: 'The tool failed: \u2400 in "Po\u2400st"'});
	const [model, request, response] = await recorder.listMessages(id);
	t.is(model!.contentText, 'the model said \u2400 this');
	t.deepEqual(model!.rawParts, [{text: 'the model said \u0000 this'}]);
	t.is(request!.functionCallName, 'generate\u2400schema');
	t.deepEqual(request!.functionCallArgs, {schema: 'Po\u0000st'});
	t.is(response!.contentText, 'bad\u2400');
	t.deepEqual(response!.functionResponseContent, {text: 'bad\u0000'});
});

eachDialect('every stored input is bounded: text and JSON kept in full up to 1 MiB, then cut with a marker saying how much', async (t, dialect) => {
	const orm = await openTempDatabase(t, {dialect});
	const recorder = new Recorder(orm);
	const huge = 'x'.repeat(3 * 1024 * 1024);
	const id = await recorder.startExecution({...newExecution, description: huge});
	const full = 'y'.repeat(1024 * 1024 - 10);
	await recorder.addMessage(id, {turnNumber: 1, role: 'model', contentText: full});
	await recorder.addMessage(id, {turnNumber: 1, role: 'tool_request', functionCallName: 'generate_schema', functionCallArgs: {project_path: '/p', attrs: [huge]}});
	await recorder.addMessage(id, {turnNumber: 1, role: 'tool_response', contentText: huge, functionResponseName: 'generate_schema', functionResponseContent: {text: huge, isError: false}});
	await recorder.finishExecution(id, {status: 'COMPLETED', finalResponseText: huge, turnCount: 1});

	const marker = /\n\[… truncated by ectosmith: 2\.0 MiB of 3\.0 MiB not stored\]$/;
	const execution = await recorder.getExecution(id);
	for (const text of [execution.description, execution.finalResponseText!]) {
		t.regex(text, marker);
		t.true(Buffer.byteLength(text) <= 1024 * 1024);
	}

	const [model, request, response] = await recorder.listMessages(id);
	t.is(model!.contentText, full, 'under the limit: stored whole');
	const args = request!.functionCallArgs as {project_path: string; attrs: string[]};
	t.is(args.project_path, '/p');
	t.regex(args.attrs[0]!, /^x+\n\[… truncated by ectosmith: [\d.]+ MiB of 3\.0 MiB not stored\]$/);
	t.regex(response!.contentText!, marker);
	const content = response!.functionResponseContent as {text: string; isError: boolean};
	t.false(content.isError);
	t.regex(content.text, /truncated by ectosmith/);
	const bytes = (column: string) => (dialect === 'postgresql' ? `octet_length(${column}::text)` : `length(cast(${column} as blob))`);
	const [stored] = await orm.em
		.getConnection()
		.execute<Array<Record<string, unknown>>>(`select max(${bytes('content_text')}) as text, max(${bytes('function_response_content')}) as json from messages`, [], 'all');
	t.true(
		Object.values(stored!).every(length => Number(length) <= 1024 * 1024),
		JSON.stringify(stored),
	);
});

eachDialect('an execution records who ran it and on which host', async (t, dialect) => {
	const orm = await openTempDatabase(t, {dialect});
	const recorder = new Recorder(orm);
	const previous = process.env.ECTOSMITH_USER;
	process.env.ECTOSMITH_USER = 'ana';
	t.teardown(() => {
		if (previous === undefined) delete process.env.ECTOSMITH_USER;
		else process.env.ECTOSMITH_USER = previous;
	});
	const id = await recorder.startExecution(newExecution);
	t.like(await recorder.getExecution(id), {userName: 'ana', hostName: hostname()});
});
