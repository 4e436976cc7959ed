/**
 * Panes have fixed heights and show a window of their content: these pure helpers wrap styled
 * lines to a width and cut the window, counting from the newest line (offset 0 follows the end).
 * Wrapped lines are cached per block object, so a long conversation is wrapped once, not per frame.
 */
import wrapAnsi from 'wrap-ansi';

export type Tone = 'plain' | 'user' | 'model' | 'answer' | 'dim' | 'error' | 'ok' | 'warn' | 'accent' | 'add' | 'del' | 'hunk';

export interface Line {
	text: string;
	tone?: Tone;
	bold?: boolean;
	/** Drawn with a spinner in front (a tool call in progress): its first row only. */
	spinner?: boolean;
	/**
	 * The first characters are a gutter (a line number, a diff's `+`): rows wrapped from the line
	 * start under it, not at column 0, so a long code line keeps its place in the diff.
	 */
	gutter?: number;
}

function wrapOne(line: Line, usable: number): Line[] {
	if (line.text === '') return [line];
	const gutter = line.gutter !== undefined && line.gutter < usable - 8 ? line.gutter : 0;
	const head = line.text.slice(0, gutter);
	const rows = wrapAnsi(line.text.slice(gutter), usable - gutter, {hard: true, trim: false}).split('\n');
	// Only the first row is the call's: a spinner on every row would cover their first letters.
	return rows.map((text, index) => (index === 0 ? {...line, text: head + text} : {...line, text: ' '.repeat(gutter) + text, spinner: false}));
}

export function wrapLines(lines: Line[], width: number): Line[] {
	const usable = Math.max(1, width);
	return lines.flatMap(line => wrapOne(line, usable));
}

export interface LineWindow {
	lines: Line[];
	/** Lines between the window's last line and the newest one (0: following the end). */
	offset: number;
	/** There is more above the window. */
	moreAbove: boolean;
}

/** The window of `height` lines ending `offset` lines before the last one (offset clamped). */
export function windowOf(lines: Line[], height: number, offset: number): LineWindow {
	const maxOffset = Math.max(0, lines.length - height);
	const clamped = Math.min(Math.max(0, offset), maxOffset);
	const end = lines.length - clamped;
	const start = Math.max(0, end - height);
	return {lines: lines.slice(start, end), offset: clamped, moreAbove: start > 0};
}

const cache = new WeakMap<object, {width: number; lines: Line[]}>();

/**
 * The window over many blocks (conversation entries, tool rows), wrapping only the blocks the
 * window reaches, from the newest back.
 */
export function tailWindow<T extends object>(blocks: readonly T[], toLines: (block: T, width: number) => Line[], width: number, height: number, offset: number): LineWindow {
	const need = Math.max(0, offset) + height;
	const collected: Line[][] = [];
	let count = 0;
	let index = blocks.length - 1;
	for (; index >= 0 && count < need + 1; index--) {
		const block = blocks[index]!;
		let known = cache.get(block);
		if (!known || known.width !== width) {
			known = {width, lines: wrapLines(toLines(block, width), width)};
			cache.set(block, known);
		}

		collected.push(known.lines);
		count += known.lines.length;
	}

	const lines = collected.reverse().flat();
	const window = windowOf(lines, height, offset);
	return {...window, moreAbove: window.moreAbove || index >= 0};
}
