import {backoffMs, retry, type Sleep} from '../retry.js';
import {isBusyError} from './database-error.js';

/**
 * Runs a database operation again while another process holds the lock, with a backoff (25 ms
 * doubling to 1 s, jittered so waiting writers do not come back together), for up to `waitMs` in
 * all. Each try also waits in SQLite itself (busy_timeout), which cannot help in every case: a
 * transaction that read first cannot take the lock once another writer committed. The operation
 * must be safe to repeat: a failed try rolled back.
 */
export async function retryWhileBusy<T>(operation: () => Promise<T>, options: {waitMs: number; sleep?: Sleep; now?: () => number}): Promise<T> {
	return retry(operation, {
		withinMs: options.waitMs,
		retries: isBusyError,
		delayMs: failures => backoffMs(failures, {baseMs: 25, maxMs: 1000}),
		...(options.sleep === undefined ? {} : {sleep: options.sleep}),
		...(options.now === undefined ? {} : {now: options.now}),
	});
}
