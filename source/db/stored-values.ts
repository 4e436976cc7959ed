/**
 * What the history tables store of a value they are given: never more than a limit, and nothing
 * SQLite's text cannot take. Pure functions; the entity types (entities/stored-types.ts) apply them
 * to every write, whoever writes.
 */
import {maxStoredJsonBytes, maxStoredTextBytes} from './limits.js';

/**
 * Stands for a NUL character in stored text. The ORM writes values into the SQL text, where a NUL
 * ends the statement; the visible U+2400 SYMBOL FOR NULL keeps its place in the text (JSON columns
 * keep the real NUL, escaped as \u0000).
 */
export const storedNul = '\u2400';

const encoder = new TextEncoder();

function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
	if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
	return `${bytes} bytes`;
}

/** The marker that ends a cut text: says how much is missing. */
export function truncationMarker(cutBytes: number, totalBytes: number): string {
	return `\n[… truncated by ectosmith: ${formatBytes(cutBytes)} of ${formatBytes(totalBytes)} not stored]`;
}

/** The first `bytes` bytes of a text's UTF-8, never splitting a character. */
function headBytes(text: string, bytes: number): string {
	// With stream: true the decoder holds back a character cut in half instead of inventing U+FFFD.
	return new TextDecoder('utf-8').decode(encoder.encode(text).subarray(0, Math.max(0, bytes)), {stream: true});
}

/** The text as stored: NUL shown as U+2400, and at most `limit` bytes of UTF-8 with a marker saying how much was cut. */
export function storableText(text: string, limit = maxStoredTextBytes): string {
	const safe = text.includes('\u0000') ? text.replaceAll('\u0000', storedNul) : text;
	// A string of n UTF-16 units takes at most 3n bytes: most texts need no counting.
	if (safe.length * 3 <= limit) return safe;
	const total = encoder.encode(safe).length;
	if (total <= limit) return safe;
	const marker = truncationMarker(total, total);
	const head = headBytes(safe, limit - encoder.encode(marker).length);
	return head + truncationMarker(total - encoder.encode(head).length, total);
}

/**
 * The JSON value as stored: unchanged when its serialization fits `limit` bytes; otherwise its long
 * strings are cut (each with a marker), keeping its shape so history can still be read and replayed;
 * if even that does not fit, an object saying what was there, with the start of its JSON.
 */
export function storableJson<T>(value: T, limit = maxStoredJsonBytes): T | TruncatedJson {
	const json = JSON.stringify(value);
	if (json === undefined || json.length * 3 <= limit) return value;
	const total = encoder.encode(json).length;
	if (total <= limit) return value;

	// The largest per-string cap that fits, by bisection on the longest string's length.
	const fits = (cap: number) => encoder.encode(JSON.stringify(capStrings(value, cap))).length <= limit;
	let low = 0;
	let high = longestString(value);
	if (!fits(0)) {
		return {truncated_by_ectosmith: true, original_bytes: total, start: headBytes(json, Math.min(64 * 1024, Math.floor(limit / 2)))};
	}

	while (low < high) {
		const middle = Math.ceil((low + high) / 2);
		if (fits(middle)) low = middle;
		else high = middle - 1;
	}

	return capStrings(value, low) as T;
}

/** What stands for a JSON value too large to keep even with its strings cut. */
export interface TruncatedJson {
	truncated_by_ectosmith: true;
	original_bytes: number;
	/** The first bytes of its JSON text. */
	start: string;
}

function longestString(value: unknown): number {
	if (typeof value === 'string') return value.length;
	if (Array.isArray(value)) return value.reduce<number>((longest, item) => Math.max(longest, longestString(item)), 0);
	if (value !== null && typeof value === 'object') return Object.values(value).reduce<number>((longest, item) => Math.max(longest, longestString(item)), 0);
	return 0;
}

// A cut must save more than its marker costs; this also keeps the stored size growing with the cap.
const cutSlack = 128;

// Strings longer than cap (+ slack) UTF-16 units keep their first cap units and a marker.
function capStrings(value: unknown, cap: number): unknown {
	if (typeof value === 'string') {
		if (value.length <= cap + cutSlack) return value;
		// Do not split a surrogate pair.
		const end = cap > 0 && /[\uD800-\uDBFF]/.test(value[cap - 1]!) ? cap - 1 : cap;
		const total = encoder.encode(value).length;
		const head = value.slice(0, end);
		return head + truncationMarker(total - encoder.encode(head).length, total);
	}

	if (Array.isArray(value)) return value.map(item => capStrings(item, cap));
	if (value !== null && typeof value === 'object') {
		// Dates and other objects with toJSON serialize as they would have.
		if (typeof (value as {toJSON?: unknown}).toJSON === 'function') return value;
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, capStrings(item, cap)]));
	}

	return value;
}
