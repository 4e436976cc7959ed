/**
 * Resizing the real terminal (tmux) on every screen, 80x24 → 120x40 → 60x20 → 80x24: each size is
 * drawn whole at the new size (the top bar once, on the first row and as wide as the terminal; the
 * status bar on the second last row; nothing left below it) and nothing crashes. Below the smallest
 * size the screen asks for a larger terminal instead of a broken layout, and comes back intact.
 */
import test from 'ava';
import {MIN_COLUMNS, MIN_ROWS} from '../../source/ui/app.js';
import {requireTmux, type Terminal} from '../helpers/tmux.js';
import {READY, startTui} from './_tmux-tui.js';

/** What is wrong with the screen as a whole frame of the layout at this size, if anything. */
function layoutProblem(screen: string, width: number, height: number): string | undefined {
	const rows = screen.split('\n').slice(0, height);
	const topBars = rows.filter(row => / F?1 Run {2}F?2 History/.test(row)).length;
	if (topBars !== 1) return `the top bar is drawn ${topBars} times`;
	if (!/^(ectosmith )? F?1 Run/.test(rows[0]!)) return 'the top bar is not on the first row';
	const topWidth = [...rows[0]!.trimEnd()].length;
	if (topWidth !== width) return `the top bar is ${topWidth} columns wide, not ${width}`;
	if (rows[height - 2]!.trim() === '') return 'no status bar on the second last row';
	if (rows[height - 1]!.trim() !== '') return 'a leftover line below the status bar';
	return undefined;
}

async function settles(terminal: Terminal, check: (screen: string) => string | undefined, what: string): Promise<string> {
	const end = Date.now() + 30_000;
	for (;;) {
		const screen = terminal.screen();
		const problem = check(screen);
		if (problem === undefined) return screen;
		if (Date.now() > end) throw new Error(`${what}: ${problem}. Screen:\n${screen}`);
		await new Promise(resolve => setTimeout(resolve, 200));
	}
}

const SCREENS = [
	{key: '1', name: 'Run', marker: /─ Describe your data/},
	{key: '2', name: 'History', marker: /^ id +when +workflow/m},
	{key: '3', name: 'Servers', marker: /^ MCP servers/m},
	{key: '4', name: 'Workflows', marker: /^ Workflows/m},
	{key: '5', name: 'Stats', marker: /^ Stats · all time/m},
];

const SIZES: Array<[number, number]> = [
	[120, 40],
	[60, 20],
	[80, 24],
];

test('every screen redraws whole at each new size, and a too small terminal is asked to grow', async t => {
	if (!requireTmux(t)) return;
	t.timeout(5 * 60_000); // twelve sizes, each redrawn and read back, on a busy machine
	const {terminal} = await startTui(t);
	await terminal.waitFor(READY, 'the project and its schema');
	terminal.keys('Escape');
	await terminal.waitFor(/q quit/, 'the keys outside the field');

	for (const screen of SCREENS) {
		terminal.keys(screen.key);
		await terminal.waitFor(screen.marker, `the ${screen.name} screen`);
		for (const [width, height] of SIZES) {
			terminal.resize(width, height);
			const drawn = await settles(terminal, text => (screen.marker.test(text) ? layoutProblem(text, width, height) : `the ${screen.name} screen is not shown`), `${screen.name} at ${width}x${height}`);
			t.regex(drawn, screen.marker, `${screen.name} at ${width}x${height}`);
		}
	}

	t.true(MIN_COLUMNS <= 60 && MIN_ROWS <= 20, 'the sizes above are all usable');
	// Too small: the description typed before is still there when the terminal grows back.
	terminal.keys('1');
	await terminal.waitFor(/Describe your data model/, 'the Run screen');
	terminal.keys('i');
	await terminal.waitFor(/Enter run/, 'the description field focused');
	terminal.type('Blog.Post posts title:string');
	await terminal.waitFor(/Blog\.Post posts/, 'the description typed');
	terminal.resize(MIN_COLUMNS - 10, MIN_ROWS - 5);
	const small = await terminal.waitFor(new RegExp(`Make the terminal at least ${MIN_COLUMNS}x${MIN_ROWS}`), 'the too-small message');
	t.notRegex(small, /1 Run|Describe your data model/, 'no broken layout beside the message');
	terminal.resize(80, 24);
	const back = await settles(terminal, text => layoutProblem(text, 80, 24), 'back at 80x24');
	t.regex(back, /Blog\.Post posts/, 'the screens stayed mounted: the typed description is kept');
	t.notRegex(back, /Make the terminal/);
	t.is(terminal.display('#{alternate_on}'), '1', 'still running, on the alternate screen');
});
