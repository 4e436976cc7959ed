/** Waiting on ink-testing-library frames: the one copy the UI tests share. */

export const tick = (ms = 300) => new Promise(resolve => setTimeout(resolve, ms));

export async function until(frame: () => string | undefined, pattern: RegExp, what: string, timeoutMs = 60_000): Promise<string> {
	for (let waited = 0; waited < timeoutMs; waited += 50) {
		const text = frame() ?? '';
		if (pattern.test(text)) {
			// Ink subscribes the key handlers of a new frame in effects: let them settle before the next key.
			await tick();
			return text;
		}
		await tick(50);
	}

	throw new Error(`Timed out waiting for ${what}. Last frame:\n${frame()}`);
}

/** One write (a key, or text in one chunk as a paste would arrive), then waits for the frame to change and its key handlers to follow. */
export async function press(app: {lastFrame: () => string | undefined; stdin: {write: (data: string) => unknown}}, sequence: string): Promise<void> {
	const before = app.lastFrame();
	app.stdin.write(sequence);
	for (let waited = 0; app.lastFrame() === before && waited < 10_000; waited += 20) await tick(20);
	// Ink subscribes the new render's key handlers in an effect after the frame.
	await tick(250);
}
