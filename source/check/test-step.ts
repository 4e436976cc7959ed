/** Step 3: `mix test` on the test files (all of them when the whole project is checked). */
import type {CheckStepResult} from '../tool-results/check-result.js';
import {CheckCancelledError} from './errors.js';
import {parseTestOutput} from './parse-output.js';
import {type StepContext, stepMix, timedOut} from './step-context.js';

export async function testStep(context: StepContext, files: string[]): Promise<CheckStepResult> {
	const started = Date.now();
	const args = ['test', ...files];
	const command = `mix ${args.join(' ')}`;
	const run = await stepMix(context, args, started + context.timeouts.test);
	if (run.cancelled) throw new CheckCancelledError();
	if (run.timedOut) return timedOut('test', command, context, started);
	if (run.code === 0) return {step: 'test', status: 'passed', command, duration_ms: run.durationMs, errors: []};
	const {errors, more} = parseTestOutput(run.output, context.project);
	const counts = /(\d+ tests?, \d+ failures?[^\n]*)/.exec(run.output)?.[1];
	return {
		step: 'test',
		status: 'failed',
		command,
		duration_ms: run.durationMs,
		reason: counts ?? `mix test exited with ${run.code}`,
		errors: errors.length > 0 ? errors : [{file: null, line: null, message: `mix test exited with ${run.code}`}],
		...(more > 0 ? {more_errors: more} : {}),
	};
}
