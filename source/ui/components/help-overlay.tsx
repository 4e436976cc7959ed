/** `?`: every key of the application, the global ones and each screen's. */
import {Box, Text} from 'ink';
import type {ScreenEntry} from '../screens/types.js';
import type {KeyHelp} from '../shell.js';

export const GLOBAL_KEYS: KeyHelp[] = [
	{keys: '1-4', does: 'show a screen (Run, History, Servers, Workflows)'},
	{keys: '?', does: 'this help (Esc or ? closes it)'},
	{keys: 'Tab / Esc', does: 'leave a text field (then the keys below work)'},
	{keys: 'q', does: 'quit when nothing runs'},
	{keys: 'Ctrl-C', does: 'cancel the run; twice: quit'},
];

export function HelpOverlay({screens, width, height}: {screens: ScreenEntry[]; width: number; height: number}) {
	const sections: Array<{title: string; keys: KeyHelp[]}> = [
		{title: 'Everywhere', keys: GLOBAL_KEYS},
		...screens.filter(screen => screen.keys.length > 0).map(screen => ({title: screen.title, keys: screen.keys})),
	];
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
		</Box>
	);
}
