/**
 * Before migrations and tests touch a database: refuse a test Repo that points at the dev database,
 * then create the test database (`mix ecto.create`, which also proves it is reachable). Its answer
 * is a reason to skip both steps, a failure to report, or nothing (go on).
 */
import type {CheckError} from '../tool-results/check-result.js';
import {CheckCancelledError} from './errors.js';
import {databaseUnreachable, raisedError} from './parse-output.js';
import {readRepoConfig, testUsesDevDatabase, whereItListens} from './repo-config.js';
import type {StepContext} from './step-context.js';
import {stepMix} from './step-context.js';

export type DatabaseReady = {ok: true} | {ok: false; skip: string} | {ok: false; failure: CheckError};

export async function prepareDatabase(context: StepContext): Promise<DatabaseReady> {
	const deadline = Date.now() + context.timeouts.migrations;
	const {config, run} = await readRepoConfig({
		cwd: context.project,
		env: context.env,
		timeoutMs: Math.max(1, deadline - Date.now()),
		...(context.signal ? {signal: context.signal} : {}),
		...(context.outputFile === undefined ? {} : {outputFile: context.outputFile}),
	});
	if (run.cancelled) throw new CheckCancelledError();
	// A project without Ecto Repos has no database to prepare; its tests run as they are.
	if (config.test.length === 0) return {ok: true};
	const same = testUsesDevDatabase(config);
	if (same) {
		return {
			ok: false,
			skip: `refused: the test config of ${same.test.repo} uses the dev database ${same.test.database ?? same.test.url ?? ''} (set a separate database in config/test.exs, e.g. "${same.test.database ?? 'my_app'}_test")`,
		};
	}

	const create = await stepMix(context, ['ecto.create', '--quiet'], deadline);
	if (create.cancelled) throw new CheckCancelledError();
	if (create.code === 0) return {ok: true};
	if (create.timedOut || databaseUnreachable(create.output)) {
		const where = config.test.map(settings => `${settings.repo} at ${whereItListens(settings)}`).join(', ');
		return {
			ok: false,
			skip: `no database reachable: ${where} (the test config); start PostgreSQL there (pg_ctl start, systemctl start postgresql, or docker run -p 5432:5432 -e POSTGRES_PASSWORD=postgres postgres)`,
		};
	}

	return {ok: false, failure: raisedError(create.output, context.project) ?? {file: null, line: null, message: `mix ecto.create exited with ${create.code}`}};
}
