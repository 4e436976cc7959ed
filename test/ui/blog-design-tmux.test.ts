/**
 * The whole blog design in a real terminal, at 80x24 and at 120x40: describe (the plan table one
 * line per row), approve, follow up, undo the follow-up (the schema pane loses its field), replay
 * the first run from History, and back.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {requireTmux} from '../helpers/tmux.js';
import {READY, startTui} from './_tmux-tui.js';

for (const [width, height] of [
	[80, 24],
	[120, 40],
] as const) {
	test(`the blog design at ${width}x${height}: describe, approve, follow up, undo, replay`, async t => {
		if (!requireTmux(t)) return;
		const {terminal, project} = await startTui(t, {width, height});
		await terminal.waitFor(READY, 'the project and its schema');

		terminal.type('Blog.Post posts title:string body:text');
		terminal.keys('Enter');
		await terminal.waitFor(/Approve /, 'the first approval');
		terminal.keys('a');
		const done = await terminal.waitFor(/✔ Completed after \d+ turns[\s\S]*· completed/, 'the run to complete');
		t.regex(done, /\+ posts {2}MyApp\.Blog\.Post/);
		t.true(existsSync(path.join(project, 'lib/my_app/blog/post.ex')));
		for (const line of done.split('\n')) t.false(line.length > width, line);

		// The plan, scrolled back to: the table's rows are one line each, never wrapped.
		terminal.keys('Escape');
		await terminal.waitFor(/q quit/, 'the keys outside the field');
		for (let page = 0; page < 4; page++) terminal.keys('PageUp');
		const plan = await terminal.waitFor(/Context +Schema +Table +Fields/, 'the plan table');
		t.regex(plan, /Blog +Blog\.Post +posts +title: str/);
		t.notRegex(plan, /^\s*References\s*$/m, 'no header cell alone on a line');

		for (let page = 0; page < 4; page++) terminal.keys('PageDown');
		await terminal.waitFor(/✔ Completed after \d+ turns[\s\S]*Tool calls/, 'the conversation back at its end');
		terminal.keys('i');
		terminal.type('add a unique slug to posts');
		terminal.keys('Enter');
		await terminal.waitFor(/Approve /, "the follow-up's approval");
		terminal.keys('a');
		const followed = await terminal.waitFor(/✔ Completed after \d+ turns in [\d.]+s \(#2\)/, 'the follow-up to complete');
		t.regex(followed, /#2 ↳#1/);
		await terminal.waitFor(/\+ slug +string/, 'the schema pane with the new field');
		t.regex(readFileSync(path.join(project, 'lib/my_app/blog/post.ex'), 'utf8'), /field :slug, :string/);

		// Undo the follow-up: the schema pane no longer lists slug.
		terminal.keys('Escape');
		await terminal.waitFor(/q quit/, 'the keys outside the field');
		terminal.keys('u');
		await terminal.waitFor(/y: undo · any other key: cancel/, 'the undo plan');
		terminal.keys('y');
		await terminal.waitFor(/Undid execution #2/, 'the undo');
		const undone = await terminal.waitFor(/\+ posts {2}MyApp\.Blog\.Post[\s\S]*\+ body/, 'the schema read again');
		t.notRegex(undone, /slug +string/);
		t.notRegex(readFileSync(path.join(project, 'lib/my_app/blog/post.ex'), 'utf8'), /slug/);

		// History: #2 marked undone, #1 replayed.
		terminal.keys('2');
		const list = await terminal.waitFor(/\n *2 +\d\d-\d\d[^\n]*\[undone\][\s\S]*\n *1 +\d\d-\d\d/, 'the History list, #2 undone');
		t.regex(list, /History page 1/);
		terminal.keys('Down');
		terminal.keys('Enter');
		const replay = await terminal.waitFor(/Replay #1 · step 1 of \d+/, 'the replay of #1');
		t.regex(replay, /Conversation #1/);
		terminal.keys('End');
		await terminal.waitFor(/✔ Completed after \d+ turns/, 'the replay at its end');
		terminal.keys('Escape');
		await terminal.waitFor(/History page 1/, 'back in History');
		terminal.keys('q');
		await terminal.waitFor(/EXITED:0/, 'the program to exit');
	});
}
