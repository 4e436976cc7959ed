/** The bottom line: what the screen reports (execution, provider, turn, time, tokens), or a message. */
import {Box, Text} from 'ink';

export function StatusBar({text, width, message}: {text: string; width: number; message?: string}) {
	return (
		<Box width={width} height={1}>
			<Text wrap="truncate-end" inverse>
				{` ${message ?? text} `.padEnd(width)}
			</Text>
		</Box>
	);
}
