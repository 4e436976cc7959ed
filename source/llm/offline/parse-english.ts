/**
 * English entity clauses, read word by word: "posts (title, body as text) and comments (body) that
 * belong to posts", "users with email and name, has many posts", "order items that belong to orders
 * and products with a quantity", "authors (name, bio) have many books (title, isbn unique)",
 * "items with a title and a done flag, each item belongs to a list".
 *
 * A clause is a list of entities. An entity is a name (1–2 words) followed by any of: a field list
 * in parentheses, after "with"/"having"/":", and relation phrases ("belongs to X and Y",
 * "has many X", "each with many X", "has one X"). A relation target followed by its own field list
 * is described right there. Words that fit nowhere are reported, never turned into fields.
 */
import {pluralize, singularize} from './inflect.js';
import {readField} from './read-field.js';
import {isNumber, isWord, tokenize} from './tokens.js';
import type {FieldDraft} from './types.js';

export interface EnglishEntity {
	/** Table plural: `posts`, `line_items`. */
	plural: string;
	fields: FieldDraft[];
	/** Relation targets as plurals. */
	belongsTo: string[];
	hasMany: string[];
	hasOne: string[];
}

export interface EnglishClause {
	entities: EnglishEntity[];
	unreadable: string[];
}

type RelationKind = 'belongsTo' | 'hasMany' | 'hasOne';

const ARTICLES = new Set(['a', 'an', 'the', 'some', 'each', 'every', 'any', 'all', 'my', 'our', 'its', 'their']);
/** Words that may open a relation phrase: "that belong to", "and each has many", "it has one". */
const LEAD = new Set([',', 'and', 'that', 'which', 'who', 'they', 'it', 'also', 'each', 'every', 'then']);
const BELONG = new Set(['belong', 'belongs', 'belonging']);
/** Words that open a field list ("with a title") or, before "many"/"one", a relation. */
const HAVE = new Set(['has', 'have', 'having', 'with', 'contain', 'contains', 'containing', 'include', 'includes', 'including']);
const MANY = new Set(['many', 'multiple', 'several']);
const SEPARATOR = new Set([',', 'and', '&', 'plus']);
const KEYWORDS = new Set([...HAVE, ...BELONG, 'that', 'which', 'who', 'whose', 'where', 'and', 'or', 'is', 'are', 'to', 'of', 'plus', 'as', 'for', 'in', 'on', 'by']);
const FLAGS_ONLY = new Set(['unique', 'distinct', 'redacted', 'redact', 'sensitive', 'optional', 'required', 'mandatory', 'nullable', 'a', 'an', 'the']);
/** What may follow an entity's name (besides HAVE and BELONG words). */
const AFTER_NAME = new Set([...SEPARATOR, ';', '(', ':', 'that', 'which', 'who', 'each', 'they', 'also']);
const MAX_ENTITY_WORDS = 2;
/** Words before an entity's name that say nothing: "and also tags with a name". */
const NAME_LEAD = new Set(['also', 'then', 'finally', 'plus']);

function isPlural(word: string): boolean {
	return singularize(word) !== word;
}

interface Name {
	words: string[];
	end: number;
	/** Opened by "each"/"every": "each item belongs to a list". */
	each: boolean;
}

class ClauseReader {
	private pos = 0;
	private readonly entities = new Map<string, EnglishEntity>();
	private readonly unreadable: string[] = [];

	constructor(private readonly tokens: string[]) {}

	read(): EnglishClause {
		while (this.pos < this.tokens.length) {
			const token = this.tokens[this.pos]!;
			if (SEPARATOR.has(token) || token === ';') this.pos++;
			else this.readEntity();
		}

		return {entities: [...this.entities.values()], unreadable: this.unreadable};
	}

	private at(index: number): string | undefined {
		return this.tokens[index];
	}

	private entity(plural: string): EnglishEntity {
		let entity = this.entities.get(plural);
		if (!entity) {
			entity = {plural, fields: [], belongsTo: [], hasMany: [], hasOne: []};
			this.entities.set(plural, entity);
		}

		return entity;
	}

	/** Skips articles, then up to MAX_ENTITY_WORDS + 1 plain words (one too many marks a bad name). */
	private nameAt(index: number): Name | undefined {
		let at = index;
		let each = false;
		while (ARTICLES.has(this.at(at) ?? '') || NAME_LEAD.has(this.at(at) ?? '')) {
			each ||= this.at(at) === 'each' || this.at(at) === 'every';
			at++;
		}

		const words: string[] = [];
		while (words.length <= MAX_ENTITY_WORDS && isWord(this.at(at)) && !KEYWORDS.has(this.at(at)!) && !ARTICLES.has(this.at(at)!)) {
			words.push(this.at(at)!);
			at++;
		}

		return words.length > 0 && words.length <= MAX_ENTITY_WORDS ? {words, end: at, each} : undefined;
	}

	/** A relation verb at `index`: "belongs to", "has many", "with many", "has one". */
	private verbAt(index: number): {kind: RelationKind; end: number} | undefined {
		const [a, b, c] = [this.at(index), this.at(index + 1), this.at(index + 2)];
		if (a && BELONG.has(a) && b === 'to') return {kind: 'belongsTo', end: index + 2};
		if (a && HAVE.has(a) && b && MANY.has(b)) return {kind: 'hasMany', end: index + 2};
		if (a && HAVE.has(a) && b === 'one' && c !== 'of') return {kind: 'hasOne', end: index + 2};
		if (a && HAVE.has(a) && b === 'a' && c === 'single') return {kind: 'hasOne', end: index + 3};
		return undefined;
	}

	/**
	 * A relation phrase ahead: `own` when it is about `entity` (no subject, "they", or the entity
	 * named again: "each item belongs to"), else it opens another entity's description.
	 */
	private relationAhead(entity: EnglishEntity): {own: true; kind: RelationKind; end: number} | {own: false} | undefined {
		let at = this.pos;
		while (LEAD.has(this.at(at) ?? '')) at++;
		const verb = this.verbAt(at);
		if (verb) return {own: true, ...verb};
		const subject = this.nameAt(at);
		if (!subject) return undefined;
		let after = subject.end;
		if (['that', 'which', 'who'].includes(this.at(after) ?? '')) after++;
		const subjectVerb = this.verbAt(after);
		if (!subjectVerb) return undefined;
		if (pluralize(subject.words.join('_')) === entity.plural) return {own: true, ...subjectVerb};
		return subject.each || isPlural(subject.words[subject.words.length - 1]!) ? {own: false} : undefined;
	}

	/** Whether "(…)" at `index` annotates a field ("(unique)", "(integer)") rather than listing fields. */
	private annotationAt(index: number): boolean {
		if (this.at(index) !== '(') return false;
		const close = this.tokens.indexOf(')', index);
		return close !== -1 && readField(['x', ...this.tokens.slice(index, close + 1)]) !== undefined;
	}

	/** Whether another entity's description starts here (after separators), ending a field list. */
	private entityAhead(): boolean {
		let at = this.pos;
		while (SEPARATOR.has(this.at(at) ?? '')) at++;
		const name = this.nameAt(at);
		if (!name) return false;
		const next = this.at(name.end);
		if (next === '(') return !this.annotationAt(name.end);
		if (!name.each && !isPlural(name.words[name.words.length - 1]!)) return false;
		if (next && ['with', 'having', 'containing', 'has', 'have', ':'].includes(next)) return true;
		const afterWho = ['that', 'which', 'who'].includes(next ?? '') ? name.end + 1 : name.end;
		return this.verbAt(afterWho) !== undefined || (afterWho !== name.end && HAVE.has(this.at(afterWho) ?? ''));
	}

	/** Reports the words from `start` to the next separator and moves past them. */
	private skipUnreadable(start: number): void {
		this.pos = Math.max(this.pos, start);
		while (this.pos < this.tokens.length && !SEPARATOR.has(this.tokens[this.pos]!) && this.tokens[this.pos] !== ';') this.pos++;
		if (this.pos === start) this.pos++;
		this.unreadable.push(this.tokens.slice(start, this.pos).join(' '));
	}

	private readEntity(): void {
		const start = this.pos;
		const name = this.nameAt(start);
		if (!name) {
			this.skipUnreadable(start);
			return;
		}

		const next = this.at(name.end);
		if (next !== undefined && !AFTER_NAME.has(next) && !HAVE.has(next) && !BELONG.has(next)) {
			this.skipUnreadable(start);
			return;
		}

		const plural = pluralize(name.words.join('_'));
		const existed = this.entities.has(plural);
		const entity = this.entity(plural);
		this.pos = name.end;
		const before = this.pos;
		this.readBody(entity);
		const bare = this.pos === before;
		// A lone singular word is more likely something we do not understand than an empty table.
		if (bare && !existed && !isPlural(name.words[name.words.length - 1]!)) {
			this.entities.delete(plural);
			this.skipUnreadable(start);
		}
	}

	private readBody(entity: EnglishEntity): void {
		for (;;) {
			const token = this.at(this.pos);
			if (token === undefined || token === ';') return;
			if (token === '(') {
				this.readParenthesised(entity);
				continue;
			}

			if (token === ':' && entity.fields.length === 0) {
				this.pos++;
				this.readList(entity, false);
				continue;
			}

			const relation = this.relationAhead(entity);
			if (relation?.own) {
				this.pos = relation.end;
				if (this.readTargets(entity, relation.kind) === 'moved on') return;
				continue;
			}

			if (relation) return;
			let at = this.pos;
			while ([',', 'and', 'that', 'which', 'who', 'each'].includes(this.at(at) ?? '')) at++;
			if (HAVE.has(this.at(at) ?? '')) {
				this.pos = at + 1;
				this.readList(entity, false);
				continue;
			}

			if (SEPARATOR.has(token)) return;
			this.skipUnreadable(this.pos);
		}
	}

	private readParenthesised(entity: EnglishEntity): void {
		if (this.annotationAt(this.pos)) {
			this.skipUnreadable(this.pos);
			return;
		}

		this.pos++;
		this.readList(entity, true);
	}

	/** Relation targets: "orders and products", "posts, comments and tags", "books (title, isbn)". */
	private readTargets(entity: EnglishEntity, kind: RelationKind): 'moved on' | undefined {
		for (;;) {
			const name = this.nameAt(this.pos);
			if (!name) {
				this.skipUnreadable(this.pos);
				return undefined;
			}

			const target = pluralize(name.words.join('_'));
			const list = kind === 'belongsTo' ? entity.belongsTo : kind === 'hasMany' ? entity.hasMany : entity.hasOne;
			if (!list.includes(target)) list.push(target);
			this.pos = name.end;
			const next = this.at(this.pos);
			// The target described in place: what follows is about it.
			const described =
				(next === '(' && !this.annotationAt(this.pos)) ||
				(kind !== 'belongsTo' && ['with', 'having', 'containing'].includes(next ?? '') && !this.verbAt(this.pos));
			if (described) {
				this.readBody(this.entity(target));
				return 'moved on';
			}

			let at = this.pos;
			if (this.at(at) === ',') at++;
			if (this.at(at) === 'and') at++;
			if (at === this.pos) return undefined;
			const more = this.nameAt(at);
			if (!more) return undefined;
			const after = this.at(more.end);
			const continues =
				after === undefined ||
				after === ';' ||
				// "belong to posts and tags (name)": tags is a new entity; "have many posts (…) and tags (…)": both owned.
				(after === '(' && kind !== 'belongsTo') ||
				SEPARATOR.has(after) ||
				(['with', 'having', 'containing'].includes(after) && !this.verbAt(more.end));
			if (!continues) return undefined;
			this.pos = at;
		}
	}

	/** Whether an enum's value list ("one of draft, published or archived") is still open. */
	private static enumOpen(item: string[]): boolean {
		const start = item.findIndex((word, i) => (word === 'one' && item[i + 1] === 'of') || word === 'either');
		return start !== -1 && !item.slice(start + 2).includes('or');
	}

	/** The tokens of one list item; enum values and "between 1 and 5" may span separators. */
	private readItem(): string[] {
		const item: string[] = [];
		let depth = 0;
		for (;;) {
			const token = this.at(this.pos);
			if (token === undefined || token === ';') break;
			if (token === '(') depth++;
			if (token === ')') {
				if (depth === 0) break;
				depth--;
			}

			if (depth === 0 && token !== ')' && token !== '(') {
				if (SEPARATOR.has(token)) {
					const between = token === 'and' && item[item.length - 2] === 'between' && isNumber(item[item.length - 1]);
					if (!between && !(ClauseReader.enumOpen(item) && this.enumValueAfter(this.pos))) break;
				} else if (item.length > 0 && (BELONG.has(token) || this.verbAt(this.pos) || (['that', 'which', 'who'].includes(token) && this.verbAt(this.pos + 1)))) {
					break;
				}
			}

			item.push(token);
			this.pos++;
		}

		return item;
	}

	/** After a separator inside "one of a, b …": whether a further value follows. */
	private enumValueAfter(index: number): boolean {
		let at = index;
		while ([',', 'and', 'or'].includes(this.at(at) ?? '')) at++;
		const value = this.at(at);
		const after = this.at(at + 1);
		return isWord(value) && !ARTICLES.has(value) && (after === undefined || [',', ')', ';', 'or', '/', '|', 'and'].includes(after));
	}

	/** A field list, up to ")" when parenthesised, else up to a relation or another entity. */
	private readList(entity: EnglishEntity, parenthesised: boolean): void {
		const items: string[][] = [];
		for (;;) {
			// Checked before the separators go: the entity's body reads "and comments with …" as its end.
			const relation = this.relationAhead(entity);
			if (relation?.own && parenthesised) {
				this.pos = relation.end;
				this.readTargets(entity, relation.kind);
				continue;
			}

			if (!parenthesised && (relation || this.entityAhead())) break;
			while (SEPARATOR.has(this.at(this.pos) ?? '')) this.pos++;
			const token = this.at(this.pos);
			if (token === undefined || token === ';') break;
			if (token === ')') {
				if (parenthesised) this.pos++;
				else this.skipUnreadable(this.pos);
				break;
			}

			if (!parenthesised && (this.relationAhead(entity) || this.entityAhead())) continue;
			// "…, each with a body", "and with a slug": the list goes on.
			if (token === 'each' && HAVE.has(this.at(this.pos + 1) ?? '')) this.pos++;
			if (HAVE.has(this.at(this.pos) ?? '')) {
				this.pos++;
				continue;
			}

			const start = this.pos;
			const item = this.readItem();
			if (item.length === 0) {
				this.skipUnreadable(start);
				continue;
			}

			items.push(item);
		}

		this.addFields(entity, spreadShared(items));
	}

	private addFields(entity: EnglishEntity, items: string[][]): void {
		for (const item of items) {
			const field = readField(item);
			const previous = entity.fields[entity.fields.length - 1];
			if (field) {
				entity.fields.push(field);
			} else if (previous && !previous.type && enumOf(item)) {
				// "a role, either admin or member": the values belong to the field before them.
				previous.type = enumOf(item);
			} else if (previous && item.every(word => FLAGS_ONLY.has(word))) {
				// "a slug, unique": the flag belongs to the field before it.
				previous.unique ||= item.some(word => word === 'unique' || word === 'distinct');
				previous.redact ||= item.some(word => ['redacted', 'redact', 'sensitive'].includes(word));
			} else {
				this.unreadable.push(item.join(' ').replace(/ ([,)])/g, '$1').replace(/\( /g, '('));
			}
		}
	}
}

/** "either admin or member", "one of a, b or c" standing alone: the enum type. */
function enumOf(item: string[]): string | undefined {
	const words = item.filter(word => !['which', 'that', 'is', 'are', 'must', 'be', 'a', 'an'].includes(word));
	if (words[0] !== 'either' && !(words[0] === 'one' && words[1] === 'of')) return undefined;
	const type = readField(['x', ...words])?.type;
	return type?.startsWith('enum:') ? type : undefined;
}

/** "first and last names", "start and end dates": the shared noun goes to the bare word before it. */
function spreadShared(items: string[][]): string[][] {
	return items.map((item, i) => {
		const next = items[i + 1];
		const words = item.filter(word => !ARTICLES.has(word));
		if (words.length !== 1 || !isWord(words[0]) || !next) return item;
		const nextWords = next.filter(word => !ARTICLES.has(word));
		const noun = nextWords[1];
		if (nextWords.length !== 2 || !noun || !isPlural(noun)) return item;
		return [words[0]!, singularize(noun)];
	}).map((item, i, all) => {
		const previous = all[i - 1];
		const words = item.filter(word => !ARTICLES.has(word));
		// The second half keeps its noun, made singular: "last names" → last_name.
		if (previous && previous.length === 2 && words.length === 2 && isPlural(words[1]!) && singularize(words[1]!) === previous[1]) return [words[0]!, previous[1]!];
		return item;
	});
}

/** Parses one clause (already split on `;` and new lines) of an English description. */
export function parseEnglishClause(clause: string): EnglishClause {
	return new ClauseReader(tokenize(clause)).read();
}
