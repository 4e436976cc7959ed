import {Cascade, defineEntity, type EntitySchema, type InferEntity} from '@mikro-orm/core';
import {executionStatuses} from './statuses.js';
import {StoredText} from './stored-types.js';
import {Workflow} from './workflow.js';
import {Message} from './message.js';

/** One run of a workflow: who ran it, on what, how it ended and what it cost. */
export const Execution = defineEntity({
	name: 'Execution',
	tableName: 'executions',
	// A status filter walks its rows newest first without sorting them (History, `history --status`).
	indexes: [{properties: ['status', 'startTime'], name: 'executions_status_start_time_index'}],
	properties: p => ({
		id: p.integer().primary().autoincrement(),
		workflow: p.manyToOne(Workflow),
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
				.deleteRule('set null'),
		// Set when `ectosmith undo` reverted the files this execution wrote.
		undoneAt: p.datetime().nullable(),
		// For an execution brought in by `ectosmith import`: the hash of the file's record, so the same file is refused twice.
		importFingerprint: p.string().nullable().unique('executions_import_fingerprint_unique'),
		ownerPid: p.integer().nullable(),
		ownerHost: p.string().nullable(),
		// Lazy: message.ts imports this module too.
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
