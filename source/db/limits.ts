/**
 * The data layer's limits, in one place (the README's "Guarantees" lists them).
 */
import {UsageError} from '../errors.js';

/** Largest text stored in one column (model text, tool results, descriptions, error messages); the rest is cut with a marker. */
export const maxStoredTextBytes = 1024 * 1024;

/** Largest JSON value stored in one column (tool arguments, tool results, provider parts), serialized. */
export const maxStoredJsonBytes = 1024 * 1024;

/** Default time a write waits for another process's lock before giving up (a TUI and a headless run share one file). */
export const defaultWriteWaitMs = 30_000;

/** SQLite's own busy wait per statement; the recorder's retry loop repeats it up to the whole wait. */
export const maxBusyTimeoutMs = 5000;

export const writeWaitVariable = 'ECTOSMITH_DB_WAIT_SECONDS';

/** How long a write waits for a locked database: ECTOSMITH_DB_WAIT_SECONDS (decimals allowed), else 30 s. */
export function writeWaitMs(env: NodeJS.ProcessEnv = process.env): number {
	const text = env[writeWaitVariable]?.trim();
	if (!text) return defaultWriteWaitMs;
	const seconds = Number(text);
	if (!Number.isFinite(seconds) || seconds < 0) throw new UsageError(`${writeWaitVariable} must be a number of seconds (for example 30), got ${JSON.stringify(text)}.`);
	return Math.round(seconds * 1000);
}
