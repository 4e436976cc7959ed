/** The help at 80x24: long descriptions wrap, what does not fit scrolls and says so; nothing is cut off silently. */
import test from 'ava';
import React from 'react';
import {HelpOverlay} from '../../source/ui/components/help-overlay.js';
import {SCREENS} from '../../source/ui/screens/index.js';
import {render, until} from './_frames.js';

void React;

// The body of the app at 80x24: the top and status bars take 3 rows.
const view = (top: number) => render(<HelpOverlay screens={SCREENS} current="history" width={80} height={21} top={top} />);

test('the History and Replay help at 80x24 ends in how to see the rest, and scrolling reaches Home / End', async t => {
	const first = view(0);
	t.teardown(() => first.unmount());
	const frame = await until(first.lastFrame, /Keys/, 'the help');
	t.false(frame.includes('...') || frame.includes('…'), frame);
	t.regex(frame.split('\n').at(-1)!, /↓ \d+ more lines?: j \/ ↓ scrolls/);
	// The one long description is on two rows, the second under the first's text.
	const rows = frame.split('\n');
	const long = rows.findIndex(row => row.includes('replay: run the same query again'));
	t.regex(rows[long + 1]!, /^ {10,}\S.*screen\)$/);
	const seen = [frame];
	for (let top = 1; top < 20; top++) {
		const app = view(top);
		seen.push(await until(app.lastFrame, /Keys|\w/, 'the help'));
		app.unmount();
	}

	t.regex(seen.join('\n'), /Home \/ End\s+replay: first \/ last step/);
	t.regex(seen.at(-1)!, /the end$/);
});
