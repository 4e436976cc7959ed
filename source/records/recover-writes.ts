/**
 * What a dead process's execution wrote without recording it: each writing call keeps a journal in
 * the project until its answer is recorded (tool-results/write-journal.ts), so an unanswered
 * request whose journal is still there wrote what the journal says, as far as the disk shows it.
 * The answer is recorded from it (so show, replay and undo see those files) at the time the journal
 * was last written, and the journal is removed.
 */
import type {EntityManager} from '@mikro-orm/core';
import {Execution, type IExecution, Message} from '../db/entities/index.js';
import {isRecord} from '../is-record.js';
import {filesOnDisk, readJournal, removeJournal} from '../tool-results/write-journal.js';
import {messageRow} from './row-mapping.js';

const RECOVERED_TEXT = 'No answer of this call was recorded: the app ended while it ran. The tool server had written these files, as its journal and the disk show:';

function journalOf(rawParts: unknown): string | undefined {
	return isRecord(rawParts) && typeof rawParts['journal'] === 'string' ? rawParts['journal'] : undefined;
}

/** Records the answers the journals hold for the execution's unanswered calls; returns when the last write happened. */
export async function recoverWrites(em: EntityManager, row: IExecution, scrub: <T>(value: T) => T): Promise<Date | undefined> {
	const project = row.targetProjectPath;
	if (!project) return undefined;
	const messages = await em.find(Message, {execution: row.id, role: {$in: ['tool_request', 'tool_response']}}, {orderBy: {id: 'asc'}});
	const answered = new Set(messages.filter(message => message.role === 'tool_response').map(message => journalOf(message.rawParts)));
	let last: Date | undefined;
	for (const request of messages) {
		const id = journalOf(request.rawParts);
		if (request.role !== 'tool_request' || id === undefined || answered.has(id)) continue;
		const found = await readJournal(project, id);
		if (!found) continue;
		const files = await filesOnDisk(project, found.journal);
		const written = files.filter(file => file.action !== 'unchanged');
		const text = [RECOVERED_TEXT, ...(written.length === 0 ? ['  (none)'] : written.map(file => `  ${file.action}: ${file.path}`))].join('\n');
		const callId = isRecord(request.rawParts) && typeof request.rawParts['callId'] === 'string' ? {callId: request.rawParts['callId']} : {};
		em.create(Message, {
			execution: em.getReference(Execution, row.id),
			...messageRow(
				scrub({
					turnNumber: request.turnNumber,
					role: 'tool_response',
					contentText: text,
					functionResponseName: request.functionCallName ?? '',
					functionResponseContent: {text, structuredContent: {files, next_steps: [], ...(found.journal.created_folders.length > 0 ? {created_folders: found.journal.created_folders} : {})}},
					rawParts: {...callId, journal: id},
					isError: false,
					...(request.toolServer ? {toolServer: request.toolServer} : {}),
				}),
			),
			timestamp: found.writtenAt,
		});
		await em.flush();
		await removeJournal(project, id);
		if (last === undefined || found.writtenAt > last) last = found.writtenAt;
	}

	return last;
}
