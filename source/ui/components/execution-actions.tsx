/**
 * The actions on a finished execution that need a question first, written once for the Replay and
 * Run screens: undo (the plan, y applies; a refusal names the file, and forcing is a separate step
 * with its own confirmation), delete (a confirmation naming the execution), export (a path field,
 * and a confirmation before replacing a file). The screen opens one with `start` and draws `panel`
 * in place of its right column; the outcome comes back as a one-line notice for its status line.
 */
import {Box, Text} from 'ink';
import pluralize from 'pluralize';
import {type ReactNode, useEffect, useState} from 'react';
import type {Deletion} from '../../history/delete.js';
import type {UndoPlan} from '../../history/undo.js';
import {undoStepLine, undoSummary} from '../../history/undo-text.js';
import {sanitizeLine} from '../../terminal/sanitize.js';
import {useLatest} from '../hooks/use-latest.js';
import {useKeys} from '../keys/key-bus.js';
import type {HistoryServices} from '../services.js';
import {type KeyHelp, useShell} from '../shell.js';
import type {Line, Tone} from '../state/lines.js';
import {Pane} from './pane.js';
import {TextField} from './text-field.js';
import {toneStyle} from './theme.js';

export type ActionKind = 'undo' | 'delete' | 'export';

export const ACTION_KEYS: KeyHelp[] = [
	{keys: 'u', does: 'undo its files (shows the plan first; y applies)'},
	{keys: 'e', does: 'export it to a file (.md or .json)'},
];

export interface ActionNotice {
	text: string;
	tone: Tone;
}

type Phase =
	| {step: 'working'; what: string}
	| {step: 'undo-plan'; plan: UndoPlan; forced: boolean}
	| {step: 'undo-refused'; reason: string; forceable: boolean}
	| {step: 'force-confirm'; reason: string}
	| {step: 'delete-confirm'; deletion: Deletion; question: string}
	| {step: 'export-path'; value: string; problem?: string}
	| {step: 'export-overwrite'; value: string; file: string};

export interface ExecutionActionsOptions {
	history: HistoryServices | undefined;
	executionId: number | undefined;
	/** The screen is on show (the actions take keys only then). */
	active: boolean;
	width: number;
	height: number;
	/** After a delete: the screen leaves the execution (`notice` says what happened). */
	onDeleted?: (deletion: Deletion, notice: string) => void;
	/** After an undo: the screen shows the execution as undone. */
	onUndone?: () => void;
}

export interface ExecutionActions {
	start(kind: ActionKind): void;
	/** An action is asking or working: the screen's own keys wait. */
	open: boolean;
	/** Its panel, for the screen's right column (null when closed). */
	panel: ReactNode;
	/** The keys to show in the status bar while open. */
	keys: KeyHelp[];
	/** It has the keyboard (a question or the path field): the shell's global keys wait too. */
	typing: boolean;
	/** What happened last, for the status line. */
	notice: ActionNotice | undefined;
	clearNotice(): void;
}

const message = (error: unknown) => sanitizeLine(error instanceof Error ? error.message : String(error));

function planLines(plan: UndoPlan, forced: boolean): Line[] {
	const lines: Line[] = [{text: `Undo execution #${plan.executionId} in ${sanitizeLine(plan.projectPath)}:`, bold: true}];
	if (plan.steps.length === 0) lines.push({text: 'It left no file to remove or restore.', tone: 'dim'});
	for (const step of plan.steps) lines.push({text: `  ${undoStepLine(step)}`, tone: step.action === 'restore' ? 'add' : 'del'});
	for (const skipped of plan.skipped) lines.push({text: `  skip    ${sanitizeLine(skipped.path)}: ${sanitizeLine(skipped.reason)}`, tone: 'warn'});
	if (forced) lines.push({text: 'Forced: edits made to these files since the execution are lost.', tone: 'warn'});
	lines.push({text: ''}, {text: 'y: undo · any other key: cancel', tone: 'accent'});
	return lines;
}

export function useExecutionActions({history, executionId, active, width, height, onDeleted, onUndone}: ExecutionActionsOptions): ExecutionActions {
	const [phase, setPhase] = useState<Phase>();
	const [notice, setNotice] = useState<ActionNotice>();
	const id = executionId ?? 0;
	const shell = useShell();

	// A different execution: whatever was asked about the last one no longer stands.
	useEffect(() => setPhase(undefined), [executionId]);

	const end = (text: string, tone: Tone) => {
		setPhase(undefined);
		setNotice({text, tone});
	};

	const failed = (what: string) => (error: unknown) => end(`${what} failed: ${message(error)}`, 'error');

	const planUndo = (force: boolean) => {
		if (!history) return;
		setPhase({step: 'working', what: force ? 'Checking the files again (forced)…' : 'Checking the files…'});
		history.planUndo(id, {force}).then(result => {
			if ('refused' in result) setPhase({step: 'undo-refused', reason: sanitizeLine(result.refused), forceable: result.forceable && !force});
			else setPhase({step: 'undo-plan', plan: result.plan, forced: force});
		}, failed('Undo'));
	};

	const applyUndo = (plan: UndoPlan) => {
		if (!history) return;
		setPhase({step: 'working', what: 'Undoing…'});
		history.applyUndo(plan).then(
			done => {
				end(undoSummary(plan.executionId, done), 'ok');
				shell.projectChanged(plan.projectPath);
				onUndone?.();
			},
			(error: unknown) => {
				// A failed undo may have removed some files before it stopped.
				shell.projectChanged(plan.projectPath);
				failed('Undo')(error);
			},
		);
	};

	const exportTo = (value: string, overwrite: boolean) => {
		if (!history) return;
		if (value.trim() === '') {
			setPhase({step: 'export-path', value, problem: 'Type a file name ending in .md or .json.'});
			return;
		}

		setPhase({step: 'working', what: 'Exporting…'});
		history.exportTo(id, value.trim(), {overwrite}).then(result => {
			if ('refused' in result) setPhase({step: 'export-path', value, problem: sanitizeLine(result.refused)});
			else if ('exists' in result) setPhase({step: 'export-overwrite', value, file: result.exists});
			else end(`Exported execution #${id} to ${sanitizeLine(result.file)}`, 'ok');
		}, failed('Export'));
	};

	const start = (kind: ActionKind) => {
		if (!history || executionId === undefined || phase) return;
		setNotice(undefined);
		if (kind === 'undo') planUndo(false);
		else if (kind === 'export') setPhase({step: 'export-path', value: `./ectosmith-${executionId}.md`});
		else {
			setPhase({step: 'working', what: 'Counting its messages…'});
			history.planDeletion(executionId).then(result => {
				if ('refused' in result) end(`Not deleted: ${sanitizeLine(result.refused)}`, 'error');
				else setPhase({step: 'delete-confirm', deletion: result.deletion, question: result.question});
			}, failed('Delete'));
		}
	};

	const latest = useLatest(phase);
	useKeys(
		(input, key) => {
			const phase = latest.current;
			if (!phase || phase.step === 'working') return;
			const yes = input === 'y' || input === 'Y';
			switch (phase.step) {
				case 'undo-plan':
					if (yes) applyUndo(phase.plan);
					else end(`Undo of #${id} cancelled: nothing changed.`, 'warn');
					return;
				case 'undo-refused':
					if ((input === 'f' || input === 'F') && phase.forceable) setPhase({step: 'force-confirm', reason: phase.reason});
					else end(`Not undone: ${phase.reason}`, 'error');
					return;
				case 'force-confirm':
					if (yes) planUndo(true);
					else end(`Undo of #${id} cancelled: nothing changed.`, 'warn');
					return;
				case 'delete-confirm':
					if (yes) {
						const deletion = phase.deletion;
						setPhase({step: 'working', what: 'Deleting…'});
						history?.deleteExecution(deletion.executionId).then(done => {
							const text = `Deleted execution #${done.executionId} and its ${pluralize('message', done.messages, true)}; its files stay.`;
							end(text, 'ok');
							onDeleted?.(done, text);
						}, failed('Delete'));
					} else end(`Nothing was deleted.`, 'warn');
					return;
				case 'export-path':
					// The field types; Esc leaves, Enter (the field's onSubmit) writes.
					if (key.escape) end('Not exported.', 'warn');
					return;
				case 'export-overwrite':
					if (yes) exportTo(phase.value, true);
					else end(`Not exported: ${sanitizeLine(phase.file)} was left as it was.`, 'warn');
			}
		},
		{isActive: active && phase !== undefined},
	);

	const keys: KeyHelp[] = !phase
		? []
		: phase.step === 'export-path'
			? [
					{keys: 'Enter', does: 'export'},
					{keys: 'Esc', does: 'cancel'},
				]
			: phase.step === 'undo-refused' && phase.forceable
				? [
						{keys: 'f', does: 'force…'},
						{keys: 'other', does: 'cancel'},
					]
				: phase.step === 'working' || phase.step === 'undo-refused'
					? []
					: [
							{keys: 'y', does: 'yes'},
							{keys: 'other', does: 'no'},
						];

	return {
		start,
		open: phase !== undefined,
		panel: phase ? (
			<ActionPanel phase={phase} id={id} width={width} height={height} active={active} onChange={value => setPhase({step: 'export-path', value})} onSubmit={value => exportTo(value, false)} />
		) : null,
		keys,
		typing: active && phase !== undefined,
		notice,
		clearNotice: () => setNotice(undefined),
	};
}

function ActionPanel({
	phase,
	id,
	width,
	height,
	active,
	onChange,
	onSubmit,
}: {
	phase: Phase;
	id: number;
	width: number;
	height: number;
	active: boolean;
	onChange: (value: string) => void;
	onSubmit: (value: string) => void;
}) {
	let title: string;
	let lines: Line[];
	switch (phase.step) {
		case 'working':
			title = `Execution #${id}`;
			lines = [{text: phase.what, tone: 'dim'}];
			break;
		case 'undo-plan':
			title = `Undo #${id}`;
			lines = planLines(phase.plan, phase.forced);
			break;
		case 'undo-refused':
			title = `Undo #${id}: refused`;
			lines = [
				{text: phase.reason, tone: 'error'},
				{text: ''},
				phase.forceable ? {text: 'f: force the undo (asks again first) · any other key: cancel', tone: 'accent'} : {text: 'Any key: close', tone: 'accent'},
			];
			break;
		case 'force-confirm':
			title = `Undo #${id}: force`;
			lines = [
				{text: `Force the undo of execution #${id}?`, bold: true},
				{
					text: 'Files edited since are put back as they were before it (the edits are lost); files it cannot restore are skipped. The plan is shown again before anything changes.',
					tone: 'warn',
				},
				{text: ''},
				{text: 'y: show the forced plan · any other key: cancel', tone: 'accent'},
			];
			break;
		case 'delete-confirm':
			title = `Delete #${id}`;
			lines = [{text: `${phase.question} y/n`, bold: true}];
			break;
		case 'export-overwrite':
			title = `Export #${id}`;
			lines = [{text: `${sanitizeLine(phase.file)} already exists. Replace it? y/n`, bold: true}];
			break;
		case 'export-path':
			return (
				<Pane title={`Export #${id}`} width={width} height={height}>
					<Text wrap="wrap">File (.md or .json; relative to {sanitizeLine(process.cwd())}):</Text>
					<Box>
						<Text>› </Text>
						<TextField value={phase.value} onChange={onChange} onSubmit={onSubmit} focus={active} width={width - 2} />
					</Box>
					{phase.problem ? (
						<Text {...toneStyle('error')} wrap="wrap">
							{phase.problem}
						</Text>
					) : null}
					<Text dimColor>Enter: export · Esc: cancel</Text>
				</Pane>
			);
	}

	return (
		<Pane title={title} width={width} height={height}>
			{lines.map((line, index) => (
				<Text key={index} wrap="wrap" {...toneStyle(line.tone, line.bold)}>
					{line.text || ' '}
				</Text>
			))}
		</Pane>
	);
}
