/**
 * The Checks row of the Run screen, from the tool rows: the latest check_project call, one line
 * per step (a spinner while it runs, then ✓, ✗ or skipped with the reason, and the first error).
 * Pure, so the live run and the replay draw the same lines.
 */
import {type CheckOutput, checkStepNames, errorLocation, readCheckResult} from '../../tool-results/check-result.js';
import type {Line} from './lines.js';
import type {ToolRow} from './run-state.js';

/** The check_project call shown: the newest one. */
export function latestCheck(tools: readonly ToolRow[]): ToolRow | undefined {
	for (let index = tools.length - 1; index >= 0; index--) if (/(?:^|__)check_project$/.test(tools[index]!.name)) return tools[index];
	return undefined;
}

export function checkOf(row: ToolRow | undefined): CheckOutput | undefined {
	return row ? readCheckResult(row.structuredContent) : undefined;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function checkLines(row: ToolRow): Line[] {
	if (row.status === 'running' || row.status === 'awaiting_approval') return checkStepNames.map(step => ({text: `  ${step}…`, spinner: true, tone: 'dim'}));
	const result = checkOf(row);
	if (!result) return [{text: `✗ check_project: ${(row.error ?? 'no result').split('\n')[0]}`, tone: 'error'}];
	return result.steps.map((step): Line => {
		if (step.status === 'passed') return {text: `✓ ${step.step} (${seconds(step.duration_ms)})`, tone: 'ok'};
		if (step.status === 'skipped') return {text: `- ${step.step} skipped: ${step.reason ?? ''}`, tone: 'dim'};
		const first = step.errors[0];
		const where = first ? `${errorLocation(first)} ${first.message.split('\n')[0]}` : (step.reason ?? 'failed');
		return {text: `✗ ${step.step} (${seconds(step.duration_ms)}): ${where}`, tone: 'error'};
	});
}

/** The title's note: whether the project is green. */
export function checkNote(row: ToolRow): string {
	if (row.status === 'running' || row.status === 'awaiting_approval') return 'checking';
	const result = checkOf(row);
	if (!result) return 'failed to run';
	return `${result.status === 'passed' ? 'green' : result.status === 'failed' ? 'not green' : 'could not run'} · o: full output`;
}

/** The full output view's lines when the output file cannot be read (replayed elsewhere, rotated away). */
export function recordedDetail(result: CheckOutput): string[] {
	return [
		result.summary,
		'',
		...result.steps.flatMap(step => [
			`${step.step}: ${step.status}${step.reason ? ` (${step.reason})` : ''}${step.command ? ` · ${step.command}` : ''}`,
			...step.errors.map(error => `  ${errorLocation(error)} ${error.message}`),
			...(step.more_errors ? [`  … ${step.more_errors} more`] : []),
		]),
	];
}
