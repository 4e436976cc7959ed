/**
 * A decline's note read as a correction of one entity's fields: "comments also need a body",
 * "call it content, not body", "no, price is a decimal", "drop the slug". The fields are read by
 * the same tolerant reader as a description (resolve.ts); the result is an edit of an attribute
 * list, applied to every call of the entity (its schema, migration and context share the fields).
 */
import {attrName} from './attrs.js';
import {planAddFields} from './follow-up.js';
import {type DescribeOptions, describe} from './resolve.js';

export interface Correction {
	/** The attributes after the correction, from the attributes before. */
	edit: (attrs: string[]) => string[];
	/** What changed, said with the corrected calls: "renamed body to content". */
	said: string;
}

export type CorrectionRead = {ok: true; value: Correction} | {ok: false; message: string};

export interface CorrectionTarget {
	schema: string;
	plural: string;
	attrs: string[];
}

// "no," leads a correction; "no slug" is a removal, so a bare "no" stays.
const LEAD = /^(?:no\s*[,.!:;-]+|(?:nope|nah|actually|wait|oh|hmm|sorry|ok|okay|but|and|also|please|pls|plz|i meant|i mean)\b[\s,.!:;-]*)/;
const WORD = '([a-z][a-z0-9_]*)';
const FIELD = String.raw`(?:the\s+)?${WORD}(?:\s+(?:field|column|attribute))?`;
const RENAMES: Array<{pattern: RegExp; from: number; to: number}> = [
	{pattern: new RegExp(String.raw`^(?:call|name)\s+(?:it|that|this|the\s+field|the\s+column)\s+${WORD},?\s+(?:not|instead\s+of|rather\s+than)\s+${FIELD}$`), from: 2, to: 1},
	{pattern: new RegExp(String.raw`^(?:call|name)\s+${WORD},?\s+(?:not|instead\s+of|rather\s+than)\s+${FIELD}$`), from: 2, to: 1},
	{pattern: new RegExp(String.raw`^(?:rename|call|name)\s+${FIELD}\s+(?:to|as|into)?\s*${WORD}$`), from: 1, to: 2},
	{pattern: new RegExp(String.raw`^${FIELD}\s+(?:should|must|needs\s+to)\s+be\s+(?:called|named)\s+${WORD}$`), from: 1, to: 2},
	{pattern: new RegExp(String.raw`^${WORD},?\s+(?:not|instead\s+of|rather\s+than)\s+${FIELD}$`), from: 2, to: 1},
];
const DROPS = [
	new RegExp(String.raw`^(?:drop|remove|delete|lose|skip|without|no|no\s+need\s+for|get\s+rid\s+of|leave\s+out)\s+${FIELD}$`),
	new RegExp(String.raw`^(?:we\s+|i\s+)?(?:don't|dont|do\s+not)\s+need\s+${FIELD}$`),
	new RegExp(String.raw`^${FIELD}\s+(?:is\s+not|isn't|is\s+never)\s+needed$`),
];
const RETYPES = [new RegExp(String.raw`^${FIELD}\s+(?:is|should\s+be|must\s+be|needs\s+to\s+be|as|=|:)\s+(.+)$`), new RegExp(String.raw`^make\s+${FIELD}\s+(.+)$`)];
const ADD =
	/^(?:(?:it|they|this|these|each\s+one|every\s+one)\s+)?(?:also\s+)?(?:needs?|requires?|should\s+have|must\s+have|has|have|gets?|with|add|plus|include|includes|(?:is|are)\s+missing|missing|(?:you\s+)?forgot|want|wants)\s+(.+?)(?:\s+(?:too|as\s+well))?$/;
const TOO = /^(.+?)\s+(?:too|as\s+well)$/;

function clean(note: string, target: CorrectionTarget): string {
	let text = note
		.toLowerCase()
		.trim()
		.replace(/[.!]+$/, '');
	for (let before = ''; before !== text; ) {
		before = text;
		text = text.replace(LEAD, '').trim();
		// The note may start with the entity it is about: "comments also need a body".
		const name = new RegExp(String.raw`^(?:the\s+)?(?:${target.plural}|${target.schema.split('.').at(-1)!.toLowerCase()})\b[\s,:]*`);
		if (name.test(text) && text.replace(name, '').length > 0) text = text.replace(name, '').trim();
	}

	return text;
}

function has(attrs: string[], name: string): boolean {
	return attrs.some(attr => attrName(attr) === name);
}

function rename(target: CorrectionTarget, text: string): CorrectionRead | undefined {
	for (const {pattern, from, to} of RENAMES) {
		const match = pattern.exec(text);
		if (!match) continue;
		const [old, name] = [match[from]!, match[to]!];
		if (!has(target.attrs, old) || old === name || has(target.attrs, name)) continue;
		return {
			ok: true,
			value: {edit: attrs => attrs.map(attr => (attrName(attr) === old ? `${name}${attr.slice(old.length)}` : attr)), said: `renamed ${old} to ${name}`},
		};
	}

	return undefined;
}

function drop(target: CorrectionTarget, text: string): CorrectionRead | undefined {
	const name = DROPS.map(pattern => pattern.exec(text)?.[1]).find(found => found !== undefined && has(target.attrs, found));
	return name === undefined ? undefined : {ok: true, value: {edit: attrs => attrs.filter(attr => attrName(attr) !== name), said: `dropped ${name}`}};
}

function retype(target: CorrectionTarget, text: string, options: DescribeOptions): CorrectionRead | undefined {
	for (const pattern of RETYPES) {
		const match = pattern.exec(text);
		if (!match || !has(target.attrs, match[1]!)) continue;
		const name = match[1]!;
		const read = describe(`${target.plural} with ${name} (${match[2]!})`, new Set(), options);
		const spec = read.ok ? read.value.entities.find(entity => entity.plural === target.plural)?.attrs.find(attr => attrName(attr) === name) : undefined;
		const before = target.attrs.find(attr => attrName(attr) === name);
		if (spec === undefined || spec === before) continue;
		return {ok: true, value: {edit: attrs => attrs.map(attr => (attrName(attr) === name ? spec : attr)), said: `${name} is now ${spec.slice(name.length + 1)}`}};
	}

	return undefined;
}

function add(target: CorrectionTarget, text: string, options: DescribeOptions, tables: Set<string>): CorrectionRead | undefined {
	const fieldText = ADD.exec(text)?.[1] ?? TOO.exec(text)?.[1];
	if (fieldText === undefined) return undefined;
	const read = planAddFields({target: target.plural, fieldText}, [target], tables, options);
	if (!read.ok) return {ok: false, message: read.message};
	const {added, assumptions} = read.value;
	return {
		ok: true,
		value: {
			edit: attrs => [...attrs, ...added.filter(attr => !has(attrs, attrName(attr)))],
			said: `added ${added.join(', ')}${assumptions.length > 0 ? ` (${assumptions.join('; ')})` : ''}`,
		},
	};
}

/**
 * The note as a correction of `target`, or why it could not be read as one. Sentences (split at
 * `;` and `. `) are read one after the other, each against the fields the previous left; one that
 * cannot be read refuses the whole note, so nothing is half applied.
 */
export function readCorrection(target: CorrectionTarget, note: string, tables: Set<string>, options: DescribeOptions = {}): CorrectionRead {
	const sentences = note.split(/;|\.\s+/).filter(sentence => sentence.trim().length > 0);
	if (sentences.length < 2) return readOne(target, note, tables, options);
	const edits: Correction[] = [];
	let current = target;
	for (const sentence of sentences) {
		const read = readOne(current, sentence, tables, options);
		if (!read.ok) return {ok: false, message: `'${sentence.trim()}': ${read.message}`};
		edits.push(read.value);
		current = {...current, attrs: read.value.edit(current.attrs)};
	}

	return {ok: true, value: {edit: attrs => edits.reduce((result, edit) => edit.edit(result), attrs), said: edits.map(edit => edit.said).join('; ')}};
}

function readOne(target: CorrectionTarget, note: string, tables: Set<string>, options: DescribeOptions): CorrectionRead {
	const text = clean(note, target);
	const read = rename(target, text) ?? drop(target, text) ?? retype(target, text, options) ?? add(target, text, options, tables);
	if (read) return read;
	return {
		ok: false,
		message: `it is not a rename ('call it content, not body'), a type ('price is a decimal'), a removal ('drop slug') or more fields ('also needs a body') of ${target.plural} (${target.attrs.map(attrName).join(', ') || 'no fields yet'})`,
	};
}
