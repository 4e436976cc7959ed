import test from 'ava';
import {historyFromMessages, loadConversation, MISSING_RESULT_TEXT} from '../../source/engine/conversation-chain.js';
import type {ExecutionRecord, NewMessage, RecordedMessage} from '../../source/records/recorder.js';

let nextId = 1;
function rows(executionId: number, messages: NewMessage[]): RecordedMessage[] {
	return messages.map(message => ({...message, id: nextId++, executionId, timestamp: new Date(0)}));
}

test('rebuilds user, model, calls and results, keeping raw parts and call ids', t => {
	const messages = rows(1, [
		{turnNumber: 1, role: 'user', contentText: 'PROMPT around Blog.Post'},
		{turnNumber: 1, role: 'model', contentText: 'Calling.', rawParts: [{functionCall: {name: 'a'}, thoughtSignature: 's'}]},
		{turnNumber: 1, role: 'tool_request', functionCallName: 'a', functionCallArgs: {x: 1}, rawParts: {callId: 'id-a'}},
		{turnNumber: 1, role: 'tool_request', functionCallName: 'b', functionCallArgs: {y: 2}},
		{turnNumber: 1, role: 'tool_response', functionResponseName: 'a', functionResponseContent: {text: 'A ok', structuredContent: {files: []}}, contentText: 'A ok', rawParts: {callId: 'id-a'}},
		{turnNumber: 1, role: 'tool_response', functionResponseName: 'b', functionResponseContent: {text: 'B bad'}, contentText: 'B bad', isError: true},
		{turnNumber: 2, role: 'model', contentText: 'Done.'},
	]);
	const items = historyFromMessages(messages, {query: 'Blog.Post', keepRaw: true});
	t.deepEqual(items, [
		{role: 'user', text: 'PROMPT around Blog.Post', description: 'Blog.Post'},
		{
			role: 'model',
			text: 'Calling.',
			functionCalls: [
				{id: 'id-a', name: 'a', args: {x: 1}},
				{name: 'b', args: {y: 2}},
			],
			raw: [{functionCall: {name: 'a'}, thoughtSignature: 's'}],
		},
		{
			role: 'tool',
			results: [
				{id: 'id-a', name: 'a', response: {text: 'A ok', structuredContent: {files: []}, isError: false}},
				{name: 'b', response: {text: 'B bad', isError: true}},
			],
		},
		{role: 'model', text: 'Done.', functionCalls: []},
	]);
	t.false('raw' in historyFromMessages(messages, {keepRaw: false})[1]!);
});

test('calls left without an answer (a cancelled run) get an error result', t => {
	const messages = rows(1, [
		{turnNumber: 1, role: 'user', contentText: 'q'},
		{turnNumber: 1, role: 'model', contentText: ''},
		{turnNumber: 1, role: 'tool_request', functionCallName: 'a', functionCallArgs: {}},
		{turnNumber: 1, role: 'tool_request', functionCallName: 'b', functionCallArgs: {}},
		{turnNumber: 1, role: 'tool_response', functionResponseName: 'a', functionResponseContent: {text: 'ok'}},
	]);
	const items = historyFromMessages(messages);
	t.is(items.length, 3);
	t.deepEqual(items[2], {
		role: 'tool',
		results: [
			{name: 'a', response: {text: 'ok', isError: false}},
			{name: 'b', response: {text: MISSING_RESULT_TEXT, isError: true}},
		],
	});
	// The user item needs no query when the text is the query itself.
	t.deepEqual(historyFromMessages(rows(1, [{turnNumber: 1, role: 'user', contentText: 'q'}]), {query: 'q'}), [{role: 'user', text: 'q'}]);
});

test('loadConversation walks root to parent and keeps raw parts only for the same provider', async t => {
	const executions = new Map<number, ExecutionRecord>();
	const base = {status: 'COMPLETED' as const, startTime: new Date(0), promptTokens: 0, outputTokens: 0, totalTokens: 0, turnCount: 1, workflowName: 'w'};
	executions.set(10, {...base, id: 10, description: 'root q', provider: 'gemini'});
	executions.set(11, {...base, id: 11, description: 'follow', provider: 'offline', parentExecutionId: 10});
	const messages = new Map<number, RecordedMessage[]>([
		[
			10,
			rows(10, [
				{turnNumber: 1, role: 'user', contentText: 'PROMPT root q'},
				{turnNumber: 1, role: 'model', contentText: 'r', rawParts: ['g']},
			]),
		],
		[
			11,
			rows(11, [
				{turnNumber: 1, role: 'user', contentText: 'follow'},
				{turnNumber: 1, role: 'model', contentText: 'f', rawParts: ['o']},
			]),
		],
	]);
	const source = {
		getExecution: async (id: number) => executions.get(id)!,
		listMessages: async (id: number) => messages.get(id)!,
	};
	const items = await loadConversation(source, 11, {provider: 'gemini'});
	t.deepEqual(items, [
		{role: 'user', text: 'PROMPT root q', description: 'root q'},
		{role: 'model', text: 'r', functionCalls: [], raw: ['g']},
		{role: 'user', text: 'follow'},
		{role: 'model', text: 'f', functionCalls: []},
	]);

	executions.set(10, {...executions.get(10)!, parentExecutionId: 11});
	await t.throwsAsync(loadConversation(source, 11), {message: /cycle/});
});
