/**
 * Enum values in a field's words: the opener ("one of", "which can be", "either", "status pending,
 * paid or void", "direction in/out") and the values as written.
 */
import {ARTICLES, ENUM_HEADS, MARKS} from './field-words.js';
import {isWord, type Word} from './words.js';

/** Enum values as written (spaces become underscores): `day pass` → `day_pass`, `AB` stays. */
export function enumValues(tokens: Word[]): string[] | undefined {
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

/** Index of an enum opener in `words` and how many words it takes. */
export function enumOpener(words: string[]): {at: number; length: number} | undefined {
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
	// "severity minor, major, blocker": commas alone join the values when there are three or more.
	const commas = words.filter(word => word === ',').length;
	if (ENUM_HEADS.has(words[head]!) && words.length >= head + 4 && isWord(words[head + 1]) && (words.includes('or') || commas >= 2) && !words.includes('(')) return {at: head + 1, length: 0};
	// "direction in/out", "state trialing/active/past_due": values between slashes.
	const slash = words.indexOf('/');
	if (slash >= 2 && words.slice(slash - 1).every((word, i) => (i % 2 === 1 ? word === '/' : /^[a-z0-9_]+$/.test(word)))) return {at: slash - 1, length: 0};
	return undefined;
}
