/**
 * `--record FILE`: wraps a live provider and saves the session, after every turn, in the scripted
 * provider's fixture format, so a real conversation becomes a replayable test fixture.
 * The run's project path is written as "${project_path}" so the fixture replays on any project.
 */
import {existsSync, statSync} from 'node:fs';
import {UsageError} from '../errors.js';
import type {LlmProvider, ModelTurn, NextTurnRequest} from './provider.js';
import {abstractProjectPath, loadScriptFixture, type ScriptFixture, type ScriptTurn, writeScriptFixture} from './scripted-fixture.js';

export class RecordingProvider implements LlmProvider {
	readonly name: LlmProvider['name'];
	readonly model: string;
	private readonly turns: ScriptTurn[] = [];
	private description?: string;

	constructor(
		private readonly inner: LlmProvider,
		readonly file: string,
	) {
		this.name = inner.name;
		this.model = inner.model;
	}

	async nextTurn(request: NextTurnRequest): Promise<ModelTurn> {
		const turn = await this.inner.nextTurn(request);
		this.description ??= describe(this.inner, request);
		this.turns.push(
			abstractProjectPath(
				{
					text: turn.text,
					functionCalls: turn.functionCalls.map(call => ({...(call.id ? {id: call.id} : {}), name: call.name, args: call.args})),
					...(turn.finishReason ? {finishReason: turn.finishReason} : {}),
					...(turn.usage ? {usage: turn.usage} : {}),
				},
				request.projectPath,
			),
		);
		const fixture: ScriptFixture = {
			provider: 'scripted',
			model: this.model,
			description: this.description,
			turns: this.turns,
		};
		writeScriptFixture(this.file, fixture);
		return turn;
	}
}

function describe(inner: LlmProvider, request: NextTurnRequest): string {
	const first = request.history.find(item => item.role === 'user');
	const query = first && first.role === 'user' ? (first.description ?? first.text) : '';
	const short = query.length > 200 ? `${query.slice(0, 197)}...` : query;
	return `Recorded from ${inner.name} (${inner.model}) on ${new Date().toISOString().slice(0, 10)}: ${short}`.trim();
}

/**
 * `--record FILE` replaces only its own kind: a missing file, or one that is a recorded
 * conversation already; anything else needs --force (it may be the user's own file).
 */
export function checkRecordTarget(file: string, options: {force?: boolean} = {}): void {
	if (options.force || !existsSync(file)) return;
	if (statSync(file).isDirectory()) throw new UsageError(`--record ${file} is a folder: give a file name for the recording.`);
	try {
		loadScriptFixture(file);
	} catch {
		throw new UsageError(`--record ${file}: the file exists and is not an ectosmith recording. Pass --force to replace it, or choose another file.`);
	}
}
