/**
 * The form of one MCP server entry: add or edit, field-by-field validation beside each field, env
 * values masked until revealed (Ctrl-R), Test (Ctrl-T) starts the entry as typed and lists its
 * tools or shows the error and its stderr, Save (Ctrl-S) writes it with the updated_at it started
 * from, so a concurrent edit is reported instead of lost.
 */
import {useMemo, useState} from 'react';
import type {StoredServer} from '../../config/config-store.js';
import {serverDefaults} from '../../config/entry-fields.js';
import {probeLines} from '../../mcp/probe-lines.js';
import type {ConfigServices} from '../services.js';
import {maskedEnv, type ServerDraft, serverDraft, serverFromDraft} from '../state/config-drafts.js';
import {type FormFieldSpec, type FormValue, FormView} from './form-view.js';

export interface ServerFormProps {
	/** The entry being edited; undefined adds a new one. */
	initial?: StoredServer;
	/** Names of the other entries (a name must be unique). */
	otherNames: string[];
	services: Pick<ConfigServices, 'saveServer' | 'testServer'>;
	/** Leaves the form: with the saved entry, or undefined when cancelled. */
	onDone: (saved?: StoredServer) => void;
	width: number;
	height: number;
	active: boolean;
}

type Line = {text: string; tone?: 'error' | 'ok' | 'warn' | 'dim'};

export function ServerForm({initial, otherNames, services, onDone, width, height, active}: ServerFormProps) {
	const base = useMemo(() => initial ?? serverDefaults(), [initial]);
	const start = useMemo(() => serverDraft(base), [base]);
	const [draft, setDraft] = useState<ServerDraft>(start);
	const [revealed, setRevealed] = useState(initial === undefined);
	const [footer, setFooter] = useState<Line[]>(
		initial && initial.transport !== 'stdio'
			? [{text: `An ${initial.transport.toUpperCase()} server (${initial.url ?? ''}): reached over streamable HTTP (SSE for older servers).`, tone: 'warn'}]
			: [],
	);
	const [busy, setBusy] = useState(false);
	const {fields, problems} = serverFromDraft(draft, base, otherNames);
	const dirty = JSON.stringify(draft) !== JSON.stringify(start);

	const specs: FormFieldSpec[] = [
		{key: 'name', label: 'Name', kind: 'line', hint: 'letters, digits, _ . -'},
		{key: 'command', label: 'Command', kind: 'line', hint: 'the program that starts the server, e.g. npx or node'},
		{key: 'args', label: 'Args', kind: 'lines', rows: 3, hint: 'one argument per line, passed as shown; Enter adds a line'},
		{
			key: 'env',
			label: 'Env',
			kind: 'lines',
			rows: 3,
			hint: 'KEY=VALUE per line; VALUE may be ${NAME} from your environment, so no secret is stored',
			...(revealed ? {} : {display: maskedEnv, locked: 'values are hidden: Ctrl-R reveals them to edit'}),
		},
		{key: 'cwd', label: 'Working folder', kind: 'line', hint: 'empty: the current folder'},
		{key: 'description', label: 'Description', kind: 'line'},
		{key: 'timeout', label: 'Timeout (ms)', kind: 'line', hint: 'per tool call; empty: the default (60000)'},
		{key: 'includeTools', label: 'Include tools', kind: 'lines', rows: 2, hint: 'only these tools are offered (one per line; empty: all)'},
		{key: 'excludeTools', label: 'Exclude tools', kind: 'lines', rows: 2, hint: 'never offered (one per line)'},
		{key: 'trust', label: 'Trust', kind: 'toggle', hint: 'its writes need no approval (Space)'},
		{key: 'allowApiKey', label: 'Pass API key', kind: 'toggle', hint: 'env may use ${GEMINI_API_KEY}; off: the server never gets the key (Space)'},
	];

	const save = () => {
		if (busy) return;
		if (Object.values(problems).some(Boolean)) {
			setFooter([{text: 'Not saved: fix the fields marked ✗.', tone: 'error'}]);
			return;
		}

		setBusy(true);
		// Shown at once: the database answers after the key.
		setFooter([{text: `Saving ${fields.name}…`, tone: 'dim'}]);
		services.saveServer(initial?.name, fields, initial ? {expectedUpdatedAt: initial.updatedAt} : {}).then(
			saved => {
				setBusy(false);
				onDone(saved);
			},
			(error: unknown) => {
				setBusy(false);
				setFooter([{text: `Not saved: ${error instanceof Error ? error.message : String(error)}`, tone: 'error'}]);
			},
		);
	};

	const test = () => {
		if (busy) return;
		if (problems.command || problems.args || problems.env || problems.cwd) {
			setFooter([{text: 'Cannot test: fix the fields marked ✗ first.', tone: 'error'}]);
			return;
		}

		setBusy(true);
		setFooter([{text: `Starting ${fields.name || 'the server'}…`, tone: 'dim'}]);
		services.testServer(fields).then(
			result => {
				setBusy(false);
				setFooter(
					probeLines(result).map((text, index) => ({
						text,
						...(result.ok ? (index === 0 ? {tone: 'ok' as const} : {}) : {tone: index === 0 ? ('error' as const) : ('dim' as const)}),
					})),
				);
			},
			(error: unknown) => {
				setBusy(false);
				setFooter([{text: error instanceof Error ? error.message : String(error), tone: 'error'}]);
			},
		);
	};

	return (
		<FormView
			title={initial ? `Edit MCP server ${initial.name}` : 'Add an MCP server'}
			specs={specs}
			values={draft as unknown as Record<string, FormValue>}
			problems={problems}
			onChange={(key, value) => setDraft(current => ({...current, [key]: value}))}
			dirty={dirty}
			onSave={save}
			onCancel={() => onDone()}
			onControlKey={input => {
				if (input === 't') test();
				else if (input === 'r') setRevealed(value => !value);
				else return false;
				return true;
			}}
			footer={busy && footer.length === 0 ? [{text: 'Working…', tone: 'dim'}] : footer}
			keysHint={`Tab/↑↓ move · Ctrl-S save · Ctrl-T test · Ctrl-R ${revealed ? 'hide' : 'reveal'} env values · Esc back`}
			width={width}
			height={height}
			active={active}
		/>
	);
}
