/**
 * Step 4: `mix format --check-formatted` on the files; for each file it lists, a second command
 * asks the project's own formatter (with that file's .formatter.exs) for the first line it would change.
 */
import type {CheckStepResult} from '../tool-results/check-result.js';
import {CheckCancelledError} from './errors.js';
import {firstDifferences, formatErrors, unformattedFiles} from './parse-output.js';
import {type StepContext, stepMix, timedOut} from './step-context.js';

const FIRST_DIFFERENCE = `for f <- System.argv() do
  {format, _} = Mix.Tasks.Format.formatter_for_file(f)
  text = File.read!(f)
  a = String.split(text, "\\n")
  b = String.split(IO.iodata_to_binary(format.(text)), "\\n")
  i = Enum.find_index(Enum.zip(a ++ [nil], b ++ [nil]), fn {x, y} -> x != y end)
  IO.puts("ECTOSMITH_FORMAT\\t#{f}\\t#{(i || 0) + 1}")
end`;

export async function formatStep(context: StepContext, files: string[]): Promise<CheckStepResult> {
	const started = Date.now();
	const deadline = started + context.timeouts.format;
	const args = ['format', '--check-formatted', ...files];
	const command = `mix ${args.join(' ')}`;
	const run = await stepMix(context, args, deadline);
	if (run.cancelled) throw new CheckCancelledError();
	if (run.timedOut) return timedOut('format', command, context, started);
	if (run.code === 0) return {step: 'format', status: 'passed', command, duration_ms: run.durationMs, errors: []};
	const unformatted = unformattedFiles(run.output, context.project);
	if (unformatted.length === 0) {
		return {
			step: 'format',
			status: 'failed',
			command,
			duration_ms: Date.now() - started,
			reason: `mix format exited with ${run.code}`,
			errors: [{file: null, line: null, message: run.output.trim().split('\n')[0] ?? 'failed'}],
		};
	}

	const probe = await stepMix(context, ['run', '--no-start', '--no-compile', '--no-deps-check', '-e', FIRST_DIFFERENCE, ...unformatted.slice(0, 20)], deadline);
	if (probe.cancelled) throw new CheckCancelledError();
	const {errors, more} = formatErrors(unformatted, firstDifferences(probe.output, context.project));
	return {step: 'format', status: 'failed', command, duration_ms: Date.now() - started, reason: `${unformatted.length} file(s) not formatted`, errors, ...(more > 0 ? {more_errors: more} : {})};
}
