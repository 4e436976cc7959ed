/**
 * TypeScript interfaces and type aliases: `interface Post { id: number; title: string; body?: string | null; status: 'draft' | 'published'; authorId: number; tags: string[]; createdAt: Date }`.
 * `?` or `| null` is optional; a string-literal union is an enum; a field typed with another
 * pasted interface (`author: User`) or named `userId` next to a `User` interface is a reference.
 */
import {inferType} from '../name-types.js';
import type {Parsed} from '../types.js';
import {pluralize, singularize} from '../words.js';
import {type Format, pushColumn, snake, type Table} from './table.js';

const BLOCK = /(?:interface|type)\s+(\w+)\s*(?:=\s*)?\{([^}]*)\}/g;

function scalar(raw: string, name: string, table: Table): string | undefined {
	if (raw === 'string') {
		if (/(_at|_on)$/.test(name)) {
			table.assumptions.push(`${name}: a string named like a time, read as utc_datetime`);
			return 'utc_datetime';
		}

		return 'string';
	}

	if (raw === 'number') {
		// A JavaScript number is any number: the name says which (amount_cents, count, price, lat).
		const named = inferType(name).type;
		const type = ['integer', 'float', 'decimal'].includes(named) ? named : 'integer';
		table.assumptions.push(type === 'integer' && named !== 'integer' ? `${name}: number read as integer` : `${name}: number read as ${type}, from the name`);
		return type;
	}

	if (raw === 'boolean') return 'boolean';
	if (raw === 'Date') return 'utc_datetime';
	if (raw === 'bigint') return 'integer';
	if (/^Record<|^\{|^object$|^unknown$|^any$/.test(raw)) return 'map';
	return undefined;
}

export const typescript: Format = {
	name: 'TypeScript',
	detect: text => /(?:^|\n)\s*(?:export\s+)?(?:interface\s+\w+\s*\{|type\s+\w+\s*=\s*\{)/.test(text),
	read(text): Parsed<Table[]> {
		const blocks = [...text.matchAll(BLOCK)].map(match => ({name: match[1]!, body: match[2]!}));
		const plurals = new Map(blocks.map(block => [block.name, pluralize(snake(block.name))]));
		const tables: Table[] = [];
		for (const block of blocks) {
			const table: Table = {plural: plurals.get(block.name)!, alias: block.name, columns: [], uniquePairs: [], assumptions: []};
			for (const member of block.body.split(/[;\n]/)) {
				const match = /^\s*(?:readonly\s+)?(\w+)(\?)?\s*:\s*(.+?)\s*,?\s*(?:\/\/.*)?$/.exec(member.replace(/\/\*.*?\*\//g, ''));
				if (!match) continue;
				const [, field, question, typeText] = match as unknown as [string, string, string | undefined, string];
				let name = snake(field);
				const parts = typeText.split('|').map(part => part.trim());
				const optional = Boolean(question) || parts.some(part => part === 'null' || part === 'undefined');
				const kinds = parts.filter(part => part !== 'null' && part !== 'undefined');
				if (name === 'id') {
					if (kinds[0] === 'string') table.uuidKey = true;
					continue;
				}

				let type: string | undefined;
				if (kinds.length > 0 && kinds.every(part => /^'[^']*'$|^"[^"]*"$/.test(part))) type = `enum:${kinds.map(part => part.slice(1, -1)).join(':')}`;
				else if (kinds.length === 1 && plurals.has(kinds[0]!)) {
					type = `references:${plurals.get(kinds[0]!)}`;
					name = `${name}_id`;
				} else if (kinds.length === 1 && kinds[0]!.endsWith('[]')) {
					const inner = kinds[0]!.slice(0, -2);
					if (plurals.has(inner)) continue; // the other side of a reference
					const innerType = scalar(inner, singularize(name), table);
					type = innerType && !innerType.includes(':') ? `array:${innerType}` : 'array:string';
				} else if (kinds.length === 1) type = scalar(kinds[0]!, name, table);
				if (!type) {
					table.assumptions.push(`${name}: the type ${typeText} read as string`);
					type = 'string';
				}

				if (name.endsWith('_id') && !type.startsWith('references:')) {
					const target = [...plurals.values()].find(plural => singularize(plural) === name.slice(0, -3));
					if (target) {
						table.assumptions.splice(table.assumptions.indexOf(`${name}: number read as integer`) >>> 0, 1);
						type = `references:${target}`;
						table.assumptions.push(`${name}: a reference to ${target}, from the name`);
					}
				}

				pushColumn(table, {name, type, optional, unique: false});
			}

			tables.push(table);
		}

		return {ok: true, value: tables};
	},
};
