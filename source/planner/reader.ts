/**
 * The description's grammar. A description is clauses (lines, sentences, `;`, list items); a
 * clause is framing ("A gym booking system.", "a shop where …", "blog:"), a directive ("Use UUID
 * primary keys", "with timestamps"), generator syntax (`Blog.Post posts title:string`), or a list
 * of entity statements:
 *
 *   statement := [each] NAME body*
 *   body      := "(" fields ")" | ":" fields | with|has|have fields | belongs to TARGETS
 *              | has many|has one TARGETS | joins|links A and|to B | on TARGET (many to many)
 *              | can be assigned to TARGET | can reply to a parent NAME | VERB TARGET
 *
 * Fields are read by field.ts; words that fit nowhere are kept as unreadable, never dropped.
 */
import type {EntityDraft, FieldDraft, Reading, Relation} from './draft.js';
import {ARTICLES, readField} from './field.js';
import {looksLikeGeneratorLine, parseGeneratorLine} from './generator-syntax.js';
import {camelize, isPlural, isWord, pluralize, singularize, tokenize, type Token} from './words.js';

const SEPARATORS = new Set([',', 'and', '&', 'plus']);
const BELONG = new Set(['belong', 'belongs', 'belonging']);
const HAVE = new Set(['has', 'have', 'having', 'with', 'contain', 'contains', 'containing', 'include', 'includes', 'including']);
const JOIN = new Set(['join', 'joins', 'joining', 'link', 'links', 'linking', 'connect', 'connects', 'connecting', 'between']);
const OWN_VERBS = new Set(['place', 'places', 'make', 'makes', 'write', 'writes', 'own', 'owns', 'create', 'creates', 'post', 'posts', 'send', 'sends', 'book', 'books', 'borrow', 'borrows', 'submit', 'submits', 'leave', 'leaves', 'publish', 'publishes', 'manage', 'manages', 'run', 'runs', 'upload', 'uploads', 'cast', 'casts']);
const KEYWORDS = new Set([...HAVE, ...BELONG, ...JOIN, 'that', 'which', 'who', 'whose', 'where', 'and', 'or', 'is', 'are', 'to', 'of', 'plus', 'as', 'for', 'in', 'on', 'by', 'can', 'each', 'every', 'both', 'many', 'also', 'then', 'use', 'using', 'already', 'exist', 'exists']);
const NAME_LEAD = new Set(['also', 'then', 'finally', 'plus', 'each', 'every', 'and', 'all', 'many', 'some', 'several', 'multiple']);
const MAX_ENTITY_WORDS = 3;
/** Field names that are usually a fixed set of values: "status: draft, sent, paid". */
const ENUM_NAMES = new Set(['status', 'state', 'kind', 'type', 'role', 'category', 'level', 'priority', 'stage', 'plan', 'tier', 'visibility', 'mode', 'severity', 'phase', 'size', 'color', 'colour', 'gender', 'frequency']);
/** Heads of a framing phrase that name the kind of software, not the domain. */
const GENERIC_HEADS = new Set(['app', 'application', 'system', 'platform', 'site', 'website', 'service', 'tool', 'tracker', 'manager', 'project', 'backend', 'api', 'database', 'db', 'portal', 'software', 'program', 'solution', 'saas', 'webapp', 'thing', 'schema', 'schemas', 'model', 'models', 'table', 'tables', 'data']);
const FRAMING_ADJECTIVES = new Set(['simple', 'small', 'basic', 'little', 'tiny', 'minimal', 'new', 'quick', 'personal', 'full', 'complete', 'web', 'mobile', 'phoenix', 'elixir']);
const PLEASANTRIES = new Set(['hi', 'hello', 'hey', 'thanks', 'thank', 'you', 'please', 'cheers', 'ok', 'okay', 'following', 'below', 'this', 'these']);
const REQUEST = [
	/^(?:hi|hello|hey)\b[!,.]?\s*/i,
	/^(?:please\s+)?(?:can|could|would) you(?: please)?\s+/i,
	/^(?:please\s+)?(?:i|we)(?:'d| would)? (?:need|want|like|would like)(?: to (?:have|build|make|create|keep track of|track|manage|store|model|record))?\s+/i,
	/^(?:please\s+)?(?:i|we)(?:'m|'re| am| are) (?:building|making|creating|writing|working on)\s+/i,
	/^(?:please\s+)?(?:let's|lets|let us) (?:build|make|create|model)\s+/i,
	/^(?:please\s+)?(?:build|create|make|generate|set up|setup|add|model|design|scaffold|give)(?: me| us)?\s+/i,
	/^please\s+/i,
	/^(?:to )?(?:track|manage|keep track of)\s+/i,
];

interface Clause {
	text: string;
	tokens: Token[];
}

/** Lines, sentences, `;` and " - " separate clauses; list markers go. */
export function splitClauses(text: string): string[] {
	const out: string[] = [];
	for (const rawLine of text.split(/\r?\n/)) {
		const line = rawLine.replace(/^\s*(?:[-*•+]|\d+[.)])\s+/, '');
		let depth = 0;
		let current = '';
		for (let i = 0; i < line.length; i++) {
			const char = line[i]!;
			if (char === '(') depth++;
			if (char === ')') depth = Math.max(0, depth - 1);
			const next = line[i + 1];
			const stop = (char === '.' || char === '!' || char === '?') && (next === undefined || /\s/.test(next));
			const dash = (char === '-' || char === '—' || char === '–') && line[i - 1] === ' ' && next === ' ';
			if (depth === 0 && (char === ';' || stop || dash)) {
				out.push(current);
				current = '';
			} else {
				current += char;
			}
		}

		out.push(current);
	}

	return out.map(clause => clause.trim()).filter(clause => clause.length > 0);
}

function stripRequest(text: string): string {
	let out = text;
	for (let changed = true; changed; ) {
		changed = false;
		for (const pattern of REQUEST) {
			const next = out.replace(pattern, '');
			if (next !== out) {
				out = next;
				changed = true;
			}
		}
	}

	return out.replace(/^(?:the following|following)\s*:?\s*/i, '').replace(/^(?:a |an |the )?(?:schema|schemas|table|tables|model|models|database) (?:for|of|with)\s+/i, '');
}

/** A framing phrase's domain: "a gym booking system" → GymBooking, "app to manage a library" → Library. */
function domainOf(words: string[]): string | undefined {
	let phrase = words.filter(word => !ARTICLES.has(word));
	const to = phrase.findIndex(word => word === 'to' || word === 'for');
	if (to !== -1) {
		const after = phrase.slice(to + 1).filter(word => !['manage', 'track', 'run', 'handle', 'organize', 'organise', 'keep', 'of', 'my', 'our'].includes(word) && !ARTICLES.has(word));
		phrase = after.length > 0 ? after : phrase.slice(0, to);
	}

	phrase = phrase.filter(word => !FRAMING_ADJECTIVES.has(word));
	while (phrase.length > 1 && GENERIC_HEADS.has(phrase[phrase.length - 1]!)) phrase.pop();
	if (phrase.length === 1 && GENERIC_HEADS.has(phrase[0]!) && phrase[0] !== 'saas') return undefined;
	if (phrase.length === 0 || phrase.length > 3 || !phrase.every(isWord)) return undefined;
	if (phrase.length === 1 && phrase[0] === 'crm') return 'CRM';
	if (phrase.length === 1 && phrase[0] === 'saas') return undefined;
	return camelize(phrase.join('_'));
}

class Reader {
	readonly reading: Reading = {entities: [], binaryId: false, ignored: [], unreadable: [], errors: [], manyToMany: []};
	private readonly byName = new Map<string, EntityDraft>();

	entity(singular: string, mentioned = true): EntityDraft {
		let entity = this.byName.get(singular);
		if (!entity) {
			entity = {singular, fields: [], belongsTo: [], hasMany: [], hasOne: [], mentioned};
			this.byName.set(singular, entity);
			this.reading.entities.push(entity);
		}

		if (!mentioned) entity.mentioned = false;
		return entity;
	}

	forget(entity: EntityDraft): void {
		this.byName.delete(entity.singular);
		this.reading.entities.splice(this.reading.entities.indexOf(entity), 1);
	}

	/** The entity the previous clause described, for clauses that only list more fields. */
	last?: EntityDraft;

	read(text: string): Reading {
		const clauses = splitClauses(text);
		for (const [index, raw] of clauses.entries()) this.clause(raw, index === 0);
		return this.reading;
	}

	private clause(raw: string, first: boolean): void {
		const text = stripRequest(raw);
		if (text.length === 0) return;
		if (looksLikeGeneratorLine(text)) {
			const parsed = parseGeneratorLine(text);
			if (!parsed.ok) {
				this.reading.errors.push(parsed.message);
				return;
			}

			const {context, alias, plural, attrs} = parsed.value;
			const entity = this.entity(singularize(plural), false);
			entity.generator = {...(context ? {context} : {}), alias, plural, attrs};
			return;
		}

		const tokens = tokenize(text);
		const words = tokens.map(token => token.low);
		if (this.directive(words, text)) return;
		if (words.every(word => PLEASANTRIES.has(word) || word === ',' || word === ':')) {
			this.reading.ignored.push(`'${raw}'`);
			return;
		}

		if (this.last && this.onlyFields(tokens)) {
			new StatementReader(this, {text, tokens}).fieldsOf(this.last);
			return;
		}

		const rest = this.framing({text, tokens}, first);
		if (!rest) return;

		const before = this.reading.entities.filter(entity => !entity.mentioned).length;
		new StatementReader(this, rest).readAll();
		const described = this.reading.entities.filter(entity => !entity.mentioned || entity.belongsTo.length > 0);
		if (described.length > 0 && (described.length !== before || !this.last)) this.last = described[described.length - 1];
	}

	/** "plan which can be free or pro", "renews on": a clause that names no entity, only fields. */
	private onlyFields(tokens: Token[]): boolean {
		const words = tokens.map(token => token.low);
		let at = 0;
		while (ARTICLES.has(words[at] ?? '')) at++;
		const first = words[at];
		if (!first || !isWord(first)) return false;
		if (isPlural(first) && (words[at + 1] === undefined || [':', '(', 'with', 'have', 'has', 'having'].includes(words[at + 1]!))) return false;
		// "Order: product, quantity" describes an entity; "status: draft, paid or void" is one enum field.
		const colon = words.indexOf(':');
		const comma = words.indexOf(',');
		if ((colon !== -1 && (comma === -1 || colon < comma)) || words[at + 1] === '(') {
			const whole = readField(tokens);
			const enumName = ENUM_NAMES.has(first) && tokens[at]!.raw === first;
			return whole.ok && (whole.field.type?.startsWith('enum:') ?? false) && (words.includes('or') || words.includes('|') || enumName);
		}

		if (words.some(word => BELONG.has(word) || JOIN.has(word) || word === 'many')) return false;
		// "each option has a label": a name with has/have/with opens an entity statement.
		if (HAVE.has(words[at + 1] ?? '') || HAVE.has(words[at + 2] ?? '')) return false;
		if (this.reading.entities.some(entity => entity.singular === first && !entity.mentioned)) return false;
		return splitItems(tokens).every(item => readField(item).ok);
	}

	/** "Use UUID primary keys", "with timestamps", "binary ids". */
	private directive(words: string[], text: string): boolean {
		const joined = words.join(' ');
		if (/\b(?:uuid|uuids|binary_id|binary_ids|binary ids?|guid)\b/.test(joined) && /\b(?:primary|keys?|ids?|binary_ids?)\b/.test(joined) && !words.includes('with') && words.length <= 7) {
			this.reading.binaryId = true;
			this.reading.ignored.push(`'${text}': every table gets binary (UUID) ids`);
			return true;
		}

		if (/^(?:(?:and|all|also|each|every|tables?|everything|with|include|add|have|has)\s+)*(?:created\/updated\s+)?timestamps$/.test(joined)) {
			this.reading.ignored.push(`'${text}': Phoenix adds inserted_at and updated_at to every table already`);
			return true;
		}

		return false;
	}

	/** Takes framing off a clause, setting the context; returns what is left to read as statements. */
	private framing(clause: Clause, first: boolean): Clause | undefined {
		const {tokens} = clause;
		const words = tokens.map(token => token.low);
		let start = 0;
		while (ARTICLES.has(words[start] ?? '')) start++;
		let end = start;
		while (end < words.length && isWord(words[end]) && !['with', 'where', 'that', 'which', 'having', 'has', 'have', 'belong', 'belongs', 'containing', 'and'].includes(words[end]!) && end - start < 6) end++;
		const phrase = words.slice(start, end);
		const marker = words[end];
		const after = words.slice(end + 1);
		const head = phrase[phrase.length - 1];
		if (!head || phrase.length === 0) return clause;
		const takeRest = (from: number): Clause | undefined => (from >= tokens.length ? undefined : {text: tokens.slice(from).map(token => token.raw).join(' '), tokens: tokens.slice(from)});
		const generic = phrase.some(word => GENERIC_HEADS.has(word)) || ((phrase.includes('to') || phrase.includes('for')) && (first || start > 0));
		const singularHead = !isPlural(head) || GENERIC_HEADS.has(head) || head === 'crm';
		const setContext = (): boolean => {
			const domain = domainOf(phrase);
			if (!domain) return generic;
			this.reading.context ??= domain;
			return true;
		};

		// "A gym booking system." / "Shop." / "a todo list app." / "We're building a fitness tracker."
		if (marker === undefined) {
			const hadArticle = start > 0;
			if ((singularHead && (hadArticle || generic || first || phrase.length === 1)) && !phrase.includes('as')) {
				if (setContext()) return undefined;
			}

			return clause;
		}

		// "I need a shop where customers place orders"
		if (marker === 'where' && singularHead) {
			setContext();
			return takeRest(end + 1);
		}

		// "blog:", "Library: books (…)", "A school app: students …", "Accounts: users (…)"
		if (marker === ':') {
			const listsEntities = after.length === 0 || this.entityListAhead(tokens.slice(end + 1));
			if (listsEntities && (singularHead || after.length > 0)) {
				if (setContext()) return takeRest(end + 1);
			}

			return clause;
		}

		// "chat app with rooms and messages", "a blog with posts (…)", "appointments for a clinic: …"
		if (marker === 'with' || marker === 'having' || marker === 'containing') {
			const next = after[0];
			if (singularHead && next && !ARTICLES.has(next) && (isPlural(next) || this.entityListAhead(tokens.slice(end + 1))) && (start > 0 || generic || first)) {
				if (setContext()) return takeRest(end + 1);
			}
		}

		return clause;
	}

	/** Whether tokens start with an entity list: "books (", "invoices and payments", "members (…), trainers". */
	private entityListAhead(tokens: Token[]): boolean {
		const words = tokens.map(token => token.low);
		let at = 0;
		while (ARTICLES.has(words[at] ?? '')) at++;
		const name: string[] = [];
		while (isWord(words[at]) && !KEYWORDS.has(words[at]!) && name.length < MAX_ENTITY_WORDS) name.push(words[at++]!);
		if (name.length === 0) return false;
		const next = words[at];
		if (!isPlural(name[name.length - 1]!)) return false;
		if (next === '(') return true;
		if (next === undefined) return true;
		if (next === ':' || BELONG.has(next) || HAVE.has(next) || JOIN.has(next)) return true;
		if (next === 'and' || next === ',') {
			const rest = words.slice(at + 1).filter(word => !ARTICLES.has(word));
			return rest.length > 0 && isPlural(rest[0]!) && rest.slice(1).every(word => isWord(word) || SEPARATORS.has(word) || word === ',' || word === '(') && !rest.includes('as');
		}

		return false;
	}

	describeGenerator(): void {}
}

/** Reads the entity statements of one clause. */
class StatementReader {
	private pos = 0;
	private readonly words: string[];

	constructor(
		private readonly reader: Reader,
		private readonly clause: Clause,
	) {
		this.words = clause.tokens.map(token => token.low);
	}

	private at(index: number): string | undefined {
		return this.words[index];
	}

	private unreadable(start: number, end: number): void {
		const text = this.clause.tokens
			.slice(start, end)
			.map(token => token.raw)
			.join(' ')
			.replace(/ ([,):])/g, '$1')
			.replace(/\( /g, '(');
		if (text.length > 0) this.reader.reading.unreadable.push(text);
	}

	/** Reports everything up to the next top-level separator. */
	private skip(): void {
		const start = this.pos;
		let depth = 0;
		while (this.pos < this.words.length) {
			const word = this.words[this.pos]!;
			if (word === '(') depth++;
			if (word === ')') depth--;
			if (depth <= 0 && word === ',' && this.pos > start) break;
			this.pos++;
		}

		this.unreadable(start, this.pos);
	}

	fieldsOf(entity: EntityDraft): void {
		this.fields(entity, this.clause.tokens);
		this.pos = this.words.length;
	}

	readAll(): void {
		while (this.pos < this.words.length) {
			const word = this.at(this.pos)!;
			if (SEPARATORS.has(word) || word === ':') {
				this.pos++;
				continue;
			}

			if (this.manyToMany()) continue;
			const before = this.pos;
			this.statement();
			if (this.pos === before) this.skip();
		}
	}

	/** "playlists and songs are many to many", "posts and tags (many to many)". */
	private manyToMany(): boolean {
		const a = this.nameAt(this.pos);
		if (!a || !['and', '&'].includes(this.at(a.end) ?? '')) return false;
		const b = this.nameAt(a.end + 1);
		if (!b) return false;
		let at = b.end;
		if (['are', 'is'].includes(this.at(at) ?? '')) at++;
		if (this.at(at) === '(') at++;
		if (this.at(at) !== 'many' || this.at(at + 1) !== 'to' || this.at(at + 2) !== 'many') return false;
		at += 3;
		if (this.at(at) === ')') at++;
		const first = singularize(a.words.join('_'));
		const second = singularize(b.words.join('_'));
		this.reader.entity(first);
		this.reader.entity(second);
		this.reader.reading.manyToMany.push([first, second]);
		this.pos = at;
		return true;
	}

	/** An entity name at `index`: up to three plain words after articles and "each". */
	private nameAt(index: number): {words: string[]; end: number} | undefined {
		let at = index;
		while (ARTICLES.has(this.at(at) ?? '') || NAME_LEAD.has(this.at(at) ?? '')) at++;
		const words: string[] = [];
		while (words.length < MAX_ENTITY_WORDS && isWord(this.at(at)) && !KEYWORDS.has(this.at(at)!) && !ARTICLES.has(this.at(at)!)) {
			if (OWN_VERBS.has(this.at(at)!) && words.length > 0 && this.nameAfterVerb(at + 1)) break;
			words.push(this.at(at)!);
			at++;
		}

		return words.length > 0 ? {words, end: at} : undefined;
	}

	private nameAfterVerb(index: number): boolean {
		let at = index;
		while (ARTICLES.has(this.at(at) ?? '')) at++;
		const word = this.at(at);
		return isWord(word) && isPlural(word) && (this.at(at + 1) === undefined || SEPARATORS.has(this.at(at + 1)!));
	}

	private statement(): void {
		const name = this.nameAt(this.pos);
		if (!name) return;
		if (name.words.length > 1 && ['table', 'tables', 'model', 'schema', 'entity', 'resource'].includes(name.words[name.words.length - 1]!)) name.words.pop();
		const singular = singularize(name.words.join('_'));
		this.pos = name.end;
		const next = this.at(this.pos);
		// A lone singular word standing alone is more likely something we do not understand.
		if (next === undefined || SEPARATORS.has(next) || next === ';') {
			if (!isPlural(name.words[name.words.length - 1]!) && !this.reader.reading.entities.some(entity => entity.singular === singular)) {
				this.unreadable(name.end - name.words.length, name.end);
				return;
			}

			this.reader.entity(singular);
			return;
		}

		const existed = this.reader.reading.entities.some(entity => entity.singular === singular);
		const entity = this.reader.entity(singular, false);
		this.body(entity, name.end - name.words.length);
		if (this.pos === name.end) {
			// Nothing after the name made sense: the words are reported from the name on.
			if (!existed) this.reader.forget(entity);
			this.pos = name.end - name.words.length;
			this.skip();
		}
	}

	private body(entity: EntityDraft, start: number): void {
		for (;;) {
			const word = this.at(this.pos);
			if (word === undefined) return;
			if (word === '(') {
				const close = this.closing(this.pos);
				const inner = this.clause.tokens.slice(this.pos + 1, close);
				const innerWords = inner.map(token => token.low).filter(w => !ARTICLES.has(w));
				if (innerWords.join(' ') === 'many to many' || innerWords.join(' ') === 'many_to_many') {
					this.pos = close + 1;
					continue;
				}

				this.fields(entity, inner);
				this.pos = close + 1;
				continue;
			}

			if (word === ':' || (word.includes(':') && this.pos > start)) {
				if (word === ':') this.pos++;
				this.fields(entity, this.clause.tokens.slice(this.pos));
				this.pos = this.words.length;
				return;
			}

			if (word === 'with' && ['many', 'multiple', 'several'].includes(this.at(this.pos + 1) ?? '')) {
				this.pos += 2;
				this.targets(entity, 'hasMany');
				continue;
			}

			let at = this.pos;
			while ([',', 'and', 'that', 'which', 'who', 'it', 'they', 'also', 'each', 'every', 'both'].includes(this.at(at) ?? '')) at++;
			// "…, each task belongs to a project": the entity named again before its next phrase.
			if (at > this.pos && isWord(this.at(at)) && singularize(this.at(at)!) === entity.singular && (BELONG.has(this.at(at + 1) ?? '') || HAVE.has(this.at(at + 1) ?? '') || this.at(at + 1) === 'can')) at++;
			const verb = this.at(at);
			const object = this.at(at + 1);
			if (verb && BELONG.has(verb) && object === 'to') {
				this.pos = at + 2;
				this.targets(entity, 'belongsTo');
				continue;
			}

			if (verb && HAVE.has(verb) && ['many', 'multiple', 'several'].includes(object ?? '')) {
				this.pos = at + 2;
				this.targets(entity, 'hasMany');
				continue;
			}

			if (verb && HAVE.has(verb) && object === 'one' && this.at(at + 2) !== 'of') {
				this.pos = at + 2;
				this.targets(entity, 'hasOne');
				continue;
			}

			if (verb && JOIN.has(verb)) {
				this.pos = at + 1;
				if (this.join(entity)) continue;
				this.pos = at;
				return;
			}

			if (verb === 'on' && this.nameAt(at + 1)) {
				// "tags on posts (many to many)"
				const target = this.nameAt(at + 1)!;
				this.reader.reading.manyToMany.push([singularize(target.words.join('_')), entity.singular]);
				this.reader.entity(singularize(target.words.join('_')));
				entity.mentioned = entity.fields.length === 0;
				this.pos = target.end;
				continue;
			}

			if ((verb === 'are' || verb === 'is') && this.at(at + 1) === 'many' && this.at(at + 2) === 'to' && this.at(at + 3) === 'many') {
				this.pos = at + 4;
				continue;
			}

			if (verb === 'can' || (verb === 'may' && object === 'be')) {
				if (this.ability(entity, at + 1)) continue;
			}

			if (verb === 'where' && this.nameAt(at + 1) && ['already', 'exist', 'exists'].includes(this.at(this.nameAt(at + 1)!.end) ?? '')) {
				const other = this.nameAt(at + 1)!;
				this.reader.entity(singularize(other.words.join('_'))).existing = true;
				let end = other.end;
				while (['already', 'exist', 'exists'].includes(this.at(end) ?? '')) end++;
				this.pos = end;
				continue;
			}

			if (verb === 'already' || (verb === 'exist' || verb === 'exists')) {
				let end = at;
				while (['already', 'exist', 'exists'].includes(this.at(end) ?? '')) end++;
				entity.existing = true;
				this.pos = end;
				continue;
			}

			if (verb && OWN_VERBS.has(verb) && this.nameAt(at + 1)) {
				// "customers place orders": the orders belong to the customer.
				const target = this.nameAt(at + 1)!;
				const owned = this.reader.entity(singularize(target.words.join('_')));
				if (!owned.belongsTo.some(relation => relation.target === entity.singular)) owned.belongsTo.push({target: entity.singular});
				entity.mentioned &&= true;
				this.pos = target.end;
				continue;
			}

			if (verb && HAVE.has(verb)) {
				this.pos = at + 1;
				this.fieldsUntilStatement(entity);
				continue;
			}

			// Generator-style fields after a lowercase plural: "posts title:string body:text".
			if (word.includes(':')) {
				this.fields(entity, this.clause.tokens.slice(this.pos));
				this.pos = this.words.length;
				return;
			}

			if (SEPARATORS.has(word)) {
				// "…, quantity, unit price" after a relation: more fields, unless another statement starts.
				if (this.statementAhead(this.pos)) return;
				if (entity.belongsTo.length > 0 || entity.joins || entity.fields.length > 0) {
					this.pos++;
					this.fieldsUntilStatement(entity);
					continue;
				}

				return;
			}

			return;
		}
	}

	/** "can be assigned to a user", "can reply to a parent comment". */
	private ability(entity: EntityDraft, index: number): boolean {
		const rest = this.words.slice(index);
		let at = 0;
		if (rest[at] === 'be') at++;
		const verb = rest[at];
		if (!verb || rest[at + 1] !== 'to') return false;
		let target = at + 2;
		while (ARTICLES.has(rest[target] ?? '')) target++;
		const words: string[] = [];
		while (isWord(rest[target]) && !KEYWORDS.has(rest[target]!) && words.length < 3) words.push(rest[target++]!);
		if (words.length === 0) return false;
		let relation: Relation;
		if (words[0] === 'parent' && words.length > 1) relation = {target: singularize(words.slice(1).join('_')), as: 'parent'};
		else if (verb === 'assigned') relation = {target: singularize(words.join('_')), as: 'assignee'};
		else return false;
		entity.belongsTo.push(relation);
		if (relation.target !== entity.singular) this.reader.entity(relation.target);
		this.pos = index + target;
		return true;
	}

	/** "memberships join users and organizations", "enrollments linking students to courses". */
	private join(entity: EntityDraft): boolean {
		const a = this.nameAt(this.pos);
		if (!a) return false;
		const link = this.at(a.end);
		if (!['and', 'to', 'with', '&'].includes(link ?? '')) return false;
		const b = this.nameAt(a.end + 1);
		if (!b) return false;
		const first = singularize(a.words.join('_'));
		const second = singularize(b.words.join('_'));
		entity.joins = [first, second];
		this.reader.entity(first);
		this.reader.entity(second);
		this.pos = b.end;
		return true;
	}

	private targets(entity: EntityDraft, kind: 'belongsTo' | 'hasMany' | 'hasOne'): void {
		for (;;) {
			const name = this.nameAt(this.pos);
			if (!name) return;
			const target = singularize(name.words.join('_'));
			if (kind === 'belongsTo') {
				if (!entity.belongsTo.some(relation => relation.target === target)) entity.belongsTo.push({target});
			} else {
				const list = kind === 'hasMany' ? entity.hasMany : entity.hasOne;
				if (!list.includes(target)) list.push(target);
			}

			const owned = this.reader.entity(target);
			this.pos = name.end;
			const next = this.at(this.pos);
			if (next === '(' && kind !== 'belongsTo') {
				// The target described in place: "authors have many books (title, isbn)".
				const close = this.closing(this.pos);
				owned.mentioned = false;
				this.fields(owned, this.clause.tokens.slice(this.pos + 1, close));
				this.pos = close + 1;
				return;
			}

			if (next === 'with' && kind !== 'belongsTo' && !['many', 'multiple'].includes(this.at(this.pos + 1) ?? '')) {
				this.pos++;
				owned.mentioned = false;
				this.fieldsUntilStatement(owned);
				return;
			}

			let at = this.pos;
			if (this.at(at) === ',') at++;
			if (this.at(at) !== 'and' && this.at(at) !== '&') return;
			at++;
			const more = this.nameAt(at);
			if (!more) return;
			const after = this.at(more.end);
			// "belong to a user and have a name": the and opens the entity's next phrase.
			if (after !== undefined && !SEPARATORS.has(after) && after !== '(' && after !== 'with' && after !== ':') return;
			if (HAVE.has(this.at(at) ?? '') || BELONG.has(this.at(at) ?? '')) return;
			this.pos = at;
		}
	}

	private closing(open: number): number {
		let depth = 0;
		for (let i = open; i < this.words.length; i++) {
			if (this.words[i] === '(') depth++;
			if (this.words[i] === ')') {
				depth--;
				if (depth === 0) return i;
			}
		}

		return this.words.length;
	}

	/** Whether a new entity statement starts after the separators at `index`. */
	private statementAhead(index: number): boolean {
		let at = index;
		while (SEPARATORS.has(this.at(at) ?? '')) at++;
		const name = this.nameAt(at);
		if (!name) return false;
		const next = this.at(name.end);
		const last = name.words[name.words.length - 1]!;
		if (next === '(') {
			if (ARTICLES.has(this.at(at) ?? '')) return false;
			const close = this.closing(name.end);
			const inner = this.clause.tokens.slice(name.end, close + 1);
			const note = readField([{raw: 'x', low: 'x'}, ...inner]);
			if (note.ok && !note.field.ref && !note.field.type?.startsWith('enum:')) return false;
			return isPlural(last) || this.reader.reading.entities.some(entity => entity.singular === singularize(name.words.join('_')));
		}
		if (!isPlural(last)) return false;
		if (next === ':' || next === 'with' || next === 'having') return true;
		let verbAt = name.end;
		if (['that', 'which', 'who'].includes(next ?? '')) verbAt++;
		const verb = this.at(verbAt);
		return (verb !== undefined && (BELONG.has(verb) || JOIN.has(verb) || verb === 'has' || verb === 'have')) || (verb === 'on' && this.at(verbAt + 1) !== undefined && this.words.slice(verbAt).includes('many'));
	}

	/** Fields after "with"/"has"/"," up to the next statement or relation. */
	private fieldsUntilStatement(entity: EntityDraft): void {
		const start = this.pos;
		let depth = 0;
		let end = this.pos;
		for (; end < this.words.length; end++) {
			const word = this.words[end]!;
			if (word === '(') depth++;
			if (word === ')') depth--;
			if (depth > 0) continue;
			if (SEPARATORS.has(word) && this.statementAhead(end)) break;
			if (SEPARATORS.has(word)) {
				let at = end;
				while ([',', 'and', 'that', 'which', 'each', 'every', 'it', 'they', 'the'].includes(this.words[at] ?? '')) at++;
				// "…, each task belongs to a project": the entity named again opens its next phrase.
				if (isWord(this.words[at]) && singularize(this.words[at]!) === entity.singular) at++;
				if (BELONG.has(this.words[at] ?? '') && this.words[at + 1] === 'to') break;
				if (HAVE.has(this.words[at] ?? '') && ['many', 'one'].includes(this.words[at + 1] ?? '')) break;
				if (this.words[at] === 'can' && this.words.slice(at).includes('to')) break;
			}

			if ((word === 'belonging' || word === 'belongs' || word === 'belong') && this.words[end + 1] === 'to') break;
		}

		this.fields(entity, this.clause.tokens.slice(start, end));
		this.pos = end;
	}

	/** A field list: items split at top-level commas and "and", enum value lists kept together. */
	private fields(entity: EntityDraft, tokens: Token[]): void {
		entity.mentioned = false;
		let previous: FieldDraft | undefined;
		for (const item of splitItems(tokens)) {
			const words = item.map(token => token.low).filter(word => !ARTICLES.has(word));
			if (words.length === 0) continue;
			if (words.join(' ') === 'timestamps' || words.join(' ') === 'with timestamps') {
				this.reader.reading.ignored.push(`'${item.map(token => token.raw).join(' ')}': Phoenix adds inserted_at and updated_at already`);
				continue;
			}

			// "belonging to posts" inside a list.
			if (BELONG.has(words[0]!) && words[1] === 'to') {
				for (const target of words.slice(2).filter(word => isWord(word) && !SEPARATORS.has(word))) {
					entity.belongsTo.push({target: singularize(target)});
					this.reader.entity(singularize(target));
				}

				continue;
			}

			const read = readField(item);
			if (read.ok) {
				entity.fields.push(read.field);
				previous = read.field;
				continue;
			}

			if (read.message) {
				this.reader.reading.errors.push(read.message);
				continue;
			}

			// "a slug, unique" / "with timestamps": a modifier for the field before.
			if (previous && words.every(word => ['unique', 'optional', 'required', 'nullable', 'redacted'].includes(word))) {
				previous.unique ||= words.includes('unique');
				previous.optional ||= words.includes('optional') || words.includes('nullable');
				previous.redact ||= words.includes('redacted');
				continue;
			}

			this.reader.reading.unreadable.push(item.map(token => token.raw).join(' ').replace(/ ([,)])/g, '$1').replace(/\( /g, '('));
		}

		// "follower_id and followed_id both referencing users": "both" reaches back one field.
		const fields = entity.fields;
		for (let i = fields.length - 1; i > 0; i--) {
			if (fields[i]!.ref && fields[i]!.words.includes('both') && !fields[i - 1]!.ref && !fields[i - 1]!.type) fields[i - 1]!.ref = fields[i]!.ref;
		}
	}
}

/** Splits a field list at top-level "," and "and"; keeps enum values, ranges and "first and last names" together. */
export function splitItems(tokens: Token[]): Token[][] {
	const items: Token[][] = [];
	let current: Token[] = [];
	let depth = 0;
	for (const token of tokens) {
		if (token.low === '(') depth++;
		if (token.low === ')') depth = Math.max(0, depth - 1);
		if (depth === 0 && (SEPARATORS.has(token.low) || token.low === ';')) {
			items.push(current);
			current = [];
			continue;
		}

		// Generator syntax is one field per token: "title:string body:text".
		if (depth === 0 && /^[A-Za-z_][A-Za-z0-9_]*:./.test(token.raw)) {
			items.push(current, [token]);
			current = [];
			continue;
		}

		current.push(token);
	}

	items.push(current);
	const merged: Token[][] = [];
	for (const item of items.filter(part => part.length > 0)) {
		const previous = merged[merged.length - 1];
		const words = item.map(token => token.low);
		if (previous && enumOpen(previous) && !words.includes('(') && (words.length <= 2 || (words.includes('or') && words.length <= 5))) {
			previous.push({raw: ',', low: ','}, ...item);
			continue;
		}

		if (previous && previous.length >= 2 && previous[previous.length - 2]!.low === 'between' && /^\d/.test(item[0]!.low)) {
			previous.push({raw: 'and', low: 'and'}, ...item);
			continue;
		}

		merged.push([...item]);
	}

	return spreadShared(merged);
}

/** Whether an item opened an enum list that has not been closed by "or" yet. */
function enumOpen(item: Token[]): boolean {
	const words = item.map(token => token.low);
	if (words.includes('(')) return false;
	const openers = [
		words.findIndex((word, i) => word === 'one' && words[i + 1] === 'of'),
		words.indexOf('either'),
		words.findIndex((word, i) => word === 'can' && words[i + 1] === 'be'),
		words.findIndex((word, i) => ['which', 'that'].includes(word) && ['is', 'are'].includes(words[i + 1] ?? '')),
		words.findIndex((word, i) => word === ':' && i > 0 && i < words.length - 1),
		words.findIndex((word, i) => word === 'of' && i > 0 && i < words.length - 1 && !['number', 'date', 'day', 'week', 'list', 'array', 'set', 'type', 'out'].includes(words[i - 1]!)),
		words.findIndex((word, i) => (word === 'is' || word === 'are') && i > 0 && i < words.length - 1),
	].filter(index => index !== -1);
	if (openers.length === 0) return false;
	const start = Math.min(...openers);
	const values = words.slice(start + 1);
	if (values.includes('or')) return false;
	if (words.some(word => ['default', 'defaults', 'defaulting'].includes(word))) return false;
	return values.filter(word => isWord(word) || /^[A-Za-z0-9_]+$/.test(word)).length >= 1;
}

/** "first and last names", "start and end dates": the shared noun goes to the bare word before it. */
function spreadShared(items: Token[][]): Token[][] {
	return items.map((item, i) => {
		const next = items[i + 1];
		const words = item.filter(token => !ARTICLES.has(token.low));
		if (words.length !== 1 || !isWord(words[0]!.low) || !next) return item;
		const nextWords = next.filter(token => !ARTICLES.has(token.low));
		const noun = nextWords[1];
		if (nextWords.length !== 2 || !noun || !isPlural(noun.low) || !['name', 'date', 'time', 'address', 'number'].includes(singularize(noun.low))) return item;
		return [words[0]!, {raw: singularize(noun.low), low: singularize(noun.low)}];
	}).map((item, i, all) => {
		const previous = all[i - 1];
		const words = item.filter(token => !ARTICLES.has(token.low));
		if (previous && previous.length === 2 && words.length === 2 && isPlural(words[1]!.low) && singularize(words[1]!.low) === previous[1]!.low) return [words[0]!, previous[1]!];
		return item;
	});
}

export function readDescription(text: string): Reading {
	return new Reader().read(text);
}

export {pluralize};
