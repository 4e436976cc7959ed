/**
 * The relations of a statement: belongs to / has many / has one TARGETS (a target may be
 * described in place), joins A and B, A and B are many to many, can be assigned to / can reply to
 * a parent NAME.
 */
import type {EntityDraft, Relation} from './draft.js';
import {ARTICLES} from './field-words.js';
import {BELONG, HAVE, KEYWORDS, SEPARATORS} from './reader-words.js';
import {FieldListReader} from './statement-fields.js';
import {isPlural, isWord, singularize} from './words.js';

const MANY = new Set(['many', 'several', 'multiple', 'some', 'any']);
/** Participles that tie one entity to another ("stored in", "placed by"); "cached in redis" is behaviour. */
// biome-ignore format: a word list, one line
const PLACED = new Set(['stored', 'kept', 'held', 'located', 'placed', 'made', 'written', 'created', 'owned', 'assigned', 'booked', 'filed', 'listed', 'sold', 'issued', 'sent', 'posted', 'submitted', 'published', 'managed', 'hosted', 'taken', 'given', 'attached', 'scheduled', 'reserved', 'raised', 'opened', 'logged', 'recorded', 'uploaded', 'authored', 'signed', 'approved', 'organised', 'organized', 'run', 'led', 'taught', 'played']);
/** Prepositions after "is (stored|made)" that tie one entity to another: "is for a patient", "stored in a location". */
const PLACED_BY = new Set(['for', 'in', 'at', 'by', 'under', 'inside', 'within', 'to']);

export class RelationReader extends FieldListReader {
	/** "playlists and songs are many to many", "posts and tags (many to many)". */
	protected manyToMany(): boolean {
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

	/** "can be assigned to a user", "can reply to a parent comment". */
	protected ability(entity: EntityDraft, index: number): boolean {
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

	/**
	 * "an appointment is for one patient", "each item is stored in a location", "is made by a
	 * customer": belongs to, when the words after name an entity of the description.
	 */
	protected placedIn(entity: EntityDraft, index: number): boolean {
		let at = index;
		if (PLACED.has(this.at(at) ?? '') && PLACED_BY.has(this.at(at + 1) ?? '')) at++;
		if (!PLACED_BY.has(this.at(at) ?? '')) return false;
		at++;
		while (ARTICLES.has(this.at(at) ?? '') || ['one', 'single', 'exactly', 'only', 'just'].includes(this.at(at) ?? '')) at++;
		const target = this.nameAt(at);
		if (!target) return false;
		const singular = singularize(target.words.join('_'));
		const known = this.reader.reading.entities.some(other => other.singular === singular);
		if (singular === entity.singular || (!known && !isPlural(target.words.at(-1)!))) return false;
		const next = this.at(target.end);
		if (next !== undefined && !SEPARATORS.has(next) && next !== '(' && next !== 'with') return false;
		if (!entity.belongsTo.some(relation => relation.target === singular)) entity.belongsTo.push({target: singular});
		this.reader.entity(singular);
		this.pos = target.end;
		return true;
	}

	/** "(owner) who is a driver", "(approver) which is another employee": the entity a role names. */
	private roleOf(index: number): {target: string; end: number} | undefined {
		let at = index;
		if (this.at(at) === ',') at++;
		if (!['who', 'which', 'that'].includes(this.at(at) ?? '') || !['is', 'are'].includes(this.at(at + 1) ?? '')) return undefined;
		at += 2;
		while (ARTICLES.has(this.at(at) ?? '') || ['another', 'also', 'other'].includes(this.at(at) ?? '')) at++;
		const name = this.nameAt(at);
		return name ? {target: singularize(name.words.join('_')), end: name.end} : undefined;
	}

	/** "a talk can have several speakers", "speakers can give more than one talk": has many. */
	protected canHaveMany(entity: EntityDraft, index: number): boolean {
		let at = index;
		// "can give", "can sign up for", "can be on": up to three words before "many".
		for (let words = 0; words < 3 && isWord(this.at(at)) && !MANY.has(this.at(at)!) && this.at(at) !== 'more' && this.at(at) !== 'one'; words++) at++;
		if (this.at(at) === 'more' && this.at(at + 1) === 'than' && this.at(at + 2) === 'one') at += 3;
		else if (this.at(at) === 'one' && this.at(at + 1) === 'or' && this.at(at + 2) === 'more') at += 3;
		else if (MANY.has(this.at(at) ?? '')) at++;
		else return false;
		if (!this.nameAt(at)) return false;
		this.pos = at;
		this.targets(entity, 'hasMany');
		return true;
	}

	/** "are tagged with many topics", "can be labelled with tags": the two are many to many. */
	protected tagged(entity: EntityDraft, index: number): boolean {
		let at = index;
		if (this.at(at) === 'be') at++;
		if (!['tagged', 'labelled', 'labeled', 'categorized', 'categorised'].includes(this.at(at) ?? '') || !['with', 'by', 'in', 'as'].includes(this.at(at + 1) ?? '')) return false;
		at += 2;
		if (MANY.has(this.at(at) ?? '')) at++;
		const target = this.nameAt(at);
		if (!target) return false;
		const other = singularize(target.words.join('_'));
		this.reader.entity(other);
		this.reader.reading.manyToMany.push([entity.singular, other]);
		this.pos = target.end;
		return true;
	}

	/** "memberships join users and organizations", "enrollments linking students to courses". */
	protected join(entity: EntityDraft): boolean {
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

	protected targets(entity: EntityDraft, kind: 'belongsTo' | 'hasMany' | 'hasOne'): void {
		for (;;) {
			// "belongs to one employee", "belongs to exactly one team".
			while (['one', 'exactly', 'only', 'just', 'single'].includes(this.at(this.pos) ?? '') && this.at(this.pos + 1) !== 'of') this.pos++;
			const name = this.nameAt(this.pos);
			if (!name) return;
			const target = singularize(name.words.join('_'));
			// "has one owner who is a driver": the car points at a driver, named owner.
			const role = this.roleOf(name.end);
			if (kind === 'hasOne' && role) {
				if (!entity.belongsTo.some(relation => relation.as === target)) entity.belongsTo.push({target: role.target, as: target});
				this.reader.entity(role.target);
				this.pos = role.end;
				return;
			}

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
			if (this.at(at) !== 'and' && this.at(at) !== '&' && this.at(at) !== '+') return;
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
}
