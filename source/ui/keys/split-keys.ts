/**
 * One chunk of terminal input into the keys it holds. A paste, key repeat or a slow link delivers
 * several keys in one read (`\x1b[B\x1b[B`, `\x7f\x7f\x7f`, `text\r`): each becomes one key, so
 * every handler sees what a person pressed, one key at a time.
 */
import type {Key as InkKey} from 'ink';

/** Ink's key, plus the function key (1 for F1) that Ink does not report. */
export type Key = InkKey & {fn?: number};

export interface Keypress {
	/** The text the key types ('' for keys that type nothing; the letter for Ctrl-letter). */
	input: string;
	key: Key;
}

const ESC = '\u001B';
const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

function blank(): Key {
	return {
		upArrow: false,
		downArrow: false,
		leftArrow: false,
		rightArrow: false,
		pageDown: false,
		pageUp: false,
		home: false,
		end: false,
		return: false,
		escape: false,
		ctrl: false,
		shift: false,
		tab: false,
		backspace: false,
		delete: false,
		meta: false,
		super: false,
		hyper: false,
		capsLock: false,
		numLock: false,
	};
}

function press(input: string, flags: Partial<Key>): Keypress {
	return {input, key: {...blank(), ...flags}};
}

/** The length of the escape sequence that starts at `at` (ESC included); 1 for a lone ESC. */
function sequenceLength(text: string, at: number): number {
	const kind = text[at + 1];
	if (kind === '[') {
		let index = at + 2;
		// The legacy function keys of the Linux console: ESC [ [ A.
		if (text[index] === '[') return Math.min(text.length, index + 2) - at;
		while (index < text.length && /[\d;:<=>?\x20-\x2F]/.test(text[index]!)) index++;
		return Math.min(text.length, index + 1) - at;
	}

	if (kind === 'O') return Math.min(text.length, at + 3) - at;
	if (kind === ESC) return 1 + sequenceLength(text, at + 1);
	if (kind === undefined) return 1;
	// Alt-key: ESC then one character (a whole code point).
	const point = text.codePointAt(at + 1)!;
	return 1 + (point > 0xff_ff ? 2 : 1);
}

/** Splits a chunk into the raw strings of its keys. */
export function splitKeys(chunk: string): string[] {
	const keys: string[] = [];
	let text = '';
	const flushText = () => {
		for (const {segment} of segmenter.segment(text)) keys.push(segment);
		text = '';
	};

	for (let at = 0; at < chunk.length; ) {
		const char = chunk[at]!;
		const code = char.charCodeAt(0);
		if (char === ESC) {
			flushText();
			const length = sequenceLength(chunk, at);
			keys.push(chunk.slice(at, at + length));
			at += length;
		} else if (code < 0x20 || code === 0x7f) {
			flushText();
			keys.push(char);
			at++;
		} else {
			text += char;
			at++;
		}
	}

	flushText();
	return keys;
}

const CSI_LETTERS: Record<string, Partial<Key> & {fn?: number}> = {
	A: {upArrow: true},
	B: {downArrow: true},
	C: {rightArrow: true},
	D: {leftArrow: true},
	H: {home: true},
	F: {end: true},
	Z: {tab: true, shift: true},
	P: {fn: 1},
	Q: {fn: 2},
	R: {fn: 3},
	S: {fn: 4},
};

const TILDE_CODES: Record<number, Partial<Key> & {fn?: number}> = {
	1: {home: true},
	7: {home: true},
	4: {end: true},
	8: {end: true},
	3: {delete: true},
	5: {pageUp: true},
	6: {pageDown: true},
	11: {fn: 1},
	12: {fn: 2},
	13: {fn: 3},
	14: {fn: 4},
	15: {fn: 5},
	17: {fn: 6},
	18: {fn: 7},
	19: {fn: 8},
	20: {fn: 9},
	21: {fn: 10},
	23: {fn: 11},
	24: {fn: 12},
};

/** xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4). */
function modifiers(parameter: string | undefined): Partial<Key> {
	const value = Number(parameter ?? '1') - 1;
	if (!Number.isInteger(value) || value <= 0) return {};
	return {shift: (value & 1) !== 0, meta: (value & 2) !== 0, ctrl: (value & 4) !== 0};
}

function parseSequence(raw: string): Keypress {
	if (raw === ESC) return press('', {escape: true, meta: true});
	if (raw.startsWith(ESC + ESC)) {
		const inner = parseSequence(raw.slice(1));
		return {input: inner.input, key: {...inner.key, meta: true}};
	}

	const kind = raw[1];
	const body = raw.slice(2);
	if (kind === '[' && body.startsWith('[')) {
		// Linux console F1..F5: ESC [ [ A..E.
		const fn = 'ABCDE'.indexOf(body[1] ?? '') + 1;
		return press('', fn > 0 ? {fn} : {});
	}

	if (kind === '[' || kind === 'O') {
		const final = body.at(-1) ?? '';
		const parameters = body.slice(0, -1).split(';');
		if (final === '~') return press('', {...(TILDE_CODES[Number(parameters[0])] ?? {}), ...modifiers(parameters[1])});
		const known = CSI_LETTERS[final];
		return press('', known ? {...known, ...modifiers(parameters[1])} : {});
	}

	// Alt-key.
	const inner = parseKey(raw.slice(1));
	return {input: inner.input, key: {...inner.key, meta: true}};
}

/** One key's raw string into what it types and which keys it is. */
export function parseKey(raw: string): Keypress {
	if (raw.startsWith(ESC)) return parseSequence(raw);
	if (raw === '\r') return press('', {return: true});
	// A new line (a pasted one, or Ctrl-J): fields that hold lines take it as text.
	if (raw === '\n') return press('\n', {});
	if (raw === '\t') return press('', {tab: true});
	if (raw === '\u007F' || raw === '\b') return press('', {backspace: true});
	if (raw === '\u0000') return press(' ', {ctrl: true});
	const code = raw.charCodeAt(0);
	if (raw.length === 1 && code < 0x20) return code <= 26 ? press(String.fromCharCode(code + 96), {ctrl: true}) : press('', {});
	return press(raw, /^[A-Z]$/.test(raw) ? {shift: true} : {});
}
