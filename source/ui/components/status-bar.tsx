/** The bottom line: what the screen reports (execution, provider, turn, time, tokens) and its keys. */
import {Box, Text} from 'ink';
import type {KeyHelp} from '../shell.js';

export function keysLine(keys: KeyHelp[]): string {
	return keys.map(key => `${key.keys} ${key.does}`).join(' · ');
}

export function StatusBar({text, keys, width, message}: {text: string; keys: KeyHelp[]; width: number; message?: string}) {
	return (
		<Box width={width} height={1}>
			<Text wrap="truncate-end" inverse>
				{` ${message ?? text} `}
			</Text>
			<Text wrap="truncate-end" dimColor>
				{` ${keysLine(keys)}`}
			</Text>
		</Box>
	);
}
