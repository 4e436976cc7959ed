/**
 * Merges the chunks of one streamed Gemini answer into a single model turn.
 * Consecutive text parts of the same kind (thought or not) are concatenated; a thoughtSignature
 * is kept on the part that carried it and closes that part, so the parts sent back later are
 * the ones Gemini produced. Function call parts are kept whole, in order.
 */
import type {GenerateContentResponse, Part} from '@google/genai';
import type {FunctionCall, TokenUsage} from './provider.js';

export class TurnAccumulator {
	readonly parts: Part[] = [];
	finishReason?: string;
	usage?: TokenUsage;
	blockReason?: string;
	chunkCount = 0;

	/** Adds one chunk; returns the visible (non-thought) text it brought, for onTextDelta. */
	add(chunk: GenerateContentResponse): string {
		this.chunkCount++;
		const candidate = chunk.candidates?.[0];
		let visible = '';
		for (const part of candidate?.content?.parts ?? []) {
			if (typeof part.text === 'string' && !part.thought) visible += part.text;
			this.addPart(part);
		}
		if (candidate?.finishReason) this.finishReason = String(candidate.finishReason);
		if (chunk.promptFeedback?.blockReason) this.blockReason = String(chunk.promptFeedback.blockReason);
		const usage = chunk.usageMetadata;
		if (usage) {
			const prompt = usage.promptTokenCount ?? 0;
			// Thinking tokens are billed as output, so they count here.
			const output = (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0);
			this.usage = {promptTokens: prompt, outputTokens: output, totalTokens: usage.totalTokenCount ?? prompt + output};
		}
		return visible;
	}

	get text(): string {
		return this.parts.map(part => (typeof part.text === 'string' && !part.thought ? part.text : '')).join('');
	}

	get functionCalls(): FunctionCall[] {
		return this.parts.flatMap(part => {
			const call = part.functionCall;
			if (!call?.name) return [];
			return [{...(call.id ? {id: call.id} : {}), name: call.name, args: call.args ?? {}}];
		});
	}

	/** True when the answer has nothing in it: no text, no call, no other part. */
	get isEmpty(): boolean {
		return this.parts.every(part => Object.keys(part).length === 0 || (part.text === '' && !part.thoughtSignature));
	}

	private addPart(part: Part): void {
		const copy = structuredClone(part);
		const last = this.parts.at(-1);
		const mergeable = last !== undefined && isTextPart(last) && isTextPart(copy) && Boolean(last.thought) === Boolean(copy.thought) && !last.thoughtSignature;
		if (mergeable) {
			last.text = (last.text ?? '') + (copy.text ?? '');
			if (copy.thoughtSignature) last.thoughtSignature = copy.thoughtSignature;
			return;
		}
		this.parts.push(copy);
	}
}

/** A part that is only text (with optional thought flag and signature), safe to concatenate. */
function isTextPart(part: Part): boolean {
	return typeof part.text === 'string' && Object.keys(part).every(key => key === 'text' || key === 'thought' || key === 'thoughtSignature');
}
