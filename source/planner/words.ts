/**
 * The planner's words: tokens of a description (each keeps the user's spelling for enum values and
 * defaults, and a lowercase form for matching), and English singular/plural forms from
 * `pluralize` (shelves → shelf, people → person). Multi-word names are snake_case; only the last
 * word is inflected.
 */
import pluralizeWord from 'pluralize';

export interface Word {
	/** As written: `AB`, `Title`. */
	raw: string;
	/** Lowercase, hyphens as underscores: `ab`, `e_mail`. */
	low: string;
}

const PATTERNS: RegExp[] = [
	// Generator syntax stays one token: `title:string`, `status:enum:A:B`, `quantity:integer:default:0`.
	/[A-Za-z_][A-Za-z0-9_]*(?::[A-Za-z0-9_.-]+)+/y,
	/[A-Za-z_][A-Za-z0-9_]*(?:[-'][A-Za-z0-9_]+)*/y,
	/\d+(?:\.\d+)?/y,
	/[,()&/|:;?!*•+-]/y,
	/[^\s,()&/|:;?!]+/y,
];

export function splitWords(text: string): Word[] {
	const source = text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
	const tokens: Word[] = [];
	let at = 0;
	while (at < source.length) {
		if (/\s/.test(source[at]!)) {
			at++;
			continue;
		}

		for (const pattern of PATTERNS) {
			pattern.lastIndex = at;
			const match = pattern.exec(source);
			if (!match) continue;
			let raw = match[0];
			at += raw.length;
			// A word's final full stop or quote is punctuation, not part of it.
			raw = raw.replace(/^["'`]+|["'`.]+$/g, '');
			if (raw.length === 0) break;
			const low = raw.includes(':') ? raw : /^[A-Za-z_]/.test(raw) ? raw.toLowerCase().replace(/'s$/, '').replace(/-/g, '_').replace(/'/g, '') : raw;
			tokens.push({raw: raw.includes(':') ? raw : raw.replace(/'s$/, ''), low});
			break;
		}
	}

	return tokens;
}

const WORD = /^[a-z][a-z0-9_]*$/;
export function isWord(token: string | undefined): token is string {
	return token !== undefined && WORD.test(token);
}

export function isNumber(token: string | undefined): token is string {
	return token !== undefined && /^-?\d+(?:\.\d+)?$/.test(token);
}

function splitLast(name: string): [string, string] {
	const at = name.lastIndexOf('_');
	return at === -1 ? ['', name] : [name.slice(0, at + 1), name.slice(at + 1)];
}

/** Words pluralize gets wrong for table names. */
const SINGULAR_KEEP = new Set(['data', 'media', 'news', 'series', 'species', 'metadata', 'status', 'bus', 'campus', 'alias']);

/** `posts` → `post`, `blog_categories` → `blog_category`, `shelves` → `shelf`. */
export function singularize(name: string): string {
	const [head, last] = splitLast(name);
	if (SINGULAR_KEEP.has(last)) return name;
	return head + pluralizeWord.singular(last);
}

/** `post` → `posts`; a plural stays as it is. */
export function pluralize(name: string): string {
	const [head, last] = splitLast(name);
	if (last === 'status') return `${head}statuses`;
	return head + pluralizeWord.plural(pluralizeWord.singular(last));
}

export function isPlural(word: string): boolean {
	const [, last] = splitLast(word);
	if (['news', 'series', 'species', 'data', 'media', 'people', 'staff'].includes(last)) return true;
	return singularize(word) !== word;
}

// Elixir's own naming rules live in one place: the generators.
export {camelize, underscore} from '../generators/naming.js';
