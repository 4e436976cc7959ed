/**
 * English entity clauses: "posts (title, body as text) and comments (body) that belong to posts",
 * "users with email and name, has many posts", "orders that belong to users with a total".
 */
import {extractRelations, parseFieldList, parseTypePhrase} from './parse-fields.js';
import {pluralize, singularize} from './inflect.js';
import type {FieldDraft} from './types.js';

export interface EnglishEntity {
	/** Table plural: `posts`, `line_items`. */
	plural: string;
	fields: FieldDraft[];
	/** Relation targets as written (singular or plural). */
	belongsTo: string[];
	hasMany: string[];
}

export interface EnglishClause {
	entities: EnglishEntity[];
	unreadable: string[];
}

const WORD = /^[a-z][a-z0-9_]*$/;
const FILLER = new Set(['a', 'an', 'the', 'some', 'and', 'with', 'having', 'also', 'plus']);
const NAME_STOPS = new Set(['with', 'having', 'that', 'which', 'who', 'belong', 'belongs', 'has', 'have', 'each']);
const FLAG_WORDS = new Set(['unique', 'redacted', 'redact']);

/** "(decimal)", "(unique)", "(boolean, unique)" annotate a field; other parentheses hold a field list. */
function inlineAnnotations(text: string): string {
	return text.replace(/\(([^()]*)\)/g, (whole, inner: string) => {
		const words = inner.split(/[\s,]+/).filter(word => word.length > 0);
		const flags = words.filter(word => FLAG_WORDS.has(word));
		const typeWords = words.filter(word => !FLAG_WORDS.has(word));
		if (words.length === 0) return ' ';
		if (typeWords.length === 0) return ` ${flags.join(' ')}`;
		const type = parseTypePhrase(typeWords.join(' '));
		return type ? ` as ${typeWords.join(' ')} ${flags.join(' ')}` : whole;
	});
}

/** The entity name at the start of a chunk: at most two words after leading fillers ("and the"). */
function readEntityName(words: string[]): string | undefined {
	let kept = words.filter(word => word.length > 0);
	while (kept.length > 0 && FILLER.has(kept[0]!)) kept = kept.slice(1);
	if (kept.length === 0 || kept.length > 2) return undefined;
	if (kept.some(word => !WORD.test(word) || FILLER.has(word) || NAME_STOPS.has(word))) return undefined;
	return pluralize(kept.join('_'));
}

/** What is left after relations must be connectors only. */
function leftoverWords(text: string): string {
	return text
		.split(/[\s,:]+/)
		.filter(word => word.length > 0 && !FILLER.has(word))
		.join(' ');
}

function fromParts(nameWords: string[], fieldText: string, relationText: string, clause: string, out: EnglishClause): void {
	const plural = readEntityName(nameWords);
	if (!plural) {
		out.unreadable.push(clause.trim());
		return;
	}

	const relations = extractRelations(relationText);
	const inFields = extractRelations(fieldText);
	const list = parseFieldList(inFields.rest);
	const leftover = leftoverWords(relations.rest);
	if (leftover) out.unreadable.push(leftover);
	out.unreadable.push(...list.unreadable);
	out.entities.push({
		plural,
		fields: list.fields,
		belongsTo: [...relations.belongsTo, ...inFields.belongsTo],
		hasMany: [...relations.hasMany, ...inFields.hasMany],
	});
}

/** Chunks of the form `name (fields) trailing relations`. */
function parseParenthesised(text: string, out: EnglishClause): void {
	const pattern = /((?:[a-z][a-z0-9_]*\s+){0,2}[a-z][a-z0-9_]*)\s*\(([^()]*)\)/g;
	const matches = [...text.matchAll(pattern)];
	if (matches.length === 0) {
		// Unbalanced or misplaced parentheses.
		out.unreadable.push(text);
		return;
	}

	const before = leftoverWords(text.slice(0, matches[0]!.index));
	if (before) out.unreadable.push(before);
	matches.forEach((match, i) => {
		const end = i + 1 < matches.length ? matches[i + 1]!.index : text.length;
		const trailing = text.slice(match.index + match[0].length, end);
		fromParts(match[1]!.split(/\s+/), match[2]!, trailing, match[0], out);
	});
	const after = matches[matches.length - 1]!;
	if (/[()]/.test(text.slice(after.index + after[0].length))) out.unreadable.push(text.slice(after.index + after[0].length).trim());
}

/** Where "…, comments with a body" starts a new entity inside a clause without parentheses. */
function splitWithChunks(text: string): string[] {
	const starts = [0];
	for (const match of text.matchAll(/(?:,|\band\b)\s+((?:[a-z][a-z0-9_]*\s+)?([a-z][a-z0-9_]*))\s+with\b/g)) {
		const noun = match[2]!;
		if (singularize(noun) !== noun && match.index > 0) starts.push(match.index);
	}

	return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length));
}

function parseWithChunk(chunk: string, out: EnglishClause): void {
	const words = chunk.replace(/^[\s,]*(?:and\s+)?/, '').split(/\s+/).filter(word => word.length > 0);
	let stop = words.findIndex(word => NAME_STOPS.has(word) || word.endsWith(',') || word.endsWith(':'));
	if (stop === -1) stop = words.length;
	const stopWord = words[stop];
	let nameWords = words.slice(0, stop);
	if (stopWord && /[,:]$/.test(stopWord)) {
		nameWords = [...nameWords, stopWord.slice(0, -1)];
		stop += 1;
	}

	const rest = words.slice(stop).join(' ');
	const relations = extractRelations(rest);
	const fieldText = relations.rest.replace(/^[\s,]*(?:with|having)\b/, '');
	const list = parseFieldList(fieldText.replace(/\b(?:with|having)\b/g, ','));
	const plural = readEntityName(nameWords);
	if (!plural) {
		out.unreadable.push(chunk.trim().replace(/^(?:and\s+)/, ''));
		return;
	}

	if (list.fields.length === 0 && relations.belongsTo.length === 0 && relations.hasMany.length === 0) {
		// A bare word names no fields: more likely a word we do not understand than an empty table.
		out.unreadable.push(...(list.unreadable.length > 0 ? list.unreadable : [chunk.trim().replace(/^(?:and\s+)/, '')]));
		return;
	}

	out.unreadable.push(...list.unreadable);
	out.entities.push({plural, fields: list.fields, belongsTo: relations.belongsTo, hasMany: relations.hasMany});
}

/** Parses one clause (already split on `;` and new lines) of an English description. */
export function parseEnglishClause(clause: string): EnglishClause {
	const out: EnglishClause = {entities: [], unreadable: []};
	const text = inlineAnnotations(clause.toLowerCase().trim().replace(/[.!]+$/, ''));
	if (text.includes('(')) {
		parseParenthesised(text, out);
		return out;
	}

	for (const chunk of splitWithChunks(text)) parseWithChunk(chunk, out);
	return out;
}
