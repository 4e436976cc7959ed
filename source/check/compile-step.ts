/** Step 1: `mix compile --warnings-as-errors`, each error and warning with its file and line. */
import type {CheckStepResult} from '../tool-results/check-result.js';
import {CheckCancelledError} from './errors.js';
import {depsNotFetched, parseCompileOutput} from './parse-output.js';
import {type StepContext, stepMix, timedOut} from './step-context.js';

export const DEPS_REASON = 'dependencies are not fetched: run mix deps.get';

export async function compileStep(context: StepContext): Promise<{result: CheckStepResult; depsMissing: boolean}> {
	const started = Date.now();
	const command = 'mix compile --warnings-as-errors';
	const run = await stepMix(context, ['compile', '--warnings-as-errors'], started + context.timeouts.compile);
	if (run.cancelled) throw new CheckCancelledError();
	if (run.timedOut) return {result: timedOut('compile', command, context, started), depsMissing: false};
	if (run.code !== 0 && depsNotFetched(run.output)) {
		return {result: {step: 'compile', status: 'skipped', command, duration_ms: run.durationMs, reason: DEPS_REASON, errors: []}, depsMissing: true};
	}

	if (run.code === 0) return {result: {step: 'compile', status: 'passed', command, duration_ms: run.durationMs, errors: []}, depsMissing: false};
	const {errors, more} = parseCompileOutput(run.output, context.project);
	const warnings = /due to warnings while using the --warnings-as-errors/.test(run.output);
	return {
		result: {
			step: 'compile',
			status: 'failed',
			command,
			duration_ms: run.durationMs,
			reason: warnings ? 'compiler warnings (the check compiles with --warnings-as-errors)' : 'the project does not compile',
			errors: errors.length > 0 ? errors : [{file: null, line: null, message: `mix compile exited with ${run.code}`}],
			...(more > 0 ? {more_errors: more} : {}),
		},
		depsMissing: false,
	};
}
