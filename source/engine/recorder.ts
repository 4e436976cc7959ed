import {hostname} from 'node:os';
import {raw, type MikroORM} from '@mikro-orm/core';
import {Execution, Message, Workflow, type IExecution, type IMessage} from '../db/entities/index.js';
import {isProcessAlive} from '../process-alive.js';
import type {ApprovalOutcome, ExecutionStatus} from './events.js';
import {EctosmithError} from '../errors.js';
import type {TokenUsage} from '../llm/provider.js';

export type MessageRole = 'user' | 'model' | 'tool_request' | 'tool_response';

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

/**
 * The engine's database writes. Each call works in its own fork of the entity manager and flushes
 * at once, so a crash loses at most the step in flight and callers never share an identity map.
 * It stores what it is given: callers must not pass secrets.
 */
export class Recorder {
	constructor(private readonly orm: MikroORM) {}

	async startExecution(execution: NewExecution): Promise<number> {
		const em = this.orm.em.fork();
		const workflow = await em.findOne(Workflow, {name: execution.workflowName});
		if (!workflow) {
			const known = await em.find(Workflow, {}, {fields: ['name'], orderBy: {name: 'asc'}});
			throw new Error(`Unknown workflow "${execution.workflowName}". Known workflows: ${known.map(row => row.name).join(', ') || '(none)'}`);
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
	}

	async addMessage(executionId: number, message: NewMessage): Promise<number> {
		const em = this.orm.em.fork();
		const row = em.create(Message, {
			execution: em.getReference(Execution, executionId),
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
			promptTokens: message.usage?.promptTokens ?? null,
			outputTokens: message.usage?.outputTokens ?? null,
			totalTokens: message.usage?.totalTokens ?? null,
			toolServer: message.toolServer ?? null,
			readOnly: message.readOnly ?? null,
			timestamp: new Date(),
		});
		try {
			await em.flush();
		} catch (error) {
			if (/FOREIGN KEY constraint failed/i.test(String(error))) throw new UnknownExecutionError(executionId);
			throw error;
		}

		return row.id;
	}

	/** Adds to the running totals (one call per model turn). */
	async addUsage(executionId: number, usage: {promptTokens: number; outputTokens: number; totalTokens: number}): Promise<void> {
		const em = this.orm.em.fork();
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
	}

	async finishExecution(
		executionId: number,
		end: {status: 'COMPLETED' | 'FAILED' | 'CANCELLED'; finalResponseText?: string; errorMessage?: string; turnCount: number; endTime?: Date},
	): Promise<void> {
		const em = this.orm.em.fork();
		const row = await em.findOne(Execution, {id: executionId});
		if (!row) throw new UnknownExecutionError(executionId);
		row.status = end.status;
		row.endTime = end.endTime ?? new Date();
		row.finalResponseText = end.finalResponseText ?? null;
		row.errorMessage = end.errorMessage ?? null;
		row.turnCount = end.turnCount;
		await em.flush();
	}

	async getExecution(id: number): Promise<ExecutionRecord> {
		const em = this.orm.em.fork();
		const row = await em.findOne(Execution, {id}, {populate: ['workflow']});
		if (!row) throw new UnknownExecutionError(id);
		return toExecutionRecord(row);
	}

	/** Ordered by turn number, then by insertion. */
	async listMessages(executionId: number): Promise<RecordedMessage[]> {
		const em = this.orm.em.fork();
		const rows = await em.find(Message, {execution: executionId}, {orderBy: {turnNumber: 'asc', id: 'asc'}});
		return rows.map(row => toRecordedMessage(row, executionId));
	}

	/** The users' descriptions, newest first, each once (the TUI recalls them with ↑). */
	async recentQueries(limit = 50): Promise<string[]> {
		const em = this.orm.em.fork();
		const rows = await em.find(Execution, {}, {fields: ['userQuery'], orderBy: {id: 'desc'}, limit: limit * 4});
		return [...new Set(rows.map(row => row.userQuery))].slice(0, limit);
	}

	/** STARTED rows owned by a process on this host that no longer runs become INTERRUPTED. */
	async markInterrupted(): Promise<number> {
		const em = this.orm.em.fork();
		const host = hostname();
		const rows = await em.find(Execution, {status: 'STARTED', ownerHost: host, ownerPid: {$ne: null}});
		const orphans = rows.filter(row => !isProcessAlive(row.ownerPid!));
		for (const row of orphans) {
			row.status = 'INTERRUPTED';
			row.endTime = new Date();
			row.errorMessage = `Interrupted: the process that ran it (pid ${row.ownerPid} on ${host}) ended before the execution finished`;
		}

		if (orphans.length > 0) await em.flush();
		return orphans.length;
	}
}

function toExecutionRecord(row: IExecution): ExecutionRecord {
	const record: ExecutionRecord = {
		id: row.id,
		workflowName: row.workflow.name,
		userQuery: row.userQuery,
		status: row.status,
		startTime: row.startTime,
		promptTokens: row.promptTokens,
		outputTokens: row.outputTokens,
		totalTokens: row.totalTokens,
		turnCount: row.turnCount,
	};
	if (row.endTime) record.endTime = row.endTime;
	if (row.finalResponseText != null) record.finalResponseText = row.finalResponseText;
	if (row.errorMessage != null) record.errorMessage = row.errorMessage;
	if (row.targetProjectPath != null) record.targetProjectPath = row.targetProjectPath;
	if (row.provider != null) record.provider = row.provider;
	if (row.model != null) record.model = row.model;
	if (row.parentExecution) record.parentExecutionId = row.parentExecution.id;
	if (row.maxTurns != null) record.maxTurns = row.maxTurns;
	if (row.undoneAt != null) record.undoneAt = row.undoneAt;
	return record;
}

function toRecordedMessage(row: IMessage, executionId: number): RecordedMessage {
	const message: RecordedMessage = {id: row.id, executionId, turnNumber: row.turnNumber, role: row.role, timestamp: row.timestamp};
	if (row.contentText != null) message.contentText = row.contentText;
	if (row.functionCallName != null) message.functionCallName = row.functionCallName;
	if (row.functionCallArgs != null) message.functionCallArgs = row.functionCallArgs;
	if (row.functionResponseName != null) message.functionResponseName = row.functionResponseName;
	if (row.functionResponseContent != null) message.functionResponseContent = row.functionResponseContent;
	if (row.rawParts != null) message.rawParts = row.rawParts;
	if (row.durationMs != null) message.durationMs = row.durationMs;
	message.isError = Boolean(row.isError);
	if (row.approval != null) message.approval = row.approval;
	if (row.totalTokens != null) {
		message.usage = {promptTokens: row.promptTokens ?? 0, outputTokens: row.outputTokens ?? 0, totalTokens: row.totalTokens};
	}

	if (row.toolServer != null) message.toolServer = row.toolServer;
	if (row.readOnly != null) message.readOnly = Boolean(row.readOnly);
	return message;
}
