/**
 * The typed events the engine emits; the TUI, the headless renderers and replay consume them.
 * Every event that corresponds to a recorded `messages` row carries its `messageId`, so a screen
 * never reads the database to draw a live run, and replay (recorded rows -> events) can rebuild
 * the same stream without the text deltas.
 */

import type {ProviderName, TokenUsage} from '../llm/provider.js';
import type {ApprovalOutcome, ExecutionStatus} from '../records/statuses.js';
import type {PlannedFile} from '../tool-results/output.js';

// The data layer owns the statuses and roles; the event contract re-exports them.
export type FinishedStatus = Exclude<ExecutionStatus, 'STARTED'>;

/** The user's answer to one approval request. */
export type ApprovalDecision =
	| {kind: 'approve'}
	/** Approve this call and every later one of this execution. */
	| {kind: 'approve_all'}
	/** Decline; with a note, the note goes back to the model as the tool's answer. */
	| {kind: 'decline'; note?: string};

/** How a call's approval ended, as recorded on its tool_response row. */
export type {ApprovalOutcome} from '../db/entities/statuses.js';

export interface ApprovalRequest {
	executionId: number;
	turn: number;
	callIndex: number;
	/** The tool_request row of the call. */
	messageId: number;
	name: string;
	server?: string;
	args: Record<string, unknown>;
	files: PlannedFile[];
	/** The dry run's own text (what the tool would do), for tools without structured files. */
	dryRunText: string;
}

/**
 * Asked before every call to a tool that can write (tools annotated `readOnlyHint: true` are never
 * asked about). Headless runs have none (every call approved); the TUI asks the user.
 */
export type ApprovalHook = (request: ApprovalRequest, signal?: AbortSignal) => Promise<ApprovalDecision>;

export type EngineEvent =
	| {
			type: 'execution_started';
			executionId: number;
			workflow: string;
			provider: ProviderName;
			model: string;
			projectPath: string;
			description: string;
			maxTurns: number;
			/** ISO 8601. */
			startedAt: string;
			parentExecutionId?: number;
			/** Every writing call runs with dry_run: true; nothing is written. */
			dryRun?: boolean;
	  }
	| {type: 'turn_started'; executionId: number; turn: number; maxTurns: number}
	| {type: 'user_message'; executionId: number; messageId: number; turn: number; text: string}
	| {type: 'text_delta'; executionId: number; turn: number; delta: string}
	| {
			type: 'model_message_done';
			executionId: number;
			messageId: number;
			turn: number;
			text: string;
			functionCalls: Array<{name: string; args: Record<string, unknown>}>;
			durationMs: number;
			/** This turn's usage, when the provider reports it. */
			usage?: TokenUsage;
	  }
	/** Running totals of the execution, emitted whenever a turn reports usage. */
	| {type: 'usage'; executionId: number; turn: number; totals: TokenUsage}
	| {
			type: 'tool_call_started';
			executionId: number;
			/** The tool_request row. */
			messageId: number;
			turn: number;
			callIndex: number;
			name: string;
			server?: string;
			args: Record<string, unknown>;
			readOnly: boolean;
	  }
	| ({type: 'approval_requested'} & ApprovalRequest)
	/** After approval_requested; or alone, outcome auto_approved, for the calls after an approve_all. */
	| {
			type: 'approval_decided';
			executionId: number;
			turn: number;
			callIndex: number;
			outcome: ApprovalOutcome;
			note?: string;
	  }
	| {
			type: 'tool_call_finished';
			executionId: number;
			/** The tool_response row. */
			messageId: number;
			turn: number;
			callIndex: number;
			name: string;
			server?: string;
			isError: boolean;
			text: string;
			structuredContent?: unknown;
			durationMs: number;
			/** Set for calls that went through approval. */
			approval?: ApprovalOutcome;
	  }
	| {
			type: 'execution_finished';
			executionId: number;
			status: FinishedStatus;
			finalResponseText?: string;
			errorMessage?: string;
			turns: number;
			durationMs: number;
	  };

export type EngineEventListener = (event: EngineEvent) => void;
