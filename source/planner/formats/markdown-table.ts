/**
 * Markdown tables of columns: `| field | type | notes |` (header names vary: column/name/field,
 * type, null/required, default, notes/constraints), one table per heading or label line above it
 * (`### bookings`, `**Booking**`, `Table: bookings`).
 */
import type {Parsed} from '../types.js';
import {pluralize, singularize} from '../words.js';
import {sqlType} from './sql-types.js';
import {type Column, type Format, pushColumn, snake, type Table} from './table.js';

const WORD_TYPES: Record<string, string> = {
	str: 'string',
	string: 'string',
	number: 'integer',
	int: 'integer',
	integer: 'integer',
	bool: 'boolean',
	boolean: 'boolean',
	money: 'decimal',
	datetime: 'utc_datetime',
	timestamp: 'utc_datetime',
	'date/time': 'utc_datetime',
	'long text': 'text',
	email: 'string',
	url: 'string',
	json: 'map',
	object: 'map',
};

const cells = (line: string): string[] =>
	line
		.trim()
		.replace(/^\||\|$/g, '')
		.split('|')
		.map(cell => cell.trim().replace(/^`|`$/g, ''));

function typeOf(raw: string, name: string, table: Table): {type: string; ref?: string} {
	const text = raw.toLowerCase().trim();
	const ref = /(?:fk|foreign key|references?|ref|→|->)\s*(?:to\s+)?:?`?(\w+)/.exec(text);
	if (ref) return {type: `references:${pluralize(singularize(snake(ref[1]!)))}`};
	const enumValues = /^enum\s*[(:]\s*([^)]*)\)?$/.exec(text);
	if (enumValues)
		return {
			type: `enum:${enumValues[1]!
				.split(/[,|/]/)
				.map(value => snake(value.trim()))
				.filter(Boolean)
				.join(':')}`,
		};
	const word = WORD_TYPES[text] ?? sqlType(text)?.type;
	if (word) return {type: word};
	table.assumptions.push(`${name}: the type '${raw}' read as string`);
	return {type: 'string'};
}

function notes(column: Column, text: string, table: Table): void {
	const low = text.toLowerCase();
	if (/\b(unique|no duplicates)\b/.test(low)) column.unique = true;
	if (/\b(optional|nullable|can be (null|empty|blank))\b/.test(low) || /^(yes|y|null|true)$/.test(low)) column.optional = true;
	const ref = /(?:fk|foreign key|references?|→|->)\s*(?:to\s+)?`?(\w+)/.exec(low);
	if (ref && !column.type.startsWith('references:')) column.type = `references:${pluralize(singularize(snake(ref[1]!)))}`;
	const fallback = /\bdefault(?:s to|:)?\s+[`'"]?([\w.-]+)/.exec(low);
	if (fallback) column.default = fallback[1]!;
	void table;
}

export const markdownTable: Format = {
	name: 'markdown table',
	detect: text => /^\s*\|.*\|\s*$\n^\s*\|?\s*:?-{3,}/m.test(text),
	read(text): Parsed<Table[]> {
		const tables: Table[] = [];
		const lines = text.split('\n');
		let label: string | undefined;
		for (let at = 0; at < lines.length; at++) {
			const line = lines[at]!;
			if (!line.trim().startsWith('|')) {
				const named = /^\s*(?:#+\s*|\*\*|table:?\s*|model:?\s*)?`?([A-Za-z][\w ]*?)`?(?:\*\*)?\s*(?:table)?\s*:?\s*$/i.exec(line);
				if (named && named[1]!.split(/\s+/).length <= 3) label = named[1]!.trim().split(/\s+/).join('_');
				// A sentence naming it: "Need a `pets` table:", "here is the bookings table".
				const said = /`(\w+)`\s*(?:table|model)\b|\b(?:a|the|our|my)\s+(\w+)\s+(?:table|model)\b/i.exec(line);
				if (!named && said) label = said[1] ?? said[2];
				continue;
			}

			if (!/^\s*\|?\s*:?-{3,}/.test(lines[at + 1] ?? '')) continue;
			const header = cells(line).map(cell => cell.toLowerCase());
			const nameAt = header.findIndex(cell => /^(field|column|name|attribute|col)/.test(cell));
			const typeAt = header.findIndex(cell => /^(type|data ?type|kind)/.test(cell));
			if (nameAt === -1) continue;
			if (!label) return {ok: false, message: "the markdown table names no table: put a heading like '### bookings' above it"};
			const table: Table = {plural: pluralize(singularize(snake(label))), columns: [], uniquePairs: [], assumptions: []};
			at += 2;
			for (; at < lines.length && lines[at]!.trim().startsWith('|'); at++) {
				const row = cells(lines[at]!);
				const name = snake(row[nameAt] ?? '');
				if (!name) continue;
				const typed = typeAt === -1 ? {type: 'string'} : typeOf(row[typeAt] ?? '', name, table);
				if (typeAt === -1) table.assumptions.push(`${name}: no type column, read as string`);
				const column: Column = {name, type: typed.type, optional: false, unique: false};
				for (const [index, cell] of row.entries()) {
					if (index === nameAt || index === typeAt) continue;
					const head = header[index] ?? '';
					if (/^(null|nullable|optional)/.test(head)) column.optional = /^(yes|y|true|null|✓|x)$/i.test(cell);
					else if (/^required/.test(head)) column.optional = !/^(yes|y|true|✓|x)$/i.test(cell);
					else if (/^default/.test(head) && cell && cell !== '-' && !/^null$/i.test(cell)) column.default = cell.replace(/^['"`]|['"`]$/g, '');
					else notes(column, cell, table);
				}

				if (name === 'id' && column.type === 'uuid') table.uuidKey = true;
				pushColumn(table, column);
			}

			at--;
			tables.push(table);
			label = undefined;
		}

		return {ok: true, value: tables};
	},
};
