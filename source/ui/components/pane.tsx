/**
 * A pane: a title row and exactly `height - 1` rows of content, each one terminal line. It never
 * grows with its content: callers hand it the window of lines to show (see state/lines.ts).
 */
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import type {ReactNode} from 'react';
import type {Line} from '../state/lines.js';
import {toneStyle} from './theme.js';

export interface PaneProps {
	title: string;
	width: number;
	height: number;
	focused?: boolean;
	/** Right of the title (e.g. "↑ more", "following"). */
	note?: string;
	lines?: Line[];
	children?: ReactNode;
}

export function Pane({title, width, height, focused = false, note, lines, children}: PaneProps) {
	const rows = Math.max(0, height - 1);
	const label = ` ${title} `;
	const right = note ? ` ${note} ` : '';
	const fill = Math.max(0, width - label.length - right.length - 1);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text wrap="truncate-end" inverse={focused} bold>
				{`─${label}${'─'.repeat(fill)}${right}`}
			</Text>
			{lines ? (
				Array.from({length: rows}, (_, index) => {
					const line = lines[index];
					const text = (
						<Text key={index} wrap="truncate-end" {...toneStyle(line?.tone, line?.bold)}>
							{line?.text ?? ' '}
						</Text>
					);
					if (!line?.spinner) return text;
					return (
						<Box key={index} height={1} overflow="hidden">
							<Text {...toneStyle('accent')}>
								<Spinner type="dots" />
							</Text>
							<Text wrap="truncate-end">{line.text.slice(1)}</Text>
						</Box>
					);
				})
			) : (
				<Box flexDirection="column" height={rows} overflow="hidden">
					{children}
				</Box>
			)}
		</Box>
	);
}
