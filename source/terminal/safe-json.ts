/** JSON safe to print on a terminal and to write into a file a terminal will show. */

// JSON.stringify escapes C0 controls but leaves DEL, the C1 controls (U+009B is a CSI) and the
// bidi overrides raw; escaped as \uXXXX the line means the same and is safe on a terminal.
const RAW_IN_JSON = /[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** JSON as JSON.stringify writes it, with the characters that could act on a terminal escaped. */
export function terminalSafeJson(value: unknown, space?: number): string {
	return JSON.stringify(value, null, space).replace(RAW_IN_JSON, char => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
