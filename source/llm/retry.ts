/**
 * Retry timing for provider requests (the loop itself is ../retry.ts): exponential backoff with
 * jitter, a server-given delay (google.rpc.RetryInfo `retryDelay`, or a Retry-After header) wins
 * when there is one. Sleep and randomness are injectable so tests run fast and deterministically.
 */
import {abortableSleep, backoffMs, type Sleep} from '../retry.js';

export {abortableSleep} from '../retry.js';

export interface RetryOptions {
	/** Tries in all, the first one included. */
	maxAttempts?: number;
	/** Delay before the second try; doubles each time. */
	baseDelayMs?: number;
	/** Cap for computed delays and for server-given ones. */
	maxDelayMs?: number;
	sleep?: Sleep;
	/** A number in [0, 1), for jitter. */
	random?: () => number;
}

export type RetryPolicy = Required<RetryOptions>;

export const defaultRetryPolicy: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 1000,
	maxDelayMs: 60_000,
	sleep: abortableSleep,
	random: Math.random,
};

export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
	const policy = {...defaultRetryPolicy, ...stripUndefined(options)};
	if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
		throw new RangeError(`retry maxAttempts must be an integer >= 1, got ${policy.maxAttempts}`);
	}
	return policy;
}

/**
 * Delay before try number `attempt + 1` (attempt counts from 1). Full backoff is
 * base * 2^(attempt-1); jitter keeps it between half and all of that, so clients that failed
 * together do not come back together. A server-given delay is honoured (never shortened).
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, serverDelayMs?: number): number {
	if (serverDelayMs !== undefined && serverDelayMs >= 0) return Math.min(policy.maxDelayMs, serverDelayMs);
	return backoffMs(attempt, {baseMs: policy.baseDelayMs, maxMs: policy.maxDelayMs, random: policy.random});
}

/** HTTP statuses worth another try: rate limits, timeouts and server-side failures. */
export function isRetryableStatus(status: number | undefined): boolean {
	return status === 429 || status === 408 || (status !== undefined && status >= 500 && status <= 599);
}

/** A Retry-After header value (seconds, or an HTTP date) in ms from `now`. */
export function retryAfterHeaderMs(value: string | null | undefined, now = Date.now()): number | undefined {
	if (!value) return undefined;
	const trimmed = value.trim();
	if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function isAbortError(error: unknown): boolean {
	return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

function stripUndefined<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
