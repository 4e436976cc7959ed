/** A screen whose issue has not landed yet. */
import {Box, Text} from 'ink';
import type {ScreenProps} from './types.js';

export function placeholderScreen(title: string, what: string) {
	return function PlaceholderScreen({width, height}: ScreenProps) {
		return (
			<Box flexDirection="column" width={width} height={height} paddingX={2} paddingY={1}>
				<Text bold>{title}</Text>
				<Text>Not built yet: {what}</Text>
				<Text dimColor>Press 1 for the Run screen.</Text>
			</Box>
		);
	};
}
