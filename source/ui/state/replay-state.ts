/**
 * Replay as steps: the events rebuilt from a record (source/engine/replay.ts) cut into one step per
 * recorded message (and one for each execution's end), and the run screen's state at each step,
 * folded by the same reducer a live run uses, so step k draws what the live screen drew then.
 * Pure; a screen keeps only the step index.
 */
import type {EngineEvent} from '../../engine/events.js';
import type {TokenUsage} from '../../llm/provider.js';
import {applyEvent, initialRunState, type RunState} from './run-state.js';

export type StepKind = 'user' | 'model' | 'tool_call' | 'tool_result' | 'finished';

export interface ReplayStep {
	kind: StepKind;
	executionId: number;
	turn?: number;
	/** The event that makes this step (a tool call's start, a model message...). */
	event: EngineEvent;
	/** Exclusive end, in the event list, of what this step shows. */
	end: number;
	durationMs?: number;
	usage?: TokenUsage;
	/** A failed tool call, a cut-short model message, an execution that did not complete. */
	isError: boolean;
}

function stepOf(event: EngineEvent): Omit<ReplayStep, 'end'> | undefined {
	switch (event.type) {
		case 'user_message':
			return {kind: 'user', executionId: event.executionId, turn: event.turn, event, isError: false};
		case 'model_message_done':
			return {
				kind: 'model',
				executionId: event.executionId,
				turn: event.turn,
				event,
				durationMs: event.durationMs,
				...(event.usage ? {usage: event.usage} : {}),
				isError: false,
			};
		case 'text_delta':
			// Only a cut-short message comes back as a delta.
			return {kind: 'model', executionId: event.executionId, turn: event.turn, event, isError: true};
		case 'tool_call_started':
			return {kind: 'tool_call', executionId: event.executionId, turn: event.turn, event, isError: false};
		case 'tool_call_finished':
			return {kind: 'tool_result', executionId: event.executionId, turn: event.turn, event, durationMs: event.durationMs, isError: event.isError};
		case 'execution_finished':
			return {kind: 'finished', executionId: event.executionId, event, durationMs: event.durationMs, isError: event.status !== 'COMPLETED'};
		default:
			return undefined;
	}
}

/** The steps of a replay; events between two steps (turn starts, usage totals) belong to the earlier one. */
export function replaySteps(events: EngineEvent[]): ReplayStep[] {
	const steps: ReplayStep[] = [];
	for (const [index, event] of events.entries()) {
		const step = stepOf(event);
		if (step) steps.push({...step, end: index + 1});
		else if (steps.length > 0 && event.type !== 'execution_started' && event.type !== 'turn_started') steps.at(-1)!.end = index + 1;
	}

	return steps;
}

/**
 * The run screen's state at each step, computed once per replay and shared: folding is
 * incremental (each step's state continues the previous one), so a replay of n events costs O(n).
 */
export function replayStates(events: EngineEvent[], steps: ReplayStep[]): RunState[] {
	const states: RunState[] = [];
	let state = initialRunState;
	let position = 0;
	for (const step of steps) {
		for (; position < step.end; position++) state = applyEvent(state, events[position]!);
		states.push(state);
	}

	return states;
}

/** Index of the next step after `from` matching `wanted`, or `from` when there is none. */
export function nextStep(steps: ReplayStep[], from: number, wanted: (step: ReplayStep) => boolean): number {
	for (let index = from + 1; index < steps.length; index++) if (wanted(steps[index]!)) return index;
	return from;
}

export const isToolCall = (step: ReplayStep) => step.kind === 'tool_call';
export const isError = (step: ReplayStep) => step.isError;

/** "step 7 of 23" */
export function positionText(index: number, steps: ReplayStep[]): string {
	return `step ${Math.min(index + 1, steps.length)} of ${steps.length}`;
}
