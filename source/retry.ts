/**
 * The one retry loop (Gemini requests, a busy database, two processes opening a new database, a
 * tool server that died at start): try until the operation succeeds, a failure is not worth another
 * try, or the tries or the time run out; then the last error is thrown as it is. Sleep and clock
 * are injectable, so tests never wait.
 */
import {abortError} from './abort-error.js';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryLoopOptions {
	/** Tries in all, the first included; default no limit (then `withinMs` or `retries` ends it). */
	attempts?: number;
	/** Give up once this long has passed since the first try; a wait is cut to what is left. */
	withinMs?: number;
	/** Whether the n-th failure (from 1) is worth another try. */
	retries(error: unknown, failures: number): boolean;
	/** The wait after the n-th failure, before the next try. */
	delayMs(failures: number, error: unknown): number;
	sleep?: Sleep;
	now?: () => number;
	/** Aborts a wait (the default sleep rejects with an AbortError). */
	signal?: AbortSignal;
}

export async function retry<T>(operation: (attempt: number) => Promise<T>, options: RetryLoopOptions): Promise<T> {
	const {attempts = Number.POSITIVE_INFINITY, sleep = abortableSleep, now = Date.now} = options;
	const started = now();
	for (let attempt = 1; ; attempt++) {
		try {
			return await operation(attempt);
		} catch (error) {
			const left = options.withinMs === undefined ? Number.POSITIVE_INFINITY : options.withinMs - (now() - started);
			if (attempt >= attempts || left <= 0 || !options.retries(error, attempt)) throw error;
			const delay = Math.min(left, options.delayMs(attempt, error));
			if (delay > 0) await sleep(delay, options.signal);
		}
	}
}

/**
 * Exponential backoff with jitter: base * 2^(n-1) after the n-th failure, capped at max, then kept
 * between half and all of it, so clients that failed together do not come back together.
 */
export function backoffMs(failures: number, options: {baseMs: number; maxMs: number; random?: () => number}): number {
	const full = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, failures - 1));
	return Math.round(full * (0.5 + (options.random ?? Math.random)() * 0.5));
}

/** Sleeps, or rejects with an AbortError as soon as the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) {
			reject(abortError(signal));
			return;
		}

		const onAbort = () => {
			clearTimeout(timer);
			reject(abortError(signal!));
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, {once: true});
	});
}
