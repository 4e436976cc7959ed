/**
 * The scripted provider: plays a recorded conversation (fixtures/conversations/*.json) turn by
 * turn, for tests and demos. Text is streamed in a few deltas like a live model; "${project_path}"
 * in the script becomes the run's project path, so one fixture works on any temp project.
 */

import {abortError} from '../abort-error.js';
import {type LlmProvider, type ModelTurn, type NextTurnRequest, ProviderError} from './provider.js';
import {fillProjectPath, loadScriptFixture, parseScriptFixture, type ScriptFixture} from './scripted-fixture.js';

export class ScriptedProvider implements LlmProvider {
	readonly name = 'scripted' as const;
	readonly model: string;
	readonly description?: string;
	private readonly turns: ScriptFixture['turns'];
	private readonly source: string;
	private played = 0;

	/** From a fixture file, or a fixture object (validated the same way). */
	constructor(script: string | ScriptFixture | Record<string, unknown>) {
		const fixture = typeof script === 'string' ? loadScriptFixture(script) : parseScriptFixture(script);
		this.source = typeof script === 'string' ? script : 'the script';
		this.model = fixture.model;
		this.description = fixture.description;
		this.turns = fixture.turns;
	}

	/** Turns not played yet. */
	get remaining(): number {
		return this.turns.length - this.played;
	}

	async nextTurn(request: NextTurnRequest): Promise<ModelTurn> {
		const {signal} = request;
		if (signal?.aborted) throw abortError(signal);
		const index = this.played;
		const scripted = this.turns[index];
		if (!scripted) {
			throw new ProviderError(`Scripted conversation ${this.source} has only ${this.turns.length} model turns; turn ${index + 1} was asked for.`);
		}
		const where = `${this.source} turns[${index}]`;
		const text = fillProjectPath(scripted.text, request.projectPath, where);
		const functionCalls = fillProjectPath(scripted.functionCalls, request.projectPath, where);
		this.played++;

		for (const delta of splitForStreaming(text)) {
			// A macrotask between deltas, so a cancel arriving meanwhile is seen, as with a live stream.
			await new Promise(resolve => setImmediate(resolve));
			if (signal?.aborted) throw abortError(signal);
			request.onTextDelta?.(delta);
		}
		if (signal?.aborted) throw abortError(signal);
		return {
			text,
			functionCalls,
			finishReason: scripted.finishReason ?? 'STOP',
			...(scripted.usage ? {usage: {...scripted.usage}} : {}),
		};
	}
}

/** About three pieces, cut after spaces so words stay whole; joined they give the text back. */
export function splitForStreaming(text: string): string[] {
	if (text.length === 0) return [];
	const size = Math.max(1, Math.ceil(text.length / 3));
	const pieces: string[] = [];
	let start = 0;
	while (start < text.length) {
		let end = Math.min(text.length, start + size);
		const space = text.indexOf(' ', end);
		if (end < text.length && space !== -1 && space - end < 20) end = space + 1;
		pieces.push(text.slice(start, end));
		start = end;
	}
	return pieces;
}
