/**
 * The form of one workflow: name, description, model, max turns, the prompt template (one line per
 * row, its placeholders listed) and its servers (Space toggles). It cannot be saved with an unknown
 * placeholder or without a server; the problem shows beside the field.
 */
import {useMemo, useState} from 'react';
import type {StoredWorkflow} from '../../config/config-store.js';
import {workflowChecks} from '../../config/entry-fields.js';
import {PLACEHOLDERS, templatePlaceholders} from '../../config/template-placeholders.js';
import type {ConfigServices} from '../services.js';
import {type WorkflowDraft, workflowDraft, workflowFromDraft} from '../state/config-drafts.js';
import {type FormFieldSpec, type FormValue, FormView} from './form-view.js';

export interface WorkflowFormProps {
	initial?: StoredWorkflow;
	otherNames: string[];
	serverNames: string[];
	services: Pick<ConfigServices, 'saveWorkflow'>;
	onDone: (saved?: StoredWorkflow) => void;
	width: number;
	height: number;
	active: boolean;
}

export function WorkflowForm({initial, otherNames, serverNames, services, onDone, width, height, active}: WorkflowFormProps) {
	const start = useMemo(
		() =>
			workflowDraft(
				initial ?? {
					name: '',
					description: '',
					llmModel: 'gemini-2.5-flash',
					initialPromptTemplate: '{{schema_description}}',
					maxConversationTurns: 10,
					serverNames: [],
				},
			),
		[initial],
	);
	const [draft, setDraft] = useState<WorkflowDraft>(start);
	const [footer, setFooter] = useState<Array<{text: string; tone?: 'error' | 'ok' | 'warn' | 'dim'}>>([]);
	const {fields, problems} = workflowFromDraft(draft, serverNames, otherNames);
	const {known} = templatePlaceholders(draft.template);
	const specs: FormFieldSpec[] = [
		{key: 'name', label: 'Name', kind: 'line'},
		{key: 'description', label: 'Description', kind: 'line'},
		{key: 'model', label: 'Model', kind: 'line', hint: 'e.g. gemini-2.5-flash'},
		{key: 'maxTurns', label: 'Max turns', kind: 'line', hint: '1 to 1000'},
		{key: 'checks', label: 'Checks', kind: 'choice', options: workflowChecks, hint: '←/→ or Space: how deep check_project goes after generating (off, compile only, or full)'},
		{
			key: 'template',
			label: 'Prompt template',
			kind: 'lines',
			rows: Math.max(3, Math.min(10, height - 16)),
			hint: `uses ${known.map(name => `{{${name}}}`).join(' ') || 'no placeholder (the description is appended)'} · known: ${PLACEHOLDERS.map(name => `{{${name}}}`).join(' ')}`,
		},
		{key: 'servers', label: 'Servers', kind: 'choices', options: serverNames, hint: 'Space toggles'},
	];

	const save = () => {
		if (Object.values(problems).some(Boolean)) {
			setFooter([{text: 'Not saved: fix the fields marked ✗.', tone: 'error'}]);
			return;
		}

		// Shown at once: the database answers after the key.
		setFooter([{text: `Saving ${fields.name}…`, tone: 'dim'}]);
		services.saveWorkflow(initial?.name, fields, initial ? {expectedUpdatedAt: initial.updatedAt} : {}).then(
			saved => onDone(saved),
			(error: unknown) => setFooter([{text: `Not saved: ${error instanceof Error ? error.message : String(error)}`, tone: 'error'}]),
		);
	};

	return (
		<FormView
			title={initial ? `Edit workflow ${initial.name}` : 'Add a workflow'}
			specs={specs}
			values={draft as unknown as Record<string, FormValue>}
			problems={problems}
			onChange={(key, value) => setDraft(current => ({...current, [key]: value}))}
			dirty={JSON.stringify(draft) !== JSON.stringify(start)}
			onSave={save}
			onCancel={() => onDone()}
			footer={footer}
			keysHint="Tab/↑↓ move · Enter: new template line · Space toggles a server · Ctrl-S save · Esc back"
			width={width}
			height={height}
			active={active}
		/>
	);
}
