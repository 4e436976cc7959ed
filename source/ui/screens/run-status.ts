/**
 * The Run screen's status line: before a run, the workflow, its provider and whether the panes are
 * ready; during and after one, the execution, its turn, time, tokens and outcome.
 */
import {sanitizeLine} from '../../terminal/sanitize.js';
import {providerLabel, seconds} from '../components/transcript.js';
import type {WorkflowChoice} from '../services.js';
import type {RunState} from '../state/run-state.js';

export function runStatusText(state: RunState, workflow: WorkflowChoice | undefined, now: number, loading: string | undefined): string {
	if (state.executionId === undefined) {
		const who = workflow ? providerLabel(workflow.provider, workflow.providerModel) : '';
		// "ready" only once the panes are: never beside a pane still reading.
		return [workflow ? sanitizeLine(workflow.name) : '', who, loading ?? 'ready'].filter(Boolean).join(' · ');
	}

	const parts = [`#${state.executionId}${state.parentExecutionId === undefined ? '' : ` ↳#${state.parentExecutionId}`}`, providerLabel(state.provider, state.model)];
	parts.push(`turn ${state.turn}/${state.maxTurns}`);
	const elapsed = state.phase === 'running' && state.startedAt ? now - Date.parse(state.startedAt) : state.durationMs;
	if (elapsed !== undefined) parts.push(seconds(Math.max(0, elapsed)));
	if (state.tokens) parts.push(`${state.tokens.totalTokens.toLocaleString('en-US')} tokens`);
	if (state.phase !== 'running' && state.phase !== 'idle') parts.push(state.phase.toLowerCase());
	return parts.join(' · ');
}
