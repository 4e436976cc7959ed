/** What every step of a check shares: the project, mix's environment, timeouts, cancel, the output file. */
import type {CheckStepName, CheckStepResult} from '../tool-results/check-result.js';
import {type MixRun, runMix} from './run-mix.js';

export interface StepContext {
	project: string;
	/** The environment of every mix command (MIX_ENV=test). */
	env: NodeJS.ProcessEnv;
	timeouts: Record<CheckStepName, number>;
	signal?: AbortSignal;
	outputFile?: string;
	scrub: (text: string) => string;
}

/** Runs one mix command of a step, within what is left of the step's timeout. */
export function stepMix(context: StepContext, args: string[], deadline: number): Promise<MixRun> {
	return runMix(args, {
		cwd: context.project,
		env: context.env,
		timeoutMs: Math.max(1, deadline - Date.now()),
		...(context.signal ? {signal: context.signal} : {}),
		...(context.outputFile === undefined ? {} : {outputFile: context.outputFile}),
		scrub: context.scrub,
	});
}

export function skipped(step: CheckStepName, reason: string): CheckStepResult {
	return {step, status: 'skipped', duration_ms: 0, reason, errors: []};
}

/** A step that timed out: failed, with the timeout named. */
export function timedOut(step: CheckStepName, command: string, context: StepContext, started: number): CheckStepResult {
	const seconds = Math.round(context.timeouts[step] / 1000);
	return {step, status: 'failed', command, duration_ms: Date.now() - started, reason: `timed out after ${seconds} s (the check server's step timeout); mix was stopped`, errors: []};
}
