/**
 * The one secret scrubber. Two strengths: `redact` for log lines, provider errors and server stderr
 * (known secret values, also URL-encoded, and secret-looking keys and token patterns), and
 * `scrubSecrets` for the record and what is read out of it (show, export, replay): only the known
 * secret values, since a recorded file that merely looks like a secret (`password: "x"`) must stay
 * as it was, or undo would restore a corruption.
 */
import {isRecord} from '../is-record.js';

export const REDACTED = '[REDACTED]';

/** Values shorter than this are not treated as secrets: redacting "1" or "dev" would garble every line. */
export const MIN_SECRET_LENGTH = 6;

/** Environment variables whose values are secrets wherever they appear. */
export const SECRET_ENV_VARS = ['GEMINI_API_KEY', 'GOOGLE_API_KEY'] as const;

// Key names compared after lower-casing and dropping "-" and "_", so apiKey, api_key and API-KEY agree.
const SECRET_KEY_EXACT = new Set(['key', 'token', 'secret', 'password', 'passwd', 'authorization', 'cookie', 'xgoogapikey', 'xapikey']);
const SECRET_KEY_SUFFIXES = ['apikey', 'secret', 'password', 'passwd', 'accesstoken', 'authtoken', 'refreshtoken', 'sessiontoken', 'idtoken', 'bearertoken', 'privatekey', 'secretkey', 'accesskey'];

/** True for keys like api_key, apiKey, token, password, Authorization, x-goog-api-key, GEMINI_API_KEY. */
export function isSecretKey(key: string): boolean {
	const normalised = key.toLowerCase().replaceAll(/[-_]/g, '');
	return SECRET_KEY_EXACT.has(normalised) || SECRET_KEY_SUFFIXES.some(suffix => normalised.endsWith(suffix));
}

const BEARER = /\bBearer\s+(?!\[REDACTED\])[\w.~+/=-]+/gi;
// `key=...` and friends in URLs and query strings.
const URL_PARAMETER = /([?&;](?:key|api[-_]?key|token|access[-_]?token|secret|password|sig|signature)=)[^&\s"'#]+/gi;
// `api_key: x`, `"password": "x"`, `x-goog-api-key=x` in free text.
const KEY_VALUE =
	/\b(api[-_]?key|x-goog-api-key|access[-_]?token|refresh[-_]?token|client[-_]?secret|secret|password|passwd|authorization)(["']?\s*[:=]\s*["']?)(?!Bearer\b|\[REDACTED\])[^\s"'&,;}]+/gi;
// Google API keys have a recognisable shape even when we were not told about them.
const GOOGLE_API_KEY = /\bAIza[\w-]{35}\b/g;

/** Replaces every occurrence of the given secret values and of well-known secret patterns. */
export function redact(text: string, secrets: Iterable<string>): string {
	return scrubSecrets(text, secrets).replace(BEARER, `Bearer ${REDACTED}`).replace(URL_PARAMETER, `$1${REDACTED}`).replace(KEY_VALUE, `$1$2${REDACTED}`).replace(GOOGLE_API_KEY, REDACTED);
}

/** Replaces every occurrence of the given secret values (and their URL-encoded forms), and nothing else. */
export function scrubSecrets(text: string, secrets: Iterable<string>): string {
	let result = text;
	for (const value of secretList(secrets)) {
		if (result.includes(value)) result = result.split(value).join(REDACTED);
	}

	return result;
}

/** Longest first, so a secret that contains another is replaced whole. */
export function secretList(secrets: Iterable<string>): string[] {
	return [...new Set([...secrets].flatMap(withEncoded))].filter(value => value.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/** A secret and, when it differs, its URL-encoded form (`a/b+c` is sent as `a%2Fb%2Bc`). */
function withEncoded(value: string): string[] {
	const encoded = encodeURIComponent(value);
	return encoded === value ? [value] : [value, encoded];
}

/**
 * A deep copy with every string (keys too) scrubbed of the known secret values and nothing else
 * changed (numbers, shape): for the record and for show, replay and export.
 */
export function scrubSecretStrings<T>(value: T, secrets: Iterable<string>): T {
	const list = secretList(secrets);
	if (list.length === 0) return value;
	const walk = (item: unknown): unknown => {
		if (typeof item === 'string') return scrubSecrets(item, list);
		if (Array.isArray(item)) return item.map(walk);
		if (isRecord(item) && !(item instanceof Date)) {
			return Object.fromEntries(Object.entries(item).map(([key, entry]) => [scrubSecrets(key, list), walk(entry)]));
		}

		return item;
	};
	return walk(value) as T;
}

/**
 * A JSON-safe copy of log fields with secret keys blanked and strings scrubbed.
 * Errors become {name, message, stack}; cycles become "[Circular]".
 */
export function redactFields(value: unknown, secrets: Iterable<string>, seen = new WeakSet<object>()): unknown {
	if (typeof value === 'string') {
		return redact(value, secrets);
	}

	if (typeof value === 'bigint') {
		return value.toString();
	}

	if (typeof value !== 'object' || value === null) {
		return typeof value === 'function' || typeof value === 'symbol' ? String(value) : value;
	}

	if (seen.has(value)) {
		return '[Circular]';
	}

	seen.add(value);
	try {
		return copyObject(value, secrets, seen);
	} finally {
		// Only ancestors count as cycles; the same object twice side by side is fine.
		seen.delete(value);
	}
}

function copyObject(value: object, secrets: Iterable<string>, seen: WeakSet<object>): unknown {
	if (value instanceof Error) {
		return {
			name: value.name,
			message: redact(value.message, secrets),
			...(value.stack ? {stack: redact(value.stack, secrets)} : {}),
		};
	}

	if (Array.isArray(value)) {
		return value.map(item => redactFields(item, secrets, seen));
	}

	if (value instanceof Date) {
		return value.toISOString();
	}

	const copy: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(value)) {
		copy[key] = isSecretKey(key) && item !== undefined && item !== null && item !== '' ? REDACTED : redactFields(item, secrets, seen);
	}

	return copy;
}
