/**
 * The approval gate before a writing call: approve-all and trusted servers pass at once; otherwise
 * the tool's dry run (when it has one) gives the files to show, the run's hook decides, and the
 * decision comes back as what to record and do.
 */

import {isRecord} from '../is-record.js';
import type {FunctionCall} from '../llm/provider.js';
import type {ToolBinding, ToolCallResult} from '../mcp/types.js';
import type {PlannedFile} from '../tool-results/output.js';
import {applyArgs, reportedFiles} from '../tool-results/read-result.js';
import type {ApprovalShown} from './approval-record.js';
import {untilAborted} from './cancel.js';
import type {ApprovalDecision, ApprovalHook, ApprovalOutcome, ApprovalRequest} from './events.js';
import {type EngineParts, errorMessage} from './run-types.js';

export {DECLINED_TEXT} from '../tool-results/declined.js';

/** The user's answers so far in one execution. */
export interface Approvals {
	hook: ApprovalHook | undefined;
	/** "Approve all" was chosen: later calls are approved without asking. */
	all: boolean;
}

export type GateResult =
	| {kind: 'decided'; outcome: ApprovalOutcome; note?: string; shown?: ApprovalShown; applyArgs?: Record<string, unknown>; waitMs?: number}
	| {kind: 'answer'; result: ToolCallResult}
	| {kind: 'cancelled'; shown?: ApprovalShown; waitMs?: number}
	| undefined;

export function hasDryRun(binding: ToolBinding): boolean {
	const properties = binding.inputSchema['properties'];
	return isRecord(properties) && 'dry_run' in properties;
}

/** The files of a dry run's structured result, as the approval hook sees them. */
function plannedFiles(structuredContent: unknown): PlannedFile[] {
	return reportedFiles(structuredContent).flatMap((file): PlannedFile[] => {
		if (file.content === undefined || file.action === 'written') return [];
		const current = file.previousContent;
		return [{path: file.path, action: file.action, content: file.content, ...(current === undefined ? {} : {currentContent: current})}];
	});
}

/**
 * Asks the run's approval hook about one writing call. Returns the outcome to record, an answer
 * for the model in place of the call (the dry run failed: the real call would too), or
 * cancelled (the user cancelled the run while it was being decided).
 */
export async function approve(
	parts: EngineParts,
	context: {
		executionId: number;
		turn: number;
		callIndex: number;
		call: FunctionCall;
		binding: ToolBinding;
		args: Record<string, unknown>;
		requestId: number;
		signal: AbortSignal | undefined;
		approvals: Approvals;
	},
): Promise<GateResult> {
	const {approvals, binding, args, signal, executionId, turn, callIndex} = context;
	if (!approvals.hook) return undefined;
	if (approvals.all) {
		parts.emit({type: 'approval_decided', executionId, turn, callIndex, outcome: 'auto_approved'});
		return {kind: 'decided', outcome: 'auto_approved'};
	}

	// A server entry marked `trust` (issue 11): its writes need no approval.
	if (binding.trusted) {
		parts.emit({type: 'approval_decided', executionId, turn, callIndex, outcome: 'auto_approved'});
		return {kind: 'decided', outcome: 'auto_approved'};
	}

	let files: PlannedFile[] = [];
	let dryRunText = `${binding.exposedName} has no dry run: it will run with the arguments shown.`;
	let applyWith: Record<string, unknown> | undefined;
	if (hasDryRun(binding)) {
		// The preview writes nothing, so it may be abandoned on cancel like a read-only call.
		const timeoutMs = parts.options.toolTimeoutMs;
		let preview: ToolCallResult;
		try {
			preview = await parts.options.mcp.callTool(
				binding,
				{...args, dry_run: true},
				{
					...(signal ? {signal} : {}),
					...(timeoutMs === undefined ? {} : {timeoutMs}),
				},
			);
		} catch (error) {
			if (signal?.aborted) return {kind: 'cancelled'};
			return {kind: 'answer', result: {isError: true, text: `The tool ${binding.exposedName} failed: ${errorMessage(error)}`}};
		}

		if (preview.isError) return {kind: 'answer', result: preview};
		files = plannedFiles(preview.structuredContent);
		dryRunText = preview.text;
		applyWith = applyArgsOf(parts, binding, args, preview.structuredContent);
	}

	const request: ApprovalRequest = {
		executionId,
		turn,
		callIndex,
		messageId: context.requestId,
		name: context.call.name,
		server: binding.serverName,
		args,
		files,
		dryRunText,
	};
	parts.emit({type: 'approval_requested', ...request});
	// The user's time is not the tool's: it is kept apart, so a call's duration is the tool's own.
	const asked = Date.now();
	let decision: ApprovalDecision;
	try {
		decision = await untilAborted(approvals.hook(request, signal), signal);
	} catch (error) {
		const waitMs = Date.now() - asked;
		if (signal?.aborted) return {kind: 'cancelled', shown: {files, dryRunText, waitMs}, waitMs};
		throw error;
	}

	const waitMs = Date.now() - asked;

	const note = decision.kind === 'decline' ? decision.note?.trim() || undefined : undefined;
	const outcome: ApprovalOutcome = decision.kind === 'decline' ? (note === undefined ? 'declined' : 'declined_with_note') : 'approved';
	if (decision.kind === 'approve_all') approvals.all = true;
	parts.emit({type: 'approval_decided', executionId, turn, callIndex, outcome, ...(note === undefined ? {} : {note})});
	return {
		kind: 'decided',
		outcome,
		...(note === undefined ? {} : {note}),
		shown: {files, dryRunText, waitMs, ...(note === undefined ? {} : {note})},
		...(applyWith === undefined ? {} : {applyArgs: applyWith}),
		waitMs,
	};
}

/**
 * A dry run's apply_args, when the tool takes each of them and the call stays valid with them;
 * undefined otherwise (the real call then runs with the model's arguments alone).
 */
function applyArgsOf(parts: EngineParts, binding: ToolBinding, args: Record<string, unknown>, structuredContent: unknown): Record<string, unknown> | undefined {
	const extra = applyArgs(structuredContent);
	const properties = binding.inputSchema['properties'];
	if (!isRecord(properties)) return undefined;
	const keys = Object.keys(extra);
	// Only additions: never a changed argument the user saw (the pinned project_path, dry_run...).
	const adds = (key: string) => key in properties && key !== 'dry_run' && (!(key in args) || args[key] === extra[key]);
	if (keys.length === 0 || !keys.every(adds)) return undefined;
	return parts.options.mcp.validateArgs(binding, {...args, ...extra}).length === 0 ? extra : undefined;
}
