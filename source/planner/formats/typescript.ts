/**
 * TypeScript interfaces and type aliases: `interface Post { id: number; title: string; body?: string | null; status: 'draft' | 'published'; authorId: number; tags: string[]; createdAt: Date }`.
 * `?` or `| null` is optional; a string-literal union is an enum; a field typed with another
 * pasted interface (`author: User`) or named `userId` next to a `User` interface is a reference.
 * A `string` or `number` says little by itself: a member's comment (`// ISO date`, `// uuid`,
 * `// -> Client`) and its name (`issuedOn`, `amountCents`) say what it holds.
 */
import {inferType} from '../name-types.js';
import type {Parsed} from '../types.js';
import {pluralize, singularize} from '../words.js';
import {type Format, IMPLICIT, pushColumn, snake, type Table} from './table.js';
import {type CommentHint, readComment} from './type-comments.js';

const BLOCK = /(?:interface|type)\s+(\w+)\s*(?:=\s*)?\{([^}]*)\}/g;

function scalar(raw: string, name: string, table: Table): string | undefined {
	if (raw === 'string') {
		// A date travels as a string in JSON: `_on`/`_date` names a day, `_at` an instant.
		if (/(_on|_date)$/.test(name)) {
			table.assumptions.push(`${name}: a string named like a day, read as date`);
			return 'date';
		}

		if (/_at$/.test(name)) {
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

/** What the comment's type hint makes of a `string` or `number` member, stated; undefined when it names no type. */
function hinted(hint: CommentHint | undefined, raw: string, name: string, table: Table): string | undefined {
	if (!hint?.type || (raw !== 'string' && raw !== 'number')) return undefined;
	// A number can be a count, an amount or a Unix time; a string a day, an instant or prose.
	const fits = raw === 'string' ? ['date', 'utc_datetime', 'time', 'text', 'decimal'] : ['integer', 'decimal', 'float', 'utc_datetime'];
	if (!fits.includes(hint.type)) return undefined;
	table.assumptions.push(`${name}: ${raw} read as ${hint.type}, from the comment '${hint.words}'`);
	return hint.type;
}

/** Members with the comment that types them: trailing (`a: string; // uuid`) or on the lines above (`/** ISO date *\/`). */
function members(body: string): Array<{code: string; comment?: string}> {
	const found: Array<{code: string; comment?: string}> = [];
	let above: string | undefined;
	for (const line of body.replace(/\/\*+([\s\S]*?)\*\//g, (_all, inner: string) => `//${inner.replace(/\s*\n\s*\*?\s*/g, ' ')}\n`).split('\n')) {
		const at = line.indexOf('//');
		const code = (at === -1 ? line : line.slice(0, at)).trim();
		const comment = at === -1 ? undefined : line.slice(at);
		const pieces = code
			.split(/[;,]\s*(?=\w+\??\s*:)|;/)
			.map(piece => piece.trim())
			.filter(Boolean);
		if (pieces.length === 0) {
			above = comment ?? above;
			continue;
		}

		for (const [index, piece] of pieces.entries()) found.push({code: piece, comment: index === pieces.length - 1 ? (comment ?? above) : undefined});
		above = undefined;
	}

	return found;
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
			for (const member of members(block.body)) {
				const match = /^(?:readonly\s+)?(\w+)(\?)?\s*:\s*(.+?)\s*,?$/.exec(member.code);
				if (!match) continue;
				const [, field, question, typeText] = match as unknown as [string, string, string | undefined, string];
				const hint = readComment(member.comment);
				let name = snake(field);
				const parts = typeText.split('|').map(part => part.trim());
				const optional = Boolean(question) || parts.some(part => part === 'null' || part === 'undefined');
				const kinds = parts.filter(part => part !== 'null' && part !== 'undefined');
				if (name === 'id') {
					if (kinds[0] === 'string') table.uuidKey = true;
					continue;
				}

				if (IMPLICIT.has(name)) continue; // Phoenix writes the timestamps itself

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
				} else if (kinds.length === 1 && (hint?.references || hint?.uuid) && name.endsWith('_id')) {
					type = reference(table, name, hint, [...plurals.values()]);
				} else if (kinds.length === 1) type = hinted(hint, kinds[0]!, name, table) ?? scalar(kinds[0]!, name, table);
				if (!type) {
					table.assumptions.push(`${name}: the type ${typeText} read as string`);
					type = 'string';
				}

				if (name.endsWith('_id') && !type.startsWith('references:')) {
					// A numeric `...Id` (or a string one among string keys) is a key; to a type not pasted it is a reference all the same.
					const key = kinds[0] === 'number' || (kinds[0] === 'string' && table.uuidKey);
					const target = [...plurals.values()].find(plural => singularize(plural) === name.slice(0, -3)) ?? (key && kinds.length === 1 ? pluralize(name.slice(0, -3)) : undefined);
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

/** `clientId: number // -> Client`, `restaurantId: string // uuid`: a reference the comment declares; a UUID one means binary ids. */
function reference(table: Table, name: string, hint: CommentHint, pasted: string[]): string {
	const target = hint.references ?? pasted.find(plural => singularize(plural) === name.slice(0, -3)) ?? pluralize(name.slice(0, -3));
	if (!hint.references) table.assumptions.push(`${name}: a reference to ${target}, from the name and the comment '${hint.words}'`);
	if (hint.uuid && !table.uuidKey) {
		table.uuidKey = true;
		table.assumptions.push(`${name}: a UUID reference, so the plan uses binary ids`);
	}

	return `references:${target}`;
}
