/**
 * A live run's events as the record stores them (records/writer.ts): every string scrubbed of the
 * known secret values, a streamed reply too, whose pieces could split a secret in two. For any
 * renderer of the engine's events (the headless run, the TUI); it knows them only by their shape.
 */
import {scrubSecretStrings, scrubSecrets, secretList} from './redact.js';

/**
 * Scrubs text that arrives in pieces (a model's streamed reply): what could be the start of a
 * secret is held back until the next piece shows whether it is one; `flush` gives the rest.
 */
export class StreamScrubber {
	private pending = '';

	constructor(private readonly secrets: () => Iterable<string>) {}

	push(piece: string): string {
		const list = secretList(this.secrets());
		const text = scrubSecrets(this.pending + piece, list);
		let held = 0;
		for (const secret of list) {
			for (let length = Math.min(secret.length - 1, text.length); length > held; length--) {
				if (text.endsWith(secret.slice(0, length))) {
					held = length;
					break;
				}
			}
		}

		this.pending = text.slice(text.length - held);
		return text.slice(0, text.length - held);
	}

	flush(): string {
		const rest = this.pending;
		this.pending = '';
		return scrubSecrets(rest, this.secrets());
	}
}

type Delta = {type: 'text_delta'; delta: string};

/** The listener, given every event scrubbed; streamed text (`text_delta`) held back as StreamScrubber does. */
export function scrubbedEvents<E extends {type: string}>(listener: (event: E) => void, secrets: () => string[]): (event: E) => void {
	const stream = new StreamScrubber(secrets);
	let last: (E & Delta) | undefined;
	return (event: E) => {
		if (event.type === 'text_delta') {
			last = event as E & Delta;
			const delta = stream.push(last.delta);
			if (delta !== '') listener({...last, delta});
			return;
		}

		// What was held back ends the streamed message, before anything else is drawn.
		const rest = stream.flush();
		if (rest !== '' && last) listener({...last, delta: rest});
		last = undefined;
		listener(scrubSecretStrings(event, secrets()));
	};
}
