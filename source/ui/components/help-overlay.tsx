/** `?`: every key of the application, the global ones and each screen's. */
import {Box, Text} from 'ink';
import type {ScreenEntry} from '../screens/types.js';
import type {KeyHelp} from '../shell.js';

/** The number keys come from the registry of screens. */
const GLOBAL_KEYS: KeyHelp[] = [
	{keys: '?', does: 'this help (Esc or ? closes it)'},
	{keys: 'Tab / Esc', does: 'leave a text field (then the keys below work)'},
	{keys: 'q', does: 'quit when nothing runs'},
	{keys: 'Ctrl-C', does: 'cancel the run; twice: quit'},
];

/** Every screen's keys when they fit; else the global keys and those of the screen on show. */
export function HelpOverlay({screens, current, width, height}: {screens: ScreenEntry[]; current?: string; width: number; height: number}) {
	const everywhere = {
		title: 'Everywhere',
		keys: [{keys: `${screens[0]?.key}-${screens.at(-1)?.key}`, does: `show a screen (${screens.map(screen => screen.title).join(', ')})`}, ...GLOBAL_KEYS],
	};
	const all = [everywhere, ...screens.filter(screen => screen.keys.length > 0).map(screen => ({title: screen.title, keys: screen.keys}))];
	const fits = 1 + all.reduce((sum, section) => sum + 1 + section.keys.length, 0) <= height;
	const shown = screens.find(screen => screen.id === current);
	const sections: Array<{title: string; keys: KeyHelp[]}> = fits || !shown ? all : [everywhere, {title: shown.title, keys: shown.keys}];
	const keyWidth = Math.max(...sections.flatMap(section => section.keys.map(key => key.keys.length))) + 2;
	return (
		<Box flexDirection="column" width={width} height={height} paddingX={1} overflow="hidden">
			<Text bold>Keys</Text>
			{sections.map(section => (
				<Box key={section.title} flexDirection="column">
					<Text underline>{section.title}</Text>
					{section.keys.map(key => (
						<Text key={key.keys} wrap="truncate-end">
							{`  ${key.keys.padEnd(keyWidth)}${key.does}`}
						</Text>
					))}
				</Box>
			))}
			{fits || !shown ? null : (
				<Text dimColor wrap="truncate-end">
					{"Another screen's keys: show it, then press ?."}
				</Text>
			)}
		</Box>
	);
}
