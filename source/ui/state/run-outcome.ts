/**
 * What the screen says when an execution ends: the shared run summary (files written relative to
 * the project, next steps for the user; source/tool-results/run-summary.ts) with the execution's outcome.
 */
import type {EngineEvent, FinishedStatus} from '../../engine/events.js';
import {reportedFiles} from '../../tool-results/read-result.js';
import {type RunSummary, summarizeRun as summarizeCalls} from '../../tool-results/run-summary.js';

export interface RunOutcome extends RunSummary {
	executionId: number;
	status: FinishedStatus;
	turns: number;
	durationMs: number;
	failedCalls: number;
	finalResponseText?: string;
	errorMessage?: string;
	/** The end could not be saved: the record does not hold this outcome. */
	recordError?: string;
}

/** The files of one tool result, as the tool-calls pane lists them (a dry run's are "planned"). */
export function listedFiles(structuredContent: unknown): Array<{path: string; action: string}> {
	return reportedFiles(structuredContent).map(file => ({path: file.path, action: file.planned ? 'planned' : file.action}));
}

export function summarizeOutcome(
	finished: Extract<EngineEvent, {type: 'execution_finished'}>,
	calls: Array<{name: string; status: string; structuredContent?: unknown}>,
	projectPath?: string,
): RunOutcome {
	const summary = summarizeCalls(
		calls.map(call => ({
			name: call.name,
			isError: call.status !== 'ok',
			...(call.structuredContent === undefined ? {} : {structuredContent: call.structuredContent}),
		})),
		{...(projectPath === undefined ? {} : {projectPath}), ...(finished.finalResponseText === undefined ? {} : {finalAnswer: finished.finalResponseText})},
	);
	return {
		...summary,
		executionId: finished.executionId,
		status: finished.status,
		turns: finished.turns,
		durationMs: finished.durationMs,
		failedCalls: calls.filter(call => call.status === 'error').length,
		...(finished.finalResponseText === undefined ? {} : {finalResponseText: finished.finalResponseText}),
		...(finished.errorMessage === undefined ? {} : {errorMessage: finished.errorMessage}),
		...(finished.recordError === undefined ? {} : {recordError: finished.recordError}),
	};
}
