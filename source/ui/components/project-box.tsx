/**
 * The target project: its folder and app module, or why it cannot be used; when focused, c picks
 * another folder and d creates the demo project in a folder the user confirms.
 */
import {Box, Text} from 'ink';
import {useEffect, useState} from 'react';
import {sanitizeLine} from '../../terminal/sanitize.js';
import {useLatest} from '../hooks/use-latest.js';
import {useKeys} from '../keys/key-bus.js';
import type {ProjectStatus} from '../services.js';
import {Pane} from './pane.js';
import {TextField} from './text-field.js';
import {toneStyle} from './theme.js';
import {shownPath} from './transcript.js';

export type FolderRequest = {kind: 'choose' | 'demo'; folder: string};

export interface ProjectBoxProps {
	status: ProjectStatus | undefined;
	width: number;
	height: number;
	focused: boolean;
	active: boolean;
	locked: boolean;
	/** The folder the demo goes to unless the user types another: here when possible. */
	demoFolder: string;
	onFolder: (request: FolderRequest) => void;
	onTyping: (typing: boolean) => void;
}

export function ProjectBox({status, width, height, focused, active, locked, demoFolder, onFolder, onTyping}: ProjectBoxProps) {
	const [editing, setEditing] = useState<{kind: 'choose' | 'demo'; value: string}>();
	const latest = useLatest(editing);
	useEffect(() => onTyping(editing !== undefined), [editing !== undefined]);
	useEffect(() => {
		if (!focused) setEditing(undefined);
	}, [focused]);
	useKeys(
		(input, key) => {
			if (editing) {
				if (key.escape) setEditing(undefined);
				return;
			}

			if (input === 'c') setEditing({kind: 'choose', value: status?.path ?? ''});
			else if (input === 'd') setEditing({kind: 'demo', value: status?.kind === 'problem' && status.canCreateDemo ? status.path : demoFolder});
		},
		{isActive: active && focused && !locked},
	);

	const title = 'Project';
	if (editing) {
		return (
			<Pane title={title} width={width} height={height} focused={focused}>
				<Text bold wrap="truncate-end">
					{editing.kind === 'demo' ? 'Create the demo project in (Enter):' : 'Project folder (Enter):'}
				</Text>
				<Box>
					<TextField
						width={width}
						value={editing.value}
						onChange={value => setEditing({...editing, value})}
						focus={active && focused}
						onSubmit={() => {
							// The text of the latest render: the field's own handler may be a render behind.
							const current = latest.current;
							setEditing(undefined);
							if (current?.value.trim()) onFolder({kind: current.kind, folder: current.value.trim()});
						}}
					/>
				</Box>
			</Pane>
		);
	}

	return (
		<Pane title={title} note={focused && !locked ? 'c change · d demo' : ''} width={width} height={height} focused={focused}>
			{status === undefined ? (
				<Text dimColor>Reading…</Text>
			) : (
				<>
					<Text wrap="truncate-start">{sanitizeLine(shownPath(status.path))}</Text>
					{status.kind === 'mix' ? (
						<Text dimColor wrap="truncate-end">
							{`app ${sanitizeLine(status.appModule ?? '(module not found)')}`}
						</Text>
					) : (
						<>
							<Text {...toneStyle('warn')} wrap="truncate-end">
								{`⚠ ${sanitizeLine(status.message)}`}
							</Text>
							<Text wrap="truncate-end">{focused ? `d: demo project ${status.canCreateDemo ? 'here' : 'in a new folder'} · c: choose` : 'Tab here, then d: demo · c: choose'}</Text>
						</>
					)}
				</>
			)}
		</Pane>
	);
}
