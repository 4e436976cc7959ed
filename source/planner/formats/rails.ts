/**
 * Rails migrations and schema.rb: `create_table :posts do |t|` ... `t.string :title, null: false`,
 * `t.references :user, foreign_key: true`, `default:`, `add_index ..., unique: true`. A column
 * without `null: false` is nullable in Rails, so optional here. `add_foreign_key "shifts",
 * "volunteers"` declares shifts.volunteer_id a reference (or the `column:` it names), pasted target or not.
 */
import type {Parsed} from '../types.js';
import {pluralize, singularize} from '../words.js';
import {type Format, inferReferences, pushColumn, snake, type Table} from './table.js';

const TYPES: Record<string, string> = {
	string: 'string',
	text: 'text',
	integer: 'integer',
	bigint: 'integer',
	float: 'float',
	decimal: 'decimal',
	boolean: 'boolean',
	date: 'date',
	time: 'time',
	datetime: 'utc_datetime',
	timestamp: 'utc_datetime',
	json: 'map',
	jsonb: 'map',
	hstore: 'map',
	uuid: 'uuid',
	binary: 'binary',
	citext: 'string',
};

const symbol = (text: string): string =>
	snake(
		text
			.trim()
			.replace(/^:/, '')
			.replace(/^["']|["']$/g, ''),
	);

function option(options: string, key: string): string | undefined {
	return new RegExp(`\\b${key}:\\s*("[^"]*"|'[^']*'|\\{[^}]*\\}|[^,\\s]+)`).exec(options)?.[1];
}

function readLine(table: Table, line: string): void {
	const match = /^t\.(\w+)\s+(.+)$/.exec(line.trim());
	if (!match) return;
	const [, kind, rest] = match as unknown as [string, string, string];
	if (kind === 'timestamps' || kind === 'index') return;
	const [first, ...others] = rest.split(',');
	const options = others.join(',');
	const name = symbol(first!.trim());
	const optional = !/null:\s*false/.test(options);
	const unique = /unique:\s*true/.test(options) || /index:\s*\{[^}]*unique:\s*true/.test(options);
	if (kind === 'references' || kind === 'belongs_to') {
		const target = /to_table:\s*:?"?(\w+)/.exec(options)?.[1] ?? pluralize(name);
		if (/polymorphic:\s*true/.test(options)) {
			table.assumptions.push(`${name}: polymorphic in Rails; planned as ${name}_id:integer and ${name}_type:string (Ecto has no polymorphic belongs_to)`);
			pushColumn(table, {name: `${name}_id`, type: 'integer', optional, unique: false});
			pushColumn(table, {name: `${name}_type`, type: 'string', optional, unique: false});
			return;
		}

		pushColumn(table, {name: `${name}_id`, type: `references:${target}`, optional, unique});
		return;
	}

	let type = TYPES[kind];
	if (!type) {
		table.assumptions.push(`${name}: the Rails type ${kind} read as string`);
		type = 'string';
	}

	if (/array:\s*true/.test(options) && !type.includes(':')) type = `array:${type}`;
	if (kind === 'bigint') table.assumptions.push(`${name}: bigint as integer (the grammar has no bigint)`);
	const column = {name, type, optional, unique, ...defaultOf(option(options, 'default'), table, name)};
	pushColumn(table, column);
}

function defaultOf(raw: string | undefined, table: Table, name: string): {default?: string} {
	if (raw === undefined || raw === 'nil') return {};
	const quoted = /^["'](.*)["']$/.exec(raw);
	if (quoted) return {default: quoted[1]!};
	if (/^(-?\d+(\.\d+)?|true|false)$/.test(raw)) return {default: raw};
	if (/^:\w+$/.test(raw)) return {default: raw.slice(1)};
	table.assumptions.push(`${name}: default ${raw} left out (not a literal)`);
	return {};
}

export const rails: Format = {
	name: 'Rails migration',
	detect: text => /create_table\s+[:"']\w+/.test(text) && /\bt\.\w+\s+[:"']/.test(text),
	read(text): Parsed<Table[]> {
		const tables: Table[] = [];
		let current: Table | undefined;
		for (const line of text.split('\n')) {
			const start = /create_table\s+[:"'](\w+)["']?(.*)$/.exec(line);
			if (start) {
				current = {plural: snake(start[1]!), columns: [], uniquePairs: [], assumptions: [], uuidKey: /id:\s*:uuid/.test(start[2]!)};
				tables.push(current);
				continue;
			}

			if (/^\s*end\b/.test(line)) {
				current = undefined;
				continue;
			}

			if (current) readLine(current, line);
			const index = /add_index\s+[:"'](\w+)["']?,\s*(\[[^\]]+\]|[:"']\w+["']?)(.*)$/.exec(line.trim()) ?? /^\s*t\.index\s+(\[[^\]]+\]|[:"']\w+["']?)(.*)$/.exec(line);
			if (index && /unique:\s*true/.test(line)) {
				const table = index.length === 4 ? tables.find(each => each.plural === snake(index[1]!)) : current;
				const list = (index.length === 4 ? index[2]! : index[1]!).replace(/[[\]]/g, '').split(',').map(symbol);
				if (!table) continue;
				if (list.length === 1) {
					const found = table.columns.find(each => each.name === list[0]);
					if (found) found.unique = true;
				} else table.uniquePairs.push(list);
			}
		}

		for (const line of text.split('\n')) foreignKey(tables, line);
		inferReferences(tables);
		return {ok: true, value: tables};
	},
};

/** `add_foreign_key "shifts", "volunteers"` / `add_foreign_key :leaves, :employees, column: :approver_id`. */
function foreignKey(tables: Table[], line: string): void {
	const match = /^\s*add_foreign_key\s+[:"'](\w+)["']?,\s*[:"'](\w+)["']?(.*)$/.exec(line);
	if (!match) return;
	const table = tables.find(each => each.plural === snake(match[1]!));
	const target = snake(match[2]!);
	const name = /column:\s*[:"'](\w+)/.exec(match[3]!)?.[1] ?? `${singularize(target)}_id`;
	const found = table?.columns.find(each => each.name === snake(name));
	if (!found) return;
	found.type = `references:${target}`;
	// A key's width is the reference's, not a bigint to widen by hand.
	table!.assumptions = table!.assumptions.filter(line => !line.startsWith(`${found.name}: bigint`));
}
