/**
 * An English field list: "a title, body as text, published boolean and a unique slug".
 * Also pulls relation phrases ("belongs to users", "has many posts") out of the text.
 */
import {checkAttr} from './attr-grammar.js';
import {singularize} from './inflect.js';
import type {FieldDraft} from './types.js';

/** Type words accepted after "as" or in parentheses. */
const TYPE_WORDS: Record<string, string> = {
	string: 'string',
	text: 'text',
	integer: 'integer',
	int: 'integer',
	number: 'integer',
	boolean: 'boolean',
	bool: 'boolean',
	flag: 'boolean',
	decimal: 'decimal',
	money: 'decimal',
	float: 'float',
	date: 'date',
	time: 'time',
	time_usec: 'time_usec',
	datetime: 'utc_datetime',
	timestamp: 'utc_datetime',
	utc_datetime: 'utc_datetime',
	utc_datetime_usec: 'utc_datetime_usec',
	naive_datetime: 'naive_datetime',
	naive_datetime_usec: 'naive_datetime_usec',
	map: 'map',
	json: 'map',
	binary: 'binary',
	uuid: 'uuid',
};

/**
 * Type words that may simply follow a name ("published boolean"). Words that are also common
 * name endings (date, time, uuid, number) stay part of the name: "start date" is start_date.
 */
const TRAILING_TYPES = new Set([
	'string',
	'text',
	'integer',
	'int',
	'boolean',
	'bool',
	'decimal',
	'float',
	'datetime',
	'utc_datetime',
	'utc_datetime_usec',
	'naive_datetime',
	'naive_datetime_usec',
	'map',
	'json',
	'binary',
]);

const ARTICLES = new Set(['a', 'an', 'the', 'some', 'its', 'their', 'his', 'her', 'one']);
const STOP_WORDS = new Set([
	...ARTICLES,
	'and',
	'or',
	'of',
	'to',
	'with',
	'for',
	'in',
	'on',
	'is',
	'are',
	'be',
	'that',
	'which',
	'who',
	'has',
	'have',
	'many',
	'as',
]);
const WORD = /^[a-z][a-z0-9_]*$/;
const MAX_NAME_WORDS = 3;

/** Reads a type phrase: `text`, `a boolean`, `list of strings`, `one of draft/published`. */
export function parseTypePhrase(phrase: string): string | undefined {
	const words = phrase.trim().split(/\s+/).filter(word => !ARTICLES.has(word) || word === 'one');
	const text = words.join(' ');
	if (words.length === 1 && TYPE_WORDS[text]) return TYPE_WORDS[text];
	const list = /^(?:list|array) of (\w+)$/.exec(text);
	if (list) {
		const inner = TYPE_WORDS[list[1]!] ?? TYPE_WORDS[singularize(list[1]!)];
		return inner ? `array:${inner}` : undefined;
	}

	const choice = /^(?:one of|enum(?: of)?)\s+(.+)$/.exec(text);
	if (choice) {
		const values = choice[1]!.split(/[\s/|]+/).filter(value => value.length > 0 && value !== 'or');
		return values.length > 0 && values.every(value => WORD.test(value)) ? `enum:${values.join(':')}` : undefined;
	}

	return undefined;
}

export interface Relations {
	rest: string;
	/** Targets as written: "users", "a user" → "user". */
	belongsTo: string[];
	hasMany: string[];
}

const LEAD = String.raw`(?:\b(?:that|which|who|each|and|they|it)\s+)*`;
const BELONGS = new RegExp(String.raw`${LEAD}\b(?:belongs?|belonging)\s+to\s+(?:(?:a|an|the|one)\s+)?([a-z][a-z0-9_]*)`, 'g');
const HAS_MANY = new RegExp(String.raw`${LEAD}\b(?:has|have|having)\s+(?:many|multiple|several|one)\s+([a-z][a-z0-9_]*)`, 'g');

/** Removes "belongs to X" and "has many Y" phrases, returning them and what is left. */
export function extractRelations(text: string): Relations {
	const belongsTo: string[] = [];
	const hasMany: string[] = [];
	const rest = text
		.replace(BELONGS, (_match, target: string) => {
			belongsTo.push(target);
			return ' , ';
		})
		.replace(HAS_MANY, (_match, target: string) => {
			hasMany.push(target);
			return ' , ';
		});
	return {rest, belongsTo, hasMany};
}

export interface FieldList {
	fields: FieldDraft[];
	unreadable: string[];
}

/** Splits a list on commas and "and", outside nothing fancier: enums use `/` between values. */
export function splitList(text: string): string[] {
	return text
		.split(/,|\s+(?:and|&|plus)\s+|^(?:and|&|plus)\s+|\s+(?:and|&|plus)$/)
		.map(item => item.trim())
		.filter(item => item.length > 0 && item !== 'and');
}

function fromColonSyntax(item: string): FieldDraft | undefined {
	if (!item.includes(':') || /\s/.test(item) || !checkAttr(item).ok) return undefined;
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

function readName(words: string[]): string | undefined {
	if (words.length === 0 || words.length > MAX_NAME_WORDS) return undefined;
	if (words.some(word => !WORD.test(word) || STOP_WORDS.has(word))) return undefined;
	return words.join('_');
}

/** Parses one field list; items it cannot read are returned as written. */
export function parseFieldList(text: string): FieldList {
	const fields: FieldDraft[] = [];
	const unreadable: string[] = [];
	for (const raw of splitList(text)) {
		const item = raw.replace(/\.$/, '').trim();
		const colon = fromColonSyntax(item);
		if (colon) {
			fields.push(colon);
			continue;
		}

		let words = item
			.replace(/\b(?:which|that)\s+(?:is|are|must\s+be|should\s+be)\b/g, ' ')
			.split(/\s+/)
			.filter(word => word.length > 0);
		while (words.length > 0 && ARTICLES.has(words[0]!)) words = words.slice(1);
		const unique = words.includes('unique');
		const redact = words.includes('redacted') || words.includes('redact');
		words = words.filter(word => !['unique', 'redacted', 'redact'].includes(word));
		while (words.length > 0 && ARTICLES.has(words[0]!)) words = words.slice(1);

		if (words.length === 0) {
			// "a slug, unique": the flag belongs to the field before it.
			const previous = fields[fields.length - 1];
			if ((unique || redact) && previous) {
				previous.unique ||= unique;
				previous.redact ||= redact;
			} else {
				unreadable.push(raw);
			}

			continue;
		}

		let type: string | undefined;
		const as = words.indexOf('as');
		if (as !== -1) {
			type = parseTypePhrase(words.slice(as + 1).join(' '));
			if (!type) {
				unreadable.push(raw);
				continue;
			}

			words = words.slice(0, as);
		} else if (words.length > 1 && TRAILING_TYPES.has(words[words.length - 1]!)) {
			type = TYPE_WORDS[words.pop()!];
		}

		const name = readName(words);
		if (!name) {
			unreadable.push(raw);
			continue;
		}

		fields.push({name, ...(type ? {type} : {}), unique, redact});
	}

	return {fields, unreadable};
}
