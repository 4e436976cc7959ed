/**
 * The events of a live run as the record stores them: every string scrubbed of the known secret
 * values (see records/writer.ts), a streamed reply too, whose pieces could split a secret in two.
 */
import type {EngineEvent, EngineEventListener} from '../engine/events.js';
import {StreamScrubber, scrubSecretStrings} from '../log/redact.js';

export function scrubbedEvents(listener: EngineEventListener, secrets: () => string[]): EngineEventListener {
	const stream = new StreamScrubber(secrets);
	let last: Extract<EngineEvent, {type: 'text_delta'}> | undefined;
	return (event: EngineEvent) => {
		if (event.type === 'text_delta') {
			last = event;
			const delta = stream.push(event.delta);
			if (delta !== '') listener({...event, delta});
			return;
		}

		// What was held back ends with the streamed message, before anything else is drawn.
		const rest = stream.flush();
		if (rest !== '' && last) listener({...last, delta: rest});
		last = undefined;
		listener(scrubSecretStrings(event, secrets()));
	};
}
