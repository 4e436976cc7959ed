/**
 * The description of the data model: Enter submits; `;` or new lines separate entities; ↑/↓ recall
 * earlier descriptions; Ctrl-G edits it in $EDITOR.
 */
import {Box, Text} from 'ink';
import {useState} from 'react';
import {useLatest} from '../hooks/use-latest.js';
import {useKeys} from '../keys/key-bus.js';
import {Pane} from './pane.js';
import {TextField} from './text-field.js';

export interface DescriptionBoxProps {
	value: string;
	onChange: (value: string) => void;
	onSubmit: (value: string) => void;
	/** Earlier descriptions, newest first. */
	recent: string[];
	/** Opens $EDITOR on the text; returns the new text (undefined: unchanged). */
	onEditor: (text: string) => string | undefined;
	width: number;
	height: number;
	focused: boolean;
	active: boolean;
	/** A run is in progress (the text can be written, not sent). */
	busy: boolean;
	/** A follow-up continues the conversation. */
	followUp: boolean;
}

export function DescriptionBox({value, onChange, onSubmit, recent, onEditor, width, height, focused, active, busy, followUp}: DescriptionBoxProps) {
	const [recall, setRecall] = useState(-1);
	const latest = useLatest({value, recall, recent, listening: active && focused});
	useKeys(
		(input, key) => {
			const {value, recall, recent} = latest.current;
			if (key.ctrl && input === 'g') {
				const before = value;
				// After this keypress is handled everywhere (the text field types a "g" for it).
				setTimeout(() => onChange(onEditor(before) ?? before), 0);
			} else if (key.upArrow && recent.length > 0) {
				const next = Math.min(recall + 1, recent.length - 1);
				setRecall(next);
				onChange(recent[next]!);
			} else if (key.downArrow && recall >= 0) {
				const next = recall - 1;
				setRecall(next);
				onChange(next < 0 ? '' : recent[next]!);
			}
		},
		{isActive: active && focused},
	);

	const hint = busy ? 'running… (Ctrl-C cancels)' : followUp ? 'Enter: follow-up · n: new conversation' : 'Enter runs · ; or new lines separate entities';
	return (
		<Pane title={followUp ? 'Follow-up' : 'Describe your data model'} width={width} height={height} focused={focused}>
			<Box height={Math.max(1, height - 2)} overflow="hidden">
				<Box flexShrink={0}>
					<Text>› </Text>
				</Box>
				<TextField
					width={width - 2}
					rows={Math.max(1, height - 2)}
					newlines
					value={value}
					placeholder={followUp ? 'e.g. add a unique slug to posts' : 'e.g. posts with title and body; comments that belong to posts'}
					// A key can reach the field's handler of the render before it lost the focus: ignored.
					onChange={text => {
						if (!latest.current.listening) return;
						setRecall(-1);
						onChange(text);
					}}
					// The text of the latest render: the field's own handler may be a render behind.
					onSubmit={() => {
						if (!latest.current.listening) return;
						setRecall(-1);
						onSubmit(latest.current.value);
					}}
					focus={active && focused}
				/>
			</Box>
			<Text dimColor wrap="truncate-end">
				{hint} · ↑↓ earlier · Ctrl-G $EDITOR
			</Text>
		</Pane>
	);
}
