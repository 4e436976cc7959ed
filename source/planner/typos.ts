/**
 * Typos in the words that carry structure ("belogns", "refrences", "unqiue", "optinal"): one
 * letter added, dropped, changed or two swapped, in a word of five letters or more, is read as
 * the word it misses. Only these words: a typo in a name is the user's name.
 */
import type {Word} from './words.js';

// biome-ignore format: a word list, one line
const KEYWORDS = ['belongs', 'belong', 'belonging', 'references', 'referencing', 'optional', 'unique', 'default', 'defaults', 'defaulting', 'multiple', 'several', 'nullable', 'boolean', 'integer', 'decimal', 'datetime', 'timestamp', 'timestamps', 'integers', 'booleans', 'decimals', 'optionals'];

/** Whether a and b are one edit apart (insert, delete, substitute, or swap two neighbours). */
function oneEdit(a: string, b: string): boolean {
	if (a === b || Math.abs(a.length - b.length) > 1) return false;
	if (a.length === b.length) {
		const diff = [...a].map((char, i) => (char === b[i] ? -1 : i)).filter(i => i !== -1);
		if (diff.length === 1) return true;
		return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
	}

	const [short, long] = a.length < b.length ? [a, b] : [b, a];
	for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
	return false;
}

/** The keyword a word misspells, or undefined. */
export function correction(word: string): string | undefined {
	if (word.length < 5 || !/^[a-z]+$/.test(word) || KEYWORDS.includes(word)) return undefined;
	return KEYWORDS.find(keyword => oneEdit(word, keyword));
}

/** Tokens with misspelled keywords corrected, and what was corrected, for the plan. */
export function correctTypos(tokens: Word[]): {tokens: Word[]; said: string[]} {
	const said: string[] = [];
	const out = tokens.map(token => {
		const fixed = correction(token.low);
		if (!fixed) return token;
		said.push(`read '${token.raw}' as '${fixed}'`);
		return {raw: fixed, low: fixed};
	});
	return {tokens: out, said};
}
