/**
 * Text we did not write ourselves (model text, tool results, file names, a server's stderr, a
 * user's description) goes through here before it reaches a terminal: escape sequences and other
 * control characters could retitle, clear or reprogram it. Newlines and tabs are kept; every other
 * C0/C1 control and DEL is shown as a visible escape (`\x1b`), so nothing is silently lost.
 */
// C0 controls except \t (0x09) and \n (0x0a), DEL, C1 controls; and the Unicode bidi overrides,
// which can make a file name read differently from what it is.
const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

function visible(char: string): string {
	const code = char.codePointAt(0)!;
	return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every control character (but newline and tab) made visible and harmless. */
export function sanitizeForTerminal(text: string): string {
	return text.replace(/\r\n/g, '\n').replace(unsafe, visible);
}

/**
 * For a message of one line that quotes foreign text (an error naming a value read from a file or
 * typed by the user): every control character, newline and tab too, made visible (`\n`), so the
 * quoted value can neither act on the terminal nor forge a line of its own.
 */
export function escapeLine(text: string): string {
	return sanitizeForTerminal(text).replaceAll('\n', '\\n').replaceAll('\t', '\\t');
}

/** As sanitizeForTerminal, for one line: newlines and tabs become spaces too. */
export function sanitizeLine(text: string): string {
	return sanitizeForTerminal(text).replace(/[\n\t]/g, ' ');
}
