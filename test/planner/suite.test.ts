/**
 * The planner against descriptions written the way Phoenix developers describe data (cases.ts),
 * one test per description. Figures on these 201 descriptions (fully right / refused / silently
 * wrong; a refusal the case asks for counts as right):
 *   before (main at 54bd504, the planner in source/llm/offline/): 33 / 113 / 55
 *   after  (source/planner/):                                    199 /   0 /  2
 * The 2 known misses are marked `known` and run as test.failing, so fixing one shows up here.
 */
import test from 'ava';
import {cases} from './cases.js';
import {answer} from './corpus/figures.js';
import {judge} from './judge.js';

for (const [index, item] of cases.entries()) {
	const title = `#${index + 1} ${item.text.replaceAll('\n', ' / ').slice(0, 150)}`;
	(item.known ? test.failing : test)(title, t => {
		const verdict = judge(item, answer(item));
		t.is(verdict.kind, 'right', 'why' in verdict ? verdict.why : '');
	});
}

test('the suite is large and nothing is silently wrong beyond the known misses', t => {
	t.true(cases.length >= 150);
	const wrong = cases.filter(item => !item.known && judge(item, answer(item)).kind === 'wrong');
	t.deepEqual(
		wrong.map(item => item.text),
		[],
	);
});
