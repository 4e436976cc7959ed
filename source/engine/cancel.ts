/**
 * Aborting a run: the Cancelled error that unwinds it, the texts a cancelled call or approval is
 * answered with, and the two signal helpers (a bounded grace for a write under way, a race for a
 * hook that ignores the signal).
 */
export const CANCELLED_MESSAGE = 'Cancelled by the user.';
export const CANCELLED_TOOL_TEXT = 'Cancelled by the user before the tool answered.';
export const CANCELLED_APPROVAL_TEXT = 'Cancelled by the user before the change was approved; nothing was written.';
export const DEFAULT_WRITE_GRACE_MS = 20_000;

export class Cancelled extends Error {
	constructor() {
		super(CANCELLED_MESSAGE);
		this.name = 'Cancelled';
	}
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw new Cancelled();
}

/** A signal that aborts `graceMs` after `signal` does (a bounded wait for a write under way). */
export function graceSignal(signal: AbortSignal | undefined, graceMs: number): {signal: AbortSignal; dispose(): void} | undefined {
	if (!signal) return undefined;
	const controller = new AbortController();
	let timer: NodeJS.Timeout | undefined;
	const start = () => {
		timer = setTimeout(() => controller.abort(signal.reason), graceMs);
	};

	if (signal.aborted) start();
	else signal.addEventListener('abort', start, {once: true});
	return {
		signal: controller.signal,
		dispose() {
			clearTimeout(timer);
			signal.removeEventListener('abort', start);
		},
	};
}

/** The promise, or a rejection as soon as the signal aborts (a hook that ignores the signal). */
export async function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
	if (!signal) return promise;
	signal.throwIfAborted();
	let onAbort: (() => void) | undefined;
	const aborted = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(new Cancelled());
		signal.addEventListener('abort', onAbort, {once: true});
	});
	try {
		return await Promise.race([promise, aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort!);
	}
}
