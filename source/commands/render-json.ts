/** `run --json`: one engine event per line, as JSON, for scripts and pipes. */
import type {EngineEvent, EngineEventListener} from '../engine/events.js';
import {terminalSafeJson} from '../terminal/safe-json.js';

export {terminalSafeJson} from '../terminal/safe-json.js';

export interface LineSink {
	write(chunk: string): unknown;
}

export function createJsonRenderer(out: LineSink): EngineEventListener {
	return (event: EngineEvent) => {
		out.write(`${terminalSafeJson(event)}\n`);
	};
}
