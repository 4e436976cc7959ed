/**
 * The check against real mix, the Ecto libraries and a private PostgreSQL (test/helpers/real-app/):
 * one case project per fixture of test/fixtures/check/, all checked in test.before (two at a time,
 * the machine is shared) and asserted one by one; the cancel case on its own.
 */
import {existsSync, readFileSync} from 'node:fs';
import {mkdtemp, realpath, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {checkProject} from '../../source/check/check-project.js';
import {CheckCancelledError} from '../../source/check/errors.js';
import type {CheckOutput, CheckStepName, CheckStepResult} from '../../source/tool-results/check-result.js';
import {type CaseProject, checkFixture, checkProjectCase, groupMembers, processGone} from '../helpers/check-projects.js';
import {type EctoLibs, ectoLibs} from '../helpers/real-app/ecto-libs.js';
import {type Postgres, startPostgres} from '../helpers/real-app/postgres.js';
import {realAppTools, requireRealApp} from '../helpers/real-app/requirements.js';

const CASES = {
	passing: {fixtures: ['passing']},
	compileError: {fixtures: ['compile-error']},
	failing: {fixtures: ['failing']},
	noDatabase: {fixtures: ['passing'], noDatabase: true},
	devIsTest: {fixtures: ['passing', 'dev-is-test']},
} as const;
type CaseName = keyof typeof CASES;

let workDir: string | undefined;
let postgres: Postgres | undefined;
let libs: EctoLibs | undefined;
const results = new Map<CaseName, {project: CaseProject; result: CheckOutput}>();

function step(result: CheckOutput, name: CheckStepName): CheckStepResult {
	return result.steps.find(candidate => candidate.step === name)!;
}

/** Runs `work` on the items, at most `limit` at a time. */
async function pooled<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
	const queue = [...items];
	await Promise.all(
		Array.from({length: limit}, async () => {
			for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
		}),
	);
}

if (realAppTools().missing) {
	test('the check against a real project', t => {
		requireRealApp(t);
	});
} else {
	test.before(async t => {
		t.timeout(10 * 60_000);
		const {tools} = realAppTools();
		workDir = await realpath(await mkdtemp(join(tmpdir(), 'ectosmith-check-')));
		postgres = await startPostgres(tools!.pgBin);
		libs = await ectoLibs(tools!.libsArchive);
		await pooled(Object.keys(CASES) as CaseName[], 2, async name => {
			const spec = CASES[name];
			const project = await checkProjectCase(join(workDir!, name), [...spec.fixtures], libs!, 'noDatabase' in spec ? undefined : postgres, workDir!);
			results.set(name, {project, result: await checkProject({project: project.dir, files: project.files, env: project.env})});
		});
	});

	test.after.always(async () => {
		await postgres?.stop();
		if (workDir) await rm(workDir, {recursive: true, force: true});
	});

	test('a project that compiles, migrates both ways, passes its tests and is formatted passes all four steps', t => {
		const {result} = results.get('passing')!;
		t.is(result.status, 'passed', JSON.stringify(result, null, 2));
		t.deepEqual(
			result.steps.map(each => [each.step, each.status]),
			[
				['compile', 'passed'],
				['migrations', 'passed'],
				['test', 'passed'],
				['format', 'passed'],
			],
		);
		t.is(step(result, 'migrations').command, 'mix ecto.migrate && mix ecto.rollback --to 20240101000000 && mix ecto.migrate');
		t.is(step(result, 'test').command, 'mix test test/my_app/blog_test.exs');
		// The full output is in the log folder, not in the result.
		t.true(readFileSync(result.output_file!, 'utf8').includes('2 tests, 0 failures'));
	});

	test('a compile error fails the compile step with its file and line; the database steps are skipped', t => {
		const {result} = results.get('compileError')!;
		t.is(result.status, 'failed');
		const compile = step(result, 'compile');
		t.is(compile.status, 'failed');
		t.like(compile.errors[0], {file: 'lib/my_app/broken.ex', line: 7});
		t.regex(compile.errors[0]!.message, /slugify\/1/);
		t.like(step(result, 'migrations'), {status: 'skipped', reason: 'the project does not compile'});
		t.like(step(result, 'test'), {status: 'skipped', reason: 'the project does not compile'});
		t.regex(result.summary, /compile at lib\/my_app\/broken\.ex:7/);
	});

	test('a migration that cannot roll back, a failing test and an unformatted file: each step fails with its file and line', t => {
		const {result} = results.get('failing')!;
		t.is(step(result, 'compile').status, 'passed');
		const migrations = step(result, 'migrations');
		t.is(migrations.status, 'failed');
		t.like(migrations.errors[0], {file: 'priv/repo/migrations/20240102000000_fill_titles.exs', line: 5});
		t.regex(migrations.errors[0]!.message, /roll back.*cannot reverse migration command: execute/);
		const tests = step(result, 'test');
		t.is(tests.status, 'failed');
		t.is(tests.errors.length, 1);
		t.like(tests.errors[0], {file: 'test/my_app/arithmetic_test.exs', line: 9});
		t.regex(tests.errors[0]!.message, /test multiplies.*Assertion with == failed/);
		const format = step(result, 'format');
		t.is(format.status, 'failed');
		t.deepEqual(
			format.errors.map(error => [error.file, error.line]),
			[['lib/my_app/greeting.ex', 6]],
		);
	});

	test('without a reachable database the migrations and tests are skipped, quoting the configured socket', t => {
		const {project, result} = results.get('noDatabase')!;
		t.is(step(result, 'compile').status, 'passed');
		for (const name of ['migrations', 'test'] as const) {
			const skipped = step(result, name);
			t.is(skipped.status, 'skipped');
			t.true(skipped.reason!.startsWith(`no database reachable: MyApp.Repo at socket ${project.env['ECTOSMITH_PG_SOCKET_DIR']}/.s.PGSQL.5432`), skipped.reason);
			t.regex(skipped.reason!, /start PostgreSQL/);
		}
		t.is(result.status, 'passed', 'the steps that ran passed');
	});

	test('a test Repo that uses the dev database is refused, and nothing touches it', async t => {
		const {project, result} = results.get('devIsTest')!;
		for (const name of ['migrations', 'test'] as const) t.regex(step(result, name).reason ?? '', /^refused: the test config of MyApp\.Repo uses the dev database my_app_test/);
		const database = `my_app_test${project.env['MIX_TEST_PARTITION']}`;
		t.is(await postgres!.query('postgres', `select count(*) from pg_database where datname = '${database}'`), '0');
	});

	test('a project whose dependencies were never fetched is skipped: run mix deps.get', async t => {
		const result = await checkProject({project: checkFixture('no-deps'), files: [], env: {...process.env, XDG_STATE_HOME: workDir!}});
		t.is(result.status, 'skipped');
		for (const each of result.steps) t.like(each, {status: 'skipped', reason: 'dependencies are not fetched: run mix deps.get'});
	});

	test('cancelling during a long mix test kills mix and every process it started', async t => {
		const project = await checkProjectCase(join(workDir!, 'slow'), ['slow'], libs!, postgres, workDir!);
		const marker = join(workDir!, 'slow-test.pid');
		const controller = new AbortController();
		const check = checkProject({project: project.dir, files: project.files, env: {...project.env, ECTOSMITH_SLOW_TEST_MARKER: marker}, signal: controller.signal});
		// The test writes the BEAM's pid once it runs: the signal that mix test is under way.
		while (!existsSync(marker) || readFileSync(marker, 'utf8') === '') await new Promise(resolve => setTimeout(resolve, 50));
		const beam = Number(readFileSync(marker, 'utf8'));
		const pgid = Number(readFileSync(`/proc/${beam}/stat`, 'utf8').split(') ')[1]!.split(' ')[2]);
		const members = groupMembers(pgid);
		t.true(members.includes(beam));
		controller.abort();
		await t.throwsAsync(check, {instanceOf: CheckCancelledError});
		t.deepEqual(
			members.filter(pid => !processGone(pid)),
			[],
		);
	});
}

test('outside a Mix project and without Elixir every step is skipped with its reason', async t => {
	const notMix = await checkProject({project: tmpdir(), files: []});
	t.true(notMix.steps.every(each => each.status === 'skipped' && each.reason === `not a Mix project: no mix.exs in ${tmpdir()}`));
	const noElixir = await checkProject({project: checkFixture('no-deps'), env: {PATH: '/nonexistent'}});
	t.is(noElixir.status, 'skipped');
	t.regex(noElixir.steps[0]!.reason!, /^Elixir is not installed: mix is not on PATH/);
});
