/**
 * What every structured reader produces: tables of typed columns, exact about nulls, defaults,
 * uniqueness and references, turned here into the one attribute grammar. Readers say what they
 * could not carry over (a DEFAULT now(), a BIGINT) as assumptions; nothing is dropped silently.
 */
import {checkAttr, DEFAULT_TYPES, formatAttr} from '../../grammar/attribute.js';
import type {EntityDraft, Reading} from '../draft.js';
import type {Parsed} from '../types.js';
import {singularize, underscore} from '../words.js';

export interface Column {
	/** snake_case column name as the source spells it (`user_id`, `first_name`). */
	name: string;
	/** A grammar type: `string`, `enum:a:b`, `array:string`, `references:users`. */
	type: string;
	optional: boolean;
	unique: boolean;
	redact?: boolean;
	default?: string;
}

export interface Table {
	/** snake_case plural table name. */
	plural: string;
	/** Module alias when the source names one (`Post` from a Prisma model or an Ecto schema). */
	alias?: string;
	context?: string;
	columns: Column[];
	uniquePairs: string[][];
	assumptions: string[];
	/** The source's primary key is a UUID: the plan uses binary ids. */
	uuidKey?: boolean;
	/** Referenced tables whose module the source names (`belongs_to :author, App.Accounts.User`). */
	referenced?: Array<{plural: string; context?: string; alias: string}>;
}

/** A structured format: whether a text is in it, and how to read it. */
export interface Format {
	name: string;
	detect(text: string): boolean;
	read(text: string): Parsed<Table[]>;
}

/** Columns Phoenix writes itself: the primary key and the timestamps. */
export const IMPLICIT = new Set(['id', 'inserted_at', 'updated_at', 'created_at']);

export function snake(name: string): string {
	return underscore(name.replace(/[`"'[\]]/g, '')).replace(/[^a-z0-9_]/g, '_');
}

/** Adds a column unless Phoenix adds it already; the skipped ones are stated. */
export function pushColumn(table: Table, column: Column): void {
	if (IMPLICIT.has(column.name)) return;
	const at = table.columns.findIndex(existing => existing.name === column.name);
	if (at === -1) table.columns.push(column);
	else table.columns[at] = column;
}

/** `user_id` columns with no declared reference, when the pasted tables include `users`: a reference, stated. */
export function inferReferences(tables: Table[]): void {
	const names = new Set(tables.map(table => table.plural));
	for (const table of tables) {
		for (const column of table.columns) {
			if (!column.name.endsWith('_id') || column.type.startsWith('references:')) continue;
			const target = column.name.slice(0, -3);
			const plural = [...names].find(name => singularize(name) === target);
			if (!plural || !['integer', 'uuid', 'string', 'binary_id'].includes(column.type)) continue;
			column.type = `references:${plural}`;
			table.assumptions.push(`${column.name}: a reference to ${plural} (no foreign key declared, from the name)`);
		}
	}
}

function attrOf(table: Table, column: Column): Parsed<string> {
	const base = column.type.split(':')[0]!;
	let value = column.default;
	if (base === 'boolean' && (value === '1' || value === '0')) value = value === '1' ? 'true' : 'false';
	if (value !== undefined && !DEFAULT_TYPES.includes(base)) {
		table.assumptions.push(`${column.name}: default ${value} left out (a ${base} default is not in the attribute grammar; set it in the migration)`);
		value = undefined;
	}

	const build = (withDefault: string | undefined) =>
		[
			column.name,
			column.type,
			...(withDefault === undefined ? [] : ['default', withDefault]),
			...(column.optional ? ['optional'] : []),
			...(column.unique ? ['unique'] : []),
			...(column.redact ? ['redact'] : []),
		].join(':');
	let checked = checkAttr(build(value));
	if (!checked.ok && value !== undefined) {
		table.assumptions.push(`${column.name}: default ${value} left out (not a ${base} value the grammar accepts)`);
		checked = checkAttr(build(undefined));
	}

	if (!checked.ok) return {ok: false, message: `${table.plural}.${column.name}: ${checked.message}`};
	return {ok: true, value: formatAttr(checked.attr)};
}

/** Tables as a reading the resolver plans like generator syntax: attributes verbatim, assumptions kept. */
export function toReading(tables: Table[], format: string, ignored: string[]): Parsed<Reading> {
	const entities: EntityDraft[] = [];
	for (const table of tables) {
		const attrs: string[] = [];
		for (const column of table.columns) {
			const attr = attrOf(table, column);
			if (!attr.ok) return attr;
			attrs.push(attr.value);
		}

		entities.push({
			singular: singularize(table.plural),
			fields: [],
			belongsTo: [],
			hasMany: [],
			hasOne: [],
			mentioned: false,
			generator: {...(table.context ? {context: table.context} : {}), ...(table.alias ? {alias: table.alias} : {}), plural: table.plural, attrs},
			structured: {format, uniquePairs: table.uniquePairs, assumptions: table.assumptions},
		});
	}

	// A referenced table the paste names by module but does not describe keeps that module's names.
	const plurals = new Set(tables.map(table => table.plural));
	for (const named of tables.flatMap(table => table.referenced ?? [])) {
		if (plurals.has(named.plural)) continue;
		plurals.add(named.plural);
		entities.push({
			singular: singularize(named.plural),
			fields: [],
			belongsTo: [],
			hasMany: [],
			hasOne: [],
			mentioned: true,
			generator: {...(named.context ? {context: named.context} : {}), alias: named.alias, plural: named.plural, attrs: []},
		});
	}

	return {ok: true, value: {entities, binaryId: tables.some(table => table.uuidKey), ignored, unreadable: [], assumed: [], errors: [], manyToMany: [], ambiguous: []}};
}
