import test from 'ava';
import {abortableSleep, backoffMs, retry} from '../source/retry.js';

/** A clock that moves only when the loop sleeps: no test waits on the real one. */
function fakeClock() {
	let now = 0;
	const sleeps: number[] = [];
	return {
		sleeps,
		now: () => now,
		sleep: async (ms: number) => {
			sleeps.push(ms);
			now += ms;
		},
	};
}

test('retries while the error is worth it, up to the attempts, then throws the last error', async t => {
	const clock = fakeClock();
	const tried: number[] = [];
	const error = await t.throwsAsync(
		retry(
			async attempt => {
				tried.push(attempt);
				throw new Error(`try ${attempt}`);
			},
			{attempts: 3, retries: () => true, delayMs: failures => failures * 10, ...clock},
		),
	);
	t.is(error.message, 'try 3');
	t.deepEqual(tried, [1, 2, 3]);
	t.deepEqual(clock.sleeps, [10, 20]);
});

test('an error that is not retried is thrown at once; a success returns its value', async t => {
	const clock = fakeClock();
	await t.throwsAsync(
		retry(async () => Promise.reject(new TypeError('bug')), {retries: error => !(error instanceof TypeError), delayMs: () => 5, ...clock}),
		{
			instanceOf: TypeError,
		},
	);
	t.deepEqual(clock.sleeps, []);
	let calls = 0;
	const value = await retry(async () => (++calls < 3 ? Promise.reject(new Error('busy')) : 'done'), {retries: () => true, delayMs: () => 5, ...clock});
	t.is(value, 'done');
	t.deepEqual(clock.sleeps, [5, 5]);
});

test('withinMs bounds the whole wait: the last sleep is cut to what is left, then it gives up', async t => {
	const clock = fakeClock();
	let calls = 0;
	await t.throwsAsync(
		retry(
			async () => {
				calls++;
				throw new Error('locked');
			},
			{withinMs: 100, retries: () => true, delayMs: () => 40, ...clock},
		),
		{message: 'locked'},
	);
	t.deepEqual(clock.sleeps, [40, 40, 20]);
	t.is(calls, 4);
});

test('backoffMs doubles from the base, is capped, and jitters between half and all of it', t => {
	const low = {baseMs: 100, maxMs: 1000, random: () => 0};
	t.deepEqual(
		[1, 2, 3, 4, 5].map(failures => backoffMs(failures, low)),
		[50, 100, 200, 400, 500],
	);
	t.is(backoffMs(3, {...low, random: () => 0.999999}), 400);
});

test('the default sleep rejects with an AbortError when the signal aborts', async t => {
	const controller = new AbortController();
	const waiting = retry(async () => Promise.reject(new Error('again')), {retries: () => true, delayMs: () => 60_000, signal: controller.signal});
	setImmediate(() => controller.abort());
	const error = await t.throwsAsync(waiting);
	t.is(error.name, 'AbortError');
	await t.throwsAsync(abortableSleep(10, AbortSignal.abort()), {name: 'AbortError'});
});
