/**
 * A text field that keeps the cursor in view: one line scrolls sideways (a ‹ marks hidden text on
 * the left), several lines wrap and scroll down. It draws the same text, in the same columns,
 * focused or not, so focusing a value never moves it. Keys: ←/→, Home/End (Ctrl-A/Ctrl-E),
 * Backspace/Delete, Ctrl-U (to the start), Ctrl-W (a word back), Enter submits; other Ctrl and Alt
 * keys are left to the screen and type nothing.
 */
import {Text} from 'ink';
import {useRef, useState} from 'react';
import {stringWidth} from '../../terminal/columns.js';
import {sanitizeLine} from '../../terminal/sanitize.js';
import {useKeys} from '../keys/key-bus.js';

export interface TextFieldProps {
	value: string;
	onChange: (value: string) => void;
	onSubmit?: (value: string) => void;
	focus: boolean;
	/** Columns the field may use. */
	width: number;
	/** Lines the field may use: more than one wraps the text (default one, scrolled sideways). */
	rows?: number;
	placeholder?: string;
	/** A pasted new line is kept as text (shown as ↵). */
	newlines?: boolean;
}

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

function graphemes(text: string): string[] {
	return Array.from(segmenter.segment(text), part => part.segment);
}

/** What a grapheme shows as: controls made visible, a new line as ↵. */
function shown(grapheme: string): string {
	return grapheme === '\n' ? '↵' : sanitizeLine(grapheme);
}

export function TextField({value, onChange, onSubmit, focus, width, rows = 1, placeholder, newlines = false}: TextFieldProps) {
	const parts = graphemes(value);
	// The cursor, in graphemes. A value changed from outside (a recalled description, the editor)
	// puts it at the end; a value typed here keeps it where the typing left it.
	const cursorRef = useRef(parts.length);
	const [, rerender] = useState(0);
	const setCursor = (at: number) => {
		cursorRef.current = at;
		rerender(count => count + 1);
	};

	const lastValue = useRef(value);
	if (lastValue.current !== value) {
		cursorRef.current = parts.length;
		lastValue.current = value;
	}

	const cursor = Math.min(cursorRef.current, parts.length);
	const scroll = useRef(0);
	const latest = useRef({parts, cursor, value});
	latest.current = {parts, cursor, value};

	useKeys(
		(input, key) => {
			const {parts, cursor, value} = latest.current;
			const apply = (next: string[], at: number) => {
				setCursor(at);
				const text = next.join('');
				if (text !== value) {
					latest.current = {parts: next, cursor: at, value: text};
					lastValue.current = text;
					onChange(text);
				}
			};

			if (key.return) return onSubmit?.(value);
			if (key.leftArrow) return setCursor(Math.max(0, cursor - 1));
			if (key.rightArrow) return setCursor(Math.min(parts.length, cursor + 1));
			if (key.home || (key.ctrl && input === 'a')) return setCursor(0);
			if (key.end || (key.ctrl && input === 'e')) return setCursor(parts.length);
			if (key.backspace) return cursor > 0 ? apply([...parts.slice(0, cursor - 1), ...parts.slice(cursor)], cursor - 1) : undefined;
			if (key.delete) return apply([...parts.slice(0, cursor), ...parts.slice(cursor + 1)], cursor);
			if (key.ctrl && input === 'u') return apply(parts.slice(cursor), 0);
			if (key.ctrl && input === 'w') {
				let start = cursor;
				while (start > 0 && parts[start - 1] === ' ') start--;
				while (start > 0 && parts[start - 1] !== ' ') start--;
				return apply([...parts.slice(0, start), ...parts.slice(cursor)], start);
			}

			if (key.ctrl || key.meta || key.tab || key.escape || key.upArrow || key.downArrow || key.pageUp || key.pageDown || key.fn) return;
			if (input === '' || (input === '\n' && !newlines)) return;
			const typed = graphemes(input);
			apply([...parts.slice(0, cursor), ...typed, ...parts.slice(cursor)], cursor + typed.length);
		},
		{isActive: focus},
	);

	if (parts.length === 0 && placeholder) {
		// Never mistaken for typed text: all of it dim, the cursor a blank of its own before it.
		const hint = graphemes(sanitizeLine(placeholder));
		const room = fitFrom(hint, 0, width * rows - (focus ? 1 : 0));
		return (
			<Text>
				{focus ? <Text inverse> </Text> : null}
				<Text dimColor>{hint.slice(0, room).join('')}</Text>
			</Text>
		);
	}

	const lines = rows > 1 ? wrapLines(parts, width) : [{start: 0, end: parts.length}];
	// A cursor on a boundary belongs to the line that starts there.
	let cursorLine = 0;
	lines.forEach((line, index) => {
		if (line.start <= cursor) cursorLine = index;
	});
	const firstLine = rows > 1 ? Math.max(0, Math.min(cursorLine - rows + 1, lines.length - rows)) : 0;
	let start = 0;
	let end = parts.length;
	if (rows === 1) {
		// Sideways: the window moves only as far as the cursor needs (one column kept for it at the end).
		start = Math.min(scroll.current, cursor);
		const marker = () => (start > 0 ? 1 : 0);
		while (start < cursor && columnsOf(parts, start, cursor) + 1 + marker() > width) start++;
		scroll.current = start;
		end = fitFrom(parts, start, width - marker());
	}

	const render = (from: number, to: number) => {
		const here = focus && cursor >= from && cursor < to;
		const split = Math.max(from, Math.min(cursor, to));
		return {
			before: parts.slice(from, split).map(shown).join(''),
			atCursor: here ? shown(parts[cursor]!) : '',
			after: parts
				.slice(here ? split + 1 : split, to)
				.map(shown)
				.join(''),
		};
	};

	if (rows === 1) {
		const {before, atCursor, after} = render(start, end);
		const atEnd = focus && cursor === parts.length;
		return (
			<Text wrap="truncate-end">
				{start > 0 ? <Text dimColor>‹</Text> : null}
				{before}
				{atCursor ? <Text inverse>{atCursor}</Text> : null}
				{after}
				{atEnd ? <Text inverse> </Text> : null}
			</Text>
		);
	}

	const visible = lines.slice(firstLine, firstLine + rows);
	return (
		<Text>
			{visible.map((line, index) => {
				const {before, atCursor, after} = render(line.start, line.end);
				const atEnd = focus && cursor === line.end && firstLine + index === cursorLine;
				return (
					<Text key={index}>
						{index > 0 ? '\n' : ''}
						{before}
						{atCursor ? <Text inverse>{atCursor}</Text> : null}
						{after}
						{atEnd ? <Text inverse> </Text> : null}
					</Text>
				);
			})}
		</Text>
	);
}

function columnsOf(parts: string[], from: number, to: number): number {
	let total = 0;
	for (let index = from; index < to; index++) total += stringWidth(shown(parts[index]!));
	return total;
}

/** The end index of the graphemes from `start` that fit in `width` columns. */
function fitFrom(parts: string[], start: number, width: number): number {
	let used = 0;
	let index = start;
	while (index < parts.length && used + stringWidth(shown(parts[index]!)) <= width) used += stringWidth(shown(parts[index++]!));
	return index;
}

/** Lines of at most `width` columns (one kept for the cursor), broken at new lines too. */
function wrapLines(parts: string[], width: number): Array<{start: number; end: number}> {
	const lines: Array<{start: number; end: number}> = [];
	let start = 0;
	let used = 0;
	for (let index = 0; index < parts.length; index++) {
		const columns = stringWidth(shown(parts[index]!));
		if (used + columns > width && index > start) {
			lines.push({start, end: index});
			start = index;
			used = 0;
		}

		used += columns;
		if (parts[index] === '\n') {
			lines.push({start, end: index + 1});
			start = index + 1;
			used = 0;
		}
	}

	lines.push({start, end: parts.length});
	// A full last line: the cursor after it goes on a line of its own.
	if (used >= width) lines.push({start: parts.length, end: parts.length});
	return lines;
}
