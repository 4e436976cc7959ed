import {defineEntity, type InferEntity} from '@mikro-orm/core';
import {Execution} from './execution.js';
import {approvalOutcomes, messageRoles} from './statuses.js';
import {StoredJson, StoredText} from './stored-types.js';

/** One recorded step of a conversation. */
export const Message = defineEntity({
	name: 'Message',
	tableName: 'messages',
	indexes: [{properties: ['execution', 'turnNumber'], name: 'messages_execution_id_turn_number_index'}],
	properties: p => ({
		id: p.integer().primary().autoincrement(),
		// ON DELETE CASCADE in the schema, so a raw DELETE of an execution removes its messages too.
		execution: () => p.manyToOne(Execution).deleteRule('cascade'),
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
