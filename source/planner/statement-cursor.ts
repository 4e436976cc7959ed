/**
 * The position in one clause's tokens that the statement readers move along, with what every
 * layer needs: the word at an index, an entity name, the closing parenthesis, reporting words
 * that fit nowhere as unreadable. The layers above it: statement-fields.ts, relations.ts,
 * statements.ts.
 */

import type {Clause} from './clauses.js';
import type {EntityDraft, Reading} from './draft.js';
import {ARTICLES} from './field-words.js';
import {KEYWORDS, MAX_ENTITY_WORDS, NAME_LEAD, OWN_VERBS, SEPARATORS} from './reader-words.js';
import {isPlural, isWord} from './words.js';

/** The reading the statements add to, and its entities by name (reader.ts's Reader). */
export interface Drafts {
	readonly reading: Reading;
	entity(singular: string, mentioned?: boolean): EntityDraft;
	forget(entity: EntityDraft): void;
}

export class StatementCursor {
	protected pos = 0;
	protected readonly words: string[];

	constructor(
		protected readonly reader: Drafts,
		protected readonly clause: Clause,
	) {
		this.words = clause.tokens.map(token => token.low);
	}

	protected at(index: number): string | undefined {
		return this.words[index];
	}

	protected unreadable(start: number, end: number): void {
		const text = this.clause.tokens
			.slice(start, end)
			.map(token => token.raw)
			.join(' ')
			.replace(/ ([,):])/g, '$1')
			.replace(/\( /g, '(');
		if (text.length > 0) this.reader.reading.unreadable.push(text);
	}

	/** Reports everything up to the next top-level separator. */
	protected skip(): void {
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

	/** An entity name at `index`: up to three plain words after articles and "each". */
	protected nameAt(index: number): {words: string[]; end: number} | undefined {
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

	protected nameAfterVerb(index: number): boolean {
		let at = index;
		while (ARTICLES.has(this.at(at) ?? '')) at++;
		const word = this.at(at);
		return isWord(word) && isPlural(word) && (this.at(at + 1) === undefined || SEPARATORS.has(this.at(at + 1)!));
	}

	protected closing(open: number): number {
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
}
