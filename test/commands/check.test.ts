/**
 * `ectosmith check` as a user runs it (the CLI from source): exit 4 when nothing could run, 1 with
 * the failing step's file and line, `--json` one event per step. A passing project and each kind
 * of failure are covered against the check itself in test/check/.
 */
import {mkdtemp, realpath, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {ExitCode} from '../../source/exit-codes.js';
import {checkFixture, checkProjectCase} from '../helpers/check-projects.js';
import {ectoLibs} from '../helpers/real-app/ecto-libs.js';
import {realAppTools, requireRealApp} from '../helpers/real-app/requirements.js';
import {tempDir} from '../helpers/temp-dir.js';
import {cliEnv, runCli} from './_cli.js';

test('outside a Mix project nothing can run: one line per step, the reason, exit 4', async t => {
	const dir = tempDir(t);
	const result = await runCli(['check', '--project', dir], {env: cliEnv(tempDir(t))});
	t.is(result.code, ExitCode.nothingChecked, result.stderr);
	t.regex(result.stdout, new RegExp(`^- compile skipped: not a Mix project: no mix.exs in ${dir}\n`));
	t.regex(result.stdout, /Checks could not run: not a Mix project/);
});

test('a project whose dependencies were never fetched: every step skipped, run mix deps.get, exit 4', async t => {
	if (!requireRealApp(t)) return;
	const result = await runCli(['check', '--project', checkFixture('no-deps'), '--json'], {env: cliEnv(tempDir(t))});
	t.is(result.code, ExitCode.nothingChecked, result.stderr);
	const events = result.stdout
		.trim()
		.split('\n')
		.map(line => JSON.parse(line) as Record<string, unknown>);
	t.like(events.at(-1), {type: 'check_finished', status: 'skipped'});
	t.true(events.filter(event => event['type'] === 'check_step_finished').every(event => event['reason'] === 'dependencies are not fetched: run mix deps.get'));
});

test('a compile error: exit 1, the file and line on screen; --json gives one event per step', async t => {
	if (!requireRealApp(t)) return;
	t.timeout(4 * 60_000);
	const work = await realpath(await mkdtemp(join(tmpdir(), 'ectosmith-check-cli-')));
	t.teardown(async () => rm(work, {recursive: true, force: true}));
	const libs = await ectoLibs(realAppTools().tools!.libsArchive);
	const project = await checkProjectCase(join(work, 'broken'), ['compile-error'], libs, undefined, work);
	const result = await runCli(['check', '--project', project.dir, '--json'], {env: cliEnv(work, project.env)});
	t.is(result.code, ExitCode.failed, result.stderr);
	const events = result.stdout
		.trim()
		.split('\n')
		.map(line => JSON.parse(line) as Record<string, unknown>);
	t.deepEqual(
		events.map(event => [event['type'], event['step'] ?? event['status']]),
		[
			['check_step_started', 'compile'],
			['check_step_finished', 'compile'],
			['check_step_finished', 'migrations'],
			['check_step_finished', 'test'],
			['check_step_started', 'format'],
			['check_step_finished', 'format'],
			['check_finished', 'failed'],
		],
	);
	t.like((events[1]!['errors'] as unknown[])[0], {file: 'lib/my_app/broken.ex', line: 7});
	const text = await runCli(['check', '--project', project.dir], {env: cliEnv(work, project.env)});
	t.is(text.code, ExitCode.failed);
	t.regex(text.stdout, /^✗ compile \(\d+\.\d s\): lib\/my_app\/broken\.ex:7 CompileError: undefined function slugify\/1/m);
	t.regex(text.stdout, /Checks failed: compile at lib\/my_app\/broken\.ex:7/);
});
