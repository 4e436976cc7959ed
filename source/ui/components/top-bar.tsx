/** The names of the screens with their number keys; the one on show is inverted. */
import {Box, Text} from 'ink';
import type {ScreenEntry} from '../screens/types.js';
import type {KeyHelp} from '../shell.js';

/** The keys as one short line: `Enter run · Tab panes`. */
export function keysLine(keys: KeyHelp[]): string {
	return keys.map(key => `${key.keys} ${key.does}`).join(' · ');
}

/** The screens on the left; the keys of the screen on show on the right. */
export function TopBar({screens, current, width, keys, typing = false}: {screens: ScreenEntry[]; current: string; width: number; keys: KeyHelp[]; typing?: boolean}) {
	// While a text field has the keys a number types into it: the bar names F1..F5 instead.
	const label = (screen: ScreenEntry, index: number) => (typing ? `F${index + 1}` : screen.key);
	// A narrow terminal keeps every screen's name on the one line and drops the program's name first.
	const names = screens.reduce((sum, screen, index) => sum + label(screen, index).length + screen.title.length + 3, 0);
	const brand = width >= names + 'ectosmith '.length + 12;
	return (
		<Box width={width} height={1}>
			<Box flexShrink={0}>
				{brand ? <Text bold>ectosmith </Text> : null}
				{screens.map((screen, index) => (
					<Text key={screen.id} inverse={screen.id === current}>
						{` ${label(screen, index)} ${screen.title} `}
					</Text>
				))}
			</Box>
			<Box flexGrow={1} flexShrink={1} justifyContent="flex-end" overflow="hidden">
				<Text dimColor wrap="truncate-start">
					{` ${keysLine([...keys, {keys: '?', does: 'help'}])}`}
				</Text>
			</Box>
		</Box>
	);
}
