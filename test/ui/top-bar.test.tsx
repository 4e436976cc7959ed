/** The top bar at 80 columns: the screen's first keys whole, `? help` last, nothing cut mid-word. */
import test from 'ava';
import React from 'react';
import {TopBar} from '../../source/ui/components/top-bar.js';
import {SCREENS} from '../../source/ui/screens/index.js';
import {runStatusKeys} from '../../source/ui/screens/run-keys.js';
import {render, until} from './_frames.js';

void React;

test('at an approval at 80 columns the bar shows y approve first and ends in ? help', async t => {
	const keys = runStatusKeys({actionKeys: undefined, approving: true, typing: false, running: true, finished: false});
	const app = render(<TopBar screens={SCREENS} current="run" width={80} keys={keys} />);
	t.teardown(() => app.unmount());
	const bar = (await until(app.lastFrame, /help/, 'the bar')).split('\n')[0]!;
	t.regex(bar, /^ 1 Run .* y approve · .*\? help$/);
	t.false(bar.includes('…'), bar);
});

test('while typing at 80 columns the bar keeps F1..F5 and the first keys whole', async t => {
	const keys = runStatusKeys({actionKeys: undefined, approving: false, typing: true, running: false, finished: false});
	const app = render(<TopBar screens={SCREENS} current="run" width={80} keys={keys} typing />);
	t.teardown(() => app.unmount());
	const bar = (await until(app.lastFrame, /help/, 'the bar')).split('\n')[0]!;
	t.regex(bar, /^ F1 Run .*F5 Stats .*Enter \w+.* · \? help$/);
	t.false(bar.includes('…'), bar);
});

test('at 120 columns the bar has room for the name and more keys', async t => {
	const keys = runStatusKeys({actionKeys: undefined, approving: true, typing: false, running: true, finished: false});
	const app = render(<TopBar screens={SCREENS} current="run" width={120} keys={keys} />);
	t.teardown(() => app.unmount());
	const bar = (await until(app.lastFrame, /help/, 'the bar')).split('\n')[0]!;
	t.regex(bar, /^ectosmith .* y approve · n decline · e note · a all · \? help$/);
});
