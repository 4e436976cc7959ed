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

import {splitClauses, stripRequest} from './clauses.js';
import type {EntityDraft, Reading} from './draft.js';
import {readField} from './field.js';
import {splitItems} from './field-items.js';
import {ARTICLES} from './field-words.js';
import {takeFraming} from './framing.js';
import {looksLikeGeneratorLine, parseGeneratorLine} from './generator-syntax.js';
import {BELONG, CHATTER, ENUM_NAMES, HAVE, JOIN, PLEASANTRIES, QUESTION_LEADS} from './reader-words.js';
import {StatementReader} from './statements.js';
import {correctTypos} from './typos.js';
import {isPlural, isWord, pluralize, singularize, splitWords, type Word} from './words.js';

class Reader {
	readonly reading: Reading = {entities: [], binaryId: false, ignored: [], unreadable: [], assumed: [], errors: [], manyToMany: [], ambiguous: []};
	private readonly byName = new Map<string, EntityDraft>();

	entity(singular: string, mentioned = true): EntityDraft {
		let entity = this.byName.get(singular) ?? this.shortFor(singular);
		if (!entity) {
			entity = {singular, fields: [], belongsTo: [], hasMany: [], hasOne: [], mentioned};
			this.byName.set(singular, entity);
			this.reading.entities.push(entity);
		}

		if (!mentioned) entity.mentioned = false;
		return entity;
	}

	/** "Leave requests: …. Requests belong to employees": the one described entity the short name ends. */
	private shortFor(singular: string): EntityDraft | undefined {
		const longer = this.reading.entities.filter(entity => entity.singular.endsWith(`_${singular}`) && !entity.mentioned);
		return longer.length === 1 ? longer[0] : undefined;
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
		this.mutualToManyToMany();
		return this.reading;
	}

	/** "a talk has several speakers" and "speakers give more than one talk": many to many, not a cycle. */
	private mutualToManyToMany(): void {
		for (const entity of this.reading.entities) {
			for (const target of [...entity.hasMany]) {
				const other = this.byName.get(target);
				if (!other || other === entity || !other.hasMany.includes(entity.singular)) continue;
				entity.hasMany.splice(entity.hasMany.indexOf(target), 1);
				other.hasMany.splice(other.hasMany.indexOf(entity.singular), 1);
				this.reading.manyToMany.push([entity.singular, target]);
			}
		}
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

		const corrected = correctTypos(splitWords(text));
		const tokens = this.resolvePronoun(corrected.tokens);
		this.reading.assumed.push(...corrected.said);
		const words = tokens.map(token => token.low);
		if (this.directive(words, text)) return;
		const together = this.last ? uniqueTogether(words) : undefined;
		if (this.last && together) {
			this.last.uniqueTogether = [...(this.last.uniqueTogether ?? []), together];
			return;
		}

		if (words.every(word => PLEASANTRIES.has(word) || word === ',' || word === ':')) {
			this.reading.ignored.push(`'${raw}'`);
			return;
		}

		// "Is that enough?", "Does this look sane?": a question about the description, not part of it.
		if (QUESTION_LEADS.has(words[0] ?? '') && words.some(word => CHATTER.has(word) || ['that', 'this', 'it', 'these', 'those'].includes(word))) {
			this.reading.ignored.push(`'${raw}': no entity or field in it`);
			return;
		}

		if (this.last && this.onlyFields(tokens)) {
			new StatementReader(this, {text, tokens}).fieldsOf(this.last);
			return;
		}

		const rest = takeFraming(this.reading, {text, tokens}, first);
		if (!rest) return;

		const before = this.reading.entities.filter(entity => !entity.mentioned).length;
		const count = this.reading.entities.length;
		const shape = this.shape(count);
		const unread = this.reading.unreadable.length;
		new StatementReader(this, rest).readAll();
		// A sentence that carries no field or relation is chatter when it names nothing or talks to
		// someone ("Let me know what you think", "thanks!"): left out, and said so.
		const added = this.reading.entities.slice(count);
		const describes =
			this.shape(count) !== shape || added.some(entity => entity.fields.length > 0 || entity.existing || entity.joins || entity.belongsTo.length + entity.hasMany.length + entity.hasOne.length > 0);
		if (!describes && (this.reading.unreadable.length > unread || (added.length > 0 && words.some(word => CHATTER.has(word))))) {
			for (const entity of added) this.forget(entity);
			this.reading.unreadable.splice(unread);
			this.reading.ignored.push(`'${raw}': no entity or field in it`);
			return;
		}

		const described = this.reading.entities.filter(entity => !entity.mentioned || entity.belongsTo.length > 0);
		if (described.length > 0 && (described.length !== before || !this.last)) this.last = described[described.length - 1];
	}

	/** "they belong to accounts", "each of them has a note": a leading pronoun is the entity just described. */
	private resolvePronoun(tokens: Word[]): Word[] {
		const words = tokens.map(token => token.low);
		const lead = words[0] === 'each' && words[1] === 'of' && ['them', 'these', 'those'].includes(words[2] ?? '') ? 3 : ['they', 'these', 'those', 'it'].includes(words[0] ?? '') ? 1 : 0;
		if (!this.last || lead === 0 || (!BELONG.has(words[lead] ?? '') && !HAVE.has(words[lead] ?? '') && words[lead] !== 'can')) return tokens;
		const name = pluralize(this.last.singular);
		return [{raw: name, low: name}, ...tokens.slice(lead)];
	}

	/** A count of what the first `count` entities hold, to tell whether a clause added to them. */
	private shape(count: number): string {
		const {entities, manyToMany} = this.reading;
		return [
			manyToMany.length,
			...entities.slice(0, count).map(entity => `${entity.fields.length}.${entity.belongsTo.length}.${entity.hasMany.length}.${entity.hasOne.length}.${entity.mentioned}`),
		].join(',');
	}

	/** "plan which can be free or pro", "renews on": a clause that names no entity, only fields. */
	private onlyFields(tokens: Word[]): boolean {
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
}

/** "unique per A and B", "A and B unique together", "one per A and B", "(each|a) A VERBs once per B". */
function uniqueTogether(words: string[]): [string, string] | undefined {
	const text = words.filter(word => !['a', 'an', 'the', 'each', 'every'].includes(word)).join(' ');
	const per = /^(?:(?:it is|they are|is|are|must be|should be)\s+)?(?:unique|one|only one) (?:per|for each|for every|on) (\w+) (?:and|\+|,) (\w+)$/.exec(text);
	if (per) return [singularize(per[1]!), singularize(per[2]!)];
	const together = /^(\w+) (?:and|\+) (\w+) (?:are |is |must be |should be )?unique(?: together)?$/.exec(text);
	if (together) return [singularize(together[1]!), singularize(together[2]!)];
	const once = /^(\w+) (?:\w+ ){1,2}(?:once|only once|one time|at most once) (?:per|for each|in each|in a|on each) (\w+)$/.exec(text);
	if (once) return [singularize(once[1]!), singularize(once[2]!)];
	return undefined;
}

export function readDescription(text: string): Reading {
	return new Reader().read(text);
}
