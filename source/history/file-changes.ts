/**
 * What an execution did to the files of its project, derived from what its tool calls returned
 * (structuredContent.files of the generate tools: path, action, content, and from the tool servers
 * that have them sha256_before / sha256_after / previous_content). The record is the tool results:
 * nothing is stored twice. Per path: the state before the execution's first write (absent, or the
 * previous content when the tool returned it whole) and the content after its last write.
 */
import {isRecord} from '../is-record.js';
import type {RecordedMessage} from '../records/recorder.js';
import {contentSha256} from '../tool-results/content-hash.js';
import {createdFolders, reportedFiles} from '../tool-results/read-result.js';

export interface FileChange {
	/** Relative to the project root, as the tool reported it. */
	path: string;
	/** created: the file did not exist before; changed: it existed (injected or overwritten). */
	kind: 'created' | 'changed';
	/** The file as the execution left it. */
	after: {content: string; sha256: string};
	/** The file before the execution, when known whole (tools that return previous_content, not truncated). */
	before?: {content: string; sha256: string};
	/** The hash before, when the tool reported one (also when the content was cut). */
	beforeSha256?: string;
	/** The tool_response rows that wrote it, in order. */
	messageIds: number[];
}

function structuredOf(message: RecordedMessage): unknown {
	const content = message.functionResponseContent;
	return isRecord(content) ? content['structuredContent'] : undefined;
}

/** The net changes of one execution's messages (ordered), one per path, in the order first written. */
export function fileChanges(messages: RecordedMessage[]): FileChange[] {
	const byPath = new Map<string, FileChange & {touched: boolean}>();
	for (const message of messages) {
		if (message.role !== 'tool_response' || message.isError) continue;
		for (const file of reportedFiles(structuredOf(message))) {
			// Dry runs wrote nothing; an entry without its content cannot be checked or undone.
			if (file.planned || file.action === 'written' || file.content === undefined) continue;
			const after = {content: file.content, sha256: file.sha256After ?? contentSha256(file.content)};
			const known = byPath.get(file.path);
			if (known) {
				known.after = after;
				if (file.action !== 'unchanged') {
					known.touched = true;
					known.messageIds.push(message.id);
				}

				continue;
			}

			const change: FileChange & {touched: boolean} = {
				path: file.path,
				kind: file.action === 'created' ? 'created' : 'changed',
				after,
				messageIds: file.action === 'unchanged' ? [] : [message.id],
				touched: file.action !== 'unchanged',
			};
			if (file.action === 'unchanged') {
				// Existed already with this content: if a later call changes it, this is the before.
				change.before = after;
				change.beforeSha256 = after.sha256;
			} else if (file.action !== 'created') {
				if (typeof file.sha256Before === 'string') change.beforeSha256 = file.sha256Before;
				if (file.previousContent !== undefined && file.previousTruncated !== true) {
					change.before = {content: file.previousContent, sha256: file.sha256Before ?? contentSha256(file.previousContent)};
				}
			}

			byPath.set(file.path, change);
		}
	}

	return [...byPath.values()].filter(change => change.touched && change.before?.content !== change.after.content).map(({touched: _touched, ...change}) => change);
}

/**
 * The folders an execution's writes created (relative to the project root), each once, in the
 * order created; none for records from before the tools reported them.
 */
export function foldersCreated(messages: RecordedMessage[]): string[] {
	const folders = new Set<string>();
	for (const message of messages) {
		if (message.role !== 'tool_response' || message.isError) continue;
		for (const folder of createdFolders(structuredOf(message))) folders.add(folder);
	}

	return [...folders];
}
