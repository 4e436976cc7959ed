import test from 'ava';
import {DatabaseError} from '../../source/db/database-error.js';
import {retryWhileBusy} from '../../source/db/retry-busy.js';

test('a busy database is tried again within the wait, on an injected clock; other errors at once', async t => {
	let now = 0;
	const sleeps: number[] = [];
	const clock = {
		now: () => now,
		sleep: async (ms: number) => {
			sleeps.push(ms);
			now += ms;
		},
	};
	let calls = 0;
	const busy = () => Object.assign(new Error('SQLITE_BUSY: database is locked'), {code: 'SQLITE_BUSY'});
	t.is(await retryWhileBusy(async () => (++calls < 4 ? Promise.reject(busy()) : 'written'), {waitMs: 10_000, ...clock}), 'written');
	t.is(sleeps.length, 3);
	t.true(
		sleeps.every((ms, index) => ms >= 25 * 2 ** index * 0.5 && ms <= 25 * 2 ** index),
		String(sleeps),
	);

	sleeps.length = 0;
	await t.throwsAsync(
		retryWhileBusy(async () => Promise.reject(new DatabaseError('refused')), {waitMs: 10_000, ...clock}),
		{message: 'refused'},
	);
	t.deepEqual(sleeps, []);

	now = 0;
	await t.throwsAsync(
		retryWhileBusy(async () => Promise.reject(busy()), {waitMs: 100, ...clock}),
		{message: /SQLITE_BUSY/},
	);
	t.is(now, 100, 'gives up once the wait is spent, the last sleep cut to what was left');
});
