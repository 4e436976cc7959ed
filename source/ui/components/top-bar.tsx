/** The names of the screens with their number keys; the one on show is inverted. */
import {Box, Text} from 'ink';
import type {ScreenEntry} from '../screens/types.js';
import type {KeyHelp} from '../shell.js';

/** The keys as one short line: `Enter run · Tab panes`. */
export function keysLine(keys: KeyHelp[]): string {
	return keys.map(key => `${key.keys} ${key.does}`).join(' · ');
}

const HELP: KeyHelp = {keys: '?', does: 'help'};

/**
 * The keys that fit in `room` columns, in their order (the most important first), whole: a key
 * that does not fit is left to the help, which `? help` at the end always names.
 */
export function fittingKeys(keys: KeyHelp[], room: number): string {
	const shown: KeyHelp[] = [];
	for (const key of keys) {
		if (keysLine([...shown, key, HELP]).length > room) break;
		shown.push(key);
	}

	return keysLine([...shown, HELP]);
}

/** The screens on the left; the keys of the screen on show on the right. */
export function TopBar({screens, current, width, keys, typing = false}: {screens: ScreenEntry[]; current: string; width: number; keys: KeyHelp[]; typing?: boolean}) {
	// While a text field has the keys a number types into it: the bar names F1..F5 instead.
	const label = (screen: ScreenEntry, index: number) => (typing ? `F${index + 1}` : screen.key);
	// A narrow terminal keeps every screen's name on the one line and drops the program's name.
	const names = screens.reduce((sum, screen, index) => sum + label(screen, index).length + screen.title.length + 3, 0);
	// The keys come before the program's name: it shows only where 30 columns stay for them.
	const brand = width >= names + 'ectosmith '.length + 30;
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
				<Text dimColor wrap="truncate-end">
					{` ${fittingKeys(keys, width - names - (brand ? 'ectosmith '.length : 0) - 1)}`}
				</Text>
			</Box>
		</Box>
	);
}
