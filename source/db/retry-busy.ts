import {setTimeout as sleep} from 'node:timers/promises';
import {isBusyError} from './database-error.js';

/**
 * Runs a database operation again while another process holds the lock, with a backoff (25 ms
 * doubling to 1 s, jittered so waiting writers do not come back together), for up to `waitMs` in
 * all. Each try also waits in SQLite itself (busy_timeout), which cannot help in every case: a
 * transaction that read first cannot take the lock once another writer committed. The operation
 * must be safe to repeat: a failed try rolled back.
 */
export async function retryWhileBusy<T>(operation: () => Promise<T>, options: {waitMs: number}): Promise<T> {
	const started = Date.now();
	let delay = 25;
	for (;;) {
		try {
			return await operation();
		} catch (error) {
			const left = options.waitMs - (Date.now() - started);
			if (!isBusyError(error) || left <= 0) throw error;
			await sleep(Math.min(left, delay * (0.5 + Math.random() / 2)));
			delay = Math.min(delay * 2, 1000);
		}
	}
}
