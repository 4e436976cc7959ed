/**
 * A clause's framing: "A gym booking system.", "a shop where …", "blog:", "a school app: …". It
 * names the domain (the context, when none is set yet) and leaves the statements after it.
 */

import type {Clause} from './clauses.js';
import type {Reading} from './draft.js';
import {ARTICLES} from './field-words.js';
import {BELONG, FRAMING_ADJECTIVES, GENERIC_HEADS, HAVE, JOIN, KEYWORDS, MAX_ENTITY_WORDS, SEPARATORS} from './reader-words.js';
import {camelize, isPlural, isWord, singularize, type Word} from './words.js';

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

/** Takes framing off a clause, setting the context; returns what is left to read as statements. */
export function takeFraming(reading: Reading, clause: Clause, first: boolean): Clause | undefined {
	const {tokens} = clause;
	const words = tokens.map(token => token.low);
	let start = 0;
	while (ARTICLES.has(words[start] ?? '')) start++;
	let end = start;
	while (end < words.length && isWord(words[end]) && !['with', 'where', 'that', 'which', 'having', 'has', 'have', 'belong', 'belongs', 'containing', 'and'].includes(words[end]!) && end - start < 6)
		end++;
	const phrase = words.slice(start, end);
	const marker = words[end];
	const after = words.slice(end + 1);
	const head = phrase[phrase.length - 1];
	if (!head || phrase.length === 0) return clause;
	// "An appointment is for one patient": a sentence about an entity already named is no framing.
	if (reading.entities.some(entity => entity.singular === singularize(phrase[0]!))) return clause;
	const takeRest = (from: number): Clause | undefined =>
		from >= tokens.length
			? undefined
			: {
					text: tokens
						.slice(from)
						.map(token => token.raw)
						.join(' '),
					tokens: tokens.slice(from),
				};
	const generic = phrase.some(word => GENERIC_HEADS.has(word)) || ((phrase.includes('to') || phrase.includes('for')) && (first || start > 0));
	const singularHead = !isPlural(head) || GENERIC_HEADS.has(head) || head === 'crm';
	const setContext = (): boolean => {
		const domain = domainOf(phrase);
		if (!domain) return generic;
		reading.context ??= domain;
		return true;
	};

	// "A gym booking system." / "Shop." / "a todo list app." / "We're building a fitness tracker."
	if (marker === undefined) {
		const hadArticle = start > 0;
		if (singularHead && (hadArticle || generic || first || phrase.length === 1) && !phrase.includes('as')) {
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
		const listsEntities = after.length === 0 || entityListAhead(tokens.slice(end + 1));
		if (listsEntities && (singularHead || after.length > 0)) {
			if (setContext()) return takeRest(end + 1);
		}

		return clause;
	}

	// "chat app with rooms and messages", "a blog with posts (…)", "appointments for a clinic: …"
	if (marker === 'with' || marker === 'having' || marker === 'containing') {
		const next = after[0];
		if (singularHead && next && !ARTICLES.has(next) && (isPlural(next) || entityListAhead(tokens.slice(end + 1))) && (start > 0 || generic || first)) {
			if (setContext()) return takeRest(end + 1);
		}
	}

	return clause;
}

/** Whether tokens start with an entity list: "books (", "invoices and payments", "members (…), trainers". */
function entityListAhead(tokens: Word[]): boolean {
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
