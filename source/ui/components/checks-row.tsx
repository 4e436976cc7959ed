/**
 * The Checks row under the tool calls, and the full output of the check behind `o`: a scrollable
 * view of the output file the check wrote (or, when it is gone, what the record holds), Esc or `o`
 * to close. A hook, so the Run screen only places what it returns.
 */
import {readFile} from 'node:fs/promises';
import {useInput} from 'ink';
import {type ReactNode, useEffect, useState} from 'react';
import {sanitizeLine} from '../../terminal/sanitize.js';
import {useScroll} from '../hooks/use-scroll.js';
import {checkLines, checkNote, checkOf, latestCheck, recordedDetail} from '../state/check-lines.js';
import {type Line, windowOf, wrapLines} from '../state/lines.js';
import type {ToolRow} from '../state/run-state.js';
import {Pane} from './pane.js';

/** The row: a title and the four steps. */
export const CHECKS_ROW_HEIGHT = 5;
/** The tail of a long output file that is shown. */
const MAX_SHOWN_BYTES = 1024 * 1024;

async function outputLines(file: string): Promise<string[]> {
	const text = await readFile(file, 'utf8');
	return (text.length > MAX_SHOWN_BYTES ? text.slice(-MAX_SHOWN_BYTES) : text).split('\n').map(sanitizeLine);
}

export function useChecks(options: {tools: readonly ToolRow[]; width: number; height: number; active: boolean}): {row?: ReactNode; panel?: ReactNode; height: number} {
	const row = latestCheck(options.tools);
	const [open, setOpen] = useState(false);
	const [lines, setLines] = useState<Line[]>([]);
	const result = checkOf(row);
	useInput(
		(input, key) => {
			if (input === 'o' && result) setOpen(value => !value);
			else if (key.escape) setOpen(false);
		},
		{isActive: options.active && (open || result !== undefined)},
	);
	useEffect(() => {
		if (!open || !result) return;
		let live = true;
		const fallback = recordedDetail(result).map(text => ({text}));
		if (result.output_file === undefined) setLines(fallback);
		else {
			void outputLines(result.output_file).then(
				found => live && setLines(found.map(text => ({text}))),
				() => live && setLines([{text: `The output file ${result.output_file} is gone; what the record holds:`, tone: 'dim'}, ...fallback]),
			);
		}

		return () => {
			live = false;
		};
	}, [open, result]);
	const [offset] = useScroll(options.height - 1, {focused: open, active: options.active && open});
	if (!row) return {height: 0};
	const panel = open
		? (() => {
				const window = windowOf(wrapLines(lines, options.width), options.height - 1, offset);
				return <Pane title="Check output" note={`${window.offset > 0 ? `↓ ${window.offset} more · ` : ''}Esc closes`} width={options.width} height={options.height} focused lines={window.lines} />;
			})()
		: undefined;
	return {
		row: <Pane title="Checks" note={checkNote(row)} width={options.width} height={CHECKS_ROW_HEIGHT} lines={checkLines(row)} />,
		...(panel ? {panel} : {}),
		height: CHECKS_ROW_HEIGHT,
	};
}
