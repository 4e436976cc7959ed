/**
 * `mix phx.gen.schema|context|html|json|live|auth ...` command lines, as Phoenix reads them:
 * gen.schema takes `Blog.Post posts attrs`, the others `Blog Post posts attrs`; options
 * (`--binary-id`, `--no-schema`) are honoured or stated.
 */
import {checkAttr} from '../../grammar/attribute.js';
import type {Parsed} from '../types.js';
import {type Format, pushColumn, type Table} from './table.js';

const LINE = /mix\s+phx\.gen\.(schema|context|html|json|live)\s+([^\n`]+)/g;

export const phxGen: Format = {
	name: 'mix phx.gen',
	detect: text => /mix\s+phx\.gen\.(schema|context|html|json|live)\s/.test(text),
	read(text): Parsed<Table[]> {
		const tables: Table[] = [];
		for (const match of text.matchAll(LINE)) {
			const words = match[2]!.trim().replace(/\\$/, '').split(/\s+/);
			const options = words.filter(word => word.startsWith('--'));
			const rest = words.filter(word => !word.startsWith('--'));
			let context: string | undefined;
			let alias: string;
			let plural: string | undefined;
			if (match[1] === 'schema') {
				const segments = rest[0]!.split('.');
				alias = segments.pop()!;
				if (segments.length > 0) context = segments.join('.');
				plural = rest[1];
				rest.splice(0, 2);
			} else {
				[context, alias] = [rest[0]!, rest[1] ?? ''];
				plural = rest[2];
				rest.splice(0, 3);
			}

			if (!/^[A-Z]\w*$/.test(alias) || !plural || !/^[a-z_][a-z0-9_]*$/.test(plural)) {
				return {ok: false, message: `'${match[0].trim()}': phx.gen.${match[1]} takes ${match[1] === 'schema' ? 'Blog.Post posts' : 'Blog Post posts'} then attributes`};
			}

			const table: Table = {plural, alias, ...(context ? {context} : {}), columns: [], uniquePairs: [], assumptions: []};
			if (options.includes('--binary-id')) table.uuidKey = true;
			for (const option of options.filter(each => each !== '--binary-id')) table.assumptions.push(`the option ${option} is the generator's own: not applied`);
			for (const word of rest) {
				const checked = checkAttr(word);
				if (!checked.ok) return {ok: false, message: `'${word}' in '${match[0].trim()}': ${checked.message}`};
				const attr = checked.attr;
				const type = attr.type === 'references' ? `references:${attr.table}` : attr.type === 'enum' ? `enum:${attr.values!.join(':')}` : attr.type === 'array' ? `array:${attr.inner}` : attr.type;
				pushColumn(table, {name: attr.name, type, optional: Boolean(attr.optional), unique: attr.unique, redact: attr.redact, ...(attr.default === undefined ? {} : {default: attr.default})});
			}

			tables.push(table);
		}

		return {ok: true, value: tables};
	},
};
