/**
 * Prisma models: `model Post { id Int @id ... title String @db.VarChar(200) author User @relation(fields: [authorId], references: [id]) authorId Int }`,
 * `?` optional, `@unique`, `@default(...)`, `@@unique([a, b])`, `@@map("table")`, `enum Role { ... }`.
 * List relations (`posts Post[]`) are the other side of a reference and add no column.
 */
import type {Parsed} from '../types.js';
import {pluralize} from '../words.js';
import {type Format, inferReferences, pushColumn, snake, type Table} from './table.js';

const SCALARS: Record<string, string> = {
	String: 'string',
	Int: 'integer',
	BigInt: 'integer',
	Float: 'float',
	Decimal: 'decimal',
	Boolean: 'boolean',
	DateTime: 'utc_datetime',
	Json: 'map',
	Bytes: 'binary',
};

interface Block {
	name: string;
	lines: string[];
}

function blocks(text: string, kind: 'model' | 'enum'): Block[] {
	return [...text.matchAll(new RegExp(`\\b${kind}\\s+(\\w+)\\s*\\{([^}]*)\\}`, 'g'))].map(match => ({
		name: match[1]!,
		lines: match[2]!
			.split('\n')
			.map(line => line.replace(/\/\/.*$/, '').trim())
			.filter(Boolean),
	}));
}

function defaultOf(line: string): {value?: string; skipped?: string} {
	const raw = /@default\(((?:[^()]|\([^)]*\))*)\)/.exec(line)?.[1];
	if (raw === undefined) return {};
	const quoted = /^"(.*)"$/.exec(raw);
	if (quoted) return {value: quoted[1]!};
	if (/^(-?\d+(\.\d+)?|true|false)$/.test(raw)) return {value: raw};
	if (/^[A-Za-z_]\w*$/.test(raw)) return {value: raw};
	return {skipped: raw};
}

export const prisma: Format = {
	name: 'Prisma',
	detect: text => /\bmodel\s+\w+\s*\{[\s\S]*\}/.test(text) && /^\s*\w+\s+(String|Int|BigInt|Float|Decimal|Boolean|DateTime|Json|Bytes|\w+)(\[\]|\?)?(\s+@|\s*$)/m.test(text),
	read(text): Parsed<Table[]> {
		const enums = new Map(blocks(text, 'enum').map(block => [block.name, block.lines.map(line => line.split(/\s+/)[0]!)]));
		const models = blocks(text, 'model');
		const tableOf = new Map(
			models.map(model => {
				const mapped = model.lines.map(line => /^@@map\("([^"]+)"\)/.exec(line)?.[1]).find(Boolean);
				return [model.name, mapped ?? pluralize(snake(model.name))];
			}),
		);
		const tables: Table[] = [];
		for (const model of models) {
			const table: Table = {plural: tableOf.get(model.name)!, alias: model.name, columns: [], uniquePairs: [], assumptions: []};
			const references = new Map<string, string>();
			for (const line of model.lines) {
				const relation = /^\w+\s+(\w+)\??\s+.*@relation\([^)]*fields:\s*\[(\w+)\]/.exec(line);
				if (relation) references.set(relation[2]!, tableOf.get(relation[1]!) ?? pluralize(snake(relation[1]!)));
			}

			for (const line of model.lines) {
				const pair = /^@@(?:unique|id)\(\[([^\]]+)\]/.exec(line);
				const columns = pair?.[1]?.split(',').map(name => snake(name.trim()));
				if (columns && line.startsWith('@@unique')) table.uniquePairs.push(columns);
				else if (columns && columns.length > 1) {
					// A composite @@id (a join model's pair): a unique pair, since Phoenix tables get an id.
					table.uniquePairs.push(columns);
					table.assumptions.push(`the composite @@id (${columns.join(', ')}) read as a unique pair: the table gets an id like every Phoenix table`);
				}
				const match = /^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
				if (!match || line.startsWith('@')) continue;
				const [, field, kind, list, optional, rest] = match as unknown as [string, string, string, string | undefined, string | undefined, string];
				const name = snake(field);
				if (/@id\b/.test(rest)) {
					if (kind === 'String' && /uuid\(\)/.test(rest)) table.uuidKey = true;
					continue;
				}

				if (/@updatedAt\b/.test(rest) || /@relation/.test(rest) || (!SCALARS[kind] && !enums.has(kind))) continue;
				let type = references.has(field) ? `references:${references.get(field)}` : enums.has(kind) ? `enum:${enums.get(kind)!.join(':')}` : SCALARS[kind]!;
				if (list) type = type.includes(':') ? 'array:string' : `array:${type}`;
				if (!references.has(field) && /@db\.Text\b/.test(rest)) type = 'text';
				if (kind === 'DateTime' && /@db\.Date\b/.test(rest)) type = list ? 'array:date' : 'date';
				if (kind === 'BigInt') table.assumptions.push(`${name}: BigInt as integer (the grammar has no bigint)`);
				const fallback = defaultOf(rest);
				if (fallback.skipped) table.assumptions.push(`${name}: @default(${fallback.skipped}) left out (the attribute grammar takes literal defaults only)`);
				pushColumn(table, {name, type, optional: Boolean(optional), unique: /@unique\b/.test(rest), ...(fallback.value === undefined ? {} : {default: fallback.value})});
			}

			tables.push(table);
		}

		inferReferences(tables);
		return {ok: true, value: tables};
	},
};
