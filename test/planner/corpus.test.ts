/**
 * The corpus of issue 18: the tuned set (tuned.ts) and the held-out set (held-out.ts, written
 * before the tolerant reader and never tuned on) and the unseen set (unseen.ts, written by a helper who
 * never read the planner, committed before the planner ran on it), each split into structured and English input.
 * The figures are printed (`npx ava test/planner/corpus.test.ts --verbose`); the assertions hold
 * what is reached so a change that reads less shows up. Misses are printed with why.
 */
import test from 'ava';
import {figureLine, figures} from './corpus/figures.js';
import {heldOut} from './corpus/held-out.js';
import {tuned} from './corpus/tuned.js';
import {unseen} from './corpus/unseen.js';

const sets = {tuned, 'held-out': heldOut, unseen};

test('the corpus holds at least 80 descriptions, 40 of them held out', t => {
	t.true(tuned.length + heldOut.length >= 80);
	t.true(heldOut.length >= 40);
});

for (const [name, items] of Object.entries(sets)) {
	test(`figures: ${name}`, t => {
		for (const kind of ['structured', 'english'] as const) {
			const result = figures(items.filter(item => item.kind === kind));
			t.log(figureLine(`${name} ${kind}`, result));
			for (const miss of result.misses) t.log(`  ${miss}`);
		}

		const all = figures(items);
		t.log(figureLine(`${name} all`, all));
		// Floors at what this commit reaches: raise them when the planner reads more.
		if (name === 'tuned') t.is(all.right, all.total, all.misses.join('\n'));
		else t.true(all.right >= FLOORS[name]!, all.misses.join('\n'));
	});
}

const FLOORS: Record<string, number> = {'held-out': 40, unseen: 27};
