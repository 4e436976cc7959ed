/**
 * The Recorder: the one way into the record of executions, for the engine, history, the UI and the
 * commands. The writes are writer.ts's, the reads reader.ts's, the mapping between rows and the
 * record's vocabulary row-mapping.ts's; they share one guard, so a read that succeeds ends a
 * lock-out as a write does.
 * It stores what it is given (bounded, see source/db/limits.ts), less the secrets its `scrub`
 * option removes: the app passes one that knows the API keys and the servers' env values, so a
 * model reply or a tool result that holds one is stored scrubbed and show, export and replay never
 * see it (an older execution keeps its secrets scrubbed after a server's value is changed).
 */
import type {MikroORM} from '@mikro-orm/core';
import {writeWaitMs} from '../db/limits.js';
import {DatabaseGuard} from './guard.js';
import {RecordReader} from './reader.js';
import type {ExecutionEnd, ExecutionRecord, NewExecution, NewMessage, RecordedMessage} from './types.js';
import {RecordWriter, type Scrub} from './writer.js';

export type {ExecutionEnd, ExecutionRecord, MessageRole, NewExecution, NewMessage, RecordedMessage} from './types.js';
export {UnknownExecutionError, UnknownWorkflowError} from './types.js';

export interface RecorderOptions {
	/** How long a write waits for another process's lock, retrying; default ECTOSMITH_DB_WAIT_SECONDS, else 30 s. */
	waitMs?: number;
	/** Removes secrets from what is stored (descriptions, messages, final answers, errors); default none. */
	scrub?: Scrub;
}

export class Recorder {
	private readonly writer: RecordWriter;
	private readonly reader: RecordReader;

	constructor(orm: MikroORM, options: RecorderOptions = {}) {
		const guard = new DatabaseGuard(orm, options.waitMs ?? writeWaitMs());
		this.writer = new RecordWriter(guard, options.scrub);
		this.reader = new RecordReader(orm, guard);
	}

	async startExecution(execution: NewExecution): Promise<number> {
		return this.writer.startExecution(execution);
	}

	async addMessage(executionId: number, message: NewMessage): Promise<number> {
		return this.writer.addMessage(executionId, message);
	}

	/** Adds to the running totals (one call per model turn). */
	async addUsage(executionId: number, usage: {promptTokens: number; outputTokens: number; totalTokens: number}): Promise<void> {
		return this.writer.addUsage(executionId, usage);
	}

	/**
	 * Ends the row. When the database stays locked, the end (with the time it really ended) is kept
	 * and retried in the background until it is written; the error still tells the caller.
	 */
	async finishExecution(executionId: number, end: ExecutionEnd): Promise<void> {
		return this.writer.finishExecution(executionId, end);
	}

	/** Ends of executions that could not be written yet (the database was locked). */
	pendingFinishes(): number[] {
		return this.writer.pendingFinishes();
	}

	/** Tries once more to write the ends kept by finishExecution; returns how many are still pending. */
	async retryPendingFinishes(): Promise<number> {
		return this.writer.retryPendingFinishes();
	}

	/** STARTED rows owned by a process on this host that no longer runs become INTERRUPTED. */
	async markInterrupted(): Promise<number> {
		return this.writer.markInterrupted();
	}

	async getExecution(id: number): Promise<ExecutionRecord> {
		return this.reader.getExecution(id);
	}

	/** Ordered by turn number, then by insertion. */
	async listMessages(executionId: number): Promise<RecordedMessage[]> {
		return this.reader.listMessages(executionId);
	}

	/** The users' descriptions, newest first, each once (the TUI recalls them with ↑). */
	async recentDescriptions(limit = 50): Promise<string[]> {
		return this.reader.recentDescriptions(limit);
	}
}
