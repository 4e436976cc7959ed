/** The phrases inside a field that are not its name: a type phrase, a range, a default. */
import {ARTICLES} from './field-words.js';
import {TYPE_WORDS} from './type-words.js';
import {isNumber, singularize, type Word} from './words.js';

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
	// "latitude and longitude (floats)": a plural type word names the type of each.
	if (clean.length === 1 && clean[0]!.endsWith('s') && TYPE_WORDS[singularize(clean[0]!)]) return {type: TYPE_WORDS[singularize(clean[0]!)]!, why: `'${clean[0]}'`};
	if (clean.length === 2 && TYPE_WORDS[clean.join('_')]) return {type: TYPE_WORDS[clean.join('_')]!, why: `'${phrase}'`};
	if (clean.length === 2 && clean[0] === 'whole' && clean[1] === 'number') return {type: 'integer', why: `'${phrase}'`};
	// "a 3-letter code", "a 4-digit code": a code of fixed length is a string (digits keep their leading zeros).
	if (/^\d+ ?-? ?(?:letter|character|char|digit)s? (?:code|string|id|abbreviation)$/.test(phrase)) return {type: 'string', why: `'${phrase.replace(/ ?- ?/, '-')}'`};
	return undefined;
}

/** "1-5", "from 1 to 5", "between 1 and 5", "out of 10", "0-100": the range's type, removed from `words`. */
export function takeRange(words: string[], tokens: Word[]): string | undefined {
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

export function splice(words: string[], tokens: Word[], at: number, count: number): Word[] {
	words.splice(at, count);
	return tokens.splice(at, count);
}

/** "default 0", "defaults to open", "defaulting to false", "by default true", "default: EUR". */
export function takeDefault(words: string[], tokens: Word[]): string | undefined {
	// "starting at 0", "starts from 1", "initially 0": a number the field begins with.
	const starting = words.findIndex(
		(word, i) =>
			((['starting', 'starts', 'beginning'].includes(word) && ['at', 'from'].includes(words[i + 1] ?? '') && isNumber(words[i + 2])) || (word === 'initially' && isNumber(words[i + 1]))) && i > 0,
	);
	if (starting !== -1) {
		const length = words[starting] === 'initially' ? 2 : 3;
		const value = tokens[starting + length - 1]!.raw;
		splice(words, tokens, starting, length);
		return value;
	}

	// "a status which starts as draft", "starting as pending": the value a field begins with.
	const startsAs = words.findIndex((word, i) => i > 0 && ['starts', 'starting', 'begins', 'beginning'].includes(word) && words[i + 1] === 'as' && /^[A-Za-z0-9_.-]+$/.test(tokens[i + 2]?.raw ?? ''));
	if (startsAs !== -1) {
		const value = tokens[startsAs + 2]!.raw;
		const start = ['which', 'that'].includes(words[startsAs - 1]!) ? startsAs - 1 : startsAs;
		splice(words, tokens, start, startsAs + 3 - start);
		return value;
	}

	// "archived false to begin with", "count 0 at first".
	const begin = words.findIndex((word, i) => i > 1 && ((word === 'to' && ['begin', 'start'].includes(words[i + 1] ?? '') && words[i + 2] === 'with') || (word === 'at' && words[i + 1] === 'first')));
	if (begin !== -1 && /^[A-Za-z0-9_.-]+$/.test(tokens[begin - 1]!.raw)) {
		const value = tokens[begin - 1]!.raw;
		splice(words, tokens, begin - 1, words[begin] === 'to' ? 4 : 3);
		return value;
	}

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

/**
 * "whether it has shore power", "if they are vegan", "whether it can be reused": a yes/no question
 * is a boolean named by what it asks (shore_power, vegan, reused). Takes the question words.
 */
export function takeWhether(words: string[], tokens: Word[]): string | undefined {
	const subject = ['it', 'they', 'he', 'she', 'one', 'this', 'the', "it's", "they're"];
	if (!['whether', 'if'].includes(words[0] ?? '') || !subject.includes(words[1] ?? '')) return undefined;
	let count = 2;
	if (words[1] === 'the') count = 3; // "whether the boat has …"
	const verb = words[count];
	if (["it's", "they're"].includes(words[1]!)) count = 2;
	else if (['has', 'have', 'is', 'are', 'does', 'do', 'was', 'were', 'can'].includes(verb ?? '')) count++;
	else return undefined;
	if (words[count] === 'got' || (verb === 'can' && words[count] === 'be')) count++;
	if (count >= words.length) return undefined;
	const why = `'${words.slice(0, count).join(' ')} …'`;
	splice(words, tokens, 0, count);
	return why;
}
