import {hostname} from 'node:os';
import {ForeignKeyConstraintViolationException, raw, type EntityManager, type MikroORM} from '@mikro-orm/core';
import {DatabaseError, explainDatabaseError} from '../db/database-error.js';
import {Execution, Message, Workflow, type IExecution} from '../db/entities/index.js';
import type {ExecutionStatus, MessageRole} from '../db/entities/statuses.js';
import {writeWaitMs} from '../db/limits.js';
import {retryWhileBusy} from '../db/retry-busy.js';
import {isProcessAlive} from '../process-alive.js';
import type {RecordedApproval} from './recorded-approval.js';
import type {ApprovalOutcome} from './statuses.js';
import {EctosmithError} from '../errors.js';
import type {TokenUsage} from '../llm/provider.js';

export type {MessageRole} from '../db/entities/statuses.js';

export interface NewExecution {
	workflowName: string;
	userQuery: string;
	targetProjectPath: string;
	provider: string;
	model: string;
	parentExecutionId?: number;
	maxTurns?: number;
	/** Default now; the engine passes the instant its execution_started event carries. */
	startTime?: Date;
}

export interface NewMessage {
	turnNumber: number;
	role: MessageRole;
	contentText?: string;
	functionCallName?: string;
	functionCallArgs?: unknown;
	functionResponseName?: string;
	functionResponseContent?: unknown;
	rawParts?: unknown;
	durationMs?: number;
	isError?: boolean;
	/** tool_response rows of calls that went through approval: how it ended. */
	approval?: ApprovalOutcome;
	/** With approval: what the user was asked, and a decline's note (see approval-record.ts). */
	approvalRequest?: RecordedApproval;
	/** A model row's own usage. */
	usage?: TokenUsage;
	/** A tool_request row's server and read-only hint. */
	toolServer?: string;
	readOnly?: boolean;
}

export interface RecordedMessage extends NewMessage {
	id: number;
	executionId: number;
	timestamp: Date;
}

export interface ExecutionRecord {
	id: number;
	workflowName: string;
	userQuery: string;
	status: ExecutionStatus;
	startTime: Date;
	endTime?: Date;
	finalResponseText?: string;
	errorMessage?: string;
	targetProjectPath?: string;
	provider?: string;
	model?: string;
	promptTokens: number;
	outputTokens: number;
	totalTokens: number;
	turnCount: number;
	parentExecutionId?: number;
	maxTurns?: number;
	/** When `ectosmith undo` reverted its files. */
	undoneAt?: Date;
}

export class UnknownExecutionError extends EctosmithError {
	constructor(readonly executionId: number) {
		super(`No execution with id ${executionId}`);
		this.name = 'UnknownExecutionError';
	}
}

export class UnknownWorkflowError extends EctosmithError {}

export interface ExecutionEnd {
	status: 'COMPLETED' | 'FAILED' | 'CANCELLED';
	finalResponseText?: string;
	errorMessage?: string;
	turnCount: number;
	/** Default now. */
	endTime?: Date;
}

export interface RecorderOptions {
	/** How long a write waits for another process's lock, retrying; default ECTOSMITH_DB_WAIT_SECONDS, else 30 s. */
	waitMs?: number;
}

// Once a write has waited the whole time in vain, the end of the run waits only this long: the
// user has waited enough, and the end is retried in the background until the database is free.
const lockedOutWaitMs = 2000;

/**
 * The engine's database writes. Each call works in its own fork of the entity manager and flushes
 * at once, so a crash loses at most the step in flight and callers never share an identity map.
 * A write waits and retries while another process holds the lock (a TUI and a headless run share
 * the file); a failure is a one-line DatabaseError, never the SQL. An execution's end that could not
 * be written is retried in the background, and a later start marks the row INTERRUPTED at the latest.
 * It stores what it is given (bounded, see source/db/limits.ts): callers must not pass secrets.
 */
export class Recorder {
	private readonly waitMs: number;
	private readonly dbPath: string;
	/** A write gave up on the lock and nothing succeeded since. */
	private lockedOut = false;
	private readonly pendingEnds = new Map<number, ExecutionEnd & {endTime: Date}>();
	private retryTimer: NodeJS.Timeout | undefined;

	constructor(
		private readonly orm: MikroORM,
		options: RecorderOptions = {},
	) {
		this.waitMs = options.waitMs ?? writeWaitMs();
		this.dbPath = String(orm.config.get('dbName'));
	}

	async startExecution(execution: NewExecution): Promise<number> {
		return this.guard('record the start of the execution', async em => {
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
				userQuery: execution.userQuery,
				status: 'STARTED',
				startTime: execution.startTime ?? new Date(),
				maxTurns: execution.maxTurns ?? null,
				targetProjectPath: execution.targetProjectPath,
				provider: execution.provider,
				model: execution.model,
				parentExecution: parent ?? null,
				ownerPid: process.pid,
				ownerHost: hostname(),
			});
			await em.flush();
			return row.id;
		});
	}

	async addMessage(executionId: number, message: NewMessage): Promise<number> {
		return this.guard(`record a message of execution ${executionId}`, async em => {
			const row = em.create(Message, {execution: em.getReference(Execution, executionId), ...messageRow(message), timestamp: new Date()});
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
		await this.guard(`record the token usage of execution ${executionId}`, async em => {
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
		const ending = {...end, endTime: end.endTime ?? new Date()};
		try {
			await this.writeEnd(executionId, ending, this.lockedOut ? Math.min(lockedOutWaitMs, this.waitMs) : this.waitMs);
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

	async getExecution(id: number): Promise<ExecutionRecord> {
		return this.guard(`read execution ${id}`, async em => {
			// Plain SQL, no entity hydration: a replay reads a whole chain through here.
			const [row] = await em
				.getConnection()
				.execute<ExecutionRow[]>(`select e.*, w.name as workflow_name from executions e join workflows w on w.id = e.workflow_id where e.id = ?`, [id], 'all');
			if (!row) throw new UnknownExecutionError(id);
			return toExecutionRecord(row);
		});
	}

	/** Ordered by turn number, then by insertion. */
	async listMessages(executionId: number): Promise<RecordedMessage[]> {
		return this.guard(`read the messages of execution ${executionId}`, async em => {
			// Plain SQL on the (execution_id, turn_number) index, each JSON column parsed once and no
			// entity hydration: a replay of hundreds of messages opens in a few milliseconds.
			const rows = await em
				.getConnection()
				.execute<MessageRow[]>(`select * from messages where execution_id = ? order by turn_number, id`, [executionId], 'all');
			return rows.map(toRecordedMessage);
		});
	}

	/** The users' descriptions, newest first, each once (the TUI recalls them with ↑). */
	async recentQueries(limit = 50): Promise<string[]> {
		return this.guard('read recent descriptions', async em => {
			const rows = await em.find(Execution, {}, {fields: ['userQuery'], orderBy: {id: 'desc'}, limit: limit * 4});
			return [...new Set(rows.map(row => row.userQuery))].slice(0, limit);
		});
	}

	/** STARTED rows owned by a process on this host that no longer runs become INTERRUPTED. */
	async markInterrupted(): Promise<number> {
		return this.guard('mark the executions of ended processes as interrupted', async em => {
			const host = hostname();
			const rows = await em.find(Execution, {status: 'STARTED', ownerHost: host, ownerPid: {$ne: null}});
			const orphans = rows.filter(row => !isProcessAlive(row.ownerPid!));
			for (const row of orphans) {
				row.status = 'INTERRUPTED';
				row.endTime = new Date();
				row.errorMessage = `Interrupted: the process that ran it (pid ${row.ownerPid} on ${host}) ended before the execution's end was recorded`;
			}

			if (orphans.length > 0) await em.flush();
			return orphans.length;
		});
	}

	private async writeEnd(executionId: number, ending: ExecutionEnd & {endTime: Date}, waitMs: number): Promise<void> {
		await this.guard(
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

	/**
	 * Runs one database operation on a fresh fork, again while the database is locked, and turns
	 * what SQLite says into a one-line DatabaseError naming what failed and what to do.
	 */
	private async guard<T>(doing: string, operation: (em: EntityManager) => Promise<T>, waitMs = this.waitMs): Promise<T> {
		const started = Date.now();
		try {
			const result = await retryWhileBusy(async () => operation(this.orm.em.fork()), {waitMs});
			this.lockedOut = false;
			return result;
		} catch (error) {
			const explained = explainDatabaseError(this.dbPath, error, {doing, waitedMs: Date.now() - started});
			if (explained instanceof DatabaseError && explained.isBusy) this.lockedOut = true;
			throw explained;
		}
	}
}

/**
 * A message as the columns of its row (all but its execution and timestamp): the one mapping the
 * recorder and `ectosmith import` write with.
 */
export function messageRow(message: NewMessage) {
	return {
		turnNumber: message.turnNumber,
		role: message.role,
		contentText: message.contentText ?? null,
		functionCallName: message.functionCallName ?? null,
		functionCallArgs: message.functionCallArgs ?? null,
		functionResponseName: message.functionResponseName ?? null,
		functionResponseContent: message.functionResponseContent ?? null,
		rawParts: message.rawParts ?? null,
		durationMs: message.durationMs ?? null,
		isError: message.isError ?? false,
		approval: message.approval ?? null,
		approvalRequest: message.approvalRequest ?? null,
		promptTokens: message.usage?.promptTokens ?? null,
		outputTokens: message.usage?.outputTokens ?? null,
		totalTokens: message.usage?.totalTokens ?? null,
		toolServer: message.toolServer ?? null,
		readOnly: message.readOnly ?? null,
	};
}

/** An executions row as SQLite returns it (dates are epoch milliseconds), with its workflow's name. */
interface ExecutionRow {
	id: number;
	workflow_name: string;
	user_query: string;
	status: ExecutionStatus;
	start_time: number;
	end_time: number | null;
	final_response_text: string | null;
	error_message: string | null;
	target_project_path: string | null;
	provider: string | null;
	model: string | null;
	prompt_tokens: number;
	output_tokens: number;
	total_tokens: number;
	turn_count: number;
	parent_execution_id: number | null;
	max_turns: number | null;
	undone_at: number | null;
}

/** A messages row as SQLite returns it: JSON columns as text, booleans as 0/1, dates as epoch milliseconds. */
interface MessageRow {
	id: number;
	execution_id: number;
	turn_number: number;
	role: MessageRole;
	content_text: string | null;
	function_call_name: string | null;
	function_call_args: string | null;
	function_response_name: string | null;
	function_response_content: string | null;
	raw_parts: string | null;
	timestamp: number;
	duration_ms: number | null;
	is_error: number;
	approval: ApprovalOutcome | null;
	approval_request: string | null;
	prompt_tokens: number | null;
	output_tokens: number | null;
	total_tokens: number | null;
	tool_server: string | null;
	read_only: number | null;
}

function toExecutionRecord(row: ExecutionRow): ExecutionRecord {
	const record: ExecutionRecord = {
		id: row.id,
		workflowName: row.workflow_name,
		userQuery: row.user_query,
		status: row.status,
		startTime: new Date(Number(row.start_time)),
		promptTokens: row.prompt_tokens,
		outputTokens: row.output_tokens,
		totalTokens: row.total_tokens,
		turnCount: row.turn_count,
	};
	if (row.end_time != null) record.endTime = new Date(Number(row.end_time));
	if (row.final_response_text != null) record.finalResponseText = row.final_response_text;
	if (row.error_message != null) record.errorMessage = row.error_message;
	if (row.target_project_path != null) record.targetProjectPath = row.target_project_path;
	if (row.provider != null) record.provider = row.provider;
	if (row.model != null) record.model = row.model;
	if (row.parent_execution_id != null) record.parentExecutionId = row.parent_execution_id;
	if (row.max_turns != null) record.maxTurns = row.max_turns;
	if (row.undone_at != null) record.undoneAt = new Date(Number(row.undone_at));
	return record;
}

/** A JSON column's value (what the ORM's JSON type gives: the text itself if it is not JSON). */
function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

function toRecordedMessage(row: MessageRow): RecordedMessage {
	const message: RecordedMessage = {id: row.id, executionId: row.execution_id, turnNumber: row.turn_number, role: row.role, timestamp: new Date(Number(row.timestamp))};
	if (row.content_text != null) message.contentText = row.content_text;
	if (row.function_call_name != null) message.functionCallName = row.function_call_name;
	if (row.function_call_args != null) message.functionCallArgs = parseJson(row.function_call_args);
	if (row.function_response_name != null) message.functionResponseName = row.function_response_name;
	if (row.function_response_content != null) message.functionResponseContent = parseJson(row.function_response_content);
	if (row.raw_parts != null) message.rawParts = parseJson(row.raw_parts);
	if (row.duration_ms != null) message.durationMs = row.duration_ms;
	message.isError = Boolean(row.is_error);
	if (row.approval != null) message.approval = row.approval;
	// Read back as stored; approvalFromRecord checks its shape before use.
	if (row.approval_request != null) message.approvalRequest = parseJson(row.approval_request) as RecordedApproval;
	if (row.total_tokens != null) {
		message.usage = {promptTokens: row.prompt_tokens ?? 0, outputTokens: row.output_tokens ?? 0, totalTokens: row.total_tokens};
	}

	if (row.tool_server != null) message.toolServer = row.tool_server;
	if (row.read_only != null) message.readOnly = Boolean(row.read_only);
	return message;
}
