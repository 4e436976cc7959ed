/**
 * `?`: every key of the application, the global ones and each screen's. A description too long
 * for the line wraps under itself; what does not fit the height scrolls (j / k), and the last row
 * says how much is below: nothing is dropped silently.
 */
import {Box, Text} from 'ink';
import type {ScreenEntry} from '../screens/types.js';
import type {KeyHelp} from '../shell.js';
import {type Line, wrapLines} from '../state/lines.js';
import {toneStyle} from './theme.js';

/** The number keys come from the registry of screens. */
const GLOBAL_KEYS: KeyHelp[] = [
	{keys: '?', does: 'this help (Esc or ? closes it)'},
	{keys: 'Tab / Esc', does: 'leave a text field (then the keys below work)'},
	{keys: 'q', does: 'quit when nothing runs'},
	{keys: 'Ctrl-C', does: 'cancel the run; twice: quit'},
];

export interface HelpProps {
	screens: ScreenEntry[];
	current?: string;
	width: number;
	height: number;
	/** The first row shown (clamped). */
	top?: number;
}

/** The help as lines at a width: every screen's keys when they fit, else the global ones and the shown screen's. */
export function helpLines({screens, current, width, height}: HelpProps): Line[] {
	const everywhere = {
		title: 'Everywhere',
		keys: [{keys: `${screens[0]?.key}-${screens.at(-1)?.key}`, does: `show a screen (${screens.map(screen => screen.title).join(', ')})`}, ...GLOBAL_KEYS],
	};
	const all = [everywhere, ...screens.filter(screen => screen.keys.length > 0).map(screen => ({title: screen.title, keys: screen.keys}))];
	const shown = screens.find(screen => screen.id === current);
	const render = (sections: typeof all) => {
		const keyWidth = Math.max(...sections.flatMap(section => section.keys.map(key => key.keys.length))) + 2;
		const lines: Line[] = [{text: 'Keys', bold: true}];
		for (const section of sections) {
			lines.push({text: section.title, tone: 'accent', bold: true});
			for (const key of section.keys) lines.push({text: `  ${key.keys.padEnd(keyWidth)}${key.does}`, gutter: keyWidth + 2});
		}

		return wrapLines(lines, width);
	};

	const every = render(all);
	if (every.length <= height || !shown) return every;
	return [...render([everywhere, {title: shown.title, keys: shown.keys}]), {text: "Another screen's keys: show it, then press ?.", tone: 'dim'}];
}

export function HelpOverlay(props: HelpProps) {
	const {width, height} = props;
	const inner = Math.max(1, width - 2);
	const lines = helpLines({...props, width: inner});
	const fits = lines.length <= height;
	const rows = fits ? height : height - 1;
	const top = fits ? 0 : Math.max(0, Math.min(props.top ?? 0, lines.length - rows));
	const below = lines.length - top - rows;
	return (
		<Box flexDirection="column" width={width} height={height} paddingX={1} overflow="hidden">
			{lines.slice(top, top + rows).map((line, index) => (
				<Text key={`${top + index}`} wrap="truncate-end" {...toneStyle(line.tone, line.bold)}>
					{line.text}
				</Text>
			))}
			{fits ? null : (
				<Text dimColor wrap="truncate-end">
					{below > 0 ? `↓ ${below} more line${below === 1 ? '' : 's'}: j / ↓ scrolls, k / ↑ back` : `${top > 0 ? '↑ k / ↑ back · ' : ''}the end`}
				</Text>
			)}
		</Box>
	);
}
