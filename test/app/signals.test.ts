import test from 'ava';
import {cancelOnSignals} from '../../source/app/signals.js';

// process.emit runs the handlers in this process without sending a real signal.
test.serial('the first SIGTERM aborts with exit code 143; a second one goes to onRepeat; dispose removes the handlers', t => {
	const repeats: string[] = [];
	const before = process.listenerCount('SIGTERM');
	const stop = cancelOnSignals({onRepeat: signal => repeats.push(signal)});
	t.is(process.listenerCount('SIGTERM'), before + 1);
	t.false(stop.signal.aborted);
	process.emit('SIGTERM', 'SIGTERM');
	t.true(stop.signal.aborted);
	t.is(stop.received(), 'SIGTERM');
	t.is(stop.exitCode(), 143);
	process.emit('SIGHUP', 'SIGHUP');
	t.deepEqual(repeats, ['SIGHUP']);
	t.is(stop.exitCode(), 143, 'the first signal decides the exit code');
	stop.dispose();
	t.is(process.listenerCount('SIGTERM'), before);
});

test.serial('SIGHUP alone exits 129, SIGINT 130', t => {
	for (const [signal, code] of [
		['SIGHUP', 129],
		['SIGINT', 130],
	] as const) {
		const stop = cancelOnSignals({signals: [signal], onRepeat() {}});
		process.emit(signal, signal);
		t.is(stop.exitCode(), code);
		stop.dispose();
	}
});
