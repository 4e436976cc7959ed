/** The names of the screens with their number keys; the one on show is inverted. */
import {Box, Text} from 'ink';
import type {ScreenEntry} from '../screens/types.js';

export function TopBar({screens, current, width}: {screens: ScreenEntry[]; current: string; width: number}) {
	return (
		<Box width={width} height={1}>
			<Text bold>ectosmith </Text>
			{screens.map(screen => (
				<Text key={screen.id} inverse={screen.id === current}>
					{` ${screen.key} ${screen.title} `}
				</Text>
			))}
			<Box flexGrow={1} />
			<Text dimColor>? help</Text>
		</Box>
	);
}
