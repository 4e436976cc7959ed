/**
 * `ectosmith check [--project DIR] [--json]`: the check of check_project on the whole project
 * (every migration, all tests, mix format's own inputs), with MIX_ENV=test. It runs the project's
 * own code. Exit 0 when every step that ran passed, 1 when one failed, 4 when none could run.
 */
import path from 'node:path';
import {cancelOnSignals} from '../app/signals.js';
import {checkProject} from '../check/check-project.js';
import {CheckCancelledError} from '../check/errors.js';
import {CheckTimeoutError, timeoutsFromEnv} from '../check/timeouts.js';
import {ExitCode} from '../exit-codes.js';
import {terminalSafeJson} from '../terminal/safe-json.js';
import {sanitizeLine} from '../terminal/sanitize.js';
import {stepLine} from '../tool-results/check-result.js';
import type {CliFlags} from './flags.js';

export async function checkCommand(args: string[], flags: CliFlags): Promise<number> {
	if (args.length > 0) {
		process.stderr.write(`Unexpected argument "${sanitizeLine(args[0]!)}". Use: ectosmith check [--project DIR] [--json]\n`);
		return ExitCode.usage;
	}

	let timeouts: ReturnType<typeof timeoutsFromEnv>;
	try {
		timeouts = timeoutsFromEnv(process.env);
	} catch (error) {
		if (!(error instanceof CheckTimeoutError)) throw error;
		process.stderr.write(`ectosmith: ${error.message}\n`);
		return ExitCode.usage;
	}

	const json = flags.json === true;
	let printed = 0;
	const emit = (event: Record<string, unknown>) => process.stdout.write(`${terminalSafeJson(event)}\n`);
	const stop = cancelOnSignals({
		onSignal: (signal, count) => {
			if (count === 1) process.stderr.write(`\nStopping the check… (${signal === 'SIGINT' ? 'Ctrl-C' : signal} again to quit at once)\n`);
		},
	});
	try {
		const result = await checkProject({
			project: path.resolve(flags.project ?? process.cwd()),
			timeouts,
			signal: stop.signal,
			onStep: ({step, result: done}) => {
				if (json) emit(done === undefined ? {type: 'check_step_started', step} : {type: 'check_step_finished', ...done});
				else if (done !== undefined) {
					printed++;
					process.stdout.write(`${sanitizeLine(stepLine(done))}\n`);
				}
			},
		});
		if (json) emit({type: 'check_finished', ...result});
		else {
			// Steps skipped before any ran (no Mix project, no Elixir) were not reported one by one.
			if (printed === 0) for (const step of result.steps) process.stdout.write(`${sanitizeLine(stepLine(step))}\n`);
			process.stdout.write(`${sanitizeLine(result.summary)}\n`);
			for (const step of result.steps)
				for (const error of step.errors.slice(1)) process.stdout.write(`  ${sanitizeLine(`${step.step}: ${error.file ?? ''}${error.line === null ? '' : `:${error.line}`} ${error.message}`)}\n`);
			if (result.output_file) process.stdout.write(`Full output: ${sanitizeLine(result.output_file)}\n`);
		}

		return result.status === 'passed' ? ExitCode.ok : result.status === 'failed' ? ExitCode.failed : ExitCode.nothingChecked;
	} catch (error) {
		if (error instanceof CheckCancelledError) {
			process.stderr.write(`${error.message}\n`);
			return stop.exitCode() ?? ExitCode.sigint;
		}

		throw error;
	} finally {
		stop.dispose();
	}
}
