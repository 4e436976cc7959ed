/**
 * The Workflows screen: every workflow (model, turns, servers, description) and the form to add or
 * edit one. Keys: ↑↓ select, a add, Enter edit, d delete (asks first). A saved edit is what the
 * next run on the Run screen uses.
 */
import {Box, Text} from 'ink';
import {useLayoutEffect, useState} from 'react';
import type {StoredWorkflow} from '../../config/config-store.js';
import {sanitizeLine} from '../../terminal/sanitize.js';
import {FormFrame, ListFrame, LoadingFrame} from '../components/config-frames.js';
import {WorkflowForm} from '../components/workflow-form.js';
import {useConfigList} from '../hooks/use-config-list.js';
import {useLatest} from '../hooks/use-latest.js';
import {useKeys} from '../keys/key-bus.js';
import type {ConfigServices} from '../services.js';
import {type KeyHelp, useShell} from '../shell.js';
import type {ScreenProps} from './types.js';

export const WORKFLOWS_KEYS: KeyHelp[] = [
	{keys: '↑ ↓', does: 'select a workflow'},
	{keys: 'a / Enter', does: 'add / edit a workflow'},
	{keys: 'd', does: 'delete (asks first)'},
];

type Mode = {kind: 'list'} | {kind: 'form'; workflow?: StoredWorkflow};

/** The workflows, and the server names their form offers. */
async function readWorkflows(config: ConfigServices): Promise<{workflows: StoredWorkflow[]; serverNames: string[]}> {
	const [workflows, servers] = await Promise.all([config.listWorkflows(), config.listServers()]);
	return {workflows, serverNames: servers.map(server => server.name)};
}

const noWorkflows = {workflows: [], serverNames: []};

export function WorkflowsScreen({width, height, active}: ScreenProps) {
	const {config, error, entries, reload, message, setMessage, fail} = useConfigList(active, readWorkflows, noWorkflows);
	const {workflows, serverNames} = entries;
	const shell = useShell();
	const [selected, setSelected] = useState(0);
	const [mode, setMode] = useState<Mode>({kind: 'list'});
	const [confirm, setConfirm] = useState<string>();

	useLayoutEffect(() => {
		if (!active) return;
		shell.setTyping(mode.kind === 'form');
		shell.setStatus({text: mode.kind === 'form' ? 'Editing a workflow' : `${workflows.length} workflow(s)`, keys: mode.kind === 'form' ? [] : WORKFLOWS_KEYS});
	}, [active, mode, workflows.length]);

	const latest = useLatest({workflows, selected, confirm});
	useKeys(
		(input, key) => {
			const {workflows, selected, confirm} = latest.current;
			const workflow = workflows[selected];
			if (!config) return;
			if (confirm) {
				setConfirm(undefined);
				if (input !== 'y') return;
				config.removeWorkflow(confirm).then(() => {
					setMessage({text: `Deleted ${confirm}.`, tone: 'ok'});
					setSelected(index => Math.max(0, index - 1));
					void reload();
				}, fail);
				return;
			}

			setMessage(undefined);
			if (key.upArrow) setSelected(Math.max(0, selected - 1));
			else if (key.downArrow) setSelected(Math.min(workflows.length - 1, selected + 1));
			else if (input === 'a') setMode({kind: 'form'});
			else if (workflow && (key.return || input === 'e')) setMode({kind: 'form', workflow});
			else if (workflow && input === 'd') setConfirm(workflow.name);
		},
		{isActive: active && mode.kind === 'list'},
	);

	if (!config) return <LoadingFrame width={width} height={height} error={error} />;

	if (mode.kind === 'form') {
		return (
			<FormFrame width={width} height={height}>
				<WorkflowForm
					{...(mode.workflow ? {initial: mode.workflow} : {})}
					otherNames={workflows.map(workflow => workflow.name).filter(name => name !== mode.workflow?.name)}
					serverNames={serverNames}
					services={config}
					onDone={saved => {
						setMode({kind: 'list'});
						if (saved) setMessage({text: `Saved ${saved.name}.`, tone: 'ok'});
						void reload();
					}}
					width={width - 2}
					height={height}
					active={active}
				/>
			</FormFrame>
		);
	}

	return (
		<ListFrame
			width={width}
			height={height}
			title="Workflows"
			empty={workflows.length === 0 ? 'No workflows: press a to add one.' : undefined}
			question={confirm === undefined ? undefined : `Delete workflow ${confirm}? y / n`}
			message={message}
		>
			{workflows.slice(0, Math.max(1, Math.floor((height - 3) / 2))).map((workflow, index) => (
				<Box key={workflow.name} flexDirection="column" width={width - 2}>
					<Text wrap="truncate-end" inverse={index === selected && active}>
						{sanitizeLine(`${workflow.name.padEnd(28)} ${workflow.llmModel}, ${workflow.maxConversationTurns} turns · ${workflow.serverNames.join(', ')}`)}
					</Text>
					<Text wrap="truncate-end" dimColor>
						{sanitizeLine(`   ${workflow.description || '(no description)'}`)}
					</Text>
				</Box>
			))}
		</ListFrame>
	);
}
