/**
 * The record's writes: an execution's start, its messages and token usage, its end, and the
 * INTERRUPTED mark for executions whose process died. Each flushes at once, so a crash loses at
 * most the step in flight. An end that could not be written (the database stayed locked) is kept
 * and retried in the background; a later start marks the row INTERRUPTED at the latest.
 */
import {hostname} from 'node:os';
import {ForeignKeyConstraintViolationException, raw} from '@mikro-orm/core';
import {DatabaseError} from '../db/database-error.js';
import {Execution, type IExecution, Message, Workflow} from '../db/entities/index.js';
import {isProcessAlive} from '../process-alive.js';
import type {DatabaseGuard} from './guard.js';
import {recoverWrites} from './recover-writes.js';
import {messageRow, storedDate} from './row-mapping.js';
import {currentHostName, currentUserName} from './run-by.js';
import {type ExecutionEnd, type NewExecution, type NewMessage, UnknownExecutionError, UnknownWorkflowError} from './types.js';

// Once a write has waited the whole time in vain, the end of the run waits only this long: the
// user has waited enough, and the end is retried in the background until the database is free.
const lockedOutWaitMs = 2000;

/** Removes secrets from a value before it is stored (every string of it); the app passes one that knows the keys. */
export type Scrub = <T>(value: T) => T;

export class RecordWriter {
	private readonly pendingEnds = new Map<number, ExecutionEnd & {endTime: Date}>();
	private retryTimer: NodeJS.Timeout | undefined;

	constructor(
		private readonly guard: DatabaseGuard,
		private readonly scrub: Scrub = value => value,
	) {}

	async startExecution(execution: NewExecution): Promise<number> {
		return this.guard.run('record the start of the execution', async em => {
			const workflow = await em.findOne(Workflow, {name: execution.workflowName});
			if (!workflow) {
				const known = await em.find(Workflow, {}, {fields: ['name'], orderBy: {name: 'asc'}});
				throw new UnknownWorkflowError(`Unknown workflow "${execution.workflowName}". Known workflows: ${known.map(row => row.name).join(', ') || '(none)'}`);
			}

			let parent: IExecution | undefined;
			if (execution.parentExecutionId !== undefined) {
				parent = (await em.findOne(Execution, {id: execution.parentExecutionId})) ?? undefined;
				if (!parent) throw new UnknownExecutionError(execution.parentExecutionId);
			}

			const row = em.create(Execution, {
				workflow,
				userQuery: this.scrub(execution.description),
				status: 'STARTED',
				startTime: execution.startTime ?? new Date(),
				maxTurns: execution.maxTurns ?? null,
				targetProjectPath: execution.targetProjectPath,
				provider: execution.provider,
				model: execution.model,
				parentExecution: parent ?? null,
				dryRun: execution.dryRun === true,
				ownerPid: process.pid,
				ownerHost: hostname(),
				userName: currentUserName(),
				hostName: currentHostName(),
			});
			await em.flush();
			return row.id;
		});
	}

	async addMessage(executionId: number, message: NewMessage): Promise<number> {
		return this.guard.run(`record a message of execution ${executionId}`, async em => {
			const row = em.create(Message, {execution: em.getReference(Execution, executionId), ...messageRow(this.scrub(message)), timestamp: new Date()});
			try {
				await em.flush();
			} catch (error) {
				// The ORM converts the driver's error of a flush into its own class.
				if (error instanceof ForeignKeyConstraintViolationException) throw new UnknownExecutionError(executionId);
				throw error;
			}

			return row.id;
		});
	}

	/** Adds to the running totals (one call per model turn). */
	async addUsage(executionId: number, usage: {promptTokens: number; outputTokens: number; totalTokens: number}): Promise<void> {
		await this.guard.run(`record the token usage of execution ${executionId}`, async em => {
			// One UPDATE with increments, so concurrent writers cannot lose each other's counts.
			const updated = await em.nativeUpdate(
				Execution,
				{id: executionId},
				{
					promptTokens: raw('prompt_tokens + ?', [usage.promptTokens]),
					outputTokens: raw('output_tokens + ?', [usage.outputTokens]),
					totalTokens: raw('total_tokens + ?', [usage.totalTokens]),
				},
			);
			if (updated === 0) throw new UnknownExecutionError(executionId);
		});
	}

	/**
	 * Ends the row. When the database stays locked, the end (with the time it really ended) is kept
	 * and retried in the background until it is written; the error still tells the caller.
	 */
	async finishExecution(executionId: number, end: ExecutionEnd): Promise<void> {
		const ending = {...end, ...this.scrub({finalResponseText: end.finalResponseText, errorMessage: end.errorMessage}), endTime: end.endTime ?? new Date()};
		try {
			await this.writeEnd(executionId, ending, this.guard.lockedOut ? Math.min(lockedOutWaitMs, this.guard.waitMs) : this.guard.waitMs);
			const lost = await this.guard.fileLost();
			if (lost) throw lost;
		} catch (error) {
			if (error instanceof DatabaseError && error.isBusy) {
				this.pendingEnds.set(executionId, ending);
				this.scheduleRetry(1000);
			}

			throw error;
		}
	}

	/** Ends of executions that could not be written yet (the database was locked). */
	pendingFinishes(): number[] {
		return [...this.pendingEnds.keys()];
	}

	/**
	 * Tries once more to write the ends kept by finishExecution; returns how many are still pending.
	 * Stops trying (a later start marks the rows INTERRUPTED) on any failure but a lock, such as a
	 * closed database.
	 */
	async retryPendingFinishes(): Promise<number> {
		for (const [id, ending] of this.pendingEnds) {
			try {
				// One try: SQLite's own busy wait, no retry loop.
				await this.writeEnd(id, ending, 0);
				this.pendingEnds.delete(id);
			} catch (error) {
				if (!(error instanceof DatabaseError && error.isBusy)) this.pendingEnds.clear();
				break;
			}
		}

		return this.pendingEnds.size;
	}

	/** STARTED rows owned by a process on this host that no longer runs become INTERRUPTED. */
	async markInterrupted(): Promise<number> {
		return this.guard.run('mark the executions of ended processes as interrupted', async em => {
			const host = hostname();
			const rows = await em.find(Execution, {status: 'STARTED', ownerHost: host, ownerPid: {$ne: null}});
			const orphans = rows.filter(row => !isProcessAlive(row.ownerPid!));
			for (const row of orphans) {
				// What its last calls wrote without an answer recorded: their journals say (recover-writes.ts).
				await recoverWrites(em, row, this.scrub);
				// It ended at its last recorded step, not now: the duration is what it ran.
				const [last] = await em
					.getConnection()
					.execute<Array<{at: unknown; turns: number | null}>>('select max(timestamp) as at, max(turn_number) as turns from messages where execution_id = ?', [row.id], 'all');
				row.status = 'INTERRUPTED';
				row.endTime = new Date(Math.max(row.startTime.getTime(), last?.at == null ? 0 : storedDate(last.at).getTime()));
				row.turnCount = Math.max(row.turnCount, Number(last?.turns ?? 0));
				row.errorMessage = `Interrupted: the process that ran it (pid ${row.ownerPid} on ${host}) ended before the execution's end was recorded`;
			}

			if (orphans.length > 0) await em.flush();
			return orphans.length;
		});
	}

	private async writeEnd(executionId: number, ending: ExecutionEnd & {endTime: Date}, waitMs: number): Promise<void> {
		await this.guard.run(
			`record the end of execution ${executionId}`,
			async em => {
				const updated = await em.nativeUpdate(
					Execution,
					{id: executionId},
					{
						status: ending.status,
						endTime: ending.endTime,
						finalResponseText: ending.finalResponseText ?? null,
						errorMessage: ending.errorMessage ?? null,
						turnCount: ending.turnCount,
					},
				);
				if (updated === 0) throw new UnknownExecutionError(executionId);
			},
			waitMs,
		);
	}

	private scheduleRetry(delayMs: number): void {
		if (this.retryTimer !== undefined) return;
		this.retryTimer = setTimeout(() => {
			this.retryTimer = undefined;
			void this.retryPendingFinishes().then(left => {
				if (left > 0) this.scheduleRetry(Math.min(delayMs * 2, 10_000));
			});
		}, delayMs);
		// A pending end must not keep the process alive: a later start marks the row INTERRUPTED.
		this.retryTimer.unref();
	}
}
