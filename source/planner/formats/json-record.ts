/**
 * A JSON example record (`{"title": "Hello", "views": 3, "published_at": "2024-05-01T10:00:00Z"}`):
 * types read from the values, every one of them stated, since an example shows a value and not a
 * type. The table is named by a wrapping key (`{"booking": {...}}`), or the words before the record:
 * outright ("table should be called garments") before what they suggest ("an example booking:");
 * nothing else names it, so without either the record is refused.
 */
import type {Parsed} from '../types.js';
import {pluralize, singularize} from '../words.js';
import {type Format, pushColumn, snake, type Table} from './table.js';
import {saidTableName} from './table-name.js';

const NAMING =
	/\b(?:an?|one|the|example|sample|each|every|single)\s+(?:example\s+|sample\s+)?([a-z][a-z_ ]*?)\s*(?:record|object|row|document|payload|entry|json|looks like|would look like|is like|:)/i;

/** The words after a record that name it: "<- that is a user", "(one booking)", "is an example order". */
const NAMED_AFTER = /^[\s`<\-=^(]*(?:that|this|which|it|here)?\s*(?:is|'s|=)?\s*(?:what\s+)?(?:an?|one|the)\s+(?:example\s+|sample\s+)?([a-z][a-z_]*)\b/i;

function jsonBlock(text: string): {json: string; before: string; after: string} | undefined {
	const start = text.indexOf('{');
	const end = text.lastIndexOf('}');
	if (start === -1 || end <= start) return undefined;
	return {json: text.slice(start, end + 1), before: text.slice(0, start), after: text.slice(end + 1)};
}

function valueType(name: string, value: unknown, table: Table): string {
	const state = (type: string, why: string) => {
		table.assumptions.push(`${name}: ${type}, from the example value ${why}`);
		return type;
	};

	if (value === null) return state('string', 'null (optional)');
	if (typeof value === 'boolean') return 'boolean';
	if (typeof value === 'number') {
		if (Number.isInteger(value)) return state('integer', String(value));
		return state(/(price|amount|total|cost|balance|fee)/.test(name) ? 'decimal' : 'float', String(value));
	}

	if (typeof value === 'string') {
		if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value)) return state('utc_datetime', `'${value}'`);
		if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return state('date', `'${value}'`);
		if (/^\d{2}:\d{2}(:\d{2})?$/.test(value)) return state('time', `'${value}'`);
		if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return state('uuid', `'${value}'`);
		if (value.length > 120) return state('text', '(a long string)');
		return 'string';
	}

	if (Array.isArray(value)) {
		const first = value[0];
		if (typeof first === 'string') return 'array:string';
		if (typeof first === 'number') return Number.isInteger(first) ? 'array:integer' : 'array:float';
		return state('map', '(a list of objects; a table of its own may fit better)');
	}

	return state('map', '(a nested object)');
}

export const jsonRecord: Format = {
	name: 'JSON record',
	detect(text) {
		const block = jsonBlock(text);
		if (!block) return false;
		try {
			const value: unknown = JSON.parse(block.json);
			return typeof value === 'object' && value !== null && !Array.isArray(value);
		} catch {
			return false;
		}
	},
	read(text): Parsed<Table[]> {
		const block = jsonBlock(text)!;
		let record = JSON.parse(block.json) as Record<string, unknown>;
		let name: string | undefined;
		const keys = Object.keys(record);
		if (keys.length === 1 && typeof record[keys[0]!] === 'object' && record[keys[0]!] !== null && !Array.isArray(record[keys[0]!])) {
			name = keys[0]!;
			record = record[name] as Record<string, unknown>;
		} else {
			// "a sample record" names no table: the words for an example are not its name.
			const suggested = NAMING.exec(block.before)?.[1]?.trim().split(/\s+/).pop();
			name =
				saidTableName(block.before) ??
				(suggested && !/^(?:example|sample|record|object|row|entry)$/i.test(suggested) ? suggested : undefined) ??
				NAMED_AFTER.exec(block.after.replace(/^\s*`{3}\s*/, ''))?.[1];
		}

		if (!name) return {ok: false, message: 'the JSON record names no table: wrap it as {"booking": {...}} or say \'an example booking:\' before it'};
		const table: Table = {plural: pluralize(snake(singularize(name))), columns: [], uniquePairs: [], assumptions: []};
		for (const [key, value] of Object.entries(record)) {
			const column = snake(key);
			if (column === 'id') {
				if (typeof value === 'string') table.uuidKey = true;
				continue;
			}

			if (column.endsWith('_id') && (typeof value === 'number' || typeof value === 'string')) {
				const target = pluralize(column.slice(0, -3));
				table.assumptions.push(`${column}: a reference to ${target}, from the name`);
				pushColumn(table, {name: column, type: `references:${target}`, optional: false, unique: false});
				continue;
			}

			pushColumn(table, {name: column, type: valueType(column, value, table), optional: value === null, unique: false});
		}

		return {ok: true, value: [table]};
	},
};
