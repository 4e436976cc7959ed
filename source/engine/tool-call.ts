/**
 * One function call of the model. Its mistakes (an unknown tool, arguments that are not an object
 * or do not validate, a path outside the project), tool failures, timeouts and declined changes
 * become error results it sees; the request and the response are recorded and emitted.
 */

import {randomUUID} from 'node:crypto';
import {isRecord} from '../is-record.js';
import type {FunctionCall, FunctionResult} from '../llm/provider.js';
import type {ToolBinding, ToolCallResult} from '../mcp/types.js';
import {declinedText} from '../tool-results/declined.js';
import {JOURNAL_META_KEY, removeJournal} from '../tool-results/write-journal.js';
import {type Approvals, approve, hasDryRun} from './approval-gate.js';
import {type ApprovalShown, recordApproval} from './approval-record.js';
import {CANCELLED_APPROVAL_TEXT, CANCELLED_TOOL_TEXT, Cancelled, DEFAULT_WRITE_GRACE_MS, graceSignal} from './cancel.js';
import type {CallRawParts, StoredToolResponse} from './conversation-chain.js';
import type {ApprovalOutcome} from './events.js';
import {addWrittenFiles, takesExecutionFiles, withExecutionFiles} from './execution-files.js';
import {pinProjectPath, takesProjectPath} from './project-pin.js';
import {type EngineParts, errorMessage} from './run-types.js';

/**
 * Runs one function call; the model's mistakes, tool failures and declined changes become
 * results it sees. Order: pin to the project, check the arguments, ask for approval (writing
 * tools only, with the files of a dry run), then the real call.
 */
export async function callTool(
	parts: EngineParts,
	context: {
		executionId: number;
		turn: number;
		callIndex: number;
		call: FunctionCall;
		byName: Map<string, ToolBinding>;
		signal: AbortSignal | undefined;
		projectPath: string;
		dryRun: boolean;
		approvals: Approvals;
		/** The files this execution's calls wrote so far; this call's are added. */
		writtenFiles?: string[];
		/** The workflow's checks depth, for a check tool. */
		checks?: 'compile' | 'full';
		/** Answer the call with this error instead of running it. */
		skip?: string;
	},
): Promise<FunctionResult> {
	const {recorder, mcp} = parts.options;
	const {executionId, turn, callIndex, call, byName, signal} = context;
	const binding = byName.get(call.name);
	const modelArgs: Record<string, unknown> = isRecord(call.args) ? call.args : {};
	let args = modelArgs;
	let pinError: string | undefined;
	if (binding && isRecord(call.args) && takesProjectPath(binding)) {
		const pinned = pinProjectPath(args, context.projectPath);
		if (pinned.ok) args = pinned.args;
		else pinError = pinned.error;
	}

	if (binding && isRecord(call.args) && takesExecutionFiles(binding)) args = withExecutionFiles(binding, args, context.writtenFiles ?? [], context.checks ?? 'full');
	if (context.dryRun && binding && hasDryRun(binding)) args = {...args, dry_run: true};
	// A writing call keeps a journal in the project until its answer is recorded (write-journal.ts).
	const journal = binding && !binding.readOnly && !context.dryRun && args['dry_run'] !== true ? randomUUID() : undefined;
	const idParts: CallRawParts | undefined =
		call.id === undefined && journal === undefined ? undefined : {...(call.id === undefined ? {} : {callId: call.id}), ...(journal === undefined ? {} : {journal})};
	// The request row keeps what ran; the model's own arguments go beside it when they differ.
	const requestParts: CallRawParts = {...idParts, ...(JSON.stringify(args) === JSON.stringify(modelArgs) ? {} : {modelArgs})};

	const requestId = await recorder.addMessage(executionId, {
		turnNumber: turn,
		role: 'tool_request',
		functionCallName: call.name,
		functionCallArgs: args,
		...(Object.keys(requestParts).length > 0 ? {rawParts: requestParts} : {}),
		...(binding ? {toolServer: binding.serverName} : {}),
		readOnly: binding?.readOnly === true,
	});
	parts.emit({
		type: 'tool_call_started',
		executionId,
		messageId: requestId,
		turn,
		callIndex,
		name: call.name,
		...(binding ? {server: binding.serverName} : {}),
		args,
		readOnly: binding?.readOnly === true,
	});

	const started = Date.now();
	let result: ToolCallResult;
	let cancelled = false;
	let approval: ApprovalOutcome | undefined;
	/** The approval request the user was shown, and their note, to record. */
	let shown: ApprovalShown | undefined;
	/** The time the approval waited for the user: left out of the call's duration. */
	let waitMs = 0;
	if (context.skip !== undefined) {
		result = {isError: true, text: context.skip};
	} else if (!binding) {
		const known = [...byName.keys()].join(', ') || '(none)';
		result = {isError: true, text: `Unknown tool "${call.name}". The available tools are: ${known}.`};
	} else if (!isRecord(call.args)) {
		result = {isError: true, text: `The arguments of ${call.name} must be a JSON object.`};
	} else if (pinError !== undefined) {
		result = {isError: true, text: pinError};
	} else {
		const problems = mcp.validateArgs(binding, args);
		if (problems.length > 0) {
			result = {
				isError: true,
				text: `Invalid arguments for ${call.name}: ${problems.join('; ')}. Fix them and call the tool again.`,
			};
		} else {
			// A call that writes nothing (read-only, or a dry run) is never asked about.
			const writes = !binding.readOnly && !context.dryRun && args['dry_run'] !== true;
			const gate = writes ? await approve(parts, {...context, binding, args, requestId}) : undefined;
			if (gate !== undefined && gate.kind !== 'answer' && gate.shown) shown = gate.shown;
			if (gate !== undefined && gate.kind !== 'answer') waitMs = gate.waitMs ?? 0;
			if (gate?.kind === 'cancelled') {
				cancelled = true;
				result = {isError: true, text: CANCELLED_APPROVAL_TEXT};
			} else if (gate?.kind === 'answer') {
				result = gate.result;
			} else {
				approval = gate?.outcome;
				if (gate?.outcome === 'declined' || gate?.outcome === 'declined_with_note') {
					result = {isError: true, text: declinedText(gate.note)};
				} else {
					// The dry run's apply_args (a migration's stamp) make the real call write what was shown.
					const invoked = await invoke(parts, binding, gate?.applyArgs ? {...args, ...gate.applyArgs} : args, signal, journal);
					cancelled = invoked.cancelled;
					result = invoked.result;
				}
			}
		}
	}

	const durationMs = Math.max(0, Date.now() - started - waitMs);
	const stored: StoredToolResponse = {
		text: result.text,
		...(result.structuredContent === undefined ? {} : {structuredContent: result.structuredContent}),
	};
	const finished = (messageId: number) =>
		parts.emit({
			type: 'tool_call_finished',
			executionId,
			messageId,
			turn,
			callIndex,
			name: call.name,
			...(binding ? {server: binding.serverName} : {}),
			isError: result.isError,
			text: result.text,
			...(result.structuredContent === undefined ? {} : {structuredContent: result.structuredContent}),
			durationMs,
			...(approval === undefined ? {} : {approval}),
		});
	let responseId: number;
	try {
		responseId = await recorder.addMessage(executionId, {
			turnNumber: turn,
			role: 'tool_response',
			contentText: result.text,
			functionResponseName: call.name,
			functionResponseContent: stored,
			...(idParts ? {rawParts: idParts} : {}),
			durationMs,
			isError: result.isError,
			...(approval === undefined ? {} : {approval}),
			...(shown === undefined ? {} : {approvalRequest: recordApproval(shown, result.structuredContent)}),
		});
	} catch (error) {
		// The screen still learns what the call wrote (under the request's id: no answer row exists);
		// the journal stays, so a later start records it.
		finished(requestId);
		throw error;
	}

	// Recorded: the journal has done its job.
	if (journal !== undefined) await removeJournal(context.projectPath, journal);
	finished(responseId);
	if (context.writtenFiles && !result.isError) addWrittenFiles(context.writtenFiles, result.structuredContent);
	if (cancelled) throw new Cancelled();
	return {
		...(call.id === undefined ? {} : {id: call.id}),
		name: call.name,
		response: {text: result.text, ...(result.structuredContent === undefined ? {} : {structuredContent: result.structuredContent}), isError: result.isError},
	};
}

/**
 * The real call. A read-only call is abandoned on cancel; a writing call already sent is let
 * finish (up to writeGraceMs after the cancel), so what it wrote is what gets recorded.
 */
async function invoke(
	parts: EngineParts,
	binding: ToolBinding,
	args: Record<string, unknown>,
	signal: AbortSignal | undefined,
	journal: string | undefined,
): Promise<{result: ToolCallResult; cancelled: boolean}> {
	if (signal?.aborted) return {result: {isError: true, text: CANCELLED_TOOL_TEXT}, cancelled: true};
	const timeoutMs = parts.options.toolTimeoutMs;
	const graceMs = parts.options.writeGraceMs ?? DEFAULT_WRITE_GRACE_MS;
	const grace = binding.readOnly ? undefined : graceSignal(signal, graceMs);
	const callSignal = binding.readOnly ? signal : grace?.signal;
	try {
		const result = await parts.options.mcp.callTool(binding, args, {
			...(callSignal ? {signal: callSignal} : {}),
			...(timeoutMs === undefined ? {} : {timeoutMs}),
			...(journal === undefined ? {} : {meta: {[JOURNAL_META_KEY]: journal}}),
		});
		return {result, cancelled: signal?.aborted === true};
	} catch (error) {
		const cancelled = signal?.aborted === true;
		// A crashed or stuck server is reported to the model; the service restarts it on next use.
		let text = `The tool ${binding.exposedName} failed: ${errorMessage(error)}`;
		if (cancelled && binding.readOnly) text = CANCELLED_TOOL_TEXT;
		else if (grace?.signal.aborted) {
			const wait = graceMs >= 1000 ? `${Math.round(graceMs / 1000)} s` : `${graceMs} ms`;
			text = `Cancelled by the user; the tool did not answer within ${wait} of the cancel, so some of its files may have been written.`;
		}

		return {result: {isError: true, text}, cancelled};
	} finally {
		grace?.dispose();
	}
}
