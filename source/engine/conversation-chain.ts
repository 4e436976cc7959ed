/**
 * Rebuilds a provider-neutral conversation from recorded messages. Each execution records only its
 * own new messages, so a continued conversation is the chain root -> ... -> parent, concatenated.
 */
import {isRecord} from '../is-record.js';
import type {ConversationItem, FunctionCall, FunctionResult, ProviderName} from '../llm/provider.js';
import {loadChain, type RecordSource} from '../records/chain.js';
import type {RecordedMessage} from '../records/recorder.js';

/**
 * What the engine stores in raw_parts of tool_request / tool_response rows: the provider's call id
 * and, on a request whose arguments the engine changed (pinned to the project, a dry run), the
 * model's own arguments, so a replay shows the call the model made beside the one that ran; and a
 * writing call's journal id, by which the next start learns what a call left unanswered wrote.
 */
export interface CallRawParts {
	callId?: string;
	modelArgs?: Record<string, unknown>;
	/** A writing call's journal id (tool-results/write-journal.ts), on its request and its response. */
	journal?: string;
}

/** What the engine stores in function_response_content. */
export interface StoredToolResponse {
	text: string;
	structuredContent?: unknown;
}

export const MISSING_RESULT_TEXT = 'No result was recorded for this call: the run ended before the tool answered.';

export interface HistoryOptions {
	/** The user's own words for the execution's first user message (its rendered prompt wraps them). */
	query?: string;
	/** Keep the providers' raw parts (only meaningful to the provider that produced them). */
	keepRaw?: boolean;
}

function callIdOf(rawParts: unknown): string | undefined {
	if (rawParts && typeof rawParts === 'object' && 'callId' in rawParts) {
		const {callId} = rawParts as {callId: unknown};
		if (typeof callId === 'string') return callId;
	}

	return undefined;
}

function asArgs(value: unknown): Record<string, unknown> {
	return isRecord(value) ? value : {};
}

function responseOf(message: RecordedMessage): FunctionResult['response'] {
	const content = message.functionResponseContent;
	if (content && typeof content === 'object' && 'text' in content) {
		const stored = content as StoredToolResponse;
		return {
			text: String(stored.text),
			...(stored.structuredContent === undefined ? {} : {structuredContent: stored.structuredContent}),
			isError: message.isError === true,
		};
	}

	return {
		text: message.contentText ?? (content === undefined ? '' : JSON.stringify(content)),
		isError: message.isError === true,
	};
}

/** One execution's recorded messages (ordered) -> conversation items. */
export function historyFromMessages(messages: RecordedMessage[], options: HistoryOptions = {}): ConversationItem[] {
	const items: ConversationItem[] = [];
	let userSeen = false;
	const lastModel = (): Extract<ConversationItem, {role: 'model'}> => {
		const last = items.at(-1);
		if (last?.role === 'model') return last;
		// A tool request with no model row before it (should not happen): give it a home.
		const created: ConversationItem = {role: 'model', text: '', functionCalls: []};
		items.push(created);
		return created;
	};

	for (const message of messages) {
		switch (message.role) {
			case 'user': {
				const text = message.contentText ?? '';
				const query = !userSeen && options.query !== undefined && options.query !== text ? options.query : undefined;
				userSeen = true;
				items.push({
					role: 'user',
					text,
					...(query === undefined ? {} : {description: query}),
					...(options.keepRaw && message.rawParts !== undefined && message.rawParts !== null ? {raw: message.rawParts} : {}),
				});
				break;
			}

			case 'model': {
				items.push({
					role: 'model',
					text: message.contentText ?? '',
					functionCalls: [],
					...(options.keepRaw && message.rawParts !== undefined && message.rawParts !== null ? {raw: message.rawParts} : {}),
				});
				break;
			}

			case 'tool_request': {
				const id = callIdOf(message.rawParts);
				const call: FunctionCall = {
					...(id === undefined ? {} : {id}),
					name: message.functionCallName ?? '',
					args: asArgs(message.functionCallArgs),
				};
				lastModel().functionCalls.push(call);
				break;
			}

			case 'tool_response': {
				const id = callIdOf(message.rawParts);
				const result: FunctionResult = {
					...(id === undefined ? {} : {id}),
					name: message.functionResponseName ?? '',
					response: responseOf(message),
				};
				const last = items.at(-1);
				if (last?.role === 'tool') last.results.push(result);
				else items.push({role: 'tool', results: [result]});
				break;
			}
		}
	}

	return completeCalls(items);
}

/**
 * Every function call must be followed by its response (Gemini refuses a history otherwise); a run
 * that was cancelled or crashed mid-call left some unanswered, so answer them with an error result.
 */
function completeCalls(items: ConversationItem[]): ConversationItem[] {
	const out: ConversationItem[] = [];
	for (let index = 0; index < items.length; index++) {
		const item = items[index]!;
		out.push(item);
		if (item.role !== 'model' || item.functionCalls.length === 0) continue;
		const next = items[index + 1];
		const results = next?.role === 'tool' ? [...next.results] : [];
		const complete: FunctionResult[] = item.functionCalls.map((call, callIndex) => {
			const found = results.find(result => call.id !== undefined && result.id === call.id) ?? (results[callIndex]?.name === call.name ? results[callIndex] : undefined);
			return (
				found ?? {
					...(call.id === undefined ? {} : {id: call.id}),
					name: call.name,
					response: {text: MISSING_RESULT_TEXT, isError: true},
				}
			);
		});
		out.push({role: 'tool', results: complete});
		if (next?.role === 'tool') index++;
	}

	return out;
}

/**
 * The whole conversation up to and including `executionId`: its ancestors first (root first).
 * Raw parts are kept only for executions made by `provider` (another provider cannot read them).
 */
export async function loadConversation(source: RecordSource, executionId: number, options: {provider?: ProviderName} = {}): Promise<ConversationItem[]> {
	const chain = await loadChain(source, executionId);
	const items: ConversationItem[] = [];
	for (const execution of chain) {
		const messages = await source.listMessages(execution.id);
		const keepRaw = options.provider === undefined || execution.provider == null || execution.provider === options.provider;
		items.push(...historyFromMessages(messages, {query: execution.description, keepRaw}));
	}

	return items;
}
