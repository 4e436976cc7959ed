import {randomUUID} from 'node:crypto';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {openDatabase} from '../../source/db/orm.js';
import type {EngineEvent} from '../../source/engine/events.js';
import {Recorder} from '../../source/records/recorder.js';
import {startFakeGemini} from '../helpers/fake-gemini.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {tempDir} from '../helpers/temp-dir.js';
import {cliEnv, markedProcesses, runCli, seededDb} from './_cli.js';

async function executions(t: {teardown(fn: () => Promise<void>): void}, dbPath: string, id: number) {
	const orm = await openDatabase({dbPath, migrate: false, seed: false});
	t.teardown(async () => orm.close(true));
	const recorder = new Recorder(orm);
	return {execution: await recorder.getExecution(id), messages: await recorder.listMessages(id)};
}

test.serial('run streams a readable conversation, writes the files and exits 0', async t => {
	const marker = randomUUID();
	const db = await seededDb(t, {marker});
	const project = await copyFixtureProject(t);
	const env = cliEnv(tempDir(t));

	const result = await runCli(['run', '--db', db, '--project', project, 'Blog.Post posts title:string body:text published:boolean'], {env});

	t.is(result.code, 0, result.stderr);
	t.regex(result.stdout, /Execution #1 · workflow elixir_crud_generator · offline\/offline-planner/);
	t.regex(result.stdout, /You: Blog\.Post posts title:string body:text published:boolean/);
	t.regex(result.stdout, /→ generate_schema \(elixir_ecto_gen_tool\) \{.*"schema":"Blog\.Post"/);
	t.regex(result.stdout, /created\s+lib\/my_app\/blog\/post\.ex/);
	t.regex(result.stdout, /created\s+priv\/repo\/migrations\/\d{14}_create_posts\.exs/);
	t.regex(result.stdout, /✔ Completed after \d+ turns/);
	t.regex(readFileSync(path.join(project, 'lib/my_app/blog/post.ex'), 'utf8'), /field :published, :boolean, default: false/);
	t.deepEqual(markedProcesses(marker), [], 'the tool servers are gone');

	const {execution, messages} = await executions(t, db, 1);
	t.like(execution, {status: 'COMPLETED', provider: 'offline', targetProjectPath: project});
	t.is(messages[0]!.role, 'user');
	t.is(messages.at(-1)!.role, 'model');

	// A follow-up without --project goes on in the parent's project and is linked to it.
	const followUp = await runCli(['run', '--db', db, '--continue', '1', '--json', 'Blog.Comment comments body:text post_id:references:posts'], {env, cwd: tempDir(t)});
	t.is(followUp.code, 0, followUp.stderr + followUp.stdout);
	const second = await executions(t, db, 2);
	t.like(second.execution, {status: 'COMPLETED', parentExecutionId: 1, targetProjectPath: project});
	t.true(existsSync(path.join(project, 'lib/my_app/blog/comment.ex')));
});

test.serial('--json prints one parseable event per line, from started to finished', async t => {
	const db = await seededDb(t);
	const project = await copyFixtureProject(t);

	const result = await runCli(['run', '--db', db, '-p', project, '--json', '--dry-run', 'Catalog.Product products name:string price:decimal'], {env: cliEnv(tempDir(t))});

	t.is(result.code, 0, result.stderr);
	const lines = result.stdout.trim().split('\n');
	const events = lines.map(line => JSON.parse(line) as EngineEvent);
	t.is(events[0]!.type, 'execution_started');
	t.like(events.at(-1), {type: 'execution_finished', status: 'COMPLETED'});
	const started = events.filter(e => e.type === 'tool_call_started');
	t.true(started.length >= 4);
	t.true(started.filter(e => e.name !== 'inspect_project' && e.name !== 'check_project').every(e => e.args['dry_run'] === true));
	// Dry run: nothing written.
	t.false(existsSync(path.join(project, 'lib/my_app/catalog/product.ex')));
});

test.serial('the description can come from stdin with "-"', async t => {
	const db = await seededDb(t);
	const project = await copyFixtureProject(t);

	const result = await runCli(['run', '--db', db, '-p', project, '--json', '-'], {env: cliEnv(tempDir(t)), stdin: 'Accounts.User users email:string:unique\n'});

	t.is(result.code, 0, result.stderr);
	const first = JSON.parse(result.stdout.split('\n')[0]!) as EngineEvent;
	t.like(first, {type: 'execution_started', description: 'Accounts.User users email:string:unique'});
	t.true(existsSync(path.join(project, 'lib/my_app/accounts/user.ex')));
});

test.serial('a description with NUL, or over 64 KiB, is a usage error (exit 2) and nothing is recorded', async t => {
	const db = await seededDb(t);
	const project = await copyFixtureProject(t);
	const nul = await runCli(['run', '--db', db, '-p', project, '-'], {env: cliEnv(tempDir(t)), stdin: 'Blog.Post posts\u0000 title:string'});
	t.is(nul.code, 2, nul.stderr);
	t.regex(nul.stderr, /^ectosmith run: The description contains a NUL character \(at character 16\)/);
	const big = await runCli(['run', '--db', db, '-p', project, '-'], {env: cliEnv(tempDir(t)), stdin: `Blog.Post posts title:string ${'x'.repeat(70_000)}`});
	t.is(big.code, 2, big.stderr);
	t.regex(big.stderr, /the limit is 64 KiB/);
	const orm = await openDatabase({dbPath: db, migrate: false, seed: false});
	t.teardown(async () => orm.close(true));
	await t.throwsAsync(new Recorder(orm).getExecution(1));
});

test.serial('a folder that is not a Mix project is refused with what to do, and nothing is recorded', async t => {
	const db = path.join(tempDir(t), 'never.db');
	const empty = tempDir(t);

	const explicit = await runCli(['run', '--db', db, '--project', empty, 'Blog.Post posts title:string'], {env: cliEnv(tempDir(t))});
	t.is(explicit.code, 1);
	t.regex(explicit.stderr, /is not a Mix project \(it has no mix\.exs\)/);
	t.regex(explicit.stderr, /ectosmith demo my_app/);
	t.regex(explicit.stderr, /--project/);

	// Without --project the current folder is the project.
	const implicit = await runCli(['run', '--db', db, 'Blog.Post posts title:string'], {env: cliEnv(tempDir(t)), cwd: empty});
	t.is(implicit.code, 1);
	t.regex(implicit.stderr, new RegExp(`${empty.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a Mix project`));
	t.false(existsSync(db));
});

test.serial('a description the offline planner cannot read fails the run with exit 1, saying which words', async t => {
	const db = await seededDb(t);
	const project = await copyFixtureProject(t);

	const result = await runCli(['run', '--db', db, '-p', project, 'frobnicate the wibble'], {env: cliEnv(tempDir(t))});

	t.is(result.code, 1, result.stdout);
	t.regex(result.stdout, /I found no entities in 'frobnicate the wibble'/);
	const {execution} = await executions(t, db, 1);
	t.like(execution, {status: 'FAILED', errorMessage: 'Offline planner: could not read or plan the request (see its answer).'});
});

test.serial('run --strict: the offline planner refuses a plan that needed an assumption, naming it, and writes nothing', async t => {
	const db = await seededDb(t);
	const project = await copyFixtureProject(t);
	const env = cliEnv(tempDir(t));

	const strict = await runCli(['run', '--db', db, '-p', project, '--strict', 'rooms with a name and a capacity'], {env});
	t.is(strict.code, 1, strict.stdout);
	t.regex(strict.stdout, /--strict: this plan needs an assumption: rooms\.capacity: integer, from the name/);
	t.deepEqual(
		readdirSync(project, {recursive: true, encoding: 'utf8'}).filter(file => /room/.test(file)),
		[],
	);

	const loose = await runCli(['run', '--db', db, '-p', project, '--dry-run', 'rooms with a name and a capacity'], {env});
	t.is(loose.code, 0, loose.stdout);
	t.regex(loose.stdout, /Assumptions:\n\s+- rooms\.capacity: integer, from the name/);
});

test.serial('bad usage exits 2 with a message naming the problem', async t => {
	const project = await copyFixtureProject(t);
	const env = cliEnv(tempDir(t));
	const db = path.join(tempDir(t), 'never.db');

	const noDescription = await runCli(['run', '--db', db, '-p', project], {env});
	t.is(noDescription.code, 2);
	t.regex(noDescription.stderr, /No description given/);

	const badProvider = await runCli(['run', '--db', db, '-p', project, '--provider', 'openai', 'Blog.Post posts title'], {env});
	t.is(badProvider.code, 2);
	t.regex(badProvider.stderr, /Unknown provider "openai".*gemini, offline, scripted/);
});

test.serial('--provider scripted without --script is a usage error: exit 2, one line', async t => {
	const db = await seededDb(t);
	const project = await copyFixtureProject(t);

	const result = await runCli(['run', '--db', db, '-p', project, '--provider', 'scripted', 'Blog.Post posts title:string'], {env: cliEnv(tempDir(t))});

	t.is(result.code, 2, result.stderr);
	t.is(result.stderr, 'ectosmith run: The scripted provider plays a recorded conversation: pass --script FILE (e.g. fixtures/conversations/blog.json).\n');
});

test.serial('an unknown workflow exits 1 naming the known ones', async t => {
	const db = await seededDb(t);
	const project = await copyFixtureProject(t);

	const result = await runCli(['run', '--db', db, '-p', project, '-w', 'nope', 'Blog.Post posts title:string'], {env: cliEnv(tempDir(t))});

	t.is(result.code, 1);
	t.regex(result.stderr, /nope/);
	t.regex(result.stderr, /elixir_crud_generator/);
});

/** A run against a Gemini that streams then hangs: `signal` is sent once its first text shows. */
async function signalMidStream(t: ExecutionContext, signal: NodeJS.Signals) {
	const marker = randomUUID();
	const db = await seededDb(t, {marker});
	const project = await copyFixtureProject(t);
	const fake = await startFakeGemini([{hang: true, text: 'Thinking about your schema'}]);
	t.teardown(() => fake.close());
	let sent = false;
	let serversWhileRunning = 0;
	const result = await runCli(['run', '--db', db, '-p', project, 'Blog.Post posts title:string'], {
		env: cliEnv(tempDir(t), {GEMINI_API_KEY: 'test-key', GOOGLE_GEMINI_BASE_URL: fake.url}),
		onStdout(stdout, child) {
			if (!sent && stdout.includes('Thinking about your schema')) {
				sent = true;
				serversWhileRunning = markedProcesses(marker).length;
				child.kill(signal);
			}
		},
	});
	return {result, db, marker, sent, serversWhileRunning};
}

test.serial('Ctrl-C while the model streams exits 130, ends the row CANCELLED and leaves no server running', async t => {
	const {result, db, marker, sent, serversWhileRunning} = await signalMidStream(t, 'SIGINT');
	t.true(sent, result.stdout + result.stderr);
	// The marker check means something: the three servers were found while the run was live.
	if (process.platform === 'linux') t.is(serversWhileRunning, 4);
	t.is(result.code, 130, result.stderr);
	t.deepEqual(markedProcesses(marker), []);
	t.regex(result.stdout, /Cancelled after 1 turn/);
	const {execution} = await executions(t, db, 1);
	t.like(execution, {status: 'CANCELLED', provider: 'gemini', errorMessage: 'Cancelled by the user.'});
});

for (const [signal, code] of [
	['SIGTERM', 143],
	['SIGHUP', 129],
] as const) {
	test.serial(`${signal} is treated like Ctrl-C: the row ends CANCELLED, no server is left, exit ${code}`, async t => {
		const {result, db, marker, sent} = await signalMidStream(t, signal);
		t.true(sent, result.stdout + result.stderr);
		t.is(result.code, code, result.stderr);
		t.deepEqual(markedProcesses(marker), []);
		const {execution} = await executions(t, db, 1);
		t.like(execution, {status: 'CANCELLED'});
	});
}

test.serial('the log gets one line per model turn and per tool call with its duration, and never the key', async t => {
	const db = await seededDb(t);
	const project = await copyFixtureProject(t);
	const stateHome = tempDir(t);
	const key = 'AIzaSyTEST-secret-key-0123456789';
	const env = cliEnv(stateHome, {GEMINI_API_KEY: key});

	const result = await runCli(['run', '--db', db, '--project', project, '--provider', 'offline', 'Blog.Post posts title:string'], {env});

	t.is(result.code, 0, result.stderr);
	const log = readFileSync(path.join(stateHome, 'ectosmith/ectosmith.log'), 'utf8');
	const modelTurns = log.split('\n').filter(line => line.includes('model turn'));
	t.is(modelTurns.length, 4, log);
	t.true(modelTurns.every(line => /"durationMs":\d+/.test(line) && line.includes('"provider":"offline"')));
	for (const tool of ['inspect_project', 'generate_schema', 'generate_migration', 'generate_context']) {
		t.regex(log, new RegExp(`\\[mcp:[a-z_]+\\] tool ${tool} .*"durationMs":\\d+`), tool);
	}

	t.false(log.includes(key));
	t.false(result.stdout.includes(key));
});

test.serial('a FAILED run exits 1 and says why; --model reaches Gemini; gemini without a key is refused before any row', async t => {
	const db = await seededDb(t);
	const project = await copyFixtureProject(t);
	const fake = await startFakeGemini([{error: {status: 404, message: 'models/no-such-model is not found'}}]);
	t.teardown(() => fake.close());

	const failed = await runCli(['run', '--db', db, '-p', project, '--model', 'no-such-model', 'Blog.Post posts title:string'], {
		env: cliEnv(tempDir(t), {GEMINI_API_KEY: 'test-key', GOOGLE_GEMINI_BASE_URL: fake.url}),
	});

	t.is(failed.code, 1, failed.stderr);
	t.is(fake.requests[0]!.model, 'no-such-model');
	t.regex(failed.stdout, /✘ Failed after 1 turn .*404.*check the model name/);
	const {execution} = await executions(t, db, 1);
	t.like(execution, {status: 'FAILED', provider: 'gemini', model: 'no-such-model'});
	t.regex(execution.errorMessage ?? '', /404/);

	const noKey = await runCli(['run', '--db', db, '-p', project, '--provider', 'gemini', 'Blog.Post posts title:string'], {env: cliEnv(tempDir(t))});
	t.is(noKey.code, 1);
	t.regex(noKey.stderr, /needs an API key: set GEMINI_API_KEY \(or GOOGLE_API_KEY\), or use --provider offline/);
	const orm = await openDatabase({dbPath: db, migrate: false, seed: false});
	t.teardown(async () => orm.close(true));
	const rows = await orm.em.fork().getConnection().execute('select count(*) as n from executions');
	t.is(Number(rows[0]!.n), 1, 'no row for the refused run');
});
