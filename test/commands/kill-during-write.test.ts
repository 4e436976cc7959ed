import {spawn} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {existsSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {openDatabase} from '../../source/db/orm.js';
import {packageRoot} from '../../source/package-root.js';
import {Recorder} from '../../source/records/recorder.js';
import {reportedFiles} from '../../source/tool-results/read-result.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {tempDir} from '../helpers/temp-dir.js';
import {tsxLoader} from '../helpers/tsx-loader.js';
import {cliEnv, markedProcesses, runCli, seededDb} from './_cli.js';

const CONTEXT_FILES = ['lib/my_app/blog.ex', 'test/my_app/blog_test.exs', 'test/support/fixtures/blog_fixtures.ex'];

/** Resolves when `check` holds, looking again at each turn of the event loop's timers. */
async function until(check: () => boolean): Promise<void> {
	while (!check()) await new Promise(resolve => setTimeout(resolve, 20));
}

/** Another process that takes the database's write lock when told to; resolves once it is ready. */
async function lockOnDemand(t: ExecutionContext, dbPath: string): Promise<{lock(): Promise<void>; release(): Promise<void>}> {
	const child = spawn(process.execPath, ['--import', tsxLoader, path.join(packageRoot(), 'test/helpers/lock-on-demand.ts'), dbPath], {stdio: ['pipe', 'pipe', 'inherit']});
	t.teardown(() => {
		if (child.exitCode === null) child.kill('SIGKILL');
	});
	let stdout = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	await until(() => stdout.includes('ready'));
	return {
		async lock() {
			child.stdin.write('go\n');
			await until(() => stdout.includes('locked'));
		},
		async release() {
			child.kill('SIGKILL');
			await new Promise(resolve => child.once('close', resolve));
		},
	};
}

test.serial('kill -9 of the app while generate_context writes: the record holds the files that reached the disk, ends at its last step, and undo removes them', async t => {
	const marker = randomUUID();
	const db = await seededDb(t, {marker});
	const project = await copyFixtureProject(t);
	const env = cliEnv(tempDir(t));
	const holder = await lockOnDemand(t, db);
	let killing = false;
	const run = await runCli(['run', '--db', db, '--project', project, 'Blog.Post posts title:string'], {
		env,
		onStdout(stdout, child) {
			if (killing || !stdout.includes('→ generate_context')) return;
			killing = true;
			// The request is recorded; with the database held, its answer cannot be: the app is
			// killed once the context's files are on disk, before it could record them.
			void holder.lock().then(async () => {
				await until(() => CONTEXT_FILES.every(file => existsSync(path.join(project, file))));
				child.kill('SIGKILL');
			});
		},
	});
	t.is(run.signal, 'SIGKILL', run.stdout + run.stderr);
	await until(() => markedProcesses(marker).length === 0);
	const serversGone = Date.now();
	await holder.release();

	const undo = await runCli(['undo', '1', '--db', db, '--yes'], {env});
	t.is(undo.code, 0, undo.stderr);
	for (const file of CONTEXT_FILES) {
		t.regex(undo.stdout, new RegExp(`remove\\s+${file.replaceAll('.', '\\.')}`));
		t.false(existsSync(path.join(project, file)), `${file} was undone`);
	}

	t.false(existsSync(path.join(project, 'lib/my_app/blog/post.ex')), 'the earlier calls are undone too');
	t.false(existsSync(path.join(project, '_build')), 'no journal is left in the project');

	const orm = await openDatabase({dbPath: db, migrate: false, seed: false});
	t.teardown(async () => orm.close(true));
	const recorder = new Recorder(orm);
	const execution = await recorder.getExecution(1);
	t.is(execution.status, 'INTERRUPTED');
	// Its last step is the context's write, which the server finished after the kill.
	t.true(execution.endTime!.getTime() <= serversGone, 'the duration ends at its last recorded step, not at the next start');
	t.true(execution.turnCount >= 2);
	const answer = (await recorder.listMessages(1)).filter(message => message.role === 'tool_response' && message.functionResponseName === 'generate_context');
	t.is(answer.length, 1);
	const content = answer[0]!.functionResponseContent as {structuredContent: unknown};
	t.deepEqual(
		reportedFiles(content.structuredContent)
			.filter(file => file.action === 'created')
			.map(file => file.path)
			.sort(),
		[...CONTEXT_FILES].sort(),
	);
});
