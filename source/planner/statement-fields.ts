/**
 * Field lists inside a statement: where one ends (the next statement or relation), each item read
 * by field.ts, a bare modifier ("unique") applied to the field before, "both" reaching back one.
 */
import type {EntityDraft, FieldDraft} from './draft.js';
import {readField} from './field.js';
import {splitItems} from './field-items.js';
import {ARTICLES} from './field-words.js';
import {BELONG, HAVE, JOIN, SEPARATORS} from './reader-words.js';
import {REFERENCE_NOUNS} from './reference-nouns.js';
import {relationItem} from './relation-items.js';
import {StatementCursor} from './statement-cursor.js';
import {isPlural, isWord, singularize, type Word} from './words.js';

/** "a manager who is also an employee (optional for the CEO)": the words without their bracketed notes. */
function withoutNotes(words: string[]): string[] {
	const out: string[] = [];
	let depth = 0;
	for (const word of words) {
		if (word === '(') depth++;
		else if (word === ')') depth = Math.max(0, depth - 1);
		else if (depth === 0) out.push(word);
	}

	return out;
}

export class FieldListReader extends StatementCursor {
	/** Whether a new entity statement starts after the separators at `index`. */
	protected statementAhead(index: number): boolean {
		let at = index;
		while (SEPARATORS.has(this.at(at) ?? '')) at++;
		const name = this.nameAt(at);
		// A pronoun is never part of an entity's name: "the study they belong to" is a field.
		if (!name || name.words.some(word => ['they', 'it', 'we', 'you'].includes(word))) return false;
		const next = this.at(name.end);
		const last = name.words[name.words.length - 1]!;
		if (next === '(') {
			if (ARTICLES.has(this.at(at) ?? '')) return false;
			const close = this.closing(name.end);
			const inner = this.clause.tokens.slice(name.end, close + 1);
			// "a title and speakers (many to many)": a relation of the entity being described.
			if (inner.map(token => token.low).join(' ') === '( many to many )') return false;
			const note = readField([{raw: 'x', low: 'x'}, ...inner]);
			// A hint note ("(long text)") annotates a field; a hinted list ("(name, date, notes)") may be an entity's fields.
			if (note.ok && !note.field.ref && !note.field.type?.startsWith('enum:') && !(note.field.said && inner.some(token => token.low === ','))) return false;
			return isPlural(last) || this.reader.reading.entities.some(entity => entity.singular === singularize(name.words.join('_')));
		}
		// "…and an author can write many books": a modal after a name opens a sentence, not a field.
		if (['can', 'may', 'must', 'should'].includes(next ?? '') && this.reader.reading.entities.some(entity => entity.singular === singularize(name.words.join('_')))) return true;
		if (!isPlural(last)) return false;
		if (next === ':' || next === 'with' || next === 'having') return true;
		let verbAt = name.end;
		if (['that', 'which', 'who'].includes(next ?? '')) verbAt++;
		const verb = this.at(verbAt);
		return (
			(verb !== undefined && (BELONG.has(verb) || JOIN.has(verb) || verb === 'has' || verb === 'have')) ||
			(verb === 'on' && this.at(verbAt + 1) !== undefined && this.words.slice(verbAt).includes('many'))
		);
	}

	/** Fields after "with"/"has"/"," up to the next statement or relation. */
	protected fieldsUntilStatement(entity: EntityDraft): void {
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
				while ([',', 'and', 'that', 'which', 'each', 'every', 'it', 'they', 'the', 'a', 'an'].includes(this.words[at] ?? '')) at++;
				// "…, each task belongs to a project": the entity named again opens its next phrase.
				if (isWord(this.words[at]) && singularize(this.words[at]!) === entity.singular) at++;
				if (BELONG.has(this.words[at] ?? '') && this.words[at + 1] === 'to') break;
				if (HAVE.has(this.words[at] ?? '') && ['many', 'one'].includes(this.words[at + 1] ?? '')) break;
				if (this.words[at] === 'can' && this.words.slice(at).includes('to')) break;
				// "…and are tagged with topics", "…and can have several speakers": a relation follows.
				if (['are', 'is', 'can', 'get'].includes(this.words[at] ?? '') && /^(?:be )?(?:tagged|labell?ed|categori[sz]ed) /.test(this.words.slice(at + 1, at + 3).join(' ') + ' ')) break;
				if (this.words[at] === 'can' && ['several', 'many', 'multiple', 'more'].includes(this.words[at + 2] ?? '')) break;
			}

			// "…and the study they belong to" ends the list with a field naming its owner, not a relation statement.
			const owner = ['they', 'it'].includes(this.words[end - 1] ?? '') && (this.words[end + 2] === undefined || SEPARATORS.has(this.words[end + 2]!));
			if ((word === 'belonging' || word === 'belongs' || word === 'belong') && this.words[end + 1] === 'to' && !owner) break;
		}

		this.fields(entity, this.clause.tokens.slice(start, end));
		this.pos = end;
	}

	/** A field list: items split at top-level commas and "and", enum value lists kept together. */
	protected fields(entity: EntityDraft, tokens: Word[]): void {
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

			// "the study they belong to", "the team it belongs to": the entity named is the one owning this.
			if (words.length === 4 && isWord(words[0]) && ['they', 'it', 'each', 'one'].includes(words[1]!) && BELONG.has(words[2]!) && words[3] === 'to') {
				entity.belongsTo.push({target: singularize(words[0]!)});
				this.reader.entity(singularize(words[0]!));
				continue;
			}

			// "speakers (many to many)" in a field list: a join table of the two.
			const joined = words.join(' ');
			if (joined.endsWith('( many to many )') && words.length === 6 && isWord(words[0])) {
				this.reader.reading.manyToMany.push([entity.singular, singularize(words[0]!)]);
				this.reader.entity(singularize(words[0]!));
				continue;
			}

			// "is nested under a parent category", "the approver is another employee".
			const relation = relationItem(withoutNotes(words), entity.singular);
			if (relation?.kind === 'belongsTo') {
				const as = relation.target === entity.singular ? relation.as : undefined;
				if (!entity.belongsTo.some(known => known.target === relation.target)) entity.belongsTo.push({target: relation.target, ...(as ? {as} : {})});
				if (relation.target !== entity.singular) this.reader.entity(relation.target);
				continue;
			}

			const entityNamed = (target: string) => REFERENCE_NOUNS.has(target) || this.reader.reading.entities.some(known => known.singular === target && !known.mentioned);
			if (relation?.kind === 'named' && (!relation.plain || entityNamed(relation.target)) && (relation.name || (previous && !previous.type && !previous.ref))) {
				const shown = item.map(token => token.raw).join(' ');
				if (relation.name) {
					previous = {name: relation.name, ref: relation.target, optional: false, unique: false, redact: false, words: shown};
					entity.fields.push(previous);
				} else previous!.ref = relation.target;
				if (relation.target !== entity.singular) this.reader.entity(relation.target);
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

			this.reader.reading.unreadable.push(
				item
					.map(token => token.raw)
					.join(' ')
					.replace(/ ([,)])/g, '$1')
					.replace(/\( /g, '('),
			);
		}

		// "follower_id and followed_id both referencing users": "both" reaches back one field.
		const fields = entity.fields;
		for (let i = fields.length - 1; i > 0; i--) {
			if (fields[i]!.ref && fields[i]!.words.includes('both') && !fields[i - 1]!.ref && !fields[i - 1]!.type) fields[i - 1]!.ref = fields[i]!.ref;
		}
	}
}
