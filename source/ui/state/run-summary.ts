/**
 * What the screen says when an execution ends: the files written (relative to the project, with
 * their actions), the next steps the tools gave, the final answer or the error. Reads the shared
 * extraction of files from tool results, so the TUI and the headless renderer agree.
 */
import type {EngineEvent, FinishedStatus} from '../../engine/events.js';
import {filesOf as toolFiles, summarizeFiles} from '../../commands/render-text.js';

export interface SummaryFile {
	path: string;
	action: string;
}

export interface RunSummary {
	executionId: number;
	status: FinishedStatus;
	turns: number;
	durationMs: number;
	files: SummaryFile[];
	nextSteps: string[];
	failedCalls: number;
	finalResponseText?: string;
	errorMessage?: string;
}

/** The files a tool result reports ([{path, action}] of structuredContent.files). */
export function filesOf(structuredContent: unknown): SummaryFile[] {
	return toolFiles(structuredContent);
}

function nextStepsOf(structuredContent: unknown): string[] {
	if (!structuredContent || typeof structuredContent !== 'object') return [];
	const steps = (structuredContent as {next_steps?: unknown}).next_steps;
	return Array.isArray(steps) ? steps.filter((step): step is string => typeof step === 'string') : [];
}

/** Steps that name one of the tools were advice for the model, not for the user. */
const TOOL_MENTION = /\b(?:generate|inspect)_[a-z_]+\b/;

export function summarizeRun(
	finished: Extract<EngineEvent, {type: 'execution_finished'}>,
	calls: Array<{isError?: boolean; status: string; structuredContent?: unknown}>,
): RunSummary {
	const files = summarizeFiles(calls.flatMap(call => (call.status === 'ok' ? filesOf(call.structuredContent) : [])));
	const nextSteps: string[] = [];
	for (const call of calls) {
		if (call.status !== 'ok') continue;
		for (const step of nextStepsOf(call.structuredContent)) if (!TOOL_MENTION.test(step) && !nextSteps.includes(step)) nextSteps.push(step);
	}

	return {
		executionId: finished.executionId,
		status: finished.status,
		turns: finished.turns,
		durationMs: finished.durationMs,
		files: files.filter(file => file.action !== 'planned'),
		nextSteps,
		failedCalls: calls.filter(call => call.status === 'error').length,
		...(finished.finalResponseText === undefined ? {} : {finalResponseText: finished.finalResponseText}),
		...(finished.errorMessage === undefined ? {} : {errorMessage: finished.errorMessage}),
	};
}
