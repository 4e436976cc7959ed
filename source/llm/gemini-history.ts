/**
 * Rebuilds the Gemini `contents` from the provider-neutral history.
 * A model item with `raw` parts goes back verbatim (thought signatures must return unchanged or
 * Gemini refuses the next turn); a tool item becomes one user Content of functionResponse parts.
 * Gemini requires every function call to be answered in the very next content, so a call left
 * without a result (a run cut short, then continued) gets an explicit error response.
 */
import type {Content, Part} from '@google/genai';
import {isRecord} from '../is-record.js';
import type {ConversationItem, FunctionCall, FunctionResult} from './provider.js';

const MISSING_RESULT = 'No result: the call was not completed (the run stopped before the tool answered).';

export function toGeminiContents(history: ConversationItem[]): Content[] {
	const contents: Content[] = [];
	for (let index = 0; index < history.length; index++) {
		const item = history[index]!;
		if (item.role === 'user') {
			contents.push({role: 'user', parts: [{text: item.text}]});
			continue;
		}
		if (item.role === 'tool') {
			// Results already paired with the model turn before them are consumed there.
			contents.push({role: 'user', parts: item.results.map(functionResponsePart)});
			continue;
		}
		const parts = modelParts(item);
		if (parts.length === 0) continue;
		contents.push({role: 'model', parts});
		const calls = callsOf(parts);
		if (calls.length === 0) continue;
		const next = history[index + 1];
		const results = next?.role === 'tool' ? next.results : [];
		if (next?.role === 'tool') index++;
		contents.push({role: 'user', parts: pairResults(calls, results).map(functionResponsePart)});
	}
	return contents;
}

/** The model's parts: `raw` when it holds Gemini parts, else rebuilt from text and calls. */
export function modelParts(item: Extract<ConversationItem, {role: 'model'}>): Part[] {
	const raw = rawParts(item.raw);
	if (raw) return raw;
	const parts: Part[] = [];
	if (item.text.length > 0) parts.push({text: item.text});
	for (const call of item.functionCalls) {
		parts.push({functionCall: {...(call.id ? {id: call.id} : {}), name: call.name, args: call.args}});
	}
	return parts;
}

/** Accepts `Part[]` or a `Content` ({role, parts}); anything else is not Gemini's and is ignored. */
export function rawParts(raw: unknown): Part[] | undefined {
	const parts = Array.isArray(raw) ? raw : isRecord(raw) && Array.isArray(raw['parts']) ? raw['parts'] : undefined;
	if (!parts || parts.length === 0 || !parts.every(isRecord)) return undefined;
	return structuredClone(parts) as Part[];
}

export function functionResponsePart(result: FunctionResult): Part {
	const {text, structuredContent, isError} = result.response;
	const response: Record<string, unknown> = isError ? {error: text} : {output: text, ...(structuredContent === undefined ? {} : {structured: structuredContent})};
	return {functionResponse: {...(result.id ? {id: result.id} : {}), name: result.name, response}};
}

function callsOf(parts: Part[]): FunctionCall[] {
	return parts.flatMap(part => (part.functionCall?.name ? [{...(part.functionCall.id ? {id: part.functionCall.id} : {}), name: part.functionCall.name, args: part.functionCall.args ?? {}}] : []));
}

/**
 * One result per call, in call order: matched by id when both have one, else by name in order.
 * Results that match no call are kept at the end (Gemini then says what is wrong).
 */
function pairResults(calls: FunctionCall[], results: FunctionResult[]): FunctionResult[] {
	const left = [...results];
	const paired = calls.map(call => {
		let at = call.id ? left.findIndex(result => result.id === call.id) : -1;
		if (at === -1) at = left.findIndex(result => result.name === call.name && (!result.id || !call.id));
		if (at === -1) {
			return {...(call.id ? {id: call.id} : {}), name: call.name, response: {text: MISSING_RESULT, isError: true}};
		}
		const result = left.splice(at, 1)[0]!;
		// Gemini pairs by id when the call had one.
		return call.id && !result.id ? {...result, id: call.id} : result;
	});
	return [...paired, ...left];
}
