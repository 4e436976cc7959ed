/**
 * The record's vocabulary: an execution and a message as the Recorder takes and returns them, and
 * its errors.
 */

import {EctosmithError} from '../errors.js';
import type {TokenUsage} from '../llm/provider.js';
import type {RecordedApproval} from './recorded-approval.js';
import type {ApprovalOutcome, ExecutionStatus, MessageRole} from './statuses.js';

export type {MessageRole} from '../db/entities/statuses.js';

export interface NewExecution {
	workflowName: string;
	description: string;
	targetProjectPath: string;
	provider: string;
	model: string;
	parentExecutionId?: number;
	maxTurns?: number;
	/** Default now; the engine passes the instant its execution_started event carries. */
	startTime?: Date;
	/** A dry run: nothing is written. */
	dryRun?: boolean;
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
	description: string;
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
	/** A dry run (`--dry-run`): it planned its files and wrote none. */
	dryRun?: boolean;
	/** Brought in by `ectosmith import`: its project path and file contents are claims of a file. */
	imported?: boolean;
	/** Who ran it (ECTOSMITH_USER, else the OS user) and on which host. */
	userName?: string;
	hostName?: string;
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
