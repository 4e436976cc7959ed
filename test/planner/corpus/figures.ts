/**
 * The corpus figures: each description through the planner, judged fully right, partly read
 * (planned, but not what a careful reader plans: silently wrong unless the plan states why), or
 * refused, split into structured and English input.
 */
import {describe} from '../../../source/planner/resolve.js';
import type {Case} from '../cases.js';
import {type Answer, judge, type Verdict} from '../judge.js';
import type {CorpusCase} from './types.js';

/** The planner's answer to a case, with every line the plan states (assumptions and left-out words). */
export function answer(item: Case): Answer & {stated?: string[]} {
	const described = describe(item.text, item.existing ? new Set(item.existing) : undefined);
	if (!described.ok) return {ok: false, message: described.message};
	return {
		ok: true,
		entities: described.value.entities.map(entity => ({
			context: entity.context,
			plural: entity.plural,
			attrs: entity.attrs,
			binaryId: described.value.binaryId,
			uniquePairs: entity.uniquePairs,
		})),
		leftOut: described.value.ignored,
		stated: [...described.value.assumed, ...described.value.entities.flatMap(entity => entity.assumptions), ...described.value.ignored],
	};
}

export function verdictOf(item: CorpusCase): Verdict {
	const given = answer(item);
	const verdict = judge(item, given);
	if (verdict.kind === 'right' && item.states && given.ok && !given.stated!.some(line => item.states!.test(line))) {
		return {kind: 'wrong', why: `the plan does not state ${item.states}: ${given.stated!.join(' | ')}`};
	}

	return verdict;
}

export interface Figures {
	total: number;
	right: number;
	partly: number;
	refused: number;
	misses: string[];
}

export function figures(items: CorpusCase[]): Figures {
	const result: Figures = {total: items.length, right: 0, partly: 0, refused: 0, misses: []};
	for (const item of items) {
		const verdict = verdictOf(item);
		if (verdict.kind === 'right') result.right++;
		else if (verdict.kind === 'refused') result.refused++;
		else result.partly++;
		if (verdict.kind !== 'right') result.misses.push(`${verdict.kind.toUpperCase()} ${JSON.stringify(item.text.slice(0, 90))}\n    ${'why' in verdict ? verdict.why : ''}`);
	}

	return result;
}

export function figureLine(name: string, value: Figures): string {
	return `${name.padEnd(24)} ${String(value.total).padStart(3)} descriptions: ${value.right} fully read, ${value.partly} partly (not as planned), ${value.refused} refused`;
}
