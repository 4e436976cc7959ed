/**
 * One field of a list, as tokens: "a unique slug", "body as text", "price in cents", "rating 1-5",
 * "status which can be pending, paid or shipped", "actor (a user)", "archived defaulting to
 * false", "delivered at (optional)", "notes:text:optional". Undefined when the words do not make a
 * field: a name is 1–4 plain words once articles, modifiers and type words are gone.
 */
import {checkAttr, formatAttr} from '../grammar/attribute.js';
import {twoUnits} from './ambiguity.js';
import type {FieldDraft} from './draft.js';
import {enumOpener, enumValues} from './field-enums.js';
import {readNote} from './field-note.js';
import {splice, takeDefault, takeRange, takeWhether, typePhrase} from './field-phrases.js';
import {ARTICLES, BEHAVIOUR, COPULA, low, MARKS, MAX_NAME_WORDS, NAME_STOPS, OPTIONAL, REDACT, REQUIRED, TAIL_CONNECTORS, UNIQUE} from './field-words.js';
import {UNITS} from './type-words.js';
import {isWord, singularize, type Word} from './words.js';

/** "in dollars or in cents", "cents or euros": two units that store a field differently (the column or its type). */
function unitChoice(words: string[]): {units: [string, string]; same: boolean} | undefined {
	const units = words.filter(word => UNITS[word]);
	if (units.length !== 2 || !words.includes('or')) return undefined;
	const [a, b] = [UNITS[units[0]!]!, UNITS[units[1]!]!];
	return {units: [units[0]!, units[1]!], same: a.type === b.type && a.suffix === b.suffix};
}

export type FieldRead = {ok: true; field: FieldDraft} | {ok: false; message?: string};

function fromGrammar(token: Word): FieldRead {
	const checked = checkAttr(token.raw);
	if (!checked.ok) return {ok: false, message: `'${token.raw}': ${checked.message}`};
	const {attr} = checked;
	const [, ...typeParts] = formatAttr({...attr, unique: false, redact: false, optional: undefined, default: undefined}).split(':');
	return {
		ok: true,
		field: {
			name: attr.name,
			type: typeParts.join(':'),
			why: 'as written',
			...(attr.default === undefined ? {} : {default: attr.default}),
			optional: attr.optional === true,
			unique: attr.unique,
			redact: attr.redact,
			words: token.raw,
		},
	};
}

/** Reads one field; `{ok: false}` when the words do not make one (with a message for grammar errors). */
export function readField(item: Word[]): FieldRead {
	const words0 = low(item).filter(word => word !== '*');
	if (item.length === 1 && item[0]!.raw.includes(':')) return fromGrammar(item[0]!);
	const field: FieldDraft = {
		name: '',
		optional: false,
		unique: false,
		redact: false,
		words: item
			.map(token => token.raw)
			.join(' ')
			.replace(/ ([,)])/g, '$1')
			.replace(/\( /g, '('),
	};
	let tokens = item.filter(token => token.low !== '*');
	let units: [string, string] | undefined;
	let unit: string | undefined;
	let words = [...words0];

	// Parenthesised notes annotate the field.
	for (let open = words.indexOf('('); open !== -1; open = words.indexOf('(')) {
		const close = words.indexOf(')', open);
		if (close === -1) return {ok: false};
		// "amount (in dollars or in cents, not decided yet)": two units that store it differently are two readings, not a guess.
		const either = unitChoice(words.slice(open + 1, close));
		if (either && !either.same) units = either.units;
		else if (either) unit = either.units[0];
		else if (!readNote(tokens.slice(open + 1, close), field)) return {ok: false};
		splice(words, tokens, open, close - open + 1);
	}

	// "(in euros or dollars)": units stored alike read as "in euros".
	if (unit) {
		words.push('in', unit);
		tokens.push({raw: 'in', low: 'in'}, {raw: unit, low: unit});
	}

	const value = takeDefault(words, tokens);
	if (value !== undefined) field.default = value;
	const question = takeWhether(words, tokens);
	if (question) {
		field.type = 'boolean';
		field.why = `from ${question}`;
	}

	for (let i = 0; i + 2 < words.length; i++) {
		if (['yes', 'true', 'y'].includes(words[i]!) && ['/', 'or'].includes(words[i + 1]!) && ['no', 'false', 'n'].includes(words[i + 2]!)) {
			field.type = 'boolean';
			field.why = `'${words.slice(i, i + 3).join('')}'`;
			splice(words, tokens, i, 3);
			break;
		}
	}

	// "title:string" written with spaces as "title: string".
	const colon = words.indexOf(':');
	if (colon > 0 && colon === words.length - 2 && typePhrase([words[colon + 1]!])) {
		const type = typePhrase([words[colon + 1]!])!;
		field.type = type.type;
		field.why = type.why;
		splice(words, tokens, colon, 2);
	}

	const earlyRange = takeRange(words, tokens);
	if (earlyRange && !field.type) {
		field.type = earlyRange;
		field.why = 'from the range';
	}

	const opener = enumOpener(words);
	if (opener) {
		const rest = tokens.slice(opener.at + opener.length);
		const values = enumValues(rest.filter((token, i) => !ARTICLES.has(token.low) || !isWord(rest[i + 1]?.low) || MARKS.has(rest[i + 1]!.low)));
		if (values) {
			field.type = `enum:${values.join(':')}`;
			field.why = undefined;
			splice(words, tokens, opener.at, words.length - opener.at);
		}
	}

	// Modifiers anywhere: "a unique slug", "email unique", "hashed_password redacted", "confirmed_at optional".
	for (let i = words.length - 1; i >= 0; i--) {
		const word = words[i]!;
		const next = words[i + 1];
		if (UNIQUE.has(word)) field.unique = true;
		else if (REDACT.has(word)) field.redact = true;
		else if (OPTIONAL.has(word) && word !== 'null' && word !== 'blank' && word !== 'empty') field.optional = true;
		else if (REQUIRED.has(word)) {
			/* Phoenix requires every field already. */
		} else if (word === 'not' && next === 'null') {
			/* The same. */
		} else continue;
		splice(words, tokens, i, 1);
	}

	const ranged = takeRange(words, tokens);
	if (ranged && !field.type) {
		field.type = ranged;
		field.why = 'from the range';
	}

	// "both referencing users", "referencing users", "references users", "pointing to users".
	const refAt = words.findIndex(word => ['referencing', 'references', 'referring', 'pointing', 'refers'].includes(word));
	if (refAt !== -1) {
		let at = refAt + 1;
		while (['to', 'a', 'an', 'the'].includes(words[at] ?? '')) at++;
		const target = words[at];
		if (!isWord(target) || at !== words.length - 1) return {ok: false};
		field.ref = singularize(target);
		let start = refAt;
		if (words[start - 1] === 'both' || words[start - 1] === 'each') start--;
		splice(words, tokens, start, words.length - start);
	}

	words = words.filter(word => word !== ',');
	tokens = tokens.filter(token => token.low !== ',');

	// "body as text", "age of type integer", "price as money".
	const as = words.findIndex((word, i) => (word === 'as' && i > 0) || (word === 'of' && words[i + 1] === 'type'));
	if (as !== -1) {
		const phrase = words.slice(as + (words[as] === 'of' ? 2 : 1));
		const type = typePhrase(phrase);
		if (!type) return {ok: false};
		field.type = type.type;
		field.why = type.why;
		words = words.slice(0, as);
	}

	// "a price in cents" → price_cents:integer; "a price in euros" → decimal.
	let suffix = '';
	if (words.length > 3 && words[words.length - 3] === 'in' && UNITS[words.slice(-2).join('_')]) words = [...words.slice(0, -2), words.slice(-2).join('_')];
	const inAt = words.indexOf('in');
	if (inAt > 0 && inAt === words.length - 2 && !['at', 'on'].includes(words[inAt + 1]!)) {
		// A unit the reader does not know still names the field when the type is said: "pressure in hPa (decimal)".
		const unit = UNITS[words[inAt + 1]!] ?? (field.type && isWord(words[inAt + 1]) ? {type: field.type, suffix: words[inAt + 1]} : undefined);
		if (!unit) return {ok: false};
		if (!field.type) {
			field.type = unit.type;
			field.why = `from 'in ${words[inAt + 1]!.replace(/_/g, ' ')}'`;
		}

		if (unit.suffix) suffix = `_${unit.suffix}`;
		words = words.slice(0, inAt);
	}

	// "list of tags" → tags:array:string; "number of views" → view_count:integer.
	if (words.length >= 3 && ['list', 'array', 'set'].includes(words[words.length - 3]!) && words[words.length - 2] === 'of') {
		const noun = words[words.length - 1]!;
		if (!field.type) {
			field.type = 'array:string';
			field.why = `'${words.slice(-3).join(' ')}'`;
		}

		words = [...words.slice(0, -3), noun];
	} else if (words.filter(word => !ARTICLES.has(word)).length === 3 && words.filter(word => !ARTICLES.has(word))[0] === 'number' && words.includes('of')) {
		field.type ??= 'integer';
		words = [`${singularize(words[words.length - 1]!)}_count`];
	}

	// A trailing type word: "a done flag", "an enabled boolean", "closes at a datetime", "opens at a time".
	words = words.filter(word => !ARTICLES.has(word));
	const lastTwo = words.length > 2 ? typePhrase(words.slice(-2)) : undefined;
	if (lastTwo && !words.slice(-2).includes('number')) {
		field.type ??= lastTwo.type;
		field.why ??= lastTwo.why;
		words = words.slice(0, -2);
	} else if (words.length > 1) {
		const last = words[words.length - 1]!;
		const type = typePhrase([last]);
		const keep = ['number', 'count', 'date', 'time', 'text', 'day'].includes(last) && !['at', 'on'].includes(words[words.length - 2]!);
		if (type && !keep) {
			field.type ??= type.type;
			field.why ??= type.why;
			words.pop();
		}
	}

	// "whether it is online too", "an email as well": the aside is not part of the name.
	while (words.length > 1 && ['too', 'also'].includes(words[words.length - 1]!)) words.pop();
	if (words.length > 2 && words.slice(-2).join(' ') === 'as well') words = words.slice(0, -2);
	// Copulas only go when they stand between the name and what it is.
	words = words.filter((word, i) => i === 0 || !COPULA.has(word));
	if (words.length === 0 || words.length > MAX_NAME_WORDS) return {ok: false};
	if (words.some(word => BEHAVIOUR.has(word))) return {ok: false};
	// Allowed in a name: "is vip", "from account", "check in on", "picked up on".
	const allowed = (word: string, i: number): boolean =>
		(i === 0 && words.length > 1 && ['is', 'has', 'from', 'to', 'can'].includes(word)) ||
		(['in', 'out', 'to'].includes(word) && i > 0 && i === words.length - 2 && ['at', 'on'].includes(words[i + 1]!));
	if (words.some((word, i) => !isWord(word) || (NAME_STOPS.has(word) && !allowed(word, i)) || (TAIL_CONNECTORS.has(word) && i === 0))) return {ok: false};
	if (words.some((word, i) => TAIL_CONNECTORS.has(word) && word !== 'of' && i !== words.length - 1)) return {ok: false};
	field.name = words.join('_') + suffix;
	if (units) {
		const name = field.name;
		const reading = (word: string) => ({word, column: UNITS[word]!.suffix ? `${name}_${UNITS[word]!.suffix}` : name, type: UNITS[word]!.type});
		field.twoReadings = twoUnits(field.words, name, [reading(units[0]), reading(units[1])]);
	}

	return {ok: true, field};
}
