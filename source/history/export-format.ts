/**
 * The export file of one execution and its follow-up chain (`ectosmith export --format json`),
 * versioned, and its validation on import: a zod schema with bounds, so a malformed, hostile or
 * newer file is refused with one line naming what is wrong before anything is written.
 */
import {z} from 'zod';
import {approvalOutcomes, executionStatuses, messageRoles} from '../db/entities/statuses.js';
import {fileActions} from '../tool-results/read-result.js';

export const EXPORT_FORMAT = 'ectosmith-execution';
export const EXPORT_VERSION = 1;

/** Bounds on an imported file; beyond them it is refused as not something we wrote. */
export const IMPORT_LIMITS = {bytes: 64 * 1024 * 1024, depth: 64, executions: 1000, messagesPerExecution: 100_000} as const;

// A project path: absolute, one line, no NUL or other controls.
const projectPath = z
	.string()
	.max(4096)
	.refine(value => value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value), 'must be an absolute path')
	.refine(value => !/[\u0000-\u001F\u007F]/.test(value), 'must not hold control characters');
const date = z.iso.datetime();
// Who ran an execution and on which host: one line, no controls (shown in History's columns).
const runBy = z
	.string()
	.min(1)
	.max(255)
	.refine(value => !/[\u0000-\u001F\u007F]/.test(value), 'must not hold control characters');
const name = z.string().min(1).max(200);
const usage = z.object({
	promptTokens: z.number().int().nonnegative(),
	outputTokens: z.number().int().nonnegative(),
	totalTokens: z.number().int().nonnegative(),
});

// A tool_response's recorded approval request (source/engine/approval-record.ts); files marked
// asResult stand for the same path in the call's own result.
const approvalRequest = z.object({
	dryRunText: z.string(),
	files: z
		.array(
			z.union([
				z.object({path: z.string().max(4096), action: z.enum(fileActions), asResult: z.literal(true)}),
				z.object({path: z.string().max(4096), action: z.enum(fileActions), content: z.string(), currentContent: z.string().optional()}),
			]),
		)
		.max(10_000),
	note: z.string().optional(),
});

export const exportedMessage = z.object({
	id: z.number().int(),
	turnNumber: z.number().int().nonnegative(),
	role: z.enum(messageRoles),
	timestamp: date,
	contentText: z.string().optional(),
	functionCallName: z.string().max(200).optional(),
	functionCallArgs: z.unknown().optional(),
	functionResponseName: z.string().max(200).optional(),
	functionResponseContent: z.unknown().optional(),
	rawParts: z.unknown().optional(),
	durationMs: z.number().int().nonnegative().optional(),
	isError: z.boolean(),
	usage: usage.optional(),
	toolServer: z.string().max(200).optional(),
	readOnly: z.boolean().optional(),
	approval: z.enum(approvalOutcomes).optional(),
	// Added within version 1 (optional, so older files still read): what the user was asked.
	approvalRequest: approvalRequest.optional(),
});

export const exportedExecution = z.object({
	id: z.number().int(),
	workflow: name,
	parentExecutionId: z.number().int().optional(),
	userQuery: z.string(),
	status: z.enum(executionStatuses),
	startTime: date,
	endTime: date.optional(),
	finalResponseText: z.string().optional(),
	errorMessage: z.string().optional(),
	targetProjectPath: projectPath.optional(),
	provider: z.string().max(100).optional(),
	model: z.string().max(200).optional(),
	promptTokens: z.number().int().nonnegative(),
	outputTokens: z.number().int().nonnegative(),
	totalTokens: z.number().int().nonnegative(),
	turnCount: z.number().int().nonnegative(),
	maxTurns: z.number().int().positive().optional(),
	undoneAt: date.optional(),
	// Added within version 1: absent in older files and on every execution that wrote.
	dryRun: z.boolean().optional(),
	// Added within version 1 (optional: older files, and executions recorded before them, have none).
	userName: runBy.optional(),
	hostName: runBy.optional(),
	messages: z.array(exportedMessage).max(IMPORT_LIMITS.messagesPerExecution),
});

export const exportedWorkflow = z.object({
	name,
	description: z.string(),
	llmModel: z.string().max(200),
	initialPromptTemplate: z.string(),
	maxConversationTurns: z.number().int().positive(),
	/** For the reader only (env values masked); an import does not create servers. */
	servers: z.array(z.object({name, command: z.string(), args: z.array(z.string()), env: z.record(z.string(), z.string())})),
});

export const exportFile = z.object({
	format: z.literal(EXPORT_FORMAT),
	version: z.literal(EXPORT_VERSION),
	exportedAt: date,
	workflows: z.array(exportedWorkflow).max(IMPORT_LIMITS.executions),
	/** The follow-up chain, root first; the last is the execution that was exported. */
	executions: z.array(exportedExecution).min(1).max(IMPORT_LIMITS.executions),
});

export type ExportFile = z.infer<typeof exportFile>;
export type ExportedExecution = z.infer<typeof exportedExecution>;
export type ExportedMessage = z.infer<typeof exportedMessage>;
export type ExportedWorkflow = z.infer<typeof exportedWorkflow>;
