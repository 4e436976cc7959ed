/**
 * An existing Ecto schema module: `schema "posts" do field :title, :string ... belongs_to :author,
 * User ... end`, with the changeset's validate_required (fields outside it are optional when it is
 * there) and unique_constraint. has_many / many_to_many add no column here.
 */
import {ARRAY_INNER_TYPES} from '../../grammar/attribute.js';
import type {Parsed} from '../types.js';
import {pluralize} from '../words.js';
import {type Format, pushColumn, snake, type Table} from './table.js';

function atoms(list: string): string[] {
	return [...list.matchAll(/:(\w+)/g)].map(match => match[1]!);
}

function fieldType(raw: string, options: string, name: string, table: Table): string {
	if (/Ecto\.Enum/.test(raw)) {
		const values = /values:\s*\[([^\]]*)\]/.exec(options)?.[1] ?? '';
		return `enum:${atoms(values).join(':')}`;
	}

	const array = /^\{:array,\s*:(\w+)\}/.exec(raw);
	if (array && ARRAY_INNER_TYPES.includes(array[1]!)) return `array:${array[1]}`;
	const type = raw.replace(/^:/, '');
	if (type === 'binary_id') return 'uuid';
	if (type === 'id') return 'integer';
	// The grammar's plain types are Ecto's primitive types (and :text, which Ecto reads as a string column).
	if (!array && ARRAY_INNER_TYPES.includes(type)) return type;
	table.assumptions.push(`${name}: the type ${raw} read as string`);
	return 'string';
}

export const ectoSchema: Format = {
	name: 'Ecto schema',
	detect: text => /\bschema\s+"\w+"\s+do\b/.test(text),
	read(text): Parsed<Table[]> {
		const tables: Table[] = [];
		const modules = text.split(/(?=defmodule\s)/);
		for (const source of modules) {
			const schema = /\bschema\s+"(\w+)"\s+do\b([\s\S]*?)\n\s*end\b/.exec(source);
			if (!schema) continue;
			const module = /defmodule\s+([\w.]+)/.exec(source)?.[1]?.split('.');
			const table: Table = {plural: schema[1]!, ...(module ? {alias: module[module.length - 1]!} : {}), columns: [], uniquePairs: [], assumptions: []};
			if (module && module.length >= 3) table.context = module.slice(1, -1).join('.');
			if (/@primary_key\s+\{:id,\s*:binary_id/.test(source)) table.uuidKey = true;
			for (const line of schema[2]!.split('\n')) {
				const field = /^\s*field\s+:(\w+)(?:,\s*(\{[^}]*\}|:\w+|[\w.]+))?(.*)$/.exec(line);
				if (field) {
					const name = field[1]!;
					const options = field[3] ?? '';
					const fallback = /default:\s*("[^"]*"|:?[\w.-]+)/.exec(options)?.[1]?.replace(/^"|"$|^:/g, '');
					if (/virtual:\s*true/.test(options)) {
						table.assumptions.push(`${name}: virtual, left out (no column)`);
						continue;
					}

					pushColumn(table, {
						name,
						type: fieldType(field[2] ?? ':string', options, name, table),
						optional: false,
						unique: false,
						redact: /redact:\s*true/.test(options),
						...(fallback === undefined ? {} : {default: fallback}),
					});
					continue;
				}

				const belongs = /^\s*belongs_to\s+:(\w+),\s*([\w.]+)(.*)$/.exec(line);
				if (belongs) {
					const target = snake(belongs[2]!.split('.').pop()!);
					const key = /foreign_key:\s*:(\w+)/.exec(belongs[3]!)?.[1] ?? `${belongs[1]}_id`;
					pushColumn(table, {name: key, type: `references:${pluralize(target)}`, optional: false, unique: false});
					// App.Accounts.User: the segment before the schema is its context.
					const segments = belongs[2]!.split('.');
					const named = {plural: pluralize(target), alias: segments.at(-1)!, ...(segments.length >= 3 ? {context: segments.at(-2)!} : {})};
					table.referenced = [...(table.referenced ?? []), named];
				}
			}

			const required = /validate_required\(\s*\[([^\]]*)\]/.exec(source);
			if (required) {
				const names = new Set(atoms(required[1]!));
				for (const column of table.columns) column.optional = !names.has(column.name);
			}

			for (const match of source.matchAll(/unique_constraint\(\s*(\[[^\]]*\]|:\w+)/g)) {
				const names = atoms(match[1]!);
				if (names.length === 1) {
					const found = table.columns.find(column => column.name === names[0]);
					if (found) found.unique = true;
				} else table.uniquePairs.push(names);
			}

			tables.push(table);
		}

		return {ok: true, value: tables};
	},
};
