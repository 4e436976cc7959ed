/** Judges a planner's answer to a case: fully right, refused, or silently wrong (with why). */
import type {Case} from './cases.js';

export interface PlannedShape {
	context: string;
	plural: string;
	attrs: string[];
	binaryId?: boolean;
	uniquePairs?: string[][];
}

export type Answer = {ok: true; entities: PlannedShape[]; leftOut?: string[]} | {ok: false; message: string};
export type Verdict = {kind: 'right'} | {kind: 'refused'; why: string} | {kind: 'wrong'; why: string};

const FLAGS = ['optional', 'unique', 'redact'];

/** `title` → `title:string`; modifiers in the order default, optional, unique, redact. */
export function canonical(attr: string): string {
	const parts = attr.split(':');
	const flags = new Set<string>();
	while (parts.length > 1 && FLAGS.includes(parts[parts.length - 1]!)) flags.add(parts.pop()!);
	let value: string | undefined;
	if (parts.length > 3 && parts[parts.length - 2] === 'default') {
		value = parts.pop();
		parts.pop();
	}

	if (parts.length === 1) parts.push('string');
	if (parts[1] === 'datetime') parts[1] = 'naive_datetime';
	return [...parts, ...(value === undefined ? [] : ['default', value]), ...FLAGS.filter(flag => flags.has(flag))].join(':');
}

function sameSet(a: string[], b: string[]): boolean {
	return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

export function judge(item: Case, answer: Answer): Verdict {
	if (item.refuse) {
		if (answer.ok) return {kind: 'wrong', why: `expected a refusal, planned ${answer.entities.map(entity => entity.plural).join(', ')}`};
		return item.refuse.test(answer.message) ? {kind: 'right'} : {kind: 'wrong', why: `refusal does not quote the words: ${answer.message}`};
	}

	if (!answer.ok) return {kind: 'refused', why: answer.message};
	const expected = item.tables!;
	const tables = answer.entities.map(entity => entity.plural);
	if (!sameSet(tables, Object.keys(expected))) return {kind: 'wrong', why: `tables ${tables.join(', ')}; expected ${Object.keys(expected).join(', ')}`};
	for (const entity of answer.entities) {
		const want = expected[entity.plural]!.split(' ').filter(Boolean).map(canonical);
		const got = entity.attrs.map(canonical);
		if (!sameSet(got, want)) return {kind: 'wrong', why: `${entity.plural}: ${got.join(' ')}; expected ${want.join(' ')}`};
		const context = item.contexts?.[entity.plural] ?? item.context;
		if (context && entity.context !== context) return {kind: 'wrong', why: `${entity.plural} in context ${entity.context}; expected ${context}`};
		if (Boolean(entity.binaryId) !== Boolean(item.binaryId)) return {kind: 'wrong', why: `${entity.plural}: binary id ${Boolean(entity.binaryId)}`};
		const pair = item.pairs?.[entity.plural];
		const pairs = (entity.uniquePairs ?? []).map(columns => columns.join(','));
		if (!sameSet(pairs, pair ? [pair.join(',')] : [])) return {kind: 'wrong', why: `${entity.plural}: unique pairs ${pairs.join(' ') || 'none'}`};
	}

	if (item.leftOut && !(answer.leftOut ?? []).some(line => item.leftOut!.test(line))) return {kind: 'wrong', why: `the plan does not list ${item.leftOut} as left out`};
	return {kind: 'right'};
}

export interface Tally {
	right: number;
	refused: number;
	wrong: number;
	lines: string[];
}

export function tally(results: Array<{item: Case; verdict: Verdict}>): Tally {
	const count = (kind: Verdict['kind']) => results.filter(result => result.verdict.kind === kind).length;
	return {
		right: count('right'),
		refused: count('refused'),
		wrong: count('wrong'),
		lines: results.filter(result => result.verdict.kind !== 'right').map(({item, verdict}) => `${verdict.kind.toUpperCase()} ${JSON.stringify(item.text)}\n    ${'why' in verdict ? verdict.why : ''}`),
	};
}
