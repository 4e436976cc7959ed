/**
 * One field of an English list, already cut out as tokens: "a unique slug", "body as text",
 * "a done flag", "a price in cents", "a rating from 1 to 5", "status which is one of draft,
 * published or archived", "tags as a list of strings", "email (unique)". Undefined when the words
 * do not make a field: a name must be 1–3 plain words once articles, adjectives and type words
 * are gone, so filler never becomes a field.
 */
import {checkAttr} from './attr-grammar.js';
import {singularize} from './inflect.js';
import {parseTypePhrase, TRAILING_TYPES, TYPE_WORDS} from './parse-fields.js';
import {isNumber, isWord} from './tokens.js';
import type {FieldDraft} from './types.js';

/** Words dropped wherever they stand: they say nothing the generators can express. */
const FILLER = new Set(['a', 'an', 'the', 'some', 'its', 'their', 'his', 'her', 'each', 'every', 'optional', 'required', 'mandatory', 'nullable', 'own']);
/** Copulas between a name and what it is: "status which is one of", "email that must be unique". */
const COPULA = new Set(['which', 'that', 'is', 'are', 'must', 'should', 'be', 'always', 'will', 'can']);
const UNIQUE = new Set(['unique', 'distinct']);
const REDACT = new Set(['redacted', 'redact', 'sensitive']);
const NAME_STOPS = new Set(['and', 'or', 'of', 'to', 'with', 'for', 'in', 'on', 'as', 'has', 'have', 'many', 'belongs', 'belong', 'by', 'from', 'which', 'that', 'be']);
const BOOLEAN_TAILS = new Set(['flag', 'boolean', 'bool', 'checkbox', 'toggle']);
const CURRENCY = new Set(['dollars', 'euros', 'pounds', 'usd', 'eur', 'gbp', 'yen']);
/** "a duration in seconds" → duration_seconds:integer; "a weight in kg" → weight_kg:float. */
const UNITS: Record<string, {type: string; suffix: string}> = {
	ms: {type: 'integer', suffix: 'ms'},
	milliseconds: {type: 'integer', suffix: 'ms'},
	seconds: {type: 'integer', suffix: 'seconds'},
	minutes: {type: 'integer', suffix: 'minutes'},
	hours: {type: 'integer', suffix: 'hours'},
	days: {type: 'integer', suffix: 'days'},
	bytes: {type: 'integer', suffix: 'bytes'},
	percent: {type: 'integer', suffix: 'percent'},
	kg: {type: 'float', suffix: 'kg'},
	grams: {type: 'float', suffix: 'grams'},
	km: {type: 'float', suffix: 'km'},
	meters: {type: 'float', suffix: 'meters'},
	miles: {type: 'float', suffix: 'miles'},
};
const MAX_NAME_WORDS = 3;

function fromColonSyntax(item: string): FieldDraft | undefined {
	if (!checkAttr(item).ok) return undefined;
	const parts = item.split(':');
	const name = parts.shift()!;
	let unique = false;
	let redact = false;
	while (parts.length > 0 && ['unique', 'redact'].includes(parts[parts.length - 1]!)) {
		if (parts.pop() === 'unique') unique = true;
		else redact = true;
	}

	return {name, ...(parts.length > 0 ? {type: parts.join(':')} : {}), unique, redact};
}

/** `1 to 5`, `0.5 to 1`: integer unless a bound has decimals. */
function rangeType(low: string, high: string): string {
	return low.includes('.') || high.includes('.') ? 'float' : 'integer';
}

/** Removes a number range ("from 1 to 5", "between 1 and 5", "1-5", "out of 10"), returning its type. */
function takeRange(words: string[]): string | undefined {
	for (let i = 0; i < words.length; i++) {
		const [a, b, c, d] = words.slice(i, i + 4);
		if ((a === 'from' || a === 'between') && isNumber(b) && (c === 'to' || c === 'and' || c === '-') && isNumber(d)) {
			words.splice(i, 4);
			return rangeType(b, d);
		}

		if (isNumber(a) && (b === 'to' || b === '-') && isNumber(c)) {
			words.splice(i, 3);
			return rangeType(a, c);
		}

		if (a === 'out' && b === 'of' && isNumber(c)) {
			words.splice(i, 3);
			return rangeType(c, c);
		}
	}

	return undefined;
}

/** "one of draft, published or archived" / "either x or y": the values, removed from `words`. */
function takeEnum(words: string[]): string | undefined {
	let at = words.findIndex((word, i) => (word === 'one' && words[i + 1] === 'of') || word === 'either');
	if (at === -1) return undefined;
	const start = at;
	at += words[at] === 'one' ? 2 : 1;
	if (words[at] === 'enum') at++;
	const values = words.slice(at).filter(word => ![',', '/', '|', 'or', 'and'].includes(word));
	if (values.length === 0 || !values.every(value => isWord(value))) return undefined;
	words.splice(start);
	return `enum:${values.join(':')}`;
}

/** Reads one field; undefined when it is not one. */
export function readField(raw: string[]): FieldDraft | undefined {
	if (raw.length === 1 && raw[0]!.includes(':')) return fromColonSyntax(raw[0]!);
	let words = [...raw];
	let type: string | undefined;
	let unique = false;
	let redact = false;

	// "(unique)", "(integer)", "(optional)", "(list of strings)", "(1-5)" annotate the field.
	for (let open = words.indexOf('('); open !== -1; open = words.indexOf('(')) {
		const close = words.indexOf(')', open);
		if (close === -1) return undefined;
		const inner = words.slice(open + 1, close).filter(word => word !== ',' && !FILLER.has(word));
		unique ||= inner.some(word => UNIQUE.has(word));
		redact ||= inner.some(word => REDACT.has(word));
		const rest = inner.filter(word => !UNIQUE.has(word) && !REDACT.has(word));
		const ranged = takeRange(rest);
		const listed = takeEnum(rest);
		const phrase = rest.length > 0 ? parseTypePhrase(rest.join(' ')) : undefined;
		if (rest.length > 0 && !phrase) return undefined;
		type = phrase ?? listed ?? ranged ?? type;
		words.splice(open, close - open + 1);
	}

	const enumType = takeEnum(words);
	const range = takeRange(words);
	type ??= enumType ?? range;
	words = words.filter(word => word !== ',');
	unique ||= words.some(word => UNIQUE.has(word));
	redact ||= words.some(word => REDACT.has(word));
	words = words.filter(word => !UNIQUE.has(word) && !REDACT.has(word) && !FILLER.has(word));
	// Copulas only go when they stand between the name and a description of it.
	words = words.filter((word, i) => i === 0 || !COPULA.has(word));

	// "body as text", "tags as a list of strings", "age of type integer", "title: string".
	const as = words.findIndex((word, i) => word === 'as' || word === ':' || (word === 'of' && words[i + 1] === 'type'));
	if (as !== -1) {
		const phrase = words.slice(as + (words[as] === 'of' ? 2 : 1));
		const explicit = phrase.length > 0 ? parseTypePhrase(phrase.join(' ')) : type;
		if (!explicit) return undefined;
		type = explicit;
		words = words.slice(0, as);
	}

	// "a price in cents" → price_cents:integer; "a price in euros" → decimal.
	let suffix = '';
	const inAt = words.indexOf('in');
	if (inAt !== -1 && inAt === words.length - 2) {
		const unit = words[inAt + 1]!;
		if (unit === 'cents') {
			type ??= 'integer';
			suffix = '_cents';
		} else if (CURRENCY.has(unit)) {
			type ??= 'decimal';
		} else if (UNITS[unit]) {
			type ??= UNITS[unit]!.type;
			suffix = `_${UNITS[unit]!.suffix}`;
		} else {
			return undefined;
		}

		words = words.slice(0, inAt);
	}

	// "a list of tags" → tags:array:string; "the number of views" → view_count:integer.
	if (words.length === 3 && (words[0] === 'list' || words[0] === 'array') && words[1] === 'of') {
		type ??= 'array:string';
		words = [words[2]!];
	} else if (words.length === 3 && words[0] === 'number' && words[1] === 'of') {
		type ??= 'integer';
		words = [`${singularize(words[2]!)}_count`];
	}

	const last = words[words.length - 1];
	if (words.length > 1 && last && BOOLEAN_TAILS.has(last)) {
		type ??= 'boolean';
		words.pop();
	} else if (words.length > 1 && last && TRAILING_TYPES.has(last)) {
		type ??= TYPE_WORDS[last];
		words.pop();
	}

	if (words.length === 0 || words.length > MAX_NAME_WORDS) return undefined;
	if (words.some(word => !isWord(word) || NAME_STOPS.has(word))) return undefined;
	const name = words.join('_') + suffix;
	return {name, ...(type ? {type} : {}), unique, redact};
}
