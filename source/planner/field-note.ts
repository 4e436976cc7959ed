/** A field's parenthesised notes: "(unique)", "(a user)", "(low, medium, high)", "(bool)", "(like 21.1)". */
import type {FieldDraft} from './draft.js';
import {enumValues} from './field-enums.js';
import {takeDefault, takeRange, typePhrase} from './field-phrases.js';
import {ARTICLES, low, MARKS, OPTIONAL, REDACT, REQUIRED, UNIQUE} from './field-words.js';
import {looseNote} from './notes.js';
import {isWord, type Word} from './words.js';

/** Reads the parenthesised notes of a field: "(unique)", "(a user)", "(low, medium, high)", "(bool)". */
export function readNote(inner: Word[], field: FieldDraft): boolean {
	const words = low(inner).filter(word => word !== ',');
	const plain = words.filter(word => !ARTICLES.has(word));
	if (plain.length === 0) return true;
	if (plain.every(word => UNIQUE.has(word) || REDACT.has(word) || OPTIONAL.has(word) || REQUIRED.has(word))) {
		field.unique ||= plain.some(word => UNIQUE.has(word));
		field.redact ||= plain.some(word => REDACT.has(word));
		field.optional ||= plain.some(word => OPTIONAL.has(word));
		return true;
	}

	const keep = inner.filter(token => !UNIQUE.has(token.low) && !REDACT.has(token.low) && !OPTIONAL.has(token.low) && !REQUIRED.has(token.low));
	const keepWords = low(keep);
	field.unique ||= words.some(word => UNIQUE.has(word));
	field.redact ||= words.some(word => REDACT.has(word));
	field.optional ||= words.some(word => OPTIONAL.has(word));
	const value = takeDefault(keepWords, keep);
	if (value !== undefined) field.default = value;
	if (keepWords.filter(word => word !== ',').length === 0) return true;
	const type = typePhrase(keepWords.filter(word => word !== ','));
	if (type) {
		field.type = type.type;
		field.why = type.why;
		return true;
	}

	const ranged = takeRange(keepWords, keep);
	if (ranged && keepWords.filter(word => word !== ',').length === 0) {
		field.type = ranged;
		field.why = 'from the range';
		return true;
	}

	if (keepWords[0] === 'many' || keepWords.join(' ') === 'many to many') return false;
	const values = enumValues(keep.filter((token, i) => !ARTICLES.has(token.low) || !isWord(keep[i + 1]?.low) || MARKS.has(keep[i + 1]!.low)));
	const shown = `(${inner
		.map(token => token.raw)
		.join(' ')
		.replace(/ ([,)])/g, '$1')
		.replace(/ ?([-/']) ?/g, '$1')})`;
	looseNote(
		field,
		keepWords.filter(word => !ARTICLES.has(word) && word !== ','),
		shown,
		values,
	);
	return true;
}
