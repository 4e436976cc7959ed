import {Cascade, defineEntity, type EntitySchema, type InferEntity} from '@mikro-orm/core';
import {approvalOutcomes, executionStatuses, messageRoles} from './statuses.js';
import {StoredJson, StoredText} from './stored-types.js';
import {Workflow} from './workflow.js';

/** One run of a workflow: who ran it, on what, how it ended and what it cost. */
export const Execution = defineEntity({
	name: 'Execution',
	tableName: 'executions',
	// A status filter walks its rows newest first without sorting them (History, `history --status`).
	indexes: [{properties: ['status', 'startTime'], name: 'executions_status_start_time_index'}],
	properties: p => ({
		id: p.integer().primary().autoincrement(),
		// Named as SQLite names a foreign key's index, so PostgreSQL (which makes none) gets the same one.
		workflow: p.manyToOne(Workflow).index('executions_workflow_id_index'),
		userQuery: p.type(StoredText),
		status: p.enum([...executionStatuses]).index('executions_status_index'),
		startTime: p.datetime().index('executions_start_time_index'),
		endTime: p.datetime().nullable(),
		finalResponseText: p.type(StoredText).nullable(),
		errorMessage: p.type(StoredText).nullable(),
		targetProjectPath: p.type(StoredText).nullable().index('executions_target_project_path_index'),
		provider: p.type(StoredText).nullable(),
		model: p.type(StoredText).nullable(),
		promptTokens: p.integer().default(0),
		outputTokens: p.integer().default(0),
		totalTokens: p.integer().default(0),
		turnCount: p.integer().default(0),
		// The workflow's turn limit when it ran (the workflow may change later), for replay.
		maxTurns: p.integer().nullable(),
		// A follow-up continues its parent's conversation; deleting the parent keeps the child.
		parentExecution: () =>
			p
				.manyToOne(Execution as EntitySchema<ExecutionRef>)
				.nullable()
				.deleteRule('set null')
				.index('executions_parent_execution_id_index'),
		// Set when `ectosmith undo` reverted the files this execution wrote.
		undoneAt: p.datetime().nullable(),
		// A dry run (`--dry-run`): every writing call ran with dry_run: true; it wrote nothing.
		dryRun: p.boolean().default(false),
		// For an execution brought in by `ectosmith import`: the hash of the file's record, so the same file is refused twice.
		importFingerprint: p.string().nullable().unique('executions_import_fingerprint_unique'),
		ownerPid: p.integer().nullable(),
		ownerHost: p.string().nullable(),
		// Who ran it and where, for a team sharing one database: History shows and filters by them.
		// Kept apart from owner_*, which say whether the process still runs (and may be cleared).
		userName: p.string().nullable().index('executions_user_name_index'),
		hostName: p.string().nullable(),
		// Lazy: Message, below, refers back to Execution.
		messages: () =>
			p
				.oneToMany(Message as EntitySchema<MessageRef>)
				.mappedBy('execution')
				.cascade(Cascade.PERSIST, Cascade.REMOVE)
				.orphanRemoval(),
	}),
});

// Structural stand-ins that break the type cycles (self reference, Execution <-> Message).
interface ExecutionRef {
	id: number;
}

interface MessageRef {
	id: number;
	execution: ExecutionRef;
}

export type IExecution = InferEntity<typeof Execution>;

/** One recorded step of a conversation. */
export const Message = defineEntity({
	name: 'Message',
	tableName: 'messages',
	indexes: [{properties: ['execution', 'turnNumber'], name: 'messages_execution_id_turn_number_index'}],
	properties: p => ({
		id: p.integer().primary().autoincrement(),
		// ON DELETE CASCADE in the schema, so a raw DELETE of an execution removes its messages too.
		execution: () => p.manyToOne(Execution).deleteRule('cascade').index('messages_execution_id_index'),
		turnNumber: p.integer(),
		role: p.enum([...messageRoles]),
		contentText: p.type(StoredText).nullable(),
		functionCallName: p.type(StoredText).nullable(),
		functionCallArgs: p.type(StoredJson).$type<unknown>().nullable(),
		functionResponseName: p.type(StoredText).nullable(),
		functionResponseContent: p.type(StoredJson).$type<unknown>().nullable(),
		timestamp: p.datetime().onCreate(() => new Date()),
		durationMs: p.integer().nullable(),
		isError: p.boolean().default(false),
		// The provider's raw parts (e.g. Gemini thought signatures) so history can be replayed to the model.
		rawParts: p.type(StoredJson).$type<unknown>().nullable(),
		// On tool_response rows of calls that went through approval.
		approval: p.enum([...approvalOutcomes]).nullable(),
		// With it, what the user was asked: the dry run's files and text, and a decline's note, so a
		// replay rebuilds the approval events (the files the call's result also reports stored there only).
		approvalRequest: p.type(StoredJson).$type<unknown>().nullable(),
		// A model row's own usage (the execution keeps the totals), so a replay shows tokens per step.
		promptTokens: p.integer().nullable(),
		outputTokens: p.integer().nullable(),
		totalTokens: p.integer().nullable(),
		// A tool_request row's server and read-only hint, as the live tool_call_started event had them.
		toolServer: p.string().nullable(),
		readOnly: p.boolean().nullable(),
	}),
});

export type IMessage = InferEntity<typeof Message>;
