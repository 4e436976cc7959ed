/**
 * The frames the Servers and Workflows screens share: the line shown until the program is loaded
 * (or why it could not be), the form at full size, and the list under its title with the note for
 * an empty list and its last line (a question waiting for an answer, else the last message).
 */
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {sanitizeLine} from '../../terminal/sanitize.js';
import {toneStyle} from './theme.js';

export interface Notice {
	text: string;
	tone: 'ok' | 'error' | 'warn';
}

interface FrameSize {
	width: number;
	height: number;
}

export function LoadingFrame({width, height, error}: FrameSize & {error: string | undefined}) {
	return (
		<Box width={width} height={height} paddingX={1}>
			<Text>{error ? `ectosmith: ${sanitizeLine(error)}` : 'Loading…'}</Text>
		</Box>
	);
}

export function FormFrame({width, height, children}: FrameSize & {children: ReactNode}) {
	return (
		<Box width={width} height={height} paddingX={1}>
			{children}
		</Box>
	);
}

export function ListFrame({
	width,
	height,
	title,
	empty,
	question,
	message,
	children,
}: FrameSize & {title: string; empty?: string | undefined; question?: string | undefined; message?: Notice | undefined; children: ReactNode}) {
	return (
		<Box flexDirection="column" width={width} height={height} paddingX={1} overflow="hidden">
			<Text bold>{title}</Text>
			{empty === undefined ? null : <Text dimColor>{empty}</Text>}
			{children}
			{question === undefined ? (
				message ? (
					<Text {...toneStyle(message.tone)} wrap="truncate-end">
						{sanitizeLine(message.text)}
					</Text>
				) : null
			) : (
				<Text {...toneStyle('warn', true)} wrap="truncate-end">
					{sanitizeLine(question)}
				</Text>
			)}
		</Box>
	);
}
