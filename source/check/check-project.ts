/**
 * check_project's work, with MIX_ENV=test in the project: compile with warnings as errors, the
 * migrations (migrate, roll back, migrate), the tests, the formatter; each step passed, failed or
 * skipped with its reason, and the full output in one file of the log folder. It runs the
 * project's own code (mix.exs, config, migrations, tests): the README says so.
 */
import {existsSync, mkdirSync} from 'node:fs';
import path from 'node:path';
import {SECRET_ENV_VARS} from '../log/redact.js';
import {mixProjectProblem} from '../phoenix-project/mix-project.js';
import {type CheckDepth, type CheckOutput, type CheckStepName, type CheckStepResult, checkSentence, checkStepNames, overallStatus} from '../tool-results/check-result.js';
import {checkFiles} from './check-files.js';
import {compileStep, DEPS_REASON} from './compile-step.js';
import {prepareDatabase} from './database-step.js';
import {formatStep} from './format-step.js';
import {migrationsStep} from './migrations-step.js';
import {onPath} from './on-path.js';
import {newOutputFile, scrubber} from './output-file.js';
import {type StepContext, skipped} from './step-context.js';
import {testStep} from './test-step.js';

/** Per step, unless the server entry says otherwise (ECTOSMITH_CHECK_TIMEOUT_MS and friends). */
export const DEFAULT_STEP_TIMEOUTS: Record<CheckStepName, number> = {compile: 300_000, migrations: 120_000, test: 300_000, format: 60_000};

export interface CheckOptions {
	/** The project root (absolute). */
	project: string;
	/** Files the execution wrote, relative to the project; undefined checks the whole project. */
	files?: readonly string[];
	/** "compile": only the compile step (default "full"). */
	depth?: Exclude<CheckDepth, 'off'>;
	timeouts?: Partial<Record<CheckStepName, number>>;
	/** The environment mix runs in (MIX_ENV is set to test, our API keys are left out); default process.env. */
	env?: NodeJS.ProcessEnv;
	signal?: AbortSignal;
	/** Where the full output goes; default a new file in the log folder's checks/ (undefined: none). */
	outputFile?: string | null;
	/** Told when a step starts and when it ends (the CLI's --json events). */
	onStep?: (event: {step: CheckStepName; result?: CheckStepResult}) => void;
}

function allSkipped(reason: string): CheckStepResult[] {
	return checkStepNames.map(step => skipped(step, reason));
}

function finish(steps: CheckStepResult[], outputFile: string | undefined): CheckOutput {
	const status = overallStatus(steps);
	return {status, summary: checkSentence({status, steps}), steps, ...(outputFile === undefined ? {} : {output_file: outputFile})};
}

/** The project's code runs in this env: never with our API keys (`ectosmith check` passes its whole env). */
function withoutApiKeys(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const rest = {...env};
	for (const name of SECRET_ENV_VARS) delete rest[name];
	return rest;
}

export async function checkProject(options: CheckOptions): Promise<CheckOutput> {
	const base = options.env ?? process.env;
	const problem = mixProjectProblem(options.project);
	if (problem !== undefined)
		return finish(
			allSkipped(`not a Mix project: ${problem === 'no-mix-exs' ? `no mix.exs in ${options.project}` : `${options.project} is ${problem === 'missing' ? 'missing' : 'not a folder'}`}`),
			undefined,
		);
	if (!onPath('mix', base) || !onPath('elixir', base))
		return finish(allSkipped('Elixir is not installed: mix is not on PATH (install Elixir, e.g. from https://elixir-lang.org/install.html)'), undefined);

	const outputFile = options.outputFile === null ? undefined : (options.outputFile ?? newOutputFile(base));
	if (outputFile !== undefined) mkdirSync(path.dirname(outputFile), {recursive: true});
	const context: StepContext = {
		project: options.project,
		env: {...withoutApiKeys(base), MIX_ENV: 'test'},
		timeouts: {...DEFAULT_STEP_TIMEOUTS, ...options.timeouts},
		...(options.signal ? {signal: options.signal} : {}),
		...(outputFile === undefined ? {} : {outputFile}),
		scrub: scrubber(base),
	};
	const files = await checkFiles(options.project, options.files);
	const steps: CheckStepResult[] = [];
	const done = (result: CheckStepResult) => {
		steps.push(result);
		options.onStep?.({step: result.step, result});
	};

	const start = (step: CheckStepName) => options.onStep?.({step});

	start('compile');
	const compiled = await compileStep(context);
	done(compiled.result);
	if (compiled.depsMissing) {
		for (const step of checkStepNames.slice(1)) done(skipped(step, DEPS_REASON));
		return finish(steps, outputFile);
	}

	if (options.depth === 'compile') {
		for (const step of checkStepNames.slice(1)) done(skipped(step, "the workflow's checks setting is compile"));
		return finish(steps, outputFile);
	}

	const compiles = compiled.result.status === 'passed';
	const needMigrations = files.migrations.length > 0;
	const needTests = !files.scoped || files.tests.length > 0;
	let databaseSkip: string | undefined;
	if (compiles && (needMigrations || needTests)) {
		start('migrations');
		const ready = await prepareDatabase(context);
		if (!ready.ok && 'skip' in ready) databaseSkip = ready.skip;
		else if (!ready.ok) {
			done({step: 'migrations', status: 'failed', command: 'mix ecto.create', duration_ms: 0, reason: 'the test database could not be created', errors: [ready.failure]});
			databaseSkip = 'the test database could not be created';
		}
	}

	const notCompiled = 'the project does not compile';
	if (!steps.some(step => step.step === 'migrations')) {
		if (!compiles) done(skipped('migrations', notCompiled));
		else if (!needMigrations) done(skipped('migrations', files.scoped ? 'this execution wrote no migration' : 'the project has no migration in priv/repo/migrations'));
		else if (databaseSkip !== undefined) done(skipped('migrations', databaseSkip));
		else {
			start('migrations');
			done(await migrationsStep(context, files.migrations, files.scoped));
		}
	}

	if (!compiles) done(skipped('test', notCompiled));
	else if (!needTests) done(skipped('test', 'this execution wrote no test file'));
	else if (databaseSkip !== undefined) done(skipped('test', databaseSkip));
	else {
		start('test');
		done(await testStep(context, files.tests));
	}

	if (files.scoped && files.sources.length === 0) done(skipped('format', 'this execution wrote no Elixir file'));
	else if (!files.scoped && !existsSync(path.join(options.project, '.formatter.exs'))) done(skipped('format', 'the project has no .formatter.exs'));
	else {
		start('format');
		done(await formatStep(context, files.sources));
	}

	return finish(steps, outputFile);
}
