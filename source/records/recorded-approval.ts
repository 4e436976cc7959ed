/**
 * What the record keeps of one approval (messages.approval_request): the request the user saw and a
 * decline's note. engine/approval-record.ts writes and reads it; the Recorder stores it as it is.
 */
import type {PlannedFile} from '../tool-results/output.js';

/** A planned file, or a mark that its content (and content before) are the call result's for its path. */
export type RecordedPlannedFile = PlannedFile | {path: string; action: PlannedFile['action']; asResult: true};

export interface RecordedApproval {
	dryRunText: string;
	files: RecordedPlannedFile[];
	/** A decline's note (it went back to the model). */
	note?: string;
	/** How long it waited for the user, in ms (the call's duration_ms leaves it out). */
	waitMs?: number;
}
