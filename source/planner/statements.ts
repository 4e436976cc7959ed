/**
 * Reads the entity statements of one clause: a name, then its body (fields in parentheses or
 * after ":" or "with", relations, "already exists", "customers place orders"); words that fit
 * nowhere are reported as unreadable.
 */
import {ownedOrShared} from './ambiguity.js';
import type {EntityDraft} from './draft.js';
import {ARTICLES} from './field-words.js';
import {BELONG, HAVE, JOIN, OWN_VERBS, SEPARATORS} from './reader-words.js';
import {RelationReader} from './relations.js';
import {isPlural, isWord, pluralize, singularize} from './words.js';

export class StatementReader extends RelationReader {
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

	/** Whether the words after a ':' are a sentence about a named entity ("a talk can have …"), not fields. */
	private statementAfterColon(): boolean {
		let at = this.pos + 1;
		while (ARTICLES.has(this.at(at) ?? '')) at++;
		const name = this.at(at);
		if (!isWord(name) || !this.reader.reading.entities.some(known => known.singular === singularize(name))) return false;
		return ['can', 'has', 'have', 'belongs', 'belong', 'is', 'are', 'may'].includes(this.at(at + 1) ?? '');
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

			// "Talks and speakers: a talk can have several speakers …": a heading, then statements.
			if (word === ':' && this.statementAfterColon()) {
				this.pos++;
				return;
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
			while ([',', 'and', 'that', 'which', 'who', 'it', 'they', 'also', 'each', 'every', 'both', 'a', 'an', 'the'].includes(this.at(at) ?? '')) at++;
			// "…, each task belongs to a project": the entity named again before its next phrase.
			if (at > this.pos && isWord(this.at(at)) && singularize(this.at(at)!) === entity.singular && (BELONG.has(this.at(at + 1) ?? '') || HAVE.has(this.at(at + 1) ?? '') || this.at(at + 1) === 'can'))
				at++;
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

			// "has exactly one helmet", "has only one profile", "has a single address".
			if (verb && HAVE.has(verb) && ((['exactly', 'only', 'just'].includes(object ?? '') && this.at(at + 2) === 'one') || (object === 'a' && this.at(at + 2) === 'single'))) {
				this.pos = at + 3;
				this.targets(entity, 'hasOne');
				continue;
			}

			if ((verb === 'is' || verb === 'are') && this.placedIn(entity, at + 1)) continue;

			// "articles are tagged with many topics": a many-to-many pair.
			if ((verb === 'are' || verb === 'is' || verb === 'get' || verb === 'can') && this.tagged(entity, at + 1)) continue;

			if (verb && JOIN.has(verb)) {
				this.pos = at + 1;
				if (this.join(entity)) continue;
				this.pos = at;
				return;
			}

			if ((verb === 'on' || verb === 'for') && this.nameAt(at + 1) && (verb === 'on' || isPlural(this.nameAt(at + 1)!.words.at(-1)!))) {
				// "tags on posts (many to many)"; without "many to many", "comments on posts" may as well
				// mean that each comment is on one post: two schemas, so both readings are named.
				const target = this.nameAt(at + 1)!;
				const owner = singularize(target.words.join('_'));
				const rest = this.words.slice(target.end).filter(word => !['(', ')', 'are', 'is'].includes(word));
				if (rest[0] === 'many' && rest[1] === 'to' && rest[2] === 'many') this.reader.reading.manyToMany.push([owner, entity.singular]);
				else {
					const words = `${pluralize(entity.singular)} ${verb} ${target.words.join(' ')}`;
					this.reader.reading.ambiguous.push(ownedOrShared(words, entity.singular, owner));
				}

				this.reader.entity(owner);
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
				if (this.canHaveMany(entity, at + 1)) continue;
			}

			// "… belongs to a walker with a picked up at": fields after the relation.
			if (word === 'with' && this.pos > start && (entity.belongsTo.length > 0 || entity.hasOne.length > 0 || entity.joins)) {
				this.pos++;
				this.fieldsUntilStatement(entity);
				continue;
			}

			if (verb === 'where' && this.nameAt(at + 1) && ['already', 'exist', 'exists'].includes(this.at(this.nameAt(at + 1)!.end) ?? '')) {
				const other = this.nameAt(at + 1)!;
				this.reader.entity(singularize(other.words.join('_'))).existing = true;
				let end = other.end;
				while (['already', 'exist', 'exists'].includes(this.at(end) ?? '')) end++;
				this.pos = end;
				continue;
			}

			if (verb === 'already' || verb === 'exist' || verb === 'exists') {
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
}
