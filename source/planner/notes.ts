/**
 * Notes a field carries that are hints, not values: "(decimal pls)", "(like 21.1)", "(long text)",
 * "(up to a few paragraphs)", "(2-letter)", "(no two may share a name)", "(blank while it is
 * open)", "(starting at 0)", "(false to begin with)". Each hint read says what it made of the
 * words, for the plan; a note of which nothing is read is left out and said so. A note is never
 * read as enum values here: only clean value lists are (field.ts), so "(decimal, 3 dp)" is a
 * decimal, not `enum: [decimal, 3_dp]`.
 */
import type {FieldDraft} from './draft.js';
import {TYPE_WORDS} from './type-words.js';
import {isWord, singularize} from './words.js';

export interface Hint {
	type?: string;
	optional?: boolean;
	unique?: boolean;
	default?: string;
	/** What was read, for the plan: "'(like 21.1)' read as float". */
	said: string[];
}

const TEXT_HINTS = /\b(?:long(?:er)?|paragraphs?|essay|markdown|rich text|multi ?line|free text|lots of text|free form|prose|html)\b/;
const BIG_INT = /\b(?:big ?int(?:eger)?|bigint|64 ?bit)\b/;
const OPTIONAL_HINTS =
	/\b(?:optional|nullable|null|nil|blank|empty|unknown|missing|unset|none|if any|if known|not always|sometimes|may be|might be|can be left|left out|until|while|before|not required)\b/;
const UNIQUE_HINTS = /\b(?:unique|distinct|no two|no duplicates?|not repeated|can'?t repeat|one per|only one|must differ)\b/;
const LETTERS = /\b\d+ ?(?:-? ?)(?:letters?|chars?|characters?|digits?)\b|\bup to \d+ (?:letters?|chars?|characters?)\b|\bcode\b|\bshort\b/;
const DEFAULT_HINTS = [
	/\b(?:starting|starts|start) (?:at|as|from|with) ([\w.-]+)/,
	/\b([\w.-]+) (?:to begin with|to start with|to start|at first|initially|by default|as default|as the default)\b/,
	/\b(?:initially|defaulting to|defaults to|default is|default) ([\w.-]+)/,
];

function typeWord(words: string[]): {type: string; word: string} | undefined {
	for (let i = 0; i < words.length; i++) {
		const pair = words[i + 1] === undefined ? undefined : TYPE_WORDS[`${words[i]}_${words[i + 1]}`];
		if (pair) return {type: pair, word: `${words[i]} ${words[i + 1]}`};
		const one = TYPE_WORDS[words[i]!];
		if (one && !['word', 'day', 'count', 'number', 'moment', 'object', 'hash', 'time'].includes(words[i]!)) return {type: one, word: words[i]!};
	}

	return undefined;
}

/** A value as the grammar takes it: `0`, `21.5`, `true`, `public`. */
function defaultValue(raw: string): string | undefined {
	const value = raw.replace(/^['"]|['"]$/g, '');
	if (/^(?:yes|on)$/i.test(value)) return 'true';
	if (/^(?:no|off)$/i.test(value)) return 'false';
	return /^[A-Za-z0-9_.-]+$/.test(value) && !['it', 'the', 'a', 'an', 'with', 'to'].includes(value.toLowerCase()) ? value : undefined;
}

/** What a note's words hint at; undefined when nothing in it is read. */
export function readHint(words: string[], shown: string): Hint | undefined {
	const text = words.join(' ').replace(/ - /g, '-').replace(/ ' /g, "'");
	const hint: Hint = {said: []};
	const example = /\b(?:like|e\.?g\.?|eg|say|such as|for example|ex)\s*:?\s*(-?\d+(?:\.(\d+))?)\b/.exec(text);
	// "(like 6a+ or V4)", "(e.g. B2-14)": an example mixing letters and digits is a code, so a string.
	const examples = /\b(?:like|e\.?g\.?|eg|say|such as|for example|ex)\s*:?\s*(.+)$/.exec(text)?.[1]?.split(/ or |,| and /) ?? [];
	if (examples.some(one => /\d/.test(one) && /[a-z]/.test(one))) hint.type = 'string';
	else if (example) hint.type = example[2] === undefined ? 'integer' : 'float';
	else if (BIG_INT.test(text)) hint.type = 'integer';
	else if (TEXT_HINTS.test(text)) hint.type = 'text';
	else {
		const found = typeWord(words);
		if (found) hint.type = found.type;
		else if (LETTERS.test(text)) hint.type = 'string';
	}

	if (UNIQUE_HINTS.test(text)) hint.unique = true;
	for (const pattern of DEFAULT_HINTS) {
		const match = pattern.exec(text);
		const value = match ? defaultValue(match[1]!) : undefined;
		if (value !== undefined) {
			hint.default = value;
			break;
		}
	}

	if (hint.default === undefined && OPTIONAL_HINTS.test(text) && !/\bnot (?:null|blank|empty|optional)\b|\bnever (?:null|blank|empty)\b/.test(text)) hint.optional = true;
	const read = [...(hint.type ? [hint.type] : []), ...(hint.optional ? ['optional'] : []), ...(hint.unique ? ['unique'] : []), ...(hint.default === undefined ? [] : [`default ${hint.default}`])];
	if (read.length === 0) return undefined;
	hint.said.push(`read '${shown}' as ${read.join(', ')}`);
	return hint;
}

/**
 * A note field.ts could not read as modifiers, a type phrase or a range: a value list ("(low,
 * medium, high)") is an enum unless a type word is in it, one noun ("(a user)") a reference,
 * anything else a hint, else left out, said so.
 */
export function looseNote(field: FieldDraft, words: string[], shown: string, values: string[] | undefined): void {
	const hint = readHint(words, shown);
	if (values && !hint?.type) {
		field.type = `enum:${values.join(':')}`;
		return;
	}

	if (!hint && words.length === 1 && isWord(words[0]) && !TYPE_WORDS[words[0]!]) {
		field.ref = singularize(words[0]!);
		return;
	}

	field.said ??= [];
	if (!hint) {
		field.said.push(`left out the note '${shown}': not read`);
		return;
	}

	// The hint's own line ("read '(long text)' as text") states the type: no second line for it.
	if (hint.type && !field.type) field.type = hint.type;

	field.optional ||= hint.optional === true;
	field.unique ||= hint.unique === true;
	if (hint.default !== undefined) field.default ??= hint.default;
	field.said.push(...hint.said);
}
