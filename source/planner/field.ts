/**
 * One field of a list, as tokens: "a unique slug", "body as text", "price in cents", "rating 1-5",
 * "status which can be pending, paid or shipped", "actor (a user)", "archived defaulting to
 * false", "delivered at (optional)", "notes:text:optional". Undefined when the words do not make a
 * field: a name is 1–4 plain words once articles, modifiers and type words are gone.
 */
import {checkAttr, formatAttr} from '../grammar/attribute.js';
import type {FieldDraft} from './draft.js';
import {TYPE_WORDS, UNITS} from './lexicon.js';
import {looseNote} from './notes.js';
import {isNumber, isWord, singularize, type Word} from './words.js';

export const ARTICLES = new Set(['a', 'an', 'the', 'some', 'its', 'their', 'his', 'her', 'my', 'our', 'your', 'each', 'every', 'own', 'any']);
// biome-ignore format: a word list, one line
const COPULA = new Set(['which', 'that', 'is', 'are', 'must', 'should', 'be', 'will', 'always', 'can', 'could', 'may', 'has', 'have']);
// biome-ignore format: a word list, one line
const UNIQUE = new Set(['unique', 'distinct']);
// biome-ignore format: a word list, one line
const REDACT = new Set(['redacted', 'redact', 'sensitive', 'hidden_in_logs']);
// biome-ignore format: a word list, one line
const OPTIONAL = new Set(['optional', 'nullable', 'null', 'blank', 'empty']);
// biome-ignore format: a word list, one line
const REQUIRED = new Set(['required', 'mandatory', 'needed']);
/** Words never part of a field's name. */
// biome-ignore format: a word list, one line
const NAME_STOPS = new Set(['and', 'or', 'to', 'with', 'for', 'in', 'as', 'has', 'have', 'many', 'belongs', 'belong', 'from', 'which', 'that', 'be', 'is', 'are', 'per', 'if', 'when', 'where', 'not', 'no', 'every', 'should', 'must', 'will']);
/** Connectors a name may hold: "placed at", "issued on", "uploaded by", "date of birth". */
// biome-ignore format: a word list, one line
const TAIL_CONNECTORS = new Set(['at', 'on', 'by', 'of']);
const MAX_NAME_WORDS = 4;
/** Names that announce values after them with no "is"/"of": "status pending, paid or void". */
// biome-ignore format: a word list, one line
const ENUM_HEADS = new Set(['status', 'state', 'kind', 'type', 'role', 'priority', 'level', 'stage', 'phase', 'tier', 'mode', 'category', 'severity', 'visibility', 'direction', 'arm', 'gender', 'size', 'plan']);
/** Words about behaviour, not data: "make it fast", "cached in redis", "soft deletable". */
// biome-ignore format: a word list, one line
const BEHAVIOUR = new Set(['it', 'them', 'they', 'this', 'these', 'those', 'we', 'i', 'you', 'me', 'ensure', 'validate', 'validated', 'cached', 'cache', 'synced', 'sync', 'fast', 'deletable', 'searchable', 'indexed', 'paginated', 'realtime', 'encrypted', 'should', 'would', 'could', 'once', 'per']);
// biome-ignore format: a word list, one line
const MARKS = new Set([',', '/', '|', 'or', 'and', '&']);

export type FieldRead = {ok: true; field: FieldDraft} | {ok: false; message?: string};

function low(tokens: Word[]): string[] {
	return tokens.map(token => token.low);
}

/** Enum values as written (spaces become underscores): `day pass` → `day_pass`, `AB` stays. */
function enumValues(tokens: Word[]): string[] | undefined {
	const values: string[] = [];
	let current: string[] = [];
	for (const token of tokens) {
		if (MARKS.has(token.low) || token.low === 'either') {
			if (current.length > 0) values.push(current.join('_'));
			current = [];
		} else if (/^[A-Za-z0-9_]+$/.test(token.raw)) {
			current.push(token.raw.replace(/-/g, '_'));
		} else {
			return undefined;
		}
	}

	if (current.length > 0) values.push(current.join('_'));
	return values.length >= 2 && values.every(value => value.length > 0 && !['nil', 'true', 'false'].includes(value)) ? values : undefined;
}

/** A type phrase: "text", "a map", "an array of strings", "integer", "yes/no", "money", "a datetime". */
export function typePhrase(words: string[]): {type: string; why: string} | undefined {
	const clean = words.filter(word => !ARTICLES.has(word));
	const phrase = clean.join(' ');
	if (phrase === 'yes / no' || phrase === 'true / false' || phrase === 'y / n' || phrase === 'yes or no' || phrase === 'true or false') return {type: 'boolean', why: `'${phrase}'`};
	const list = /^(?:array|list|set|collection) of (\w+)$/.exec(phrase);
	if (list) {
		const inner = TYPE_WORDS[singularize(list[1]!)] ?? TYPE_WORDS[list[1]!];
		if (inner && !['map', 'binary'].includes(inner)) return {type: `array:${inner === 'text' ? 'string' : inner}`, why: `'${phrase}'`};
		return undefined;
	}

	if (clean.length === 1 && TYPE_WORDS[clean[0]!]) return {type: TYPE_WORDS[clean[0]!]!, why: `'${clean[0]}'`};
	if (clean.length === 2 && TYPE_WORDS[clean.join('_')]) return {type: TYPE_WORDS[clean.join('_')]!, why: `'${phrase}'`};
	if (clean.length === 2 && clean[0] === 'whole' && clean[1] === 'number') return {type: 'integer', why: `'${phrase}'`};
	return undefined;
}

/** "1-5", "from 1 to 5", "between 1 and 5", "out of 10", "0-100": the range's type, removed from `words`. */
function takeRange(words: string[], tokens: Word[]): string | undefined {
	for (let i = 0; i < words.length; i++) {
		const [a, b, c, d] = words.slice(i, i + 4);
		let length = 0;
		let bounds: string[] = [];
		if ((a === 'from' || a === 'between') && isNumber(b) && (c === 'to' || c === 'and' || c === '-') && isNumber(d)) [length, bounds] = [4, [b, d]];
		else if (isNumber(a) && (b === 'to' || b === '-') && isNumber(c)) [length, bounds] = [3, [a, c]];
		else if (a === 'out' && b === 'of' && isNumber(c)) [length, bounds] = [3, [c]];
		if (length > 0) {
			words.splice(i, length);
			tokens.splice(i, length);
			return bounds.some(bound => bound.includes('.')) ? 'float' : 'integer';
		}
	}

	return undefined;
}

function splice(words: string[], tokens: Word[], at: number, count: number): Word[] {
	words.splice(at, count);
	return tokens.splice(at, count);
}

/** "default 0", "defaults to open", "defaulting to false", "by default true", "default: EUR". */
function takeDefault(words: string[], tokens: Word[]): string | undefined {
	const at = words.findIndex(word => word === 'default' || word === 'defaults' || word === 'defaulting' || word === 'defaulted');
	if (at === -1) return undefined;
	let start = at;
	while (start > 0 && ['which', 'that', 'by', 'with', 'a', 'and'].includes(words[start - 1]!)) start--;
	let end = at + 1;
	while (['to', ':', 'of', 'value', 'is'].includes(words[end] ?? '')) end++;
	const value = tokens[end];
	if (!value || !/^[A-Za-z0-9_.-]+$/.test(value.raw)) return undefined;
	splice(words, tokens, start, end + 1 - start);
	return value.raw;
}

/** Index of an enum opener in `words` and how many words it takes. */
function enumOpener(words: string[]): {at: number; length: number} | undefined {
	for (let i = 0; i < words.length; i++) {
		const rest = words.slice(i);
		const opener =
			(rest[0] === 'one' && rest[1] === 'of' && 2) ||
			(rest[0] === 'either' && 1) ||
			(['which', 'that'].includes(rest[0]!) && rest[1] === 'can' && rest[2] === 'be' && (rest[3] === 'one' && rest[4] === 'of' ? 5 : 3)) ||
			(['which', 'that'].includes(rest[0]!) && ['is', 'are'].includes(rest[1]!) && (rest[2] === 'one' && rest[3] === 'of' ? 4 : rest[2] === 'either' ? 3 : 2)) ||
			(rest[0] === 'can' && rest[1] === 'be' && 2) ||
			(rest[0] === 'of' && i > 0 && 1) ||
			(rest[0] === ':' && i > 0 && 1) ||
			(['is', 'are'].includes(rest[0]!) && i > 0 && 1);
		if (opener) {
			const after = words.slice(i + opener);
			if (after.some(word => word === 'or' || word === ',' || word === '|' || word === '/')) return {at: i, length: opener};
		}
	}

	const bar = words.indexOf('|');
	if (bar > 1) return {at: bar - 1, length: 0};
	// "status pending, accepted or blocked": an enum's name, then its values without an opener.
	const head = ARTICLES.has(words[0]!) ? 1 : 0;
	if (ENUM_HEADS.has(words[head]!) && words.length >= head + 4 && isWord(words[head + 1]) && words.includes('or') && !words.includes('(')) return {at: head + 1, length: 0};
	// "direction in/out", "state trialing/active/past_due": values between slashes.
	const slash = words.indexOf('/');
	if (slash >= 2 && words.slice(slash - 1).every((word, i) => (i % 2 === 1 ? word === '/' : /^[a-z0-9_]+$/.test(word)))) return {at: slash - 1, length: 0};
	return undefined;
}

/** Reads the parenthesised notes of a field: "(unique)", "(a user)", "(low, medium, high)", "(bool)". */
function readNote(inner: Word[], field: FieldDraft): boolean {
	const words = low(inner).filter(word => word !== ',');
	const plain = words.filter(word => !ARTICLES.has(word));
	if (plain.length === 0) return true;
	if (plain.every(word => UNIQUE.has(word) || REDACT.has(word) || OPTIONAL.has(word) || REQUIRED.has(word))) {
		field.unique ||= plain.some(word => UNIQUE.has(word));
		field.redact ||= plain.some(word => REDACT.has(word));
		field.optional ||= plain.some(word => OPTIONAL.has(word));
		return true;
	}

	const keep = inner.filter(token => !UNIQUE.has(token.low) && !REDACT.has(token.low) && !OPTIONAL.has(token.low) && !REQUIRED.has(token.low));
	const keepWords = low(keep);
	field.unique ||= words.some(word => UNIQUE.has(word));
	field.redact ||= words.some(word => REDACT.has(word));
	field.optional ||= words.some(word => OPTIONAL.has(word));
	const value = takeDefault(keepWords, keep);
	if (value !== undefined) field.default = value;
	if (keepWords.filter(word => word !== ',').length === 0) return true;
	const type = typePhrase(keepWords.filter(word => word !== ','));
	if (type) {
		field.type = type.type;
		field.why = type.why;
		return true;
	}

	const ranged = takeRange(keepWords, keep);
	if (ranged && keepWords.filter(word => word !== ',').length === 0) {
		field.type = ranged;
		field.why = 'from the range';
		return true;
	}

	if (keepWords[0] === 'many' || keepWords.join(' ') === 'many to many') return false;
	const values = enumValues(keep.filter((token, i) => !ARTICLES.has(token.low) || !isWord(keep[i + 1]?.low) || MARKS.has(keep[i + 1]!.low)));
	const shown = `(${inner
		.map(token => token.raw)
		.join(' ')
		.replace(/ ([,)])/g, '$1')
		.replace(/ ?([-/']) ?/g, '$1')})`;
	looseNote(
		field,
		keepWords.filter(word => !ARTICLES.has(word) && word !== ','),
		shown,
		values,
	);
	return true;
}

function fromGrammar(token: Word): FieldRead {
	const checked = checkAttr(token.raw);
	if (!checked.ok) return {ok: false, message: `'${token.raw}': ${checked.message}`};
	const {attr} = checked;
	const [, ...typeParts] = formatAttr({...attr, unique: false, redact: false, optional: undefined, default: undefined}).split(':');
	return {
		ok: true,
		field: {
			name: attr.name,
			type: typeParts.join(':'),
			why: 'as written',
			...(attr.default === undefined ? {} : {default: attr.default}),
			optional: attr.optional === true,
			unique: attr.unique,
			redact: attr.redact,
			words: token.raw,
		},
	};
}

/** Reads one field; `{ok: false}` when the words do not make one (with a message for grammar errors). */
export function readField(item: Word[]): FieldRead {
	const words0 = low(item).filter(word => word !== '*');
	if (item.length === 1 && item[0]!.raw.includes(':')) return fromGrammar(item[0]!);
	const field: FieldDraft = {
		name: '',
		optional: false,
		unique: false,
		redact: false,
		words: item
			.map(token => token.raw)
			.join(' ')
			.replace(/ ([,)])/g, '$1')
			.replace(/\( /g, '('),
	};
	let tokens = item.filter(token => token.low !== '*');
	let words = [...words0];

	// Parenthesised notes annotate the field.
	for (let open = words.indexOf('('); open !== -1; open = words.indexOf('(')) {
		const close = words.indexOf(')', open);
		if (close === -1) return {ok: false};
		if (!readNote(tokens.slice(open + 1, close), field)) return {ok: false};
		splice(words, tokens, open, close - open + 1);
	}

	const value = takeDefault(words, tokens);
	if (value !== undefined) field.default = value;
	for (let i = 0; i + 2 < words.length; i++) {
		if (['yes', 'true', 'y'].includes(words[i]!) && ['/', 'or'].includes(words[i + 1]!) && ['no', 'false', 'n'].includes(words[i + 2]!)) {
			field.type = 'boolean';
			field.why = `'${words.slice(i, i + 3).join('')}'`;
			splice(words, tokens, i, 3);
			break;
		}
	}

	// "title:string" written with spaces as "title: string".
	const colon = words.indexOf(':');
	if (colon > 0 && colon === words.length - 2 && typePhrase([words[colon + 1]!])) {
		const type = typePhrase([words[colon + 1]!])!;
		field.type = type.type;
		field.why = type.why;
		splice(words, tokens, colon, 2);
	}

	const earlyRange = takeRange(words, tokens);
	if (earlyRange && !field.type) {
		field.type = earlyRange;
		field.why = 'from the range';
	}

	const opener = enumOpener(words);
	if (opener) {
		const rest = tokens.slice(opener.at + opener.length);
		const values = enumValues(rest.filter((token, i) => !ARTICLES.has(token.low) || !isWord(rest[i + 1]?.low) || MARKS.has(rest[i + 1]!.low)));
		if (values) {
			field.type = `enum:${values.join(':')}`;
			field.why = undefined;
			splice(words, tokens, opener.at, words.length - opener.at);
		}
	}

	// Modifiers anywhere: "a unique slug", "email unique", "hashed_password redacted", "confirmed_at optional".
	for (let i = words.length - 1; i >= 0; i--) {
		const word = words[i]!;
		const next = words[i + 1];
		if (UNIQUE.has(word)) field.unique = true;
		else if (REDACT.has(word)) field.redact = true;
		else if (OPTIONAL.has(word) && word !== 'null' && word !== 'blank' && word !== 'empty') field.optional = true;
		else if (REQUIRED.has(word)) {
			/* Phoenix requires every field already. */
		} else if (word === 'not' && next === 'null') {
			/* The same. */
		} else continue;
		splice(words, tokens, i, 1);
	}

	const ranged = takeRange(words, tokens);
	if (ranged && !field.type) {
		field.type = ranged;
		field.why = 'from the range';
	}

	// "both referencing users", "referencing users", "references users", "pointing to users".
	const refAt = words.findIndex(word => ['referencing', 'references', 'referring', 'pointing', 'refers'].includes(word));
	if (refAt !== -1) {
		let at = refAt + 1;
		while (['to', 'a', 'an', 'the'].includes(words[at] ?? '')) at++;
		const target = words[at];
		if (!isWord(target) || at !== words.length - 1) return {ok: false};
		field.ref = singularize(target);
		let start = refAt;
		if (words[start - 1] === 'both' || words[start - 1] === 'each') start--;
		splice(words, tokens, start, words.length - start);
	}

	words = words.filter(word => word !== ',');
	tokens = tokens.filter(token => token.low !== ',');

	// "body as text", "age of type integer", "price as money".
	const as = words.findIndex((word, i) => (word === 'as' && i > 0) || (word === 'of' && words[i + 1] === 'type'));
	if (as !== -1) {
		const phrase = words.slice(as + (words[as] === 'of' ? 2 : 1));
		const type = typePhrase(phrase);
		if (!type) return {ok: false};
		field.type = type.type;
		field.why = type.why;
		words = words.slice(0, as);
	}

	// "a price in cents" → price_cents:integer; "a price in euros" → decimal.
	let suffix = '';
	const inAt = words.indexOf('in');
	if (inAt > 0 && inAt === words.length - 2 && !['at', 'on'].includes(words[inAt + 1]!)) {
		const unit = UNITS[words[inAt + 1]!];
		if (!unit) return {ok: false};
		if (!field.type) {
			field.type = unit.type;
			field.why = `from 'in ${words[inAt + 1]}'`;
		}

		if (unit.suffix) suffix = `_${unit.suffix}`;
		words = words.slice(0, inAt);
	}

	// "list of tags" → tags:array:string; "number of views" → view_count:integer.
	if (words.length >= 3 && ['list', 'array', 'set'].includes(words[words.length - 3]!) && words[words.length - 2] === 'of') {
		const noun = words[words.length - 1]!;
		if (!field.type) {
			field.type = 'array:string';
			field.why = `'${words.slice(-3).join(' ')}'`;
		}

		words = [...words.slice(0, -3), noun];
	} else if (words.length === 3 && words[0] === 'number' && words[1] === 'of') {
		field.type ??= 'integer';
		words = [`${singularize(words[2]!)}_count`];
	}

	// A trailing type word: "a done flag", "an enabled boolean", "closes at a datetime", "opens at a time".
	words = words.filter(word => !ARTICLES.has(word));
	const lastTwo = words.length > 2 ? typePhrase(words.slice(-2)) : undefined;
	if (lastTwo && !words.slice(-2).includes('number')) {
		field.type ??= lastTwo.type;
		field.why ??= lastTwo.why;
		words = words.slice(0, -2);
	} else if (words.length > 1) {
		const last = words[words.length - 1]!;
		const type = typePhrase([last]);
		const keep = ['number', 'count', 'date', 'time', 'text', 'day'].includes(last) && !['at', 'on'].includes(words[words.length - 2]!);
		if (type && !keep) {
			field.type ??= type.type;
			field.why ??= type.why;
			words.pop();
		}
	}

	// Copulas only go when they stand between the name and what it is.
	words = words.filter((word, i) => i === 0 || !COPULA.has(word));
	if (words.length === 0 || words.length > MAX_NAME_WORDS) return {ok: false};
	if (words.some(word => BEHAVIOUR.has(word))) return {ok: false};
	// Allowed in a name: "is vip", "from account", "check in on", "picked up on".
	const allowed = (word: string, i: number): boolean =>
		(i === 0 && words.length > 1 && ['is', 'has', 'from', 'to', 'can'].includes(word)) ||
		(['in', 'out', 'to'].includes(word) && i > 0 && i === words.length - 2 && ['at', 'on'].includes(words[i + 1]!));
	if (words.some((word, i) => !isWord(word) || (NAME_STOPS.has(word) && !allowed(word, i)) || (TAIL_CONNECTORS.has(word) && i === 0))) return {ok: false};
	if (words.some((word, i) => TAIL_CONNECTORS.has(word) && word !== 'of' && i !== words.length - 1)) return {ok: false};
	field.name = words.join('_') + suffix;
	return {ok: true, field};
}
