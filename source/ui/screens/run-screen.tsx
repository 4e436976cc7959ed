/**
 * The Run screen: pick a workflow and a project, describe the data model, watch the conversation
 * and the tool calls stream, approve each write, read the schema as it grows; follow-ups continue
 * the same conversation. It draws the reducer's state and sends the user's answers; it never reads
 * the database to draw a run.
 */
import path from 'node:path';
import {Box} from 'ink';
import {useEffect, useLayoutEffect, useMemo, useReducer, useState} from 'react';
import {noDefaultWorkflowMessage} from '../../config/default-workflow.js';
import {ApprovalView} from '../components/approval-view.js';
import {useChecks} from '../components/checks-row.js';
import {DescriptionBox} from '../components/description-box.js';
import {useExecutionActions} from '../components/execution-actions.js';
import {Pane} from '../components/pane.js';
import {type FolderRequest, ProjectBox} from '../components/project-box.js';
import {runLayout} from '../components/run-layout.js';
import {entryLines, schemaLines, schemaMarks, toolLines} from '../components/transcript.js';
import {WorkflowBox} from '../components/workflow-box.js';
import {openEditor} from '../editor.js';
import {useApprovalGate} from '../hooks/use-approval-gate.js';
import {useEventBatch} from '../hooks/use-event-batch.js';
import {useLatest} from '../hooks/use-latest.js';
import {useProjectSchema} from '../hooks/use-project-schema.js';
import {useRunClock} from '../hooks/use-run-clock.js';
import {useRunSources} from '../hooks/use-run-sources.js';
import {useScroll} from '../hooks/use-scroll.js';
import {useKeys} from '../keys/key-bus.js';
import {useServices} from '../services-context.js';
import {type RunIntent, useShell} from '../shell.js';
import {type LineWindow, tailWindow, windowOf, wrapLines} from '../state/lines.js';
import {initialRunState, parentForFollowUp, runReducer} from '../state/run-state.js';
import {runStatusKeys} from './run-keys.js';
import {runStatusText} from './run-status.js';
import type {ScreenProps} from './types.js';

type Focus = 'description' | 'workflow' | 'project' | 'conversation' | 'tools' | 'schema';
const FOCUS_ORDER: Focus[] = ['description', 'conversation', 'tools', 'schema', 'workflow', 'project'];

export function RunScreen({width, height, active}: ScreenProps) {
	const {services, error: loadError, options} = useServices();
	const shell = useShell();
	const [state, dispatch] = useReducer(runReducer, initialRunState);
	const push = useEventBatch(events => dispatch({type: 'events', events}));
	const [focus, setFocus] = useState<Focus>('description');
	const [fieldTyping, setFieldTyping] = useState(false);
	const [description, setDescription] = useState('');
	const sources = useRunSources(services, options, text => dispatch({type: 'notice', error: true, text}));
	const {workflows, chosen, setChosen, projectPath, setProjectPath, project, recent} = sources;
	const [running, setRunning] = useState(false);
	const gate = useApprovalGate();
	// A re-run handed over by another screen, started once its project has been read.
	const [pending, setPending] = useState<{query: string; projectPath: string}>();

	const layout = runLayout(width, height);
	const workflow = workflows?.[chosen];
	const finished = !running && state.executionId !== undefined && state.phase !== 'running' && state.phase !== 'idle';
	const actions = useExecutionActions({history: services?.history, executionId: finished ? state.executionId : undefined, active, width: layout.right, height});
	const checks = useChecks({tools: state.tools, width: layout.right, height, active: active && !actions.open && state.approval === undefined && focus !== 'description'});

	useEffect(() => {
		if (loadError) dispatch({type: 'notice', error: true, text: `Could not start: ${loadError}`});
	}, [loadError]);

	const {schema, baseline} = useProjectSchema(services, project, state.writes);
	const now = useRunClock(running);

	const approving = state.approval !== undefined;
	const typing = active && !approving && !actions.open && ((focus === 'description' && !running) || (focus === 'project' && fieldTyping));
	const approvalTyping = active && approving && fieldTyping;
	const idle = active && !approving && !actions.open;
	useLayoutEffect(() => shell.setTyping(typing || approvalTyping || actions.typing), [typing, approvalTyping, actions.typing]);

	const followUp = state.executions.length > 0;
	useEffect(() => {
		const keys = runStatusKeys({
			actionKeys: actions.open ? actions.keys : undefined,
			approving,
			typing: focus === 'description' && !running,
			running,
			finished,
			checked: checks.row !== undefined,
		});
		const loading = !workflows ? 'loading the workflows…' : !project || !schema ? 'reading the project…' : undefined;
		const text = runStatusText(state, workflow, now, loading);
		shell.setStatus({text: actions.notice ? `${actions.notice.text} · ${text}` : text, keys});
	}, [state, workflow, workflows, project, schema, now, focus, running, approving, finished, actions.open, actions.keys.length, actions.notice, checks.row !== undefined]);

	// A run handed over by another screen (Replay: r re-runs, c continues), taken once shown.
	useEffect(() => {
		if (!active || !workflows) return;
		const intent = shell.takeRunIntent();
		if (intent) takeOver(intent);
	}, [active, workflows]);

	const takeOver = (intent: RunIntent) => {
		const index = workflows!.findIndex(entry => entry.name === intent.workflow);
		if (index < 0) {
			dispatch({type: 'notice', error: true, text: `Execution #${intent.executionId} used the workflow "${intent.workflow}", which no longer exists.`});
			return;
		}

		setChosen(index);
		setProjectPath(intent.projectPath);
		setDescription('');
		if (intent.kind === 'rerun') {
			dispatch({type: 'reset'});
			setFocus('conversation');
			setPending({query: intent.description, projectPath: intent.projectPath});
		} else {
			dispatch({type: 'load', events: intent.events});
			setFocus('description');
		}
	};

	// The re-run starts once its project has been read (and is refused, saying why, if it is no Mix project now).
	useEffect(() => {
		if (!pending || project?.path !== pending.projectPath) return;
		setPending(undefined);
		if (project.kind === 'mix') submit(pending.query);
		else dispatch({type: 'notice', error: true, text: `Cannot run it again in ${pending.projectPath}: ${project.message}`});
	}, [pending, project]);

	const submit = (text: string) => {
		const query = text.trim();
		if (query.length === 0 || running) return;
		if (!services) {
			dispatch({type: 'notice', error: true, text: loadError ? `Cannot run: ${loadError}` : 'Still loading; try again in a moment.'});
			return;
		}

		if (project?.kind !== 'mix') {
			dispatch({type: 'notice', error: true, text: project ? project.message : 'The project is still being read.'});
			return;
		}

		if (!workflow && workflows) {
			dispatch({
				type: 'notice',
				error: true,
				text: noDefaultWorkflowMessage(
					workflows.map(entry => entry.name),
					'choose one in the Workflow pane (↑↓)',
				),
			});
			if (workflows.length > 0) setFocus('workflow');
			return;
		}

		const controller = new AbortController();
		setRunning(true);
		setDescription('');
		sources.remember(query);
		setFocus('conversation');
		// A new run is what the user wants to see: the panes follow the end again.
		setConversationOffset(0);
		setToolsOffset(0);
		shell.setCancel(() => controller.abort());
		const continueFrom = parentForFollowUp(state);
		void services
			.run(
				{
					...(workflow ? {workflow: workflow.name} : {}),
					description: query,
					projectPath: project.path,
					...(continueFrom === undefined ? {} : {continueFrom}),
					signal: controller.signal,
					...(options.yes ? {} : {approve: gate.approve}),
				},
				push,
			)
			.catch((error: unknown) => dispatch({type: 'notice', error: true, text: error instanceof Error ? error.message : String(error)}))
			.finally(() => {
				shell.setCancel(undefined);
				setRunning(false);
				setFocus('description');
			});
	};

	const fresh = () => {
		if (running) return;
		dispatch({type: 'reset'});
		setDescription('');
		setFocus('description');
	};

	const onFolder = (request: FolderRequest) => {
		const folder = path.resolve(request.folder);
		if (request.kind === 'choose') {
			fresh();
			setProjectPath(folder);
			return;
		}

		if (!services) return;
		void services.createDemoProject(folder).then(
			() => {
				fresh();
				dispatch({type: 'notice', text: `Created the demo project in ${folder}.`});
				setProjectPath(folder);
				sources.rereadProject();
			},
			(error: unknown) => dispatch({type: 'notice', error: true, text: error instanceof Error ? error.message : String(error)}),
		);
	};

	const keyState = useLatest({focus, fieldTyping, finished});
	useKeys(
		(input, key) => {
			const {focus, fieldTyping, finished} = keyState.current;
			actions.clearNotice();
			if (key.tab) {
				const index = FOCUS_ORDER.indexOf(focus);
				const step = key.shift ? -1 : 1;
				setFocus(FOCUS_ORDER[(index + step + FOCUS_ORDER.length) % FOCUS_ORDER.length]!);
				return;
			}

			if (focus === 'description') {
				if (key.escape) setFocus('conversation');
				else if (key.ctrl && input === 'n') fresh();
				return;
			}

			if (fieldTyping) return;
			if ((input === 'u' || input === 'e') && finished && focus !== 'project') actions.start(input === 'u' ? 'undo' : 'export');
			else if (input === 'i' || key.return) setFocus('description');
			else if (input === 'n' || (key.ctrl && input === 'n')) fresh();
			else if (key.escape) setFocus('conversation');
		},
		{isActive: idle},
	);

	const conversationFocused = focus === 'conversation';
	const [conversationOffset, setConversationOffset] = useScroll(layout.conversation - 1, {
		focused: conversationFocused,
		active: idle,
		pageKeys: focus === 'description' || focus === 'workflow' || focus === 'project',
	});
	const [toolsOffset, setToolsOffset] = useScroll(layout.tools - 1, {focused: focus === 'tools', active: idle});
	const [schemaOffset, setSchemaOffset] = useScroll(layout.schema - 1, {focused: focus === 'schema', active});

	const conversationWindow = tailWindow(state.conversation, entryLines, layout.right, layout.conversation - 1, conversationOffset);
	const toolsWindow = tailWindow(state.tools, toolLines, layout.right, layout.tools - checks.height - 1, toolsOffset);
	const marks = useMemo(() => (schema ? schemaMarks(baseline, schema) : undefined), [schema]);
	const schemaAll = useMemo(() => wrapLines(schemaLines(schema, marks ?? {newTables: new Set(), newFields: new Set()}), layout.left), [schema, marks, layout.left]);
	const schemaWindow = windowOf(schemaAll, layout.schema - 1, schemaOffset);
	// Keep the offsets within what there is, so scrolling back down answers at once.
	useEffect(() => {
		if (conversationWindow.offset !== conversationOffset) setConversationOffset(conversationWindow.offset);
		if (toolsWindow.offset !== toolsOffset) setToolsOffset(toolsWindow.offset);
		if (schemaWindow.offset !== schemaOffset) setSchemaOffset(schemaWindow.offset);
	});

	const scrollNote = (window: LineWindow) => (window.offset > 0 ? `↓ ${window.offset} more` : window.moreAbove ? '↑ more' : '');

	return (
		<Box width={width} height={height}>
			<Box flexDirection="column" width={layout.left} height={height}>
				<WorkflowBox
					workflows={workflows}
					chosen={chosen}
					onChoose={index => {
						if (index !== chosen) fresh();
						setChosen(index);
					}}
					width={layout.left}
					height={layout.workflow}
					focused={focus === 'workflow'}
					active={idle}
					locked={running}
				/>
				<ProjectBox
					status={project}
					width={layout.left}
					height={layout.project}
					focused={focus === 'project'}
					active={idle}
					locked={running}
					demoFolder={path.join(projectPath, 'ectosmith_demo')}
					onFolder={onFolder}
					onTyping={setFieldTyping}
				/>
				<DescriptionBox
					value={description}
					onChange={setDescription}
					onSubmit={submit}
					recent={recent}
					onEditor={text => shell.suspend(() => openEditor(text))}
					width={layout.left}
					height={layout.description}
					focused={focus === 'description'}
					active={idle && !running}
					busy={running}
					followUp={followUp}
				/>
				<Pane title="Schema" note={scrollNote(schemaWindow)} width={layout.left} height={layout.schema} focused={focus === 'schema'} lines={schemaWindow.lines} />
			</Box>
			<Box width={1} />
			<Box flexDirection="column" width={layout.right} height={height}>
				{actions.panel ??
					checks.panel ??
					(state.approval ? (
						<ApprovalView
							key={`${state.approval.executionId}:${state.approval.turn}:${state.approval.callIndex}`}
							request={state.approval}
							width={layout.right}
							height={height}
							active={active}
							onDecide={gate.decide}
							onTyping={setFieldTyping}
						/>
					) : (
						<>
							<Pane title="Conversation" note={scrollNote(conversationWindow)} width={layout.right} height={layout.conversation} focused={conversationFocused} lines={conversationWindow.lines} />
							<Pane title="Tool calls" note={scrollNote(toolsWindow)} width={layout.right} height={layout.tools - checks.height} focused={focus === 'tools'} lines={toolsWindow.lines} />
							{checks.row}
						</>
					))}
			</Box>
		</Box>
	);
}
