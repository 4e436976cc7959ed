/**
 * `ectosmith run` against a real project whose own code does not compile (real mix, the vendored
 * libraries): the offline planner writes, checks, reports the failing file and line, and the run
 * exits 3 (completed, but the checks failed); the record holds the check result.
 */
import {mkdtemp, realpath, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {openDatabase} from '../../source/db/orm.js';
import {ExitCode} from '../../source/exit-codes.js';
import {Recorder} from '../../source/records/recorder.js';
import {readCheckResult} from '../../source/tool-results/check-result.js';
import {checkProjectCase} from '../helpers/check-projects.js';
import {ectoLibs} from '../helpers/real-app/ecto-libs.js';
import {realAppTools, requireRealApp} from '../helpers/real-app/requirements.js';
import {cliEnv, runCli, seededDb} from './_cli.js';

test('a COMPLETED run whose check fails exits 3, with the failing file and line in its summary', async t => {
	if (!requireRealApp(t)) return;
	t.timeout(6 * 60_000);
	const work = await realpath(await mkdtemp(join(tmpdir(), 'ectosmith-run-checks-')));
	t.teardown(async () => rm(work, {recursive: true, force: true}));
	const libs = await ectoLibs(realAppTools().tools!.libsArchive);
	// No database: the migrations and test steps are skipped, the compile step still runs and fails.
	const project = await checkProjectCase(join(work, 'my_app'), ['compile-error'], libs, undefined, work);
	// The check server gets the project's variables through its entry's pass-through list, as a user's would.
	const db = await seededDb(t, {checkEnv: {ECTOSMITH_PASS_ENV: 'ECTOSMITH_REAL_APP_LIBS ECTOSMITH_PG_* MIX_TEST_PARTITION'}});
	const result = await runCli(['run', '--db', db, '--project', project.dir, 'Blog.Post posts title:string'], {env: cliEnv(work, project.env)});

	t.is(result.code, ExitCode.checksFailed, result.stderr + result.stdout);
	t.regex(result.stdout, /✗ compile \(\d+\.\d s\): lib\/my_app\/broken\.ex:7 /);
	t.regex(result.stdout, /Checks failed: compile at lib\/my_app\/broken\.ex:7/);

	const orm = await openDatabase({dbPath: db, migrate: false, seed: false});
	t.teardown(async () => orm.close(true));
	const recorder = new Recorder(orm);
	t.like(await recorder.getExecution(1), {status: 'COMPLETED'});
	const checks = (await recorder.listMessages(1)).filter(message => message.role === 'tool_response' && message.functionResponseName === 'check_project');
	t.is(checks.length, 1);
	const recorded = readCheckResult((checks[0]!.functionResponseContent as {structuredContent?: unknown}).structuredContent);
	t.like(recorded?.steps[0], {step: 'compile', status: 'failed'});
	t.like(recorded?.steps[0]?.errors[0], {file: 'lib/my_app/broken.ex', line: 7});
});
