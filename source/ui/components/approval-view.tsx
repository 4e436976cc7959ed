/**
 * Before a write: what the call will create and change, scrollable, and the decision keys —
 * y approve, n decline, e decline with a note for the model, a approve the rest of this run.
 */
import {Box, Text} from 'ink';
import {useEffect, useMemo, useState} from 'react';
import type {ApprovalDecision, ApprovalRequest} from '../../engine/events.js';
import {sanitizeLine} from '../../terminal/sanitize.js';
import {useLatest} from '../hooks/use-latest.js';
import {useKeys} from '../keys/key-bus.js';
import {argsSummary} from '../state/args-summary.js';
import {wrapLines} from '../state/lines.js';
import {type ApprovalLibraries, approvalLines, loadApprovalLibraries} from './approval-lines.js';
import {Pane} from './pane.js';
import {TextField} from './text-field.js';

export interface ApprovalViewProps {
	request: ApprovalRequest;
	width: number;
	height: number;
	active: boolean;
	onDecide: (decision: ApprovalDecision) => void;
	/** The note field has the keyboard. */
	onTyping?: (typing: boolean) => void;
}

/**
 * What the write is about, first: the module it defines and its file (`Approve MyApp.Blog.Post ·
 * lib/my_app/blog/post.ex`); the tool's name is on the line under the keys.
 */
export function approvalTitle(request: ApprovalRequest): string {
	const first = request.files[0];
	if (!first) return `Approve ${argsSummary(request.args) || sanitizeLine(request.name)}?`;
	const module = /^\s*defmodule\s+([\w.]+)\s+do/m.exec(first.content)?.[1];
	const more = request.files.length > 1 ? ` +${request.files.length - 1} file${request.files.length === 2 ? '' : 's'}` : '';
	const subject = module ?? argsSummary(request.args);
	return `Approve ${subject ? `${sanitizeLine(subject)} · ` : ''}${sanitizeLine(first.path)}${more}?`;
}

export function ApprovalView({request, width, height, active, onDecide, onTyping}: ApprovalViewProps) {
	const [libraries, setLibraries] = useState<ApprovalLibraries>();
	const [note, setNote] = useState<string>();
	const noteRef = useLatest(note);
	useEffect(() => {
		let live = true;
		void loadApprovalLibraries().then(loaded => live && setLibraries(loaded));
		return () => {
			live = false;
		};
	}, []);
	useEffect(() => onTyping?.(note !== undefined), [note !== undefined]);

	const bodyHeight = Math.max(2, height - 3);
	const lines = useMemo(() => wrapLines(approvalLines(request, libraries), width), [request, libraries, width]);
	// A change is read from its first line: the window counts from the top, and stays there while
	// the highlighting and the diff arrive (they change the number of lines).
	const rows = bodyHeight - 1;
	const [top, setTop] = useState(0);
	const maxTop = Math.max(0, lines.length - rows);
	const shownTop = Math.min(top, maxTop);
	const window = {lines: lines.slice(shownTop, shownTop + rows)};
	useKeys(
		(input, key) => {
			const page = Math.max(1, rows - 1);
			const move = (by: number) => setTop(value => Math.max(0, Math.min(Math.min(value, maxTop) + by, maxTop)));
			if (key.pageDown) move(page);
			else if (key.pageUp) move(-page);
			else if (input === 'j' || key.downArrow) move(1);
			else if (input === 'k' || key.upArrow) move(-1);
			else if (input === 'g' || key.home) setTop(0);
			else if (input === 'G' || key.end) setTop(maxTop);
		},
		{isActive: active && note === undefined},
	);

	// The answer shows at once: the view stays until the engine takes it and the tool has run.
	const [answered, setAnswered] = useState<string>();
	const decide = (decision: ApprovalDecision, shown: string) => {
		setAnswered(shown);
		onDecide(decision);
	};
	useKeys(
		input => {
			if (input === 'y') decide({kind: 'approve'}, 'Approved: writing…');
			else if (input === 'a') decide({kind: 'approve_all'}, 'Approved, and the rest of this run: writing…');
			else if (input === 'n') decide({kind: 'decline'}, 'Declined: telling the model…');
			else if (input === 'e') setNote('');
		},
		{isActive: active && note === undefined && answered === undefined},
	);
	useKeys(
		(_input, key) => {
			if (key.escape) setNote(undefined);
		},
		{isActive: active && note !== undefined},
	);

	const title = approvalTitle(request);
	const tool = `tool ${sanitizeLine(request.name)}${request.server ? ` (${sanitizeLine(request.server)})` : ''}`;
	const position = lines.length > rows ? `${Math.min(lines.length, shownTop + rows)}/${lines.length}` : '';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Pane title={title} width={width} height={bodyHeight} focused note={position} lines={window.lines} />
			<Box height={3} flexDirection="column">
				{answered !== undefined ? (
					<>
						<Text bold wrap="truncate-end" color="yellow">
							{answered}
						</Text>
						<Text dimColor wrap="truncate-end">
							{tool}
						</Text>
					</>
				) : note === undefined ? (
					<>
						<Text bold wrap="truncate-end">
							y approve · n decline · e decline with a note · a approve all for this run
						</Text>
						<Text dimColor wrap="truncate-end">
							{tool} · j/k, PageUp/PageDown scroll · {request.files.length} file{request.files.length === 1 ? '' : 's'}
						</Text>
					</>
				) : (
					<>
						<Text bold wrap="truncate-end">
							Your note for the model (Enter sends it with the decline, Esc goes back):
						</Text>
						<Box>
							<Text>› </Text>
							<TextField
								width={width - 2}
								value={note}
								onChange={setNote}
								focus={active}
								onSubmit={() => {
									// The note of the latest render: the field's own handler may be a render behind.
									const text = (noteRef.current ?? '').trim();
									setNote(undefined);
									setAnswered('Declined: telling the model…');
									onDecide(text.length > 0 ? {kind: 'decline', note: text} : {kind: 'decline'});
								}}
							/>
						</Box>
					</>
				)}
			</Box>
		</Box>
	);
}
