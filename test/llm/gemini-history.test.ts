/** Pure parts of the Gemini provider: history rebuild, chunk merging, retry timing, error facts. */

import type {GenerateContentResponse} from '@google/genai';
import test from 'ava';
import {errorFacts, retryDelayFromErrorBody} from '../../source/llm/gemini-errors.js';
import {toGeminiContents} from '../../source/llm/gemini-history.js';
import {TurnAccumulator} from '../../source/llm/gemini-stream.js';
import {abortableSleep, isRetryableStatus, retryAfterHeaderMs, retryDelayMs, retryPolicy} from '../../source/llm/retry.js';

test('a model item without raw is rebuilt from text and calls, followed by its responses', t => {
	const contents = toGeminiContents([
		{role: 'user', text: 'Make posts', description: 'posts'},
		{role: 'model', text: 'Looking.', functionCalls: [{name: 'inspect_project', args: {project_path: '/p'}}]},
		{role: 'tool', results: [{name: 'inspect_project', response: {text: 'ok', isError: false}}]},
		{role: 'model', text: 'Done.', functionCalls: []},
	]);
	t.deepEqual(contents, [
		{role: 'user', parts: [{text: 'Make posts'}]},
		{role: 'model', parts: [{text: 'Looking.'}, {functionCall: {name: 'inspect_project', args: {project_path: '/p'}}}]},
		{role: 'user', parts: [{functionResponse: {name: 'inspect_project', response: {output: 'ok'}}}]},
		{role: 'model', parts: [{text: 'Done.'}]},
	]);
});

test('raw parts win over text, and a Content-shaped raw is accepted too', t => {
	const raw = [{text: 'Hi', thoughtSignature: 'sig'}];
	const contents = toGeminiContents([
		{role: 'user', text: 'q'},
		{role: 'model', text: 'something else', functionCalls: [], raw},
		{role: 'user', text: 'more'},
		{role: 'model', text: 'x', functionCalls: [], raw: {role: 'model', parts: [{text: 'Y', thoughtSignature: 's2'}]}},
	]);
	t.deepEqual(contents[1], {role: 'model', parts: raw});
	t.deepEqual(contents[3], {role: 'model', parts: [{text: 'Y', thoughtSignature: 's2'}]});
	t.not(contents[1]!.parts, raw, "a copy is sent, so the caller's history is never touched");
});

test('results are paired with their calls in call order (by id, else by name); a missing one becomes an error response', t => {
	const contents = toGeminiContents([
		{role: 'user', text: 'q'},
		{
			role: 'model',
			text: '',
			functionCalls: [
				{id: '1', name: 'a', args: {}},
				{id: '2', name: 'b', args: {}},
				{id: '3', name: 'c', args: {}},
			],
		},
		{
			role: 'tool',
			results: [
				{id: '2', name: 'b', response: {text: 'B', isError: false}},
				{name: 'a', response: {text: 'A', isError: false}},
			],
		},
	]);
	t.deepEqual(contents[2], {
		role: 'user',
		parts: [
			{functionResponse: {id: '1', name: 'a', response: {output: 'A'}}},
			{functionResponse: {id: '2', name: 'b', response: {output: 'B'}}},
			{functionResponse: {id: '3', name: 'c', response: {error: 'No result: the call was not completed (the run stopped before the tool answered).'}}},
		],
	});
});

test('a model call with no tool item after it still gets responses (a continued run)', t => {
	const contents = toGeminiContents([
		{role: 'user', text: 'q'},
		{role: 'model', text: '', functionCalls: [{name: 'a', args: {}}]},
		{role: 'user', text: 'follow-up'},
	]);
	t.deepEqual(
		contents.map(content => content.role),
		['user', 'model', 'user', 'user'],
	);
	t.truthy(contents[2]!.parts![0]!.functionResponse);
	t.deepEqual(contents[3], {role: 'user', parts: [{text: 'follow-up'}]});
});

test('an empty model item is skipped', t => {
	const contents = toGeminiContents([
		{role: 'user', text: 'q'},
		{role: 'model', text: '', functionCalls: []},
	]);
	t.is(contents.length, 1);
});

function chunk(parts: Array<Record<string, unknown>>, finishReason?: string, usage?: Record<string, number>): GenerateContentResponse {
	return {
		candidates: [{content: {role: 'model', parts}, ...(finishReason ? {finishReason} : {})}],
		...(usage ? {usageMetadata: usage} : {}),
	} as unknown as GenerateContentResponse;
}

test('streamed text is concatenated per kind; signatures, calls and usage are kept', t => {
	const answer = new TurnAccumulator();
	const seen = [
		answer.add(chunk([{text: 'plan', thought: true}])),
		answer.add(chunk([{text: 'ning', thought: true, thoughtSignature: 'T'}])),
		answer.add(chunk([{text: 'Hel'}])),
		answer.add(chunk([{text: 'lo'}, {functionCall: {name: 'f', args: {a: 1}}, thoughtSignature: 'F'}])),
		answer.add(chunk([{text: ''}], 'STOP', {promptTokenCount: 3, candidatesTokenCount: 4, thoughtsTokenCount: 2, totalTokenCount: 9})),
	];
	t.deepEqual(seen, ['', '', 'Hel', 'lo', '']);
	t.deepEqual(answer.parts, [{text: 'planning', thought: true, thoughtSignature: 'T'}, {text: 'Hello'}, {functionCall: {name: 'f', args: {a: 1}}, thoughtSignature: 'F'}, {text: ''}]);
	t.is(answer.text, 'Hello');
	t.deepEqual(answer.functionCalls, [{name: 'f', args: {a: 1}}]);
	t.is(answer.finishReason, 'STOP');
	t.deepEqual(answer.usage, {promptTokens: 3, outputTokens: 6, totalTokens: 9});
});

test('a text part after a signed one starts a new part', t => {
	const answer = new TurnAccumulator();
	answer.add(chunk([{text: 'a', thoughtSignature: 'S'}]));
	answer.add(chunk([{text: 'b'}]));
	t.deepEqual(answer.parts, [{text: 'a', thoughtSignature: 'S'}, {text: 'b'}]);
});

test('retry delays: exponential with jitter, capped, server delay honoured', t => {
	const policy = retryPolicy({baseDelayMs: 100, maxDelayMs: 1000, random: () => 0});
	t.deepEqual(
		[1, 2, 3, 4, 5].map(attempt => retryDelayMs(attempt, policy)),
		[50, 100, 200, 400, 500],
	);
	const high = retryPolicy({baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999999});
	t.is(retryDelayMs(3, high), 400);
	t.is(retryDelayMs(1, policy, 700), 700);
	t.is(retryDelayMs(1, policy, 5000), 1000, 'a server delay is capped too');
	t.throws(() => retryPolicy({maxAttempts: 0}), {message: /maxAttempts must be an integer >= 1, got 0/});
});

test('retryable statuses and server delay parsing', t => {
	t.true(isRetryableStatus(429));
	t.true(isRetryableStatus(503));
	t.true(isRetryableStatus(500));
	t.false(isRetryableStatus(400));
	t.false(isRetryableStatus(404));
	t.is(retryDelayFromErrorBody('{"error":{"details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"37s"}]}}'), 37_000);
	t.is(retryDelayFromErrorBody('{"retryDelay": "1.5s"}'), 1500);
	t.is(retryDelayFromErrorBody('{"error":{}}'), undefined);
	t.is(retryAfterHeaderMs('4'), 4000);
	t.is(retryAfterHeaderMs(new Date(10_000).toUTCString(), 4000), 6000);
	t.is(retryAfterHeaderMs('soon'), undefined);
	t.is(retryAfterHeaderMs(null), undefined);
});

test('abortableSleep rejects with an AbortError when aborted', async t => {
	const controller = new AbortController();
	const sleeping = abortableSleep(60_000, controller.signal);
	controller.abort();
	const error = await t.throwsAsync(sleeping);
	t.is(error.name, 'AbortError');
});

test('error facts read the google.rpc body', t => {
	const error = Object.assign(new Error('{"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED","details":[{"retryDelay":"3s"}]}}'), {status: 429});
	t.deepEqual(errorFacts(error), {status: 429, retryDelayMs: 3000, summary: '429 RESOURCE_EXHAUSTED: Quota exceeded'});
	const stream = new Error('got status: UNAVAILABLE. {"error":{"code":503,"message":"overloaded","status":"UNAVAILABLE"}}');
	t.is(errorFacts(stream).status, 503);
});
