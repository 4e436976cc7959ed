/**
 * Delete an execution from the record: its row and its messages (ON DELETE CASCADE); its follow-ups
 * stay, unlinked (ON DELETE SET NULL). The files it wrote stay: undo is the way to remove those.
 * One implementation for `ectosmith delete` and the TUI; a refusal is a DeleteRefusedError.
 */
import type {MikroORM} from '@mikro-orm/core';
import pluralize from 'pluralize';
import {Execution, Message} from '../db/entities/index.js';
import {EctosmithError} from '../errors.js';
import type {RecordSource} from '../records/chain.js';

export class DeleteRefusedError extends EctosmithError {}

/** What a deletion removes, for its confirmation ("Delete execution #12 and its 40 messages?"). */
export interface Deletion {
	executionId: number;
	messages: number;
	/** Follow-ups that stay, no longer linked to it. */
	followUps: number;
}

/** Checks that the execution may be deleted and counts what goes; throws DeleteRefusedError if not. */
export async function planDeletion(orm: MikroORM, source: Pick<RecordSource, 'getExecution'>, executionId: number): Promise<Deletion> {
	const execution = await source.getExecution(executionId);
	// A dead process's STARTED row becomes INTERRUPTED on the next start: STARTED means running.
	if (execution.status === 'STARTED') throw new DeleteRefusedError(`Execution #${executionId} is still running; delete it once it has finished.`);
	const em = orm.em.fork();
	const [messages, followUps] = await Promise.all([em.count(Message, {execution: executionId}), em.count(Execution, {parentExecution: executionId})]);
	return {executionId, messages, followUps};
}

/** Deletes it (checked again first); returns what went. */
export async function deleteExecution(orm: MikroORM, source: Pick<RecordSource, 'getExecution'>, executionId: number): Promise<Deletion> {
	const deletion = await planDeletion(orm, source, executionId);
	await orm.em.fork().nativeDelete(Execution, {id: executionId});
	return deletion;
}

/** "Delete execution #12 and its 40 messages? The files it wrote stay." */
export function deletionQuestion(deletion: Deletion): string {
	const followUps = deletion.followUps === 0 ? '' : ` Its ${pluralize('follow-up', deletion.followUps, true)} stay, unlinked.`;
	return `Delete execution #${deletion.executionId} and its ${pluralize('message', deletion.messages, true)}? The files it wrote stay.${followUps}`;
}
