/** The type vocabulary of English descriptions: type words and type phrases ("a list of strings"). */
import {singularize} from './inflect.js';

/** Type words accepted after "as" or in parentheses. */
export const TYPE_WORDS: Record<string, string> = {
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
export const TRAILING_TYPES = new Set([
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
const WORD = /^[a-z][a-z0-9_]*$/;

/** Reads a type phrase: `text`, `a boolean`, `list of strings`, `one of draft/published`. */
export function parseTypePhrase(phrase: string): string | undefined {
	const words = phrase.trim().split(/\s+/).filter(word => !ARTICLES.has(word) || word === 'one');
	const text = words.join(' ');
	if (words.length === 1 && TYPE_WORDS[text]) return TYPE_WORDS[text];
	if (text === 'long text' || text === 'long string') return 'text';
	// "tags as strings": a plural type word is a list of that type.
	if (words.length === 1 && singularize(text) !== text && TYPE_WORDS[singularize(text)]) return `array:${TYPE_WORDS[singularize(text)]}`;
	const list = /^(?:list|array) of (\w+)$/.exec(text);
	if (list) {
		const inner = TYPE_WORDS[list[1]!] ?? TYPE_WORDS[singularize(list[1]!)];
		return inner ? `array:${inner}` : undefined;
	}

	const choice = /^(?:one of|enum(?: of)?)\s+(.+)$/.exec(text);
	if (choice) {
		const values = choice[1]!.split(/[\s/|,]+/).filter(value => value.length > 0 && value !== 'or' && value !== 'and');
		return values.length > 0 && values.every(value => WORD.test(value)) ? `enum:${values.join(':')}` : undefined;
	}

	return undefined;
}
