/**
 * Recorded rows -> the engine's events: the one way a past execution is turned back into the stream
 * a live run emitted, so the UI's reducer and panes draw a replay exactly as they drew the run.
 * What is not in the record is not invented: text deltas (a finished model message is one
 * `model_message_done`). A model's call shows the arguments the model gave (kept beside the tool
 * request when the engine pinned them to the project or added `dry_run`). Approvals come back from the tool_response
 * row: `approval_requested` from the request it recorded (messages.approval_request, see
 * approval-record.ts), then `approval_decided` from its outcome, before the call's
 * `tool_call_finished`; a record from before approval requests were kept has only the decision.
 * A model message cut short by a cancel or an error (recorded with is_error) comes back as the one
 * `text_delta` the screen had streamed.
 */

import {isRecord} from '../is-record.js';
import type {TokenUsage} from '../llm/provider.js';
import {loadChain, type RecordSource} from '../records/chain.js';
import type {ExecutionRecord, RecordedMessage} from '../records/recorder.js';
import {approvalFromRecord} from './approval-record.js';
import type {StoredToolResponse} from './conversation-chain.js';
import type {EngineEvent} from './events.js';

function argsOf(message: RecordedMessage): Record<string, unknown> {
	return isRecord(message.functionCallArgs) ? message.functionCallArgs : {};
}

/** The arguments the model gave, where the engine changed them before the call ran (CallRawParts). */
function modelArgsOf(message: RecordedMessage): Record<string, unknown> {
	const raw = message.rawParts;
	return isRecord(raw) && isRecord(raw['modelArgs']) ? raw['modelArgs'] : argsOf(message);
}

function structuredOf(message: RecordedMessage): unknown {
	const content = message.functionResponseContent;
	return isRecord(content) && 'structuredContent' in content ? (content as unknown as StoredToolResponse).structuredContent : undefined;
}

/** One execution's events, in the order the engine emitted them (text deltas excepted). */
export function eventsFromRecord(execution: ExecutionRecord, messages: RecordedMessage[]): EngineEvent[] {
	const executionId = execution.id;
	const events: EngineEvent[] = [];
	const maxTurns = execution.maxTurns ?? Math.max(1, execution.turnCount);
	events.push({
		type: 'execution_started',
		executionId,
		workflow: execution.workflowName,
		provider: (execution.provider ?? 'offline') as Extract<EngineEvent, {type: 'execution_started'}>['provider'],
		model: execution.model ?? '',
		projectPath: execution.targetProjectPath ?? '',
		description: execution.description,
		maxTurns,
		startedAt: execution.startTime.toISOString(),
		...(execution.parentExecutionId === undefined ? {} : {parentExecutionId: execution.parentExecutionId}),
		...(execution.dryRun ? {dryRun: true} : {}),
	});

	// The user message is recorded before the first turn starts; everything else belongs to a turn.
	const rest: RecordedMessage[] = [];
	for (const message of messages) {
		if (message.role === 'user') {
			events.push({type: 'user_message', executionId, messageId: message.id, turn: message.turnNumber, text: message.contentText ?? ''});
		} else {
			rest.push(message);
		}
	}

	const lastTurn = Math.max(execution.turnCount, ...rest.map(message => message.turnNumber));
	const totals: TokenUsage = {promptTokens: 0, outputTokens: 0, totalTokens: 0};
	for (let turn = 1; turn <= lastTurn; turn++) {
		events.push({type: 'turn_started', executionId, turn, maxTurns});
		const inTurn = rest.filter(message => message.turnNumber === turn);
		const requests = inTurn.filter(message => message.role === 'tool_request');
		const started = new Map<number, RecordedMessage>();
		let callIndex = 0;
		let finished = 0;
		for (const message of inTurn) {
			switch (message.role) {
				case 'model': {
					if (message.isError) {
						events.push({type: 'text_delta', executionId, turn, delta: message.contentText ?? ''});
						break;
					}

					events.push({
						type: 'model_message_done',
						executionId,
						messageId: message.id,
						turn,
						text: message.contentText ?? '',
						functionCalls: requests.map(request => ({name: request.functionCallName ?? '', args: modelArgsOf(request)})),
						durationMs: message.durationMs ?? 0,
						...(message.usage ? {usage: message.usage} : {}),
					});
					if (message.usage) {
						totals.promptTokens += message.usage.promptTokens;
						totals.outputTokens += message.usage.outputTokens;
						totals.totalTokens += message.usage.totalTokens;
						events.push({type: 'usage', executionId, turn, totals: {...totals}});
					}

					break;
				}

				case 'tool_request': {
					started.set(callIndex, message);
					events.push({
						type: 'tool_call_started',
						executionId,
						messageId: message.id,
						turn,
						callIndex,
						name: message.functionCallName ?? '',
						...(message.toolServer === undefined ? {} : {server: message.toolServer}),
						args: argsOf(message),
						readOnly: message.readOnly === true,
					});
					callIndex++;
					break;
				}

				case 'tool_response': {
					// Responses follow their requests one to one, in order.
					const index = finished++;
					const request = started.get(index);
					const structuredContent = structuredOf(message);
					const shown = approvalFromRecord(message.approvalRequest, structuredContent);
					if (shown && request) {
						events.push({
							type: 'approval_requested',
							executionId,
							turn,
							callIndex: index,
							messageId: request.id,
							name: request.functionCallName ?? '',
							...(request.toolServer === undefined ? {} : {server: request.toolServer}),
							args: argsOf(request),
							files: shown.files,
							dryRunText: shown.dryRunText,
						});
					}

					if (message.approval !== undefined) {
						events.push({
							type: 'approval_decided',
							executionId,
							turn,
							callIndex: index,
							outcome: message.approval,
							...(shown?.note === undefined ? {} : {note: shown.note}),
						});
					}

					events.push({
						type: 'tool_call_finished',
						executionId,
						messageId: message.id,
						turn,
						callIndex: index,
						name: message.functionResponseName ?? request?.functionCallName ?? '',
						...(request?.toolServer === undefined ? {} : {server: request.toolServer}),
						isError: message.isError === true,
						text: message.contentText ?? '',
						...(structuredContent === undefined ? {} : {structuredContent}),
						durationMs: message.durationMs ?? 0,
						...(message.approval === undefined ? {} : {approval: message.approval}),
					});
					break;
				}

				default:
					break;
			}
		}
	}

	if (execution.status !== 'STARTED') {
		events.push({
			type: 'execution_finished',
			executionId,
			status: execution.status,
			...(execution.finalResponseText === undefined ? {} : {finalResponseText: execution.finalResponseText}),
			...(execution.errorMessage === undefined ? {} : {errorMessage: execution.errorMessage}),
			turns: execution.turnCount,
			durationMs: execution.endTime ? Math.max(0, execution.endTime.getTime() - execution.startTime.getTime()) : 0,
		});
	}

	return events;
}

/** A follow-up chain's events as one conversation: each execution's events, root first. */
export async function replayEvents(source: RecordSource, executionId: number): Promise<EngineEvent[]> {
	const events: EngineEvent[] = [];
	for (const execution of await loadChain(source, executionId)) {
		events.push(...eventsFromRecord(execution, await source.listMessages(execution.id)));
	}

	return events;
}
