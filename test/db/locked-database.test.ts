import {setTimeout as sleep} from 'node:timers/promises';
import type {MikroORM} from '@mikro-orm/core';
import test, {type ExecutionContext} from 'ava';
import {openDatabase} from '../../source/db/orm.js';
import type {EngineEvent} from '../../source/engine/events.js';
import {WorkflowEngine} from '../../source/engine/workflow-engine.js';
import {McpService} from '../../source/mcp/mcp-service.js';
import {Recorder} from '../../source/records/recorder.js';
import {cliEnv, runCli} from '../commands/_cli.js';
import {answer, type Step, TestProvider, WORKFLOW_NAME} from '../engine/_support.js';
import {type HeldLock, holdWriteLock} from '../helpers/hold-lock.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {tempDir} from '../helpers/temp-dir.js';

/** A seeded database file; closed again so the tests open it as they need. */
async function seededFile(t: ExecutionContext): Promise<string> {
	const dbPath = tempDbPath(t);
	const orm = await openDatabase({dbPath});
	await orm.close(true);
	return dbPath;
}

/** An engine with no tool servers on its own connection, whose writes wait `waitMs` for a lock. */
async function engineOn(t: ExecutionContext, dbPath: string, steps: Step[], waitMs?: number) {
	const wait = waitMs === undefined ? {} : {waitMs};
	const orm: MikroORM = await openDatabase({dbPath, ...wait});
	t.teardown(async () => orm.close(true));
	const recorder = new Recorder(orm, wait);
	const mcp = new McpService();
	t.teardown(async () => mcp.close());
	const workflow = {name: WORKFLOW_NAME, description: '', llmModel: 'test-model', initialPromptTemplate: '{{schema_description}}', maxConversationTurns: 3, servers: []};
	const engine = new WorkflowEngine({
		config: {getWorkflow: async () => workflow, defaultWorkflow: async () => workflow},
		recorder,
		mcp,
		providerFor: () => new TestProvider(steps),
	});
	const events: EngineEvent[] = [];
	engine.on(event => events.push(event));
	return {engine, recorder, events};
}

test('a run waits out another process holding the write lock longer than SQLite waits by itself, and completes', async t => {
	const dbPath = await seededFile(t);
	let lock: HeldLock | undefined;
	const {engine, recorder} = await engineOn(t, dbPath, [
		async () => {
			// Mid-run: the next write (this model turn) meets the lock, held past SQLite's own 5 s busy timeout.
			lock = await holdWriteLock(t, dbPath, 7000);
			return answer('Done.');
		},
	]);
	const result = await engine.run({description: 'Blog.Post posts title:string', projectPath: tempDir(t)});
	t.is(result.status, 'COMPLETED', result.errorMessage);
	await lock!.released;
	t.like(await recorder.getExecution(result.executionId), {status: 'COMPLETED', finalResponseText: 'Done.'});
	const messages = await recorder.listMessages(result.executionId);
	t.deepEqual(
		messages.map(message => [message.role, message.contentText]),
		[
			['user', 'Blog.Post posts title:string'],
			['model', 'Done.'],
		],
	);
});

/** The row of an execution once it is no longer STARTED (a background retry may finish it). */
async function finishedRow(recorder: Recorder, id: number) {
	for (let tries = 0; tries < 600; tries++) {
		const row = await recorder.getExecution(id);
		if (row.status !== 'STARTED') return row;
		await sleep(100);
	}

	return recorder.getExecution(id);
}

test('a lock held past the wait ends the run with one clear line, no SQL; the row is finished once the database is free', async t => {
	const dbPath = await seededFile(t);
	let lock: HeldLock | undefined;
	const {engine, recorder, events} = await engineOn(
		t,
		dbPath,
		[
			async () => {
				lock = await holdWriteLock(t, dbPath, 6000);
				return answer('Done \u0000 with a NUL.');
			},
		],
		1000,
	);
	const result = await engine.run({description: 'Blog.Post posts title:string', projectPath: tempDir(t)});
	t.is(result.status, 'FAILED');
	const message = result.errorMessage ?? '';
	t.regex(
		message,
		/^Could not record a message of execution \d+: the database .*ectosmith\.db stayed locked by another process for [\d.]+ s\. Let the other program .* finish, then try again; ECTOSMITH_DB_WAIT_SECONDS sets how long to wait\.$/,
	);
	t.notRegex(message, /insert into|SQLITE_|\n/i);
	t.like(events.at(-1), {type: 'execution_finished', status: 'FAILED', errorMessage: message});
	// While the other process still holds the lock, the end is pending; once it lets go, the row is finished.
	t.deepEqual(recorder.pendingFinishes(), [result.executionId]);
	await lock!.released;
	const row = await finishedRow(recorder, result.executionId);
	t.like(row, {status: 'FAILED', errorMessage: message});
	t.true(row.endTime instanceof Date);
	t.deepEqual(recorder.pendingFinishes(), []);
});

test('the headless run prints one line, without SQL, when the database stays locked past the wait', async t => {
	const dbPath = await seededFile(t);
	const project = await copyFixtureProject(t);
	// Held far longer than the run needs to reach its first write, however slow the machine; killed at the end.
	const lock = await holdWriteLock(t, dbPath, 300_000);
	const result = await runCli(['run', '--db', dbPath, '--project', project, 'Blog.Post posts title:string'], {
		env: cliEnv(tempDir(t), {ECTOSMITH_DB_WAIT_SECONDS: '1'}),
	});
	t.is(result.code, 1, result.stderr);
	t.regex(result.stderr, /^ectosmith run: Could not record the start of the execution: the database .*ectosmith\.db stayed locked by another process for [\d.]+ s\./);
	t.is(result.stderr.trim().split('\n').length, 1, result.stderr);
	t.notRegex(result.stderr, /insert into|select |\n\s+at /i);
	t.truthy(lock);
});

test('any command that meets a lock past the wait says so in one line: the CLI explains what a command left unexplained', async t => {
	const dbPath = await seededFile(t);
	const lock = await holdWriteLock(t, dbPath, 300_000);
	const result = await runCli(['servers', 'disable', 'elixir_ecto_gen_tool', '--db', dbPath], {
		env: cliEnv(tempDir(t), {ECTOSMITH_DB_WAIT_SECONDS: '1'}),
	});
	t.is(result.code, 1, result.stdout + result.stderr);
	t.regex(result.stderr, /^ectosmith: The database .*ectosmith\.db stayed locked by another process\. Let the other program .* finish, then try again/);
	t.is(result.stderr.trim().split('\n').length, 1, result.stderr);
	t.notRegex(result.stderr, /update |insert into|select |\n\s+at /i);
	t.truthy(lock);
});
