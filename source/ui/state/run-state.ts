/**
 * The single place that turns engine events into what the run screen shows: the conversation,
 * one row per tool call, the approval waiting for an answer, the status figures and the summary
 * of each finished run. Pure (events in, state out), so a live run, a test and a replay of
 * recorded rows all draw the same thing. Text deltas only grow the model's text; the finished
 * message replaces it, so a replay without deltas ends in the same state.
 */
import type {ApprovalOutcome, ApprovalRequest, EngineEvent, FinishedStatus} from '../../engine/events.js';
import type {ProviderName, TokenUsage} from '../../llm/provider.js';
import {isNotRun} from '../../tool-results/declined.js';
import {argsSummary} from './args-summary.js';
import {listedFiles, type RunOutcome, summarizeOutcome} from './run-outcome.js';

export type EntryKind = 'user' | 'model' | 'answer' | 'notice' | 'error' | 'summary';

/** One block of the conversation pane. Objects are replaced, never mutated (panes cache by identity). */
export interface ConversationEntry {
	key: string;
	kind: EntryKind;
	text: string;
	executionId?: number;
	messageId?: number;
	turn?: number;
	/** Model text still arriving. */
	streaming?: boolean;
	/** For a summary entry: the summary itself. */
	summary?: RunOutcome;
}

/** `skipped`: answered "Not run" by the engine, because an earlier call of its turn failed or was declined. */
export type ToolStatus = 'running' | 'awaiting_approval' | 'ok' | 'error' | 'declined' | 'skipped';

export interface ToolFile {
	path: string;
	action: string;
}

export interface ToolRow {
	key: string;
	executionId: number;
	turn: number;
	callIndex: number;
	name: string;
	server?: string;
	args: Record<string, unknown>;
	/** One line: the arguments that say what the call is about. */
	summary: string;
	readOnly: boolean;
	status: ToolStatus;
	requestMessageId: number;
	responseMessageId?: number;
	durationMs?: number;
	files: ToolFile[];
	/** The tool's text when it failed (or the decline sent to the model). */
	error?: string;
	approval?: ApprovalOutcome;
	note?: string;
	structuredContent?: unknown;
}

export type RunPhase = 'idle' | 'running' | FinishedStatus;

export interface RunState {
	phase: RunPhase;
	executionId?: number;
	parentExecutionId?: number;
	workflow?: string;
	provider?: ProviderName;
	model?: string;
	projectPath?: string;
	turn: number;
	maxTurns: number;
	/** ISO 8601, of the current (or last) execution. */
	startedAt?: string;
	durationMs?: number;
	tokens?: TokenUsage;
	conversation: ConversationEntry[];
	tools: ToolRow[];
	approval?: ApprovalRequest;
	/** Summaries of the finished executions of this session, oldest first. */
	summaries: RunOutcome[];
	/** Every execution of this conversation, oldest first (a follow-up continues the last). */
	executions: number[];
	/** Bumped after every call that may have written files (the schema pane re-reads then). */
	writes: number;
}

export const initialRunState: RunState = {
	phase: 'idle',
	turn: 0,
	maxTurns: 0,
	conversation: [],
	tools: [],
	summaries: [],
	executions: [],
	writes: 0,
};

export type RunAction =
	| {type: 'events'; events: EngineEvent[]}
	/** A line of our own in the conversation (a set-up failure, a hint). */
	| {type: 'notice'; text: string; error?: boolean}
	/** `n`: a fresh conversation. */
	| {type: 'reset'}
	/** A recorded conversation (replayed events) in place of this one, to follow it up. */
	| {type: 'load'; events: EngineEvent[]};

const toolKey = (executionId: number, turn: number, callIndex: number) => `${executionId}:${turn}:${callIndex}`;

function replaceTool(state: RunState, key: string, change: (row: ToolRow) => ToolRow): RunState {
	const index = state.tools.findIndex(row => row.key === key);
	if (index === -1) return state;
	const tools = [...state.tools];
	tools[index] = change(tools[index]!);
	return {...state, tools};
}

function lastEntry(state: RunState): ConversationEntry | undefined {
	return state.conversation.at(-1);
}

function replaceLast(state: RunState, entry: ConversationEntry): RunState {
	return {...state, conversation: [...state.conversation.slice(0, -1), entry]};
}

function append(state: RunState, entry: ConversationEntry): RunState {
	return {...state, conversation: [...state.conversation, entry]};
}

export function applyEvent(state: RunState, event: EngineEvent): RunState {
	switch (event.type) {
		case 'execution_started': {
			return append(
				{
					...state,
					phase: 'running',
					executionId: event.executionId,
					...(event.parentExecutionId === undefined ? {parentExecutionId: undefined} : {parentExecutionId: event.parentExecutionId}),
					workflow: event.workflow,
					provider: event.provider,
					model: event.model,
					projectPath: event.projectPath,
					turn: 0,
					maxTurns: event.maxTurns,
					startedAt: event.startedAt,
					durationMs: undefined,
					tokens: undefined,
					approval: undefined,
					executions: [...state.executions, event.executionId],
				},
				{key: `q${event.executionId}`, kind: 'user', text: event.description, executionId: event.executionId, turn: 1},
			);
		}

		case 'turn_started': {
			return {...state, turn: event.turn, maxTurns: event.maxTurns};
		}

		case 'user_message': {
			// The screen shows the user's own words (from execution_started), not the rendered prompt.
			const index = state.conversation.findIndex(entry => entry.key === `q${event.executionId}`);
			if (index === -1) return state;
			const conversation = [...state.conversation];
			conversation[index] = {...conversation[index]!, messageId: event.messageId};
			return {...state, conversation};
		}

		case 'text_delta': {
			const last = lastEntry(state);
			if (last?.streaming && last.executionId === event.executionId && last.turn === event.turn) {
				return replaceLast(state, {...last, text: last.text + event.delta});
			}

			return append(state, {
				key: `d${event.executionId}:${event.turn}`,
				kind: 'model',
				text: event.delta,
				executionId: event.executionId,
				turn: event.turn,
				streaming: true,
			});
		}

		case 'model_message_done': {
			const last = lastEntry(state);
			const streamed = last?.streaming && last.executionId === event.executionId && last.turn === event.turn;
			const base = streamed ? {...state, conversation: state.conversation.slice(0, -1)} : state;
			if (event.text.trim().length === 0) return base;
			return append(base, {
				key: `m${event.messageId}`,
				kind: event.functionCalls.length === 0 ? 'answer' : 'model',
				text: event.text,
				executionId: event.executionId,
				messageId: event.messageId,
				turn: event.turn,
			});
		}

		case 'usage': {
			return {...state, tokens: event.totals};
		}

		case 'tool_call_started': {
			const row: ToolRow = {
				key: toolKey(event.executionId, event.turn, event.callIndex),
				executionId: event.executionId,
				turn: event.turn,
				callIndex: event.callIndex,
				name: event.name,
				...(event.server === undefined ? {} : {server: event.server}),
				args: event.args,
				summary: argsSummary(event.args),
				readOnly: event.readOnly,
				status: 'running',
				requestMessageId: event.messageId,
				files: [],
			};
			return {...state, tools: [...state.tools, row]};
		}

		case 'approval_requested': {
			const {type: _type, ...request} = event;
			const next = replaceTool(state, toolKey(event.executionId, event.turn, event.callIndex), row => ({...row, status: 'awaiting_approval'}));
			return {...next, approval: request};
		}

		case 'approval_decided': {
			const next = replaceTool(state, toolKey(event.executionId, event.turn, event.callIndex), row => ({
				...row,
				status: event.outcome === 'declined' || event.outcome === 'declined_with_note' ? 'declined' : 'running',
				approval: event.outcome,
				...(event.note === undefined ? {} : {note: event.note}),
			}));
			return {...next, approval: undefined};
		}

		case 'tool_call_finished': {
			const next = replaceTool(state, toolKey(event.executionId, event.turn, event.callIndex), row => {
				const declined = row.status === 'declined' || event.approval === 'declined' || event.approval === 'declined_with_note';
				return {
					...row,
					status: declined ? 'declined' : event.isError ? (isNotRun(event.text) ? 'skipped' : 'error') : 'ok',
					responseMessageId: event.messageId,
					durationMs: event.durationMs,
					files: listedFiles(event.structuredContent),
					...(event.isError ? {error: event.text} : {}),
					...(event.approval === undefined ? {} : {approval: event.approval}),
					...(event.structuredContent === undefined ? {} : {structuredContent: event.structuredContent}),
				};
			});
			const wrote = !event.isError && listedFiles(event.structuredContent).some(file => file.action !== 'unchanged' && file.action !== 'planned');
			return wrote ? {...next, writes: next.writes + 1} : next;
		}

		case 'execution_finished': {
			const summary = summarizeOutcome(
				event,
				state.tools.filter(row => row.executionId === event.executionId),
				state.projectPath,
			);
			const last = lastEntry(state);
			const settled = last?.streaming ? replaceLast(state, {...last, streaming: false}) : state;
			return append(
				{
					...settled,
					phase: event.status,
					turn: event.turns,
					durationMs: event.durationMs,
					approval: undefined,
					summaries: [...state.summaries, summary],
				},
				{key: `s${event.executionId}`, kind: 'summary', text: '', executionId: event.executionId, summary},
			);
		}
	}
}

export function runReducer(state: RunState, action: RunAction): RunState {
	switch (action.type) {
		case 'events': {
			return action.events.reduce(applyEvent, state);
		}

		case 'notice': {
			return append(state, {key: `n${state.conversation.length}`, kind: action.error ? 'error' : 'notice', text: action.text});
		}

		case 'reset': {
			return initialRunState;
		}

		case 'load': {
			// A record cut off while a write waited for its answer asks for nothing now.
			return {...action.events.reduce(applyEvent, initialRunState), approval: undefined};
		}
	}
}

/** The execution a follow-up continues: the last one of this conversation that got a row. */
export function parentForFollowUp(state: RunState): number | undefined {
	return state.executions.at(-1);
}
