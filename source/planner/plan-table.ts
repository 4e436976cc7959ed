/**
 * The plan as the planner states it before any tool runs: one row per entity (context, schema,
 * table, fields with types and modifiers, references), then every assumption and every word left
 * out. The table is a GitHub (Markdown) table: an export shows it as one; the headless run and
 * the TUI lay it out in their width (terminal/text-table.ts).
 */
import {parseAttr} from '../grammar/attribute.js';
import {markdownTable} from '../terminal/text-table.js';
import type {PlannedEntity} from './types.js';

function fieldText(spec: string): string {
	const attr = parseAttr(spec);
	const type = attr.type === 'enum' ? `enum(${attr.values!.join(', ')})` : attr.type === 'array' ? `array of ${attr.inner}` : attr.type;
	const modifiers = [
		...(attr.default === undefined ? [] : [`default ${attr.default}`]),
		...(attr.optional ? ['optional'] : []),
		...(attr.unique ? ['unique'] : []),
		...(attr.redact ? ['redacted'] : []),
	];
	return `${attr.name}: ${type}${modifiers.length > 0 ? ` (${modifiers.join(', ')})` : ''}`;
}

function referenceText(spec: string): string | undefined {
	const attr = parseAttr(spec);
	return attr.type === 'references' ? `${attr.name} → ${attr.table}${attr.unique ? ' (unique)' : ''}` : undefined;
}

export function planTable(entities: PlannedEntity[], options: {binaryId: boolean; ignored: string[]; undescribed: string[]; inspected: boolean; assumed?: string[]}): string {
	const rows = [
		['Context', 'Schema', 'Table', 'Fields', 'References'],
		...entities.map(entity => {
			const fields = entity.attrs.filter(attr => !referenceText(attr)).map(fieldText);
			const references = [...entity.attrs.map(referenceText).filter((text): text is string => text !== undefined), ...entity.uniquePairs.map(pair => `unique (${pair.join(', ')})`)];
			return [entity.context, entity.schema, entity.plural, fields.join(', ') || '—', references.join(', ') || '—'];
		}),
	];
	const assumptions = [
		...(options.assumed ?? []),
		...entities.flatMap(entity => entity.assumptions.map(text => (text.startsWith(entity.plural) ? text : `${entity.plural}.${text}`))),
		...options.undescribed.map(table => `${table}: the project's own table`),
		...(options.binaryId ? ['binary (UUID) primary and foreign keys for every table'] : []),
	];
	return [
		'Offline planner (no language model). Plan:',
		'',
		...markdownTable(rows),
		'',
		...(assumptions.length > 0 ? ['Assumptions:', ...assumptions.map(text => `  - ${text}`)] : []),
		...(options.ignored.length > 0 ? ['Left out:', ...options.ignored.map(text => `  - ${text}`)] : []),
		...(options.inspected ? [] : ['First I inspect the project, then generate in this order.']),
	].join('\n');
}
