/**
 * A tool server's way out. A write that has started committing is allowed to finish (each file is
 * atomic and a failed call restores what it wrote, but a call stopped between two files would
 * leave half its files); no write starts once the server is stopping; anything else in flight
 * (a call waiting for the project lock, an Elixir parse) is abandoned with nothing written.
 */
import {stopElixirCheck} from './parse-check.js';
import {WriteRefusedError} from './safe-writer.js';

let stopping = false;
const commits = new Set<Promise<unknown>>();
const calls = new Set<Promise<unknown>>();

/** Registers a tool call in flight, so that a client closing stdin still gets its answers. */
export async function trackCall<T>(call: Promise<T>): Promise<T> {
	calls.add(call);
	try {
		return await call;
	} finally {
		calls.delete(call);
	}
}

/** Resolves when the calls in flight have answered, or after `graceMs`. */
export async function callsAnswered(graceMs: number): Promise<void> {
	await settledOrTimeout(calls, graceMs);
}

/** Runs a commit unless the server is stopping; stopping waits for it. */
export async function commitUnlessStopping<T>(commit: () => Promise<T>): Promise<T> {
	if (stopping) throw new WriteRefusedError('The tool server is shutting down; the call was not carried out.');
	const running = commit();
	commits.add(running);
	try {
		return await running;
	} finally {
		commits.delete(running);
	}
}

/**
 * Stops new commits and resolves when the running ones have finished, or after `graceMs`; the warm
 * Elixir process of the parse check ends with them (a call still before its commit is refused).
 */
export async function stopCommits(graceMs: number): Promise<void> {
	stopping = true;
	await settledOrTimeout(commits, graceMs);
	stopElixirCheck();
}

async function settledOrTimeout(running: Set<Promise<unknown>>, graceMs: number): Promise<void> {
	let timer: NodeJS.Timeout | undefined;
	await Promise.race([
		Promise.allSettled([...running]),
		new Promise(resolve => {
			timer = setTimeout(resolve, graceMs);
		}),
	]);
	clearTimeout(timer);
}
