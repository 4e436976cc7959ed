/**
 * What the record keeps of one approval (messages.approval_request, on the call's tool_response
 * row): the request the user saw (the dry run's files and text) and the note of a decline, so replay
 * rebuilds `approval_requested` and `approval_decided` as the live run emitted them. A planned file
 * that the call's own result reports again, same content and same content before (an approved
 * write that wrote what was shown), is stored there only: here it is marked `asResult`.
 * The column is bounded like every JSON column (source/db/limits.ts); a value that is not of this
 * shape (cut at the limit, a hostile import) is read as no record.
 */
import {isRecord} from '../is-record.js';
import type {RecordedApproval} from '../records/recorded-approval.js';
import type {PlannedFile} from '../tool-results/output.js';
import {isFileAction, type ReportedFile, reportedFiles} from '../tool-results/read-result.js';

/** The approval as the user saw it: the request's files and text, and the decision's note. */
export interface ApprovalShown {
	dryRunText: string;
	files: PlannedFile[];
	note?: string;
	/** How long the approval waited for the user, in ms: not part of the call's duration. */
	waitMs?: number;
}

/** The planned file a result's file stands for: its content, and its content before when the tool returned it. */
function fromResult(path: string, action: PlannedFile['action'], result: ReportedFile[]): PlannedFile | undefined {
	const file = result.find(candidate => candidate.path === path && !candidate.planned);
	if (file?.content === undefined) return undefined;
	// A real write returns the content before only for a file it changed; unchanged means equal.
	const current = file.previousContent ?? (file.action === 'unchanged' ? file.content : undefined);
	return {path, action, content: file.content, ...(current === undefined ? {} : {currentContent: current})};
}

function samePlanned(a: PlannedFile, b: PlannedFile | undefined): boolean {
	return b !== undefined && a.path === b.path && a.action === b.action && a.content === b.content && a.currentContent === b.currentContent;
}

/** The record of an approval, given the structured result the call then returned (if any). */
export function recordApproval(shown: ApprovalShown, resultStructured: unknown): RecordedApproval {
	const result = reportedFiles(resultStructured);
	return {
		dryRunText: shown.dryRunText,
		files: shown.files.map(file => (samePlanned(file, fromResult(file.path, file.action, result)) ? {path: file.path, action: file.action, asResult: true as const} : file)),
		...(shown.note === undefined ? {} : {note: shown.note}),
		...(shown.waitMs === undefined ? {} : {waitMs: shown.waitMs}),
	};
}

/** The approval a record holds, undefined when it holds none (or nothing readable). */
export function approvalFromRecord(recorded: unknown, resultStructured: unknown): ApprovalShown | undefined {
	if (!isRecord(recorded) || typeof recorded['dryRunText'] !== 'string' || !Array.isArray(recorded['files'])) return undefined;
	const result = reportedFiles(resultStructured);
	const files: PlannedFile[] = [];
	for (const file of recorded['files']) {
		if (!isRecord(file) || typeof file['path'] !== 'string' || !isFileAction(file['action'])) return undefined;
		if (file['asResult'] === true) {
			const planned = fromResult(file['path'], file['action'], result);
			if (!planned) return undefined;
			files.push(planned);
		} else if (typeof file['content'] === 'string') {
			const current = file['currentContent'];
			files.push({path: file['path'], action: file['action'], content: file['content'], ...(typeof current === 'string' ? {currentContent: current} : {})});
		} else {
			return undefined;
		}
	}

	const note = recorded['note'];
	const waitMs = recorded['waitMs'];
	return {dryRunText: recorded['dryRunText'], files, ...(typeof note === 'string' ? {note} : {}), ...(typeof waitMs === 'number' ? {waitMs} : {})};
}
