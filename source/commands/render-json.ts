/** `run --json`: one engine event per line, as JSON, for scripts and pipes. */
import type {EngineEvent, EngineEventListener} from '../engine/events.js';
import {terminalSafeJson} from '../terminal/safe-json.js';
import {readCheckResult} from '../tool-results/check-result.js';

export {terminalSafeJson} from '../terminal/safe-json.js';

export interface LineSink {
	write(chunk: string): unknown;
}

export function createJsonRenderer(out: LineSink): EngineEventListener {
	return (event: EngineEvent) => {
		out.write(`${terminalSafeJson(event)}\n`);
		// A check_project result also comes as one check_step line per step, then check_finished.
		const checked = event.type === 'tool_call_finished' ? readCheckResult(event.structuredContent) : undefined;
		if (checked === undefined || event.type !== 'tool_call_finished') return;
		for (const step of checked.steps) out.write(`${terminalSafeJson({type: 'check_step', executionId: event.executionId, messageId: event.messageId, ...step})}\n`);
		out.write(`${terminalSafeJson({type: 'check_finished', executionId: event.executionId, messageId: event.messageId, status: checked.status, summary: checked.summary})}\n`);
	};
}
