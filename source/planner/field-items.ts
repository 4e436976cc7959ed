/**
 * A field list cut into items: at top-level "," and "and", with enum value lists, "between 1 and
 * 5" ranges and "first and last names" kept together.
 */

import {typePhrase} from './field-phrases.js';
import {ARTICLES, ENUM_HEADS} from './field-words.js';
import {inferType} from './name-types.js';
import {SEPARATORS} from './reader-words.js';
import {isPlural, isWord, singularize, type Word} from './words.js';

/** Splits a field list at top-level "," and "and"; keeps enum values, ranges and "first and last names" together. */
export function splitItems(tokens: Word[]): Word[][] {
	const items: Word[][] = [];
	let current: Word[] = [];
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
	const merged: Word[][] = [];
	for (const item of bareValueLists(items.filter(part => part.length > 0))) {
		const previous = merged[merged.length - 1];
		const words = item.map(token => token.low);
		if (previous && enumOpen(previous) && continuesValues(words)) {
			previous.push({raw: ',', low: ','}, ...item);
			continue;
		}

		// "a status which starts as draft and can be draft, sent or paid": the values are the same field's.
		const can = ['which', 'that'].includes(words[0]!) ? 1 : 0;
		if (previous && words[can] === 'can' && words[can + 1] === 'be' && words.length >= can + 3 && words.slice(can + 2).every(word => /^[a-z0-9_]+$/.test(word))) {
			previous.push(...item);
			continue;
		}

		if (previous && previous.length >= 2 && previous[previous.length - 2]!.low === 'between' && /^\d/.test(item[0]!.low)) {
			previous.push({raw: 'and', low: 'and'}, ...item);
			continue;
		}

		merged.push([...item]);
	}

	return spreadShared(shareTypeNote(merged));
}

/** A plain lowercase word that could be one of an enum's values, not a field's name or a type. */
function valueWord(token: Word | undefined): boolean {
	return token !== undefined && /^[a-z][a-z0-9_]*$/.test(token.raw) && !ARTICLES.has(token.low) && !namesField(token.low) && !typePhrase([token.low]);
}

/**
 * "storage freezer, fridge or room", "colour - red, white or rose -": a field word, then single
 * bare values up to an item "x or y", is one enum field, written "storage: freezer, fridge, room"
 * so the field reader sees its opener. A value that names a field ("full name, email or phone")
 * keeps the list a list of fields.
 */
function bareValueLists(items: Word[][]): Word[][] {
	const out: Word[][] = [];
	const dash = (token: Word | undefined): boolean => token !== undefined && /^[-–—]$/.test(token.raw);
	for (let i = 0; i < items.length; i++) {
		const first = items[i]!.filter(token => !dash(token));
		const lastAt = items.findIndex((item, j) => j > i && item.some(token => token.low === 'or'));
		const middle = lastAt === -1 ? [] : items.slice(i + 1, lastAt);
		const last = lastAt === -1 ? [] : items[lastAt]!.filter(token => !dash(token));
		const open = last.findIndex(token => token.low === '(');
		const tail = open === -1 ? last : last.slice(0, open);
		const fits =
			first.length === 2 &&
			isWord(first[0]!.low) &&
			!ARTICLES.has(first[0]!.low) &&
			valueWord(first[1]) &&
			middle.every(item => item.length === 1 && valueWord(item[0])) &&
			tail.length === 3 &&
			tail[1]!.low === 'or' &&
			valueWord(tail[0]) &&
			valueWord(tail[2]);
		if (!fits || ENUM_HEADS.has(first[0]!.low)) {
			out.push(items[i]!);
			continue;
		}

		const comma = {raw: ',', low: ','};
		out.push([first[0]!, {raw: ':', low: ':'}, first[1]!, ...middle.flatMap(item => [comma, ...item]), comma, ...last]);
		i = lastAt;
	}

	return out;
}

/**
 * Whether an item can carry on an open value list: one or two words, or the last values joined by
 * "or" (with a default said after them in brackets: "or shipped (defaults to draft)"); a word that
 * names a field ("title", "due date") starts the next field instead.
 */
function continuesValues(words: string[]): boolean {
	const open = words.indexOf('(');
	const before = open === -1 ? words : words.slice(0, open);
	if (open !== -1 && !(before.includes('or') && ['default', 'defaults', 'defaulting'].includes(words[open + 1]!))) return false;
	if (!(before.length <= 2 || (before.includes('or') && before.length <= 5))) return false;
	return before.includes('or') || !namesField(before.filter(word => !ARTICLES.has(word)).join('_'));
}

/** A word that is a field's name on its own: an enum head, or a name whose type it implies (title, due_on), booleans aside (values like "active"). */
function namesField(word: string): boolean {
	if (ENUM_HEADS.has(word) || ['name', 'title', 'email', 'slug', 'url'].includes(word)) return true;
	const inferred = inferType(word);
	return inferred.why !== undefined && inferred.type !== 'boolean';
}

/** Whether an item opened an enum list that has not been closed by "or" yet. */
function enumOpen(item: Word[]): boolean {
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
	// "status pending, accepted, declined or blocked": the name opens the list by itself.
	const bare = words.filter(word => !ARTICLES.has(word));
	if (
		openers.length === 0 &&
		['status', 'state', 'kind', 'type', 'role', 'priority', 'level', 'stage', 'phase', 'tier', 'severity'].includes(bare[0]!) &&
		bare.length >= 2 &&
		bare.slice(1).every(word => word === ',' || /^[a-z0-9_]+$/.test(word))
	)
		openers.push(words.indexOf(bare[0]!));
	if (openers.length === 0) return false;
	const start = Math.min(...openers);
	const values = words.slice(start + 1);
	if (values.includes('or')) return false;
	if (words.some(word => ['default', 'defaults', 'defaulting'].includes(word))) return false;
	return values.filter(word => isWord(word) || /^[A-Za-z0-9_]+$/.test(word)).length >= 1;
}

/** "latitude and longitude (floats)": a plural type note after the second of two bare words is said of both. */
function shareTypeNote(items: Word[][]): Word[][] {
	return items.map((item, i) => {
		const next = items[i + 1];
		// "the white player and the black player (both players)": each of the two is a reference to a player.
		const both = (words: Word[] | undefined): boolean =>
			words !== undefined && words.length >= 4 && words.at(-4)!.low === '(' && words.at(-3)!.low === 'both' && isPlural(words.at(-2)!.low) && words.at(-1)!.low === ')';
		const a = (noun: Word): Word[] => [
			{raw: '(', low: '('},
			{raw: 'a', low: 'a'},
			{raw: singularize(noun.low), low: singularize(noun.low)},
			{raw: ')', low: ')'},
		];
		if (both(item) && items[i - 1] && !items[i - 1]!.some(token => token.low === '(')) return [...item.slice(0, -4), ...a(item.at(-2)!)];
		if (both(next) && !item.some(token => token.low === '(')) return [...item, ...a(next!.at(-2)!)];
		if (item.length !== 1 || !isWord(item[0]!.low) || !next || next.length !== 4 || next[1]!.low !== '(' || next[3]!.low !== ')') return item;
		const note = next[2]!.low;
		return isPlural(note) && typePhrase([note]) ? [...item, ...next.slice(1)] : item;
	});
}

/** "first and last names", "start and end dates": the shared noun goes to the bare word before it. */
function spreadShared(items: Word[][]): Word[][] {
	return items
		.map((item, i) => {
			const next = items[i + 1];
			const words = item.filter(token => !ARTICLES.has(token.low));
			if (words.length !== 1 || !isWord(words[0]!.low) || !next) return item;
			const nextWords = next.filter(token => !ARTICLES.has(token.low));
			const noun = nextWords[1];
			if (nextWords.length !== 2 || !noun || !isPlural(noun.low) || !['name', 'date', 'time', 'address', 'number'].includes(singularize(noun.low))) return item;
			return [words[0]!, {raw: singularize(noun.low), low: singularize(noun.low)}];
		})
		.map((item, i, all) => {
			const previous = all[i - 1];
			const words = item.filter(token => !ARTICLES.has(token.low));
			if (previous && previous.length === 2 && words.length === 2 && isPlural(words[1]!.low) && singularize(words[1]!.low) === previous[1]!.low) return [words[0]!, previous[1]!];
			return item;
		});
}
