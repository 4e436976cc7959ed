/**
 * SQL `CREATE TABLE` statements, MySQL, PostgreSQL and SQLite dialects: sized types (`VARCHAR(32)`,
 * `int(11)`), NOT NULL (anything else is optional), DEFAULT, UNIQUE (column or table level),
 * REFERENCES and FOREIGN KEY clauses, and table options (`ENGINE=InnoDB ...`, ignored). A
 * PostgreSQL `CREATE TYPE mood AS ENUM (...)` makes a column of type mood an Ecto.Enum of its values;
 * a composite PRIMARY KEY (a join table's pair) is a unique pair, since Phoenix tables get an id.
 */
import type {Parsed} from '../types.js';
import {sqlType} from './sql-types.js';
import {type Column, type Format, IMPLICIT, inferReferences, pushColumn, snake, type Table} from './table.js';

/** `CREATE TYPE [schema.]name AS ENUM ('a', 'b')`. */
const CREATE_ENUM = /create\s+type\s+([`"\w.]+)\s+as\s+enum\s*\(([^)]*)\)/gi;

/** Enum types the paste creates, by name without schema: `difficulty` → `enum:easy:moderate:hard`. */
function enumTypes(text: string): Map<string, string> {
	const found = new Map<string, string>();
	for (const match of text.matchAll(CREATE_ENUM)) {
		const values = [...match[2]!.matchAll(/'((?:[^']|'')*)'/g)].map(value => value[1]!.replace(/''/g, "'"));
		if (values.length > 0) found.set(snake(match[1]!.split('.').pop()!), `enum:${values.join(':')}`);
	}

	return found;
}

const CREATE = /create\s+(?:temporary\s+)?table\s+(?:if\s+not\s+exists\s+)?([`"[\]\w.]+)\s*\(/gi;

/** The body between the statement's opening bracket and its matching close. */
function body(text: string, open: number): string {
	let depth = 0;
	for (let at = open; at < text.length; at++) {
		if (text[at] === '(') depth++;
		else if (text[at] === ')' && --depth === 0) return text.slice(open + 1, at);
	}

	return text.slice(open + 1);
}

/** Splits on commas outside brackets and quotes. */
export function splitTop(text: string, separator = ','): string[] {
	const parts: string[] = [];
	let depth = 0;
	let quote = '';
	let start = 0;
	for (let at = 0; at < text.length; at++) {
		const char = text[at]!;
		if (quote) {
			if (char === quote) quote = '';
		} else if (char === "'" || char === '"') quote = char;
		else if (char === '(' || char === '[' || char === '{') depth++;
		else if (char === ')' || char === ']' || char === '}') depth--;
		else if (char === separator && depth === 0) {
			parts.push(text.slice(start, at));
			start = at + 1;
		}
	}

	parts.push(text.slice(start));
	return parts.map(part => part.trim()).filter(Boolean);
}

function names(list: string): string[] {
	return list.split(',').map(name => snake(name.trim()));
}

/** A SQL literal as a grammar default, or undefined for NULL and functions (stated by the caller). */
function literal(raw: string): {value?: string; skipped?: string} {
	const text = raw
		.trim()
		.replace(/^\((.*)\)$/, '$1')
		.replace(/::[\w ]+$/, '');
	if (/^null$/i.test(text)) return {};
	const quoted = /^'(.*)'$/.exec(text);
	if (quoted) return {value: quoted[1]!};
	if (/^-?\d+(?:\.\d+)?$/.test(text)) return {value: text};
	if (/^(true|false)$/i.test(text)) return {value: text.toLowerCase()};
	if (/^b?'?[01]'?$/.test(text)) return {value: text.includes('1') ? 'true' : 'false'};
	return {skipped: text};
}

/** The DEFAULT expression: a quoted literal, a bracketed expression (balanced), or one word. */
function defaultExpression(text: string): string {
	if (text.startsWith("'")) return /^'(?:[^']|'')*'/.exec(text)?.[0] ?? text;
	if (text.startsWith('(')) return `(${body(text, 0)})`;
	return /^[^\s,]+(?:\(\))?/.exec(text)?.[0] ?? text;
}

function column(table: Table, definition: string, enums: Map<string, string>): Column | undefined {
	const match = /^([`"[]?[\w]+[`"\]]?)\s+(.+)$/s.exec(definition);
	if (!match) return undefined;
	const name = snake(match[1]!);
	const rest = match[2]!;
	const typeMatch = /^([a-z][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?(?:\s+(?:varying|precision|unsigned|with(?:out)?\s+time\s+zone))*(?:\s*\([^)]*\))?(?:\s+unsigned)?(?:\[\])?)/i.exec(rest);
	const typeText = typeMatch?.[1] ?? rest.split(/\s+/)[0]!;
	const options = rest.slice(typeText.length);
	const upper = options.toUpperCase();
	const created = enums.get(snake(typeText.split('.').pop()!));
	const mapped = created ? {type: created} : sqlType(typeText);
	if (IMPLICIT.has(name) && name !== 'id') return undefined;
	if (/PRIMARY\s+KEY/.test(upper) || name === 'id') {
		if (mapped?.type === 'uuid' || /^(char\(36\)|binary\(16\))$/i.test(typeText)) table.uuidKey = true;
		return undefined;
	}

	if (!mapped) {
		table.assumptions.push(`${name}: the SQL type ${typeText} read as string`);
	} else if (mapped.assumption) table.assumptions.push(`${name}: ${mapped.assumption}`);

	let type = mapped?.type ?? 'string';
	const reference = /REFERENCES\s+([`"[\]\w.]+)/i.exec(options);
	if (reference) type = `references:${snake(reference[1]!.split('.').pop()!)}`;
	const result: Column = {name, type, optional: !/NOT\s+NULL/.test(upper), unique: /\bUNIQUE\b/.test(upper)};
	const fallback = /\bDEFAULT\s+/i.exec(options);
	if (fallback) {
		const read = literal(defaultExpression(options.slice(fallback.index + fallback[0].length)));
		if (read.value !== undefined) result.default = read.value;
		else if (read.skipped) table.assumptions.push(`${name}: DEFAULT ${read.skipped} left out (the attribute grammar takes literal defaults only; add it to the migration)`);
	}

	return result;
}

function readTable(name: string, definitions: string, enums: Map<string, string>): Table {
	const table: Table = {plural: snake(name.split('.').pop()!), columns: [], uniquePairs: [], assumptions: []};
	const later: string[] = [];
	for (const definition of splitTop(definitions)) {
		if (/^(constraint\s+\S+\s+)?(primary\s+key|foreign\s+key|unique|key|index|check|fulltext|spatial)\b/i.test(definition)) later.push(definition);
		else {
			const read = column(table, definition, enums);
			if (read) pushColumn(table, read);
		}
	}

	for (const definition of later) {
		const foreign = /foreign\s+key\s*\(([^)]+)\)\s*references\s+([`"[\]\w.]+)/i.exec(definition);
		if (foreign) {
			const target = snake(foreign[2]!.split('.').pop()!);
			for (const columnName of names(foreign[1]!)) {
				const found = table.columns.find(each => each.name === columnName);
				if (found) found.type = `references:${target}`;
			}

			continue;
		}

		const primary = /^(?:constraint\s+\S+\s+)?primary\s+key\s*\(([^)]+)\)/i.exec(definition);
		if (primary && names(primary[1]!).length > 1) {
			table.uniquePairs.push(names(primary[1]!));
			table.assumptions.push(`the composite primary key (${names(primary[1]!).join(', ')}) read as a unique pair: the table gets an id like every Phoenix table`);
			continue;
		}

		const unique = /^(?:constraint\s+\S+\s+)?unique(?:\s+(?:key|index))?(?:\s+[`"\w]+)?\s*\(([^)]+)\)/i.exec(definition);
		if (unique) {
			const columns = names(unique[1]!);
			if (columns.length === 1) {
				const found = table.columns.find(each => each.name === columns[0]);
				if (found) found.unique = true;
			} else table.uniquePairs.push(columns);
		}
	}

	return table;
}

export const sql: Format = {
	name: 'SQL',
	detect: text => /create\s+(?:temporary\s+)?table\b/i.test(text),
	read(text): Parsed<Table[]> {
		const tables: Table[] = [];
		const enums = enumTypes(text);
		for (const match of text.matchAll(CREATE)) {
			const open = match.index + match[0].length - 1;
			tables.push(readTable(match[1]!, body(text, open), enums));
		}

		if (tables.length === 0) return {ok: false, message: 'the CREATE TABLE statement has no column list: write it as CREATE TABLE name (column TYPE, ...)'};
		inferReferences(tables);
		return {ok: true, value: tables};
	},
};
