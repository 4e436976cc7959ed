/**
 * A developer whose shell sets CI (many do) still gets the live, coloured TUI: Ink (is-in-ci) and
 * chalk decide from CI when they are imported, and the TUI runs only on an interactive terminal.
 */
import test from 'ava';
import {requireTmux} from '../helpers/tmux.js';
import {startTui} from './_tmux-tui.js';

test('with CI and CONTINUOUS_INTEGRATION set, the TUI draws live and in colour', async t => {
	if (!requireTmux(t)) return;
	const {terminal} = await startTui(t, {env: {CI: 'true', CONTINUOUS_INTEGRATION: '1'}});
	await terminal.waitFor(/F?1 Run {2}F?2 History/, 'the first frame, drawn live');
	// Styled: chalk did not turn colours off.
	t.regex(terminal.screen(true).split('\n')[0]!, /\u001B\[[\d;]*m/, 'the top bar has its colours and attributes');
	terminal.keys('Escape');
	await terminal.waitFor(/q quit/, 'the keys outside the field');
	terminal.keys('2');
	await terminal.waitFor(/^ id +when +workflow/m, 'the History screen: frames after the first are drawn too');
	terminal.keys('q');
	const after = await terminal.waitFor(/EXITED:\d+/, 'the program to exit');
	t.regex(after, /EXITED:0/);
	t.regex(after, /TTY:RESTORED/);
});
