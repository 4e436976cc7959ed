/**
 * What check_project returns: the zod schema of its structuredContent, the tolerant reader the
 * engine, history and the UI use (a record or an import may hold anything), and the one-line
 * wording of a check's outcome.
 */
import {z} from 'zod';
import {isRecord} from '../is-record.js';

export const checkStepNames = ['compile', 'migrations', 'test', 'format'] as const;
export type CheckStepName = (typeof checkStepNames)[number];

/** A workflow's `checks` setting: how deep check_project goes ("off": it is not offered). */
export const checkDepths = ['off', 'compile', 'full'] as const;
export type CheckDepth = (typeof checkDepths)[number];

export const checkStatuses = ['passed', 'failed', 'skipped'] as const;
export type CheckStatus = (typeof checkStatuses)[number];

/** At most this many errors per step, each message cut at MAX_ERROR_CHARS. */
export const MAX_STEP_ERRORS = 5;
export const MAX_ERROR_CHARS = 600;

const checkError = z.object({
	file: z.string().nullable().describe('Relative to the project root; null when the output names no file.'),
	line: z.number().int().nullable(),
	message: z.string(),
});

export const checkOutput = z.object({
	status: z.enum(checkStatuses).describe('passed: every step that ran passed; failed: a step failed; skipped: no step could run.'),
	summary: z.string(),
	steps: z.array(
		z.object({
			step: z.enum(checkStepNames),
			status: z.enum(checkStatuses),
			duration_ms: z.number().int(),
			command: z.string().optional().describe('The mix command(s) run, with MIX_ENV=test.'),
			reason: z.string().optional().describe('Why the step was skipped, or what failed, in one line.'),
			errors: z.array(checkError).describe(`The first errors (at most ${MAX_STEP_ERRORS}).`),
			more_errors: z.number().int().optional().describe('Errors found beyond those listed.'),
		}),
	),
	output_file: z.string().optional().describe("The full output of every command, in ectosmith's log folder."),
});

export type CheckOutput = z.infer<typeof checkOutput>;
export type CheckStepResult = CheckOutput['steps'][number];
export type CheckError = z.infer<typeof checkError>;

/** A check result read back from a tool response, or undefined when it is not one. */
export function readCheckResult(structuredContent: unknown): CheckOutput | undefined {
	const parsed = checkOutput.safeParse(structuredContent);
	return parsed.success ? parsed.data : undefined;
}

export function isCheckResult(structuredContent: unknown): boolean {
	return isRecord(structuredContent) && Array.isArray(structuredContent['steps']) && readCheckResult(structuredContent) !== undefined;
}

/** The overall status of steps: failed if one failed, passed if one passed, else skipped. */
export function overallStatus(steps: ReadonlyArray<{status: CheckStatus}>): CheckStatus {
	if (steps.some(step => step.status === 'failed')) return 'failed';
	return steps.some(step => step.status === 'passed') ? 'passed' : 'skipped';
}

/** `file:line`, `file` or '' for an error. */
export function errorLocation(error: CheckError): string {
	if (error.file === null) return '';
	return error.line === null ? error.file : `${error.file}:${error.line}`;
}

/** One line per step: "✓ compile (3.1 s)", "✗ test: test/x_test.exs:12 Assertion failed", "- format skipped: reason". */
export function stepLine(step: CheckStepResult): string {
	const seconds = `${(step.duration_ms / 1000).toFixed(1)} s`;
	if (step.status === 'passed') return `✓ ${step.step} (${seconds})`;
	if (step.status === 'skipped') return `- ${step.step} skipped: ${step.reason ?? 'not run'}`;
	const first = step.errors[0];
	const detail = first ? [errorLocation(first), firstLine(first.message)].filter(Boolean).join(' ') : (step.reason ?? 'failed');
	return `✗ ${step.step} (${seconds}): ${detail}`;
}

function firstLine(text: string): string {
	return text.split('\n')[0]!.trim();
}

/** The one sentence for a whole check: "Checks passed (compile, migrations)", "Checks failed: test at test/x.exs:3". */
export function checkSentence(result: Pick<CheckOutput, 'status' | 'steps'>): string {
	const ran = result.steps.filter(step => step.status !== 'skipped').map(step => step.step);
	if (result.status === 'passed') {
		const skipped = result.steps.filter(step => step.status === 'skipped').map(step => step.step);
		return `Checks passed (${ran.join(', ')})${skipped.length > 0 ? `; skipped: ${skipped.join(', ')}` : ''}.`;
	}

	if (result.status === 'skipped') return `Checks could not run: ${result.steps[0]?.reason ?? 'no step ran'}.`;
	const failed = result.steps.filter(step => step.status === 'failed');
	const parts = failed.map(step => {
		const first = step.errors[0];
		const where = first ? errorLocation(first) : '';
		return `${step.step}${where ? ` at ${where}` : ''}${first ? `: ${firstLine(first.message)}` : step.reason ? `: ${step.reason}` : ''}`;
	});
	return `Checks failed: ${parts.join('; ')}.`;
}
