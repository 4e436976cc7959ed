/**
 * The record's reads: an execution, its messages in order, recent descriptions. Plain SQL, no
 * entity hydration (a replay reads a whole chain through here), each row named and typed by the
 * entity's metadata and mapped by row-mapping.ts.
 */
import type {MikroORM} from '@mikro-orm/core';
import {Execution, Message} from '../db/entities/index.js';
import type {DatabaseGuard} from './guard.js';
import {type StoredExecution, type StoredMessage, storedData, toExecutionRecord, toRecordedMessage} from './row-mapping.js';
import {type ExecutionRecord, type RecordedMessage, UnknownExecutionError} from './types.js';

export class RecordReader {
	constructor(
		private readonly orm: MikroORM,
		private readonly guard: DatabaseGuard,
	) {}

	async getExecution(id: number): Promise<ExecutionRecord> {
		return this.guard.run(`read execution ${id}`, async em => {
			const [row] = await em
				.getConnection()
				.execute<Array<Record<string, unknown>>>(`select e.*, w.name as workflow_name from executions e join workflows w on w.id = e.workflow_id where e.id = ?`, [id], 'all');
			if (!row) throw new UnknownExecutionError(id);
			const meta = this.orm.getMetadata().get(Execution.meta.className);
			return toExecutionRecord({...storedData(meta, row), workflowName: row['workflow_name']} as StoredExecution);
		});
	}

	/** Ordered by turn number, then by insertion. */
	async listMessages(executionId: number): Promise<RecordedMessage[]> {
		return this.guard.run(`read the messages of execution ${executionId}`, async em => {
			// On the (execution_id, turn_number) index, each JSON column parsed once: a replay of
			// hundreds of messages opens in a few milliseconds.
			const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(`select * from messages where execution_id = ? order by turn_number, id`, [executionId], 'all');
			const meta = this.orm.getMetadata().get(Message.meta.className);
			return rows.map((row: Record<string, unknown>) => toRecordedMessage(storedData(meta, row) as StoredMessage));
		});
	}

	/** The users' descriptions, newest first, each once (the TUI recalls them with ↑). */
	async recentDescriptions(limit = 50): Promise<string[]> {
		return this.guard.run('read recent descriptions', async em => {
			const rows = await em.find(Execution, {}, {fields: ['userQuery'], orderBy: {id: 'desc'}, limit: limit * 4});
			return [...new Set(rows.map(row => row.userQuery))].slice(0, limit);
		});
	}
}
