/**
 * Simple English inflection for entity names: enough for the nouns people name tables after
 * (post/posts, category/categories, person/people, address/addresses, status/statuses).
 * Multi-word names are snake_case; only the last word is inflected.
 */

const IRREGULAR: Record<string, string> = {
	person: 'people',
	man: 'men',
	woman: 'women',
	child: 'children',
	mouse: 'mice',
	goose: 'geese',
	tooth: 'teeth',
	foot: 'feet',
	ox: 'oxen',
	datum: 'data',
	criterion: 'criteria',
};

const IRREGULAR_PLURAL: Record<string, string> = Object.fromEntries(
	Object.entries(IRREGULAR).map(([singular, plural]) => [plural, singular]),
);

const UNCOUNTABLE = new Set([
	'sheep',
	'fish',
	'series',
	'species',
	'news',
	'equipment',
	'information',
	'metadata',
	'media',
	'feedback',
]);

/** `-ies` plurals whose singular ends in `-ie`, not `-y`. */
const IE_WORDS = new Set(['movie', 'cookie', 'rookie', 'calorie', 'zombie', 'pie', 'tie', 'lie', 'selfie', 'hoodie']);

/** Singulars ending in `-us` or `-as` that take `-es`. */
const ES_WORDS = /(alias|status|bus|campus|virus|census|bonus|corpus|canvas|atlas)$/;

function splitLast(word: string): [string, string] {
	const at = word.lastIndexOf('_');
	return at === -1 ? ['', word] : [word.slice(0, at + 1), word.slice(at + 1)];
}

function singularWord(word: string): string {
	if (UNCOUNTABLE.has(word)) return word;
	if (IRREGULAR_PLURAL[word]) return IRREGULAR_PLURAL[word]!;
	if (IRREGULAR[word]) return word;
	const es = /^(.*(?:alias|status|bus|campus|virus|census|bonus|corpus|canvas|atlas))(?:es)?$/.exec(word);
	if (es) return es[1]!;
	if (word.endsWith('ies') && IE_WORDS.has(word.slice(0, -1))) return word.slice(0, -1);
	const ies = /^(.*(?:[^aeiouy]|qu))ies$/.exec(word);
	if (ies) return `${ies[1]}y`;
	const xes = /^(.*(?:x|ch|ss|sh|zz))es$/.exec(word);
	if (xes) return xes[1]!;
	if (/(ss|us|is)$/.test(word)) return word;
	if (/[^s]s$/.test(word)) return word.slice(0, -1);
	return word;
}

function pluralWord(word: string): string {
	if (UNCOUNTABLE.has(word)) return word;
	if (IRREGULAR[word]) return IRREGULAR[word]!;
	if (IRREGULAR_PLURAL[word]) return word;
	if (ES_WORDS.test(word)) return `${word}es`;
	if (/([^aeiouy]|qu)y$/.test(word)) return `${word.slice(0, -1)}ies`;
	if (/(x|ch|ss|sh|zz|s)$/.test(word)) return `${word}es`;
	return `${word}s`;
}

/** `posts` → `post`, `blog_categories` → `blog_category`; a singular is returned as is. */
export function singularize(name: string): string {
	const [head, last] = splitLast(name);
	return head + singularWord(last);
}

/** `post` → `posts`; a plural (as `singularize` reads it) is returned as is. */
export function pluralize(name: string): string {
	const [head, last] = splitLast(name);
	return head + pluralWord(singularWord(last));
}

// Elixir's own naming rules live in one place: the generators.
export {camelize, underscore} from '../../generators/naming.js';
