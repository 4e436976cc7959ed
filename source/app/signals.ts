/**
 * Ctrl-C, SIGTERM and SIGHUP all mean "stop": the first one aborts the run (so the engine ends its
 * row CANCELLED and the caller stops the tool servers), a second one exits at once. The exit code
 * is 128 + the signal's number. Shared by the headless `run` and the TUI (which reads Ctrl-C from
 * the keyboard itself and passes only the signals it wants handled here).
 */
import {type ExitCodeValue, exitCodeForSignal} from '../exit-codes.js';

export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

export const STOP_SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export interface SignalCancellation {
	/** Aborted on the first stop signal. */
	readonly signal: AbortSignal;
	/** The first signal received, if any. */
	received(): StopSignal | undefined;
	/** 128 + the first signal's number, once one arrived. */
	exitCode(): ExitCodeValue | undefined;
	/** Removes the handlers (call it when the run is over). */
	dispose(): void;
}

export interface SignalOptions {
	/** Default all three. */
	signals?: readonly StopSignal[];
	/** Called on every signal (count 1 for the first); e.g. to print "Cancelling…". */
	onSignal?: (signal: StopSignal, count: number) => void;
	/** What a second signal does; default process.exit with 128 + its number. */
	onRepeat?: (signal: StopSignal) => void;
}

export function cancelOnSignals(options: SignalOptions = {}): SignalCancellation {
	const controller = new AbortController();
	let first: StopSignal | undefined;
	let count = 0;
	const handlers = new Map<StopSignal, () => void>();
	for (const name of options.signals ?? STOP_SIGNALS) {
		const handler = () => {
			count++;
			first ??= name;
			options.onSignal?.(name, count);
			if (count > 1) {
				if (options.onRepeat) options.onRepeat(name);
				else process.exit(exitCodeForSignal(name));
				return;
			}

			// Named AbortError, as abortError() makes them: a cancellation, never reported as a bug.
			controller.abort(Object.assign(new Error(`Stopped by ${name}`), {name: 'AbortError'}));
		};

		handlers.set(name, handler);
		process.on(name, handler);
	}

	return {
		signal: controller.signal,
		received: () => first,
		exitCode: () => (first === undefined ? undefined : exitCodeForSignal(first)),
		dispose() {
			for (const [name, handler] of handlers) process.off(name, handler);
			handlers.clear();
		},
	};
}
