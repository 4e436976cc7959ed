/**
 * Waiting on ink-testing-library frames: the one copy the UI tests share. Every wait is for a
 * signal: a frame that matches, or React's scheduler having run what a key queued. None sleeps.
 */
import {createRequire} from 'node:module';
import {stripVTControlCharacters} from 'node:util';
import chalk from 'chalk';
import {render as renderInk} from 'ink-testing-library';
import type {ReactElement} from 'react';

interface Scheduler {
	unstable_scheduleCallback(priority: number, callback: () => void): unknown;
	unstable_IdlePriority: number;
}

// The scheduler instance react-reconciler (and so Ink) queues its work on: one copy in node_modules.
const scheduler = createRequire(import.meta.url)('scheduler') as Scheduler;

/**
 * Resolves once React has run everything queued before it: renders, their passive effects, and so
 * the key handlers a new frame subscribes (Ink's useInput subscribes in an effect). Idle priority
 * runs after every normal-priority task, including those queued by the effects it waited on.
 */
export function settled(): Promise<void> {
	return new Promise(resolve => {
		scheduler.unstable_scheduleCallback(scheduler.unstable_IdlePriority, resolve);
	});
}

// A selection or a focus often shows only as colour or inverse: the frames keep their styling, so
// that a key which moves it changes the frame. (Ink's one chalk instance; off without a terminal.)
chalk.level = 1;

export interface RenderedUi extends ReturnType<typeof renderInk> {
	/** The frame as text, its styling removed: what patterns are matched against. */
	lastFrame: () => string | undefined;
	/** The frame with its colours and attributes. */
	styledFrame: () => string | undefined;
}

/** ink-testing-library's render, with frames read as text and kept styled for `press`. */
export function render(tree: ReactElement): RenderedUi {
	const app = renderInk(tree);
	const styledFrame = app.lastFrame;
	return {...app, styledFrame, lastFrame: () => stripVTControlCharacters(styledFrame() ?? '')};
}

/** Waits until the frame matches (work the app does off the key: a database read, a tool call), then until React has settled. */
export async function until(frame: () => string | undefined, pattern: RegExp, what: string, timeoutMs = 60_000): Promise<string> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		await settled();
		const text = frame() ?? '';
		if (pattern.test(text)) return text;
		if (Date.now() > end) throw new Error(`Timed out waiting for ${what}. Last frame:\n${text}`);
		await new Promise(resolve => setTimeout(resolve, 20));
	}
}

interface Driven {
	lastFrame: () => string | undefined;
	styledFrame?: () => string | undefined;
	stdin: {write: (data: string) => unknown};
}

const frameOf = (app: Driven) => (app.styledFrame ?? app.lastFrame)();

/** Writes one chunk (a key, or text as a paste delivers it) and waits until React has handled it. */
export async function send(app: Driven, sequence: string): Promise<void> {
	app.stdin.write(sequence);
	await settled();
}

/**
 * A key that must show at once: fails the test when the frame is the same once React has handled
 * it. A key whose effect comes later (after a read or a call) is `send` followed by `until`.
 */
export async function press(app: Driven, sequence: string): Promise<void> {
	const before = frameOf(app);
	await send(app, sequence);
	if (frameOf(app) === before) throw new Error(`The key ${JSON.stringify(sequence)} changed nothing on the screen:\n${before}`);
}

/** A key that must be ignored: fails the test when it changes the frame. */
export async function pressIgnored(app: Driven, sequence: string): Promise<void> {
	const before = frameOf(app);
	await send(app, sequence);
	if (frameOf(app) !== before) throw new Error(`The key ${JSON.stringify(sequence)} should change nothing; the screen became:\n${app.lastFrame()}`);
}
