/** The workflow picker: the chosen workflow's name, model and servers; ↑/↓ choose when focused. */
import {Text} from 'ink';
import {sanitizeLine} from '../../terminal/sanitize.js';
import {useLatest} from '../hooks/use-latest.js';
import {useKeys} from '../keys/key-bus.js';
import type {WorkflowChoice} from '../services.js';
import {Pane} from './pane.js';
import {providerLabel} from './transcript.js';

export interface WorkflowBoxProps {
	workflows: WorkflowChoice[] | undefined;
	chosen: number;
	onChoose: (index: number) => void;
	width: number;
	height: number;
	focused: boolean;
	active: boolean;
	/** A run is in progress: the choice is locked. */
	locked: boolean;
}

export function WorkflowBox({workflows, chosen, onChoose, width, height, focused, active, locked}: WorkflowBoxProps) {
	const latest = useLatest({chosen, workflows});
	useKeys(
		(_input, key) => {
			const {chosen, workflows} = latest.current;
			if (!workflows || workflows.length === 0) return;
			// From none chosen (-1), ↓ takes the first and ↑ the last.
			if (key.upArrow) onChoose(chosen < 0 ? workflows.length - 1 : (chosen - 1 + workflows.length) % workflows.length);
			else if (key.downArrow) onChoose((chosen + 1) % workflows.length);
		},
		{isActive: active && focused && !locked},
	);
	const workflow = workflows?.[chosen];
	const count = workflows && workflows.length > 1 ? `${chosen < 0 ? '–' : chosen + 1}/${workflows.length}${focused ? ' ↑↓' : ''}` : '';
	return (
		<Pane title="Workflow" note={count} width={width} height={height} focused={focused}>
			{workflow ? (
				<>
					<Text bold wrap="truncate-end">
						{sanitizeLine(workflow.name)}
					</Text>
					<Text dimColor wrap="truncate-end">
						{providerLabel(workflow.provider, workflow.providerModel)}
					</Text>
					<Text dimColor wrap="truncate-end">
						{sanitizeLine(workflow.servers.join(', '))}
					</Text>
				</>
			) : (
				<Text dimColor>{!workflows ? 'Loading…' : workflows.length === 0 ? 'No workflows: ectosmith db seed' : 'None chosen: Tab here, then ↑↓'}</Text>
			)}
		</Pane>
	);
}
