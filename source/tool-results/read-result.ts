/**
 * The one reader of what a generate_* tool result reports (its structuredContent, shaped by
 * tool-result.ts): the files, the folders a write created and the arguments that repeat a dry run.
 * Pure and tolerant: a result from another MCP server, an older record or an import may hold
 * anything, so malformed entries are left out rather than trusted. The engine (approval previews,
 * run summary), history (undo, import) and the UI all read results through it.
 */
import {isRecord} from '../is-record.js';

/** What a write did to a file (for a dry run, what it would do). */
export const fileActions = ['created', 'injected', 'overwritten', 'unchanged'] as const;
export type FileAction = (typeof fileActions)[number];

const PLANNED_WORDS: Record<FileAction | 'written', string> = {created: 'would create', injected: 'would change', overwritten: 'would overwrite', unchanged: 'would keep', written: 'would write'};

/** What a dry run says it would do to a file: `would create`, never `would created`. */
export function plannedAction(action: FileAction | 'written'): string {
	return PLANNED_WORDS[action];
}

export function isFileAction(value: unknown): value is FileAction {
	return typeof value === 'string' && (fileActions as readonly string[]).includes(value);
}

/** One file as a tool result reported it. */
export interface ReportedFile {
	/** As the tool reported it: relative to the project root for our tools. */
	path: string;
	/** What was done; for a dry run, what a real run would do; "written" when the tool said something else. */
	action: FileAction | 'written';
	/** The tool ran as a dry run (action "planned") and wrote nothing. */
	planned: boolean;
	/** The whole content after the call (after a real run, for a dry run). */
	content?: string;
	/** Hash of the file before the call; null when it did not exist. */
	sha256Before?: string | null;
	sha256After?: string;
	/** The file before the call, when the tool returned it (cut when previousTruncated). */
	previousContent?: string;
	previousTruncated?: boolean;
}

/** The files of one structured tool result, in order; entries without a path are left out. */
export function reportedFiles(structuredContent: unknown): ReportedFile[] {
	const files = isRecord(structuredContent) ? structuredContent['files'] : undefined;
	if (!Array.isArray(files)) return [];
	return files.flatMap((file): ReportedFile[] => {
		if (!isRecord(file) || typeof file['path'] !== 'string') return [];
		const planned = file['action'] === 'planned';
		const action = planned ? file['would'] : file['action'];
		const before = file['sha256_before'];
		return [
			{
				path: file['path'],
				action: isFileAction(action) ? action : 'written',
				planned,
				...(typeof file['content'] === 'string' ? {content: file['content']} : {}),
				...(typeof before === 'string' || before === null ? {sha256Before: before} : {}),
				...(typeof file['sha256_after'] === 'string' ? {sha256After: file['sha256_after']} : {}),
				...(typeof file['previous_content'] === 'string' ? {previousContent: file['previous_content']} : {}),
				...(file['previous_truncated'] === true ? {previousTruncated: true} : {}),
			},
		];
	});
}

/**
 * The folders a real write created (relative to the project root, outermost first), so undo can
 * remove them again once empty. Results from before tools reported them have none.
 */
export function createdFolders(structuredContent: unknown): string[] {
	const folders = isRecord(structuredContent) ? structuredContent['created_folders'] : undefined;
	return Array.isArray(folders) ? folders.filter((folder): folder is string => typeof folder === 'string') : [];
}

/**
 * A dry run's `apply_args`: arguments that make the real call write exactly what the dry run
 * showed (a migration's stamp), which the engine adds to the approved call.
 */
export function applyArgs(structuredContent: unknown): Record<string, unknown> {
	const args = isRecord(structuredContent) ? structuredContent['apply_args'] : undefined;
	return isRecord(args) ? args : {};
}
