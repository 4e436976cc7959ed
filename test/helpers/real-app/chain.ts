/**
 * The checks a Phoenix developer runs on generated code, in order, with MIX_ENV=test: compile
 * with warnings as errors, create, migrate, roll back to nothing (and check that nothing is left),
 * migrate again, the generated tests, the formatter. It stops at the first failing step.
 */
import {excerpt, runCommand} from './command.js';
import type {Postgres} from './postgres.js';

export interface StepResult {
	step: string;
	ok: boolean;
	/** A failed step's output, its first and last lines (not kept when it passed). */
	output: string;
}

export interface ChainResult {
	ok: boolean;
	steps: StepResult[];
}

export interface ChainOptions {
	project: string;
	postgres: Postgres;
	/** The env mix needs to find the libraries (libsEnv). */
	env: NodeJS.ProcessEnv;
	/** Keeps this project's database apart from others' on the same server. */
	partition: string;
}

const STEPS = [
	['compile', '--warnings-as-errors'],
	['ecto.create'],
	['ecto.migrate'],
	['ecto.rollback', '--all'],
	'nothing left',
	['ecto.migrate'],
	['test', '--warnings-as-errors'],
	['format', '--check-formatted'],
] as const;

/** After `ecto.rollback --all`: no table but schema_migrations, and no row in it. */
async function nothingLeft(postgres: Postgres, database: string): Promise<StepResult> {
	const tables = await postgres.query(database, "select string_agg(tablename, ', ') from pg_tables where schemaname = 'public' and tablename <> 'schema_migrations'");
	const rows = await postgres.query(database, "select string_agg(version::text, ', ') from schema_migrations");
	const problems = [tables && `tables left: ${tables}`, rows && `schema_migrations rows left: ${rows}`].filter(Boolean);
	return {step: 'nothing left after ecto.rollback --all', ok: problems.length === 0, output: problems.join('\n')};
}

export async function runChain(options: ChainOptions): Promise<ChainResult> {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		...options.env,
		ECTOSMITH_PG_SOCKET_DIR: options.postgres.socketDir,
		ECTOSMITH_PG_PORT: String(options.postgres.port),
		MIX_TEST_PARTITION: options.partition,
	};
	const steps: StepResult[] = [];
	for (const step of STEPS) {
		let result: StepResult;
		if (step === 'nothing left') result = await nothingLeft(options.postgres, `my_app_test${options.partition}`);
		else {
			const {code, output} = await runCommand('mix', [...step], {cwd: options.project, env});
			result = {step: `mix ${step.join(' ')}`, ok: code === 0, output: code === 0 ? '' : excerpt(output)};
		}
		steps.push(result);
		if (!result.ok) return {ok: false, steps};
	}
	return {ok: true, steps};
}

/** One line per step, and the failing step's output: what a failed assertion shows. */
export function describeChain(result: ChainResult): string {
	const lines = result.steps.map(step => `${step.ok ? 'ok  ' : 'FAIL'} ${step.step}`);
	const failed = result.steps.find(step => !step.ok);
	if (failed) lines.push('', `${failed.step} failed:`, failed.output);
	return lines.join('\n');
}
