/**
 * The one mapping between the record's vocabulary (types.ts) and the rows of executions and
 * messages, both ways, in the entities' own property names: the Recorder and `ectosmith import`
 * write with it, and the Recorder reads back through it. A row read with plain SQL (no entity
 * hydration: a replay reads hundreds of messages) is named and typed by the entity's metadata
 * first (storedData), so no second list of the columns exists.
 */
import {type EntityMetadata, JsonType} from '@mikro-orm/core';
import type {IExecution, IMessage} from '../db/entities/index.js';
import type {RecordedApproval} from './recorded-approval.js';
import type {ExecutionRecord, NewMessage, RecordedMessage} from './types.js';

/** A JSON column's value (what the ORM's JSON type gives: the text itself if it is not JSON). */
function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/** A time column's value: SQLite's epoch milliseconds, or PostgreSQL's timestamptz (text as the ORM has pg return it, or a Date). */
export function storedDate(value: unknown): Date {
	if (value instanceof Date) return value;
	if (typeof value === 'number' || typeof value === 'bigint' || /^-?\d+$/.test(String(value))) return new Date(Number(value));
	return new Date(String(value));
}

/**
 * A row as SQLite returns it (dates as epoch milliseconds, booleans as 0/1, JSON as text) or PostgreSQL does, keyed
 * and typed as the entity's properties; a many-to-one is its id. Columns the entity lacks are left.
 */
export function storedData(meta: EntityMetadata, row: Record<string, unknown>): Record<string, unknown> {
	const data: Record<string, unknown> = {};
	for (const prop of meta.props) {
		const column = prop.fieldNames?.[0];
		if (column === undefined || !(column in row)) continue;
		const value = row[column];
		if (value == null) data[prop.name] = null;
		else if (prop.customType instanceof JsonType) data[prop.name] = typeof value === 'string' ? parseJson(value) : value;
		else if (prop.runtimeType === 'Date') data[prop.name] = storedDate(value);
		else if (prop.runtimeType === 'boolean') data[prop.name] = Boolean(value);
		else data[prop.name] = value;
	}

	return data;
}

/** A stored message's properties as storedData gives them. */
export type StoredMessage = Omit<IMessage, 'execution'> & {execution: number};

/** A stored execution's properties as storedData gives them, with its workflow's name. */
export type StoredExecution = Omit<IExecution, 'workflow' | 'parentExecution' | 'messages'> & {parentExecution: number | null; workflowName: string};

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

/**
 * An execution's columns from its record (all but its workflow, parent and owner): what
 * `ectosmith import` writes; toExecutionRecord reads them back.
 */
export function executionRow(execution: Omit<ExecutionRecord, 'id' | 'workflowName' | 'parentExecutionId'>) {
	return {
		userQuery: execution.description,
		status: execution.status,
		startTime: execution.startTime,
		endTime: execution.endTime ?? null,
		finalResponseText: execution.finalResponseText ?? null,
		errorMessage: execution.errorMessage ?? null,
		targetProjectPath: execution.targetProjectPath ?? null,
		provider: execution.provider ?? null,
		model: execution.model ?? null,
		promptTokens: execution.promptTokens,
		outputTokens: execution.outputTokens,
		totalTokens: execution.totalTokens,
		turnCount: execution.turnCount,
		maxTurns: execution.maxTurns ?? null,
		undoneAt: execution.undoneAt ?? null,
		dryRun: execution.dryRun === true,
		userName: execution.userName ?? null,
		hostName: execution.hostName ?? null,
	};
}

export function toExecutionRecord(row: StoredExecution): ExecutionRecord {
	const record: ExecutionRecord = {
		id: row.id,
		workflowName: row.workflowName,
		description: row.userQuery,
		status: row.status,
		startTime: row.startTime,
		promptTokens: row.promptTokens,
		outputTokens: row.outputTokens,
		totalTokens: row.totalTokens,
		turnCount: row.turnCount,
	};
	if (row.endTime != null) record.endTime = row.endTime;
	if (row.finalResponseText != null) record.finalResponseText = row.finalResponseText;
	if (row.errorMessage != null) record.errorMessage = row.errorMessage;
	if (row.targetProjectPath != null) record.targetProjectPath = row.targetProjectPath;
	if (row.provider != null) record.provider = row.provider;
	if (row.model != null) record.model = row.model;
	if (row.parentExecution != null) record.parentExecutionId = row.parentExecution;
	if (row.maxTurns != null) record.maxTurns = row.maxTurns;
	if (row.undoneAt != null) record.undoneAt = row.undoneAt;
	if (row.importFingerprint != null) record.imported = true;
	if (row.dryRun) record.dryRun = true;
	if (row.userName != null) record.userName = row.userName;
	if (row.hostName != null) record.hostName = row.hostName;
	return record;
}

export function toRecordedMessage(row: StoredMessage): RecordedMessage {
	const message: RecordedMessage = {id: row.id, executionId: row.execution, turnNumber: row.turnNumber, role: row.role, timestamp: row.timestamp};
	if (row.contentText != null) message.contentText = row.contentText;
	if (row.functionCallName != null) message.functionCallName = row.functionCallName;
	if (row.functionCallArgs != null) message.functionCallArgs = row.functionCallArgs;
	if (row.functionResponseName != null) message.functionResponseName = row.functionResponseName;
	if (row.functionResponseContent != null) message.functionResponseContent = row.functionResponseContent;
	if (row.rawParts != null) message.rawParts = row.rawParts;
	if (row.durationMs != null) message.durationMs = row.durationMs;
	message.isError = row.isError;
	if (row.approval != null) message.approval = row.approval;
	// Read back as stored; approvalFromRecord checks its shape before use.
	if (row.approvalRequest != null) message.approvalRequest = row.approvalRequest as RecordedApproval;
	if (row.totalTokens != null) {
		message.usage = {promptTokens: row.promptTokens ?? 0, outputTokens: row.outputTokens ?? 0, totalTokens: row.totalTokens};
	}

	if (row.toolServer != null) message.toolServer = row.toolServer;
	if (row.readOnly != null) message.readOnly = row.readOnly;
	return message;
}
