/**
 * Step 2: the migrations, against the test database: migrate, roll back the ones checked (so their
 * `down` is proven), migrate again. A failure names the migration that was running and, when the
 * output has no line of it, the line of the command that could not run.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {CheckError, CheckStepResult} from '../tool-results/check-result.js';
import type {Migration} from './check-files.js';
import {CheckCancelledError} from './errors.js';
import {raisedError, runningMigration} from './parse-output.js';
import {type StepContext, stepMix, timedOut} from './step-context.js';

/** The line of the migration's command named in the error (`cannot reverse migration command: execute ...`). */
function commandLine(project: string, file: string, message: string): number | null {
	let text: string;
	try {
		text = readFileSync(path.join(project, file), 'utf8');
	} catch {
		return null;
	}

	const lines = text.split('\n');
	const command = /command: (\w+)/.exec(message)?.[1];
	const byCommand = command === undefined ? -1 : lines.findIndex(line => new RegExp(`^\\s*${command}\\b`).test(line));
	if (byCommand >= 0) return byCommand + 1;
	const change = lines.findIndex(line => /^\s*def (?:change|up|down)\b/.test(line));
	return change >= 0 ? change + 1 : null;
}

function failure(project: string, output: string, migrations: Migration[], phase: string): CheckError {
	const raised = raisedError(output, project);
	const running = runningMigration(output);
	const migration = running ? migrations.find(candidate => candidate.version === running.version) : undefined;
	const message = `${phase}${running ? ` (${running.version} ${running.direction})` : ''}: ${raised?.message ?? 'mix exited with an error'}`;
	if (raised?.file?.includes('migrations/')) return {...raised, message};
	if (migration) return {file: migration.file, line: commandLine(project, migration.file, message), message};
	return {file: raised?.file ?? null, line: raised?.line ?? null, message};
}

export async function migrationsStep(context: StepContext, migrations: Migration[], scoped: boolean): Promise<CheckStepResult> {
	const started = Date.now();
	const deadline = started + context.timeouts.migrations;
	const first = migrations[0]!.version;
	const rollback = scoped ? ['ecto.rollback', '--to', first] : ['ecto.rollback', '--all'];
	const phases: Array<[string, string[]]> = [
		['migrate', ['ecto.migrate']],
		['roll back', rollback],
		['migrate again', ['ecto.migrate']],
	];
	const command = phases.map(([, args]) => `mix ${args.join(' ')}`).join(' && ');
	for (const [phase, args] of phases) {
		const run = await stepMix(context, args, deadline);
		if (run.cancelled) throw new CheckCancelledError();
		if (run.timedOut) return timedOut('migrations', command, context, started);
		if (run.code !== 0) {
			return {
				step: 'migrations',
				status: 'failed',
				command,
				duration_ms: Date.now() - started,
				reason: `mix ${args.join(' ')} failed`,
				errors: [failure(context.project, run.output, migrations, phase)],
			};
		}
	}

	return {step: 'migrations', status: 'passed', command, duration_ms: Date.now() - started, errors: []};
}
