/**
 * The Replay screen: a recorded execution step by step (one step per recorded message), drawn by
 * the run screen's panes from the state the run reducer folds at that step (state/replay-state.ts).
 * Beside them, the step itself: its tokens and duration, a tool call's arguments and the files it
 * wrote, diffed against the file as it is now when it changed since.
 */
import {Box, Text} from 'ink';
import {useEffect, useLayoutEffect, useMemo, useState} from 'react';
import type {EngineEvent} from '../../engine/events.js';
import type {ExecutionRecord} from '../../records/recorder.js';
import {sanitizeForTerminal, sanitizeLine} from '../../terminal/sanitize.js';
import type {PlannedFile} from '../../tool-results/output.js';
import {reportedFiles} from '../../tool-results/read-result.js';
import {type ApprovalLibraries, fileLines, loadApprovalLibraries} from '../components/approval-lines.js';
import {useExecutionActions} from '../components/execution-actions.js';
import {Pane} from '../components/pane.js';
import {runLayout} from '../components/run-layout.js';
import {entryLines, seconds, toolLines} from '../components/transcript.js';
import {useLatest} from '../hooks/use-latest.js';
import {useKeys} from '../keys/key-bus.js';
import {useServices} from '../services-context.js';
import {type KeyHelp, useShell} from '../shell.js';
import {type Line, tailWindow, wrapLines} from '../state/lines.js';
import {isError, isToolCall, nextStep, positionText, type ReplayStep, replayStates, replaySteps} from '../state/replay-state.js';

export const REPLAY_KEYS: KeyHelp[] = [
	{keys: '→ / ←', does: 'replay: next / previous step'},
	{keys: 'Space, + / -', does: 'replay: play or pause, faster / slower'},
	{keys: 'Home / End', does: 'replay: first / last step'},
	{keys: 't / x', does: 'replay: next tool call / next error'},
	{keys: 'r', does: 'replay: run the same query again (a new execution, on the Run screen)'},
	{keys: 'c', does: 'replay: continue it with a follow-up (on the Run screen)'},
	{keys: 'u', does: 'replay: undo its files (the plan first; y applies)'},
	{keys: 'd', does: 'replay: delete it from the record (asks first)'},
	{keys: 'e', does: 'replay: export it to a file (.md or .json)'},
	{keys: 'Esc', does: 'replay: back to the list'},
];

const SPEEDS = [0.5, 1, 2, 4, 8];

export interface ReplayScreenProps {
	executionId: number;
	width: number;
	height: number;
	active: boolean;
	/** Back to the list; `notice` says what happened (the execution was deleted). */
	onBack: (notice?: string) => void;
}

interface Loaded {
	events: EngineEvent[];
	steps: ReplayStep[];
}

/** The tool_call_finished event of a tool call step (the call's result and written files). */
function resultOf(events: EngineEvent[], step: ReplayStep): Extract<EngineEvent, {type: 'tool_call_finished'}> | undefined {
	const start = step.event;
	if (start.type !== 'tool_call_started' && start.type !== 'tool_call_finished') return undefined;
	if (start.type === 'tool_call_finished') return start;
	return events.find(
		(event): event is Extract<EngineEvent, {type: 'tool_call_finished'}> =>
			event.type === 'tool_call_finished' && event.executionId === start.executionId && event.turn === start.turn && event.callIndex === start.callIndex,
	);
}

/** What the step pane shows: the step's numbers, a call's arguments, the files it wrote. */
export function stepLines(step: ReplayStep, files: Array<{file: PlannedFile; changedSince: boolean}>, libraries: ApprovalLibraries | undefined): Line[] {
	const lines: Line[] = [];
	const head = [`#${step.executionId}`, step.turn === undefined ? '' : `turn ${step.turn}`, step.kind.replace('_', ' ')].filter(Boolean).join(' · ');
	lines.push({text: head, bold: true, ...(step.isError ? {tone: 'error' as const} : {})});
	if (step.durationMs !== undefined) lines.push({text: `duration ${seconds(step.durationMs)}`, tone: 'dim'});
	if (step.usage) lines.push({text: `tokens ${step.usage.totalTokens} (in ${step.usage.promptTokens}, out ${step.usage.outputTokens})`, tone: 'dim'});
	const event = step.event;
	if (event.type === 'tool_call_started') {
		lines.push({text: `${sanitizeLine(event.name)}${event.server ? ` (${sanitizeLine(event.server)})` : ''}`, tone: 'accent'});
		lines.push(
			...sanitizeForTerminal(JSON.stringify(event.args, null, 1))
				.split('\n')
				.map(text => ({text})),
		);
	} else if (event.type === 'tool_call_finished') {
		lines.push(
			...sanitizeForTerminal(event.text)
				.split('\n')
				.slice(0, 12)
				.map(text => ({text, ...(event.isError ? {tone: 'error' as const} : {})})),
		);
	} else if (event.type === 'execution_finished') {
		lines.push({text: event.status, tone: event.status === 'COMPLETED' ? 'ok' : 'error'});
	}

	for (const {file, changedSince} of files) {
		if (!changedSince) lines.push({text: `= ${sanitizeLine(file.path)} (${file.action}, as it is now)`, tone: 'dim'});
		else lines.push({text: `${sanitizeLine(file.path)}: changed since; now → as written then`, tone: 'warn'}, ...fileLines(file, libraries));
	}

	return lines;
}

export function ReplayScreen({executionId, width, height, active, onBack}: ReplayScreenProps) {
	const history = useServices().services?.history;
	const shell = useShell();
	const [loaded, setLoaded] = useState<Loaded>();
	const [problem, setProblem] = useState<string>();
	const [index, setIndex] = useState(0);
	const [playing, setPlaying] = useState(false);
	const [speed, setSpeed] = useState(1);
	const [libraries, setLibraries] = useState<ApprovalLibraries>();
	const [top, setTop] = useState(0);
	const [files, setFiles] = useState<Array<{file: PlannedFile; changedSince: boolean}>>([]);
	const [record, setRecord] = useState<ExecutionRecord>();
	const [notice, setNotice] = useState<string>();
	const layout = runLayout(width, height);
	const actions = useExecutionActions({
		history,
		executionId,
		active,
		width: layout.right,
		height,
		onDeleted: (_deletion, text) => onBack(text),
		onUndone: () => void history?.execution(executionId).then(setRecord, () => undefined),
	});

	useEffect(() => {
		let live = true;
		setLoaded(undefined);
		setIndex(0);
		history?.replay(executionId).then(
			events => live && setLoaded({events, steps: replaySteps(events)}),
			(failure: unknown) => live && setProblem(failure instanceof Error ? failure.message : String(failure)),
		);
		void loadApprovalLibraries().then(loaded => live && setLibraries(loaded));
		setRecord(undefined);
		history?.execution(executionId).then(
			found => live && setRecord(found),
			() => undefined,
		);
		return () => {
			live = false;
		};
	}, [history, executionId]);

	const states = useMemo(() => (loaded ? replayStates(loaded.events, loaded.steps) : []), [loaded]);
	const steps = loaded?.steps ?? [];
	const step = steps[index];
	const state = states[index];

	// The files the step's call wrote, each compared with the file on disk now.
	useEffect(() => {
		let live = true;
		setFiles([]);
		if (!loaded || !step || !history) return;
		const result = resultOf(loaded.events, step);
		const started = loaded.events.find(event => event.type === 'execution_started' && event.executionId === step.executionId);
		const project = started?.type === 'execution_started' ? started.projectPath : '';
		if (!result || result.isError || !project) return;
		const written = reportedFiles(result.structuredContent).flatMap(file => (file.content === undefined || file.action === 'written' ? [] : [{...file, action: file.action, content: file.content}]));
		void Promise.all(
			written.map(async file => {
				const now = await history.currentFile(project, file.path);
				const planned: PlannedFile = {path: file.path, action: file.action, content: file.content, ...(now === undefined ? {} : {currentContent: now})};
				return {file: planned, changedSince: now !== file.content};
			}),
		).then(found => live && setFiles(found));
		return () => {
			live = false;
		};
	}, [loaded, step, history]);

	useEffect(() => {
		if (!playing) return;
		const timer = setInterval(() => {
			setIndex(current => {
				if (current + 1 >= steps.length) {
					setPlaying(false);
					return current;
				}

				return current + 1;
			});
		}, 1000 / speed);
		return () => clearInterval(timer);
	}, [playing, speed, steps.length]);

	const said = actions.notice?.text ?? notice;
	const undone = record?.undoneAt !== undefined;
	const dry = record?.dryRun === true ? ' (dry run)' : '';
	useLayoutEffect(() => {
		if (!active) return;
		shell.setTyping(actions.typing);
		const position = loaded ? positionText(index, steps) : 'loading…';
		const numbers = step ? [step.usage ? `${step.usage.totalTokens} tokens` : '', step.durationMs === undefined ? '' : seconds(step.durationMs)].filter(Boolean).join(' · ') : '';
		const replay = `Replay #${executionId}${dry}${undone ? ' (undone)' : ''} · ${position}${numbers ? ` · ${numbers}` : ''}${playing ? ` · playing ×${speed}` : ''}`;
		shell.setStatus({
			text: said ? `${said} · ${replay}` : replay,
			keys: actions.open
				? actions.keys
				: [
						{keys: '←→', does: 'step'},
						{keys: 'Space', does: playing ? 'pause' : 'play'},
						{keys: 'r/c', does: 'rerun/continue'},
						{keys: 'u/d/e', does: 'undo/del/export'},
						{keys: 'Esc', does: 'back'},
					],
		});
	}, [active, loaded, index, playing, speed, executionId, said, undone, dry, actions.open, actions.keys.length, actions.typing]);

	/** What the Run screen needs of this execution: its own start event (the last of the chain). */
	const handOver = (kind: 'rerun' | 'continue') => {
		const started = [...(loaded?.events ?? [])].reverse().find(event => event.type === 'execution_started' && event.executionId === executionId);
		if (started?.type !== 'execution_started') return;
		if (kind === 'continue' && record?.status === 'STARTED') {
			setNotice(`Execution #${executionId} is still running: continue it once it has finished.`);
			return;
		}

		const handed =
			kind === 'rerun'
				? shell.requestRun({kind, executionId, workflow: started.workflow, description: started.description, projectPath: started.projectPath})
				: shell.requestRun({kind, executionId, workflow: started.workflow, projectPath: started.projectPath, events: loaded!.events});
		if (!handed) setNotice('A run is in progress on the Run screen: let it finish or cancel it (Ctrl-C there) first.');
		else setPlaying(false);
	};
	const detail = useMemo(() => (step ? wrapLines(stepLines(step, files, libraries), layout.left) : []), [step, files, libraries, layout.left]);
	useEffect(() => setTop(0), [index]);

	const latest = useLatest({steps, index, speed, maxTop: Math.max(0, detail.length - (height - 1))});
	useKeys(
		(input, key) => {
			const {steps, index, speed, maxTop} = latest.current;
			const page = Math.max(1, height - 2);
			const last = Math.max(0, steps.length - 1);
			setNotice(undefined);
			actions.clearNotice();
			if (input === 'r' || input === 'c') handOver(input === 'r' ? 'rerun' : 'continue');
			else if (input === 'u' || input === 'd' || input === 'e') {
				setPlaying(false);
				actions.start(input === 'u' ? 'undo' : input === 'd' ? 'delete' : 'export');
			} else if (key.escape) {
				setPlaying(false);
				onBack();
			} else if (key.rightArrow) setIndex(Math.min(last, index + 1));
			else if (key.leftArrow) setIndex(Math.max(0, index - 1));
			else if (key.home) setIndex(0);
			else if (key.end) setIndex(last);
			else if (input === ' ') setPlaying(value => !value);
			else if (input === '+') setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, SPEEDS.indexOf(speed) + 1)]!);
			else if (input === '-') setSpeed(SPEEDS[Math.max(0, SPEEDS.indexOf(speed) - 1)]!);
			else if (input === 't') setIndex(nextStep(steps, index, isToolCall));
			else if (input === 'x') setIndex(nextStep(steps, index, isError));
			else if (key.pageDown) setTop(value => Math.min(maxTop, Math.min(value, maxTop) + page));
			else if (key.pageUp) setTop(value => Math.max(0, Math.min(value, maxTop) - page));
		},
		{isActive: active && !actions.open},
	);

	// The step is read from its first line: PageUp/PageDown move a window counted from the top.
	const rows = height - 1;
	const maxTop = Math.max(0, detail.length - rows);
	const shownTop = Math.min(top, maxTop);
	const detailLines = detail.slice(shownTop, shownTop + rows);

	if (problem || !loaded || !state) {
		return (
			<Box width={width} height={height} paddingX={1}>
				<Text>{problem ? `ectosmith: ${sanitizeLine(problem)}` : loaded ? `Execution ${executionId} has no recorded messages. Esc: back.` : 'Loading the record…'}</Text>
			</Box>
		);
	}

	const conversationWindow = tailWindow(state.conversation, entryLines, layout.right, layout.conversation - 1, 0);
	const toolsWindow = tailWindow(state.tools, toolLines, layout.right, layout.tools - 1, 0);
	return (
		<Box width={width} height={height}>
			<Pane
				title={positionText(index, steps)}
				width={layout.left}
				height={height}
				lines={detailLines}
				note={maxTop > 0 ? `${Math.min(detail.length, shownTop + rows)}/${detail.length} PgUp/PgDn` : ''}
			/>
			<Box width={1} />
			{actions.panel ?? (
				<Box flexDirection="column" width={layout.right} height={height}>
					<Pane
						title={`Conversation #${executionId}${dry}${undone ? ` · undone ${record!.undoneAt!.toISOString().slice(0, 16).replace('T', ' ')}` : ''}`}
						width={layout.right}
						height={layout.conversation}
						lines={conversationWindow.lines}
					/>
					<Pane title="Tool calls" width={layout.right} height={layout.tools} lines={toolsWindow.lines} />
				</Box>
			)}
		</Box>
	);
}
