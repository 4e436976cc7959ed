/**
 * A form: one row per field (label, value, and its problem beside it), Tab / Shift-Tab or ↑ ↓ to move,
 * text fields typed with ink-text-input, multi-line fields one item per line (Enter adds a line,
 * Backspace on an empty line removes it), toggles and check lists with Space, a choice of a few
 * values with ←/→ or Space. Ctrl-S saves; Esc leaves, asking first when there are unsaved changes. The caller owns the values and the problems.
 */
import {Box, Text} from 'ink';
import {type ReactElement, useState} from 'react';
import {sanitizeLine} from '../../terminal/sanitize.js';
import {useLatest} from '../hooks/use-latest.js';
import {useKeys} from '../keys/key-bus.js';
import {TextField} from './text-field.js';
import {toneStyle} from './theme.js';

export type FormValue = string | boolean | string[];

export type FormFieldSpec =
	| {key: string; label: string; kind: 'line'; hint?: string}
	/** Text with one item per line; `display` shows it otherwise (masked) and `locked` then refuses edits. */
	| {key: string; label: string; kind: 'lines'; rows: number; hint?: string; display?: (text: string) => string; locked?: string}
	| {key: string; label: string; kind: 'toggle'; hint?: string}
	/** One of a few values (the value is one of options): ←/→ or Space cycle them, nothing is typed. */
	| {key: string; label: string; kind: 'choice'; options: readonly string[]; hint?: string}
	| {key: string; label: string; kind: 'choices'; options: string[]; hint?: string};

export interface FormViewProps {
	title: string;
	specs: FormFieldSpec[];
	values: Record<string, FormValue>;
	problems: Record<string, string | undefined>;
	onChange: (key: string, value: FormValue) => void;
	dirty: boolean;
	onSave: () => void;
	onCancel: () => void;
	/** Extra Ctrl keys of the caller (e.g. Ctrl-T test); true when handled. */
	onControlKey?: (input: string) => boolean;
	/** Lines under the form: the last save's outcome, a test report. */
	footer: Array<{text: string; tone?: 'error' | 'ok' | 'warn' | 'dim'}>;
	keysHint: string;
	width: number;
	height: number;
	active: boolean;
}

const LABEL_WIDTH = 16;

export function FormView(props: FormViewProps) {
	const {specs, values, problems, width, height, active} = props;
	const [focus, setFocus] = useState(0);
	const [row, setRow] = useState(0);
	const [confirming, setConfirming] = useState(false);
	const latest = useLatest({focus, row, confirming, props});

	const move = (delta: number) => {
		const next = (latest.current.focus + delta + specs.length) % specs.length;
		setFocus(next);
		const spec = specs[next]!;
		setRow(delta < 0 && (spec.kind === 'lines' || spec.kind === 'choices') ? itemCount(spec, values[spec.key]) - 1 : 0);
	};

	useKeys(
		(input, key) => {
			const {focus, row, confirming, props} = latest.current;
			if (confirming) {
				if (input === 'y') props.onCancel();
				if (input === 'y' || input === 'n' || key.escape) setConfirming(false);
				return;
			}

			if (key.escape) {
				if (props.dirty) setConfirming(true);
				else props.onCancel();
				return;
			}

			if (key.ctrl && input === 's') return props.onSave();
			if (key.ctrl && props.onControlKey?.(input)) return;
			const spec = specs[focus]!;
			const value = props.values[spec.key];
			if (key.tab) return move(key.shift ? -1 : 1);
			if (spec.kind === 'lines' || spec.kind === 'choices') {
				const count = itemCount(spec, value);
				if (key.upArrow) return row > 0 ? setRow(row - 1) : move(-1);
				if (key.downArrow) return row < count - 1 ? setRow(row + 1) : move(1);
			} else if (key.upArrow || key.downArrow) {
				return move(key.upArrow ? -1 : 1);
			}

			if (spec.kind === 'toggle' && (input === ' ' || key.return)) return props.onChange(spec.key, !value);
			if (spec.kind === 'choice' && (input === ' ' || key.leftArrow || key.rightArrow)) {
				const step = key.leftArrow ? -1 : 1;
				const next = (spec.options.indexOf(value as string) + step + spec.options.length) % spec.options.length;
				return props.onChange(spec.key, spec.options[next]!);
			}

			if (spec.kind === 'choice' && key.return) return move(1);
			if (spec.kind === 'choices' && (input === ' ' || key.return)) {
				const option = spec.options[row];
				if (option === undefined) return;
				const chosen = value as string[];
				props.onChange(spec.key, chosen.includes(option) ? chosen.filter(item => item !== option) : [...chosen, option]);
				return;
			}

			if (spec.kind === 'lines' && !(spec.display && spec.locked)) {
				const items = (value as string).split('\n');
				if (key.return) {
					items.splice(row + 1, 0, '');
					props.onChange(spec.key, items.join('\n'));
					setRow(row + 1);
				} else if ((key.backspace || key.delete) && items[row] === '' && items.length > 1) {
					items.splice(row, 1);
					props.onChange(spec.key, items.join('\n'));
					setRow(Math.max(0, row - 1));
				}
			}
		},
		{isActive: active},
	);

	// The text field types nothing for Ctrl and Alt keys: those stay the form's.
	const typeInto = (apply: () => void) => {
		if (latest.current.props.active) apply();
	};

	const valueWidth = Math.max(10, width - LABEL_WIDTH - 4);
	// The columns of a value: the row less the label, a space and the problem beside it.
	const fieldWidth = (problem: string | undefined) => Math.max(10, width - LABEL_WIDTH - 1 - (problem ? Math.min(30, sanitizeLine(problem).length + 3) : 0));
	const rows: ReactElement[] = [];
	specs.forEach((spec, index) => {
		const focused = index === focus && active;
		const problem = problems[spec.key];
		// A fixed column: a long value or problem must not squeeze the label.
		const label = (
			<Box width={LABEL_WIDTH} flexShrink={0}>
				<Text bold={focused} inverse={focused}>
					{`${spec.label}`.padEnd(LABEL_WIDTH - 1).slice(0, LABEL_WIDTH - 1)}
				</Text>
			</Box>
		);
		const problemText = problem ? <Text {...toneStyle('error')}>{` ✗ ${sanitizeLine(problem)}`}</Text> : null;
		const value = values[spec.key];
		if (spec.kind === 'line') {
			rows.push(
				<Box key={spec.key} width={width} height={1} overflow="hidden">
					{label}
					<Text> </Text>
					{/* The same field focused or not: the value stays in its columns. */}
					<Box width={fieldWidth(problem)} flexShrink={0}>
						<TextField width={fieldWidth(problem)} value={value as string} focus={focused} onChange={text => typeInto(() => latest.current.props.onChange(spec.key, text))} onSubmit={() => move(1)} />
					</Box>
					<Text wrap="truncate-end">{problemText}</Text>
				</Box>,
			);
		} else if (spec.kind === 'choice') {
			rows.push(
				<Box key={spec.key} width={width} height={1} overflow="hidden">
					{label}
					<Text> </Text>
					{spec.options.map((option, at) => (
						<Text key={option} bold={option === value} inverse={focused && option === value} dimColor={option !== value}>
							{`${at > 0 ? '  ' : ''}${option === value ? `[${option}]` : option}`}
						</Text>
					))}
					<Text wrap="truncate-end">{problemText}</Text>
				</Box>,
			);
		} else if (spec.kind === 'toggle') {
			rows.push(
				<Box key={spec.key} width={width} height={1} overflow="hidden">
					{label}
					<Text>{` [${value ? 'x' : ' '}] ${spec.hint ?? ''}`}</Text>
					{problemText}
				</Box>,
			);
		} else {
			const items = spec.kind === 'choices' ? spec.options : (value as string).split('\n');
			const shown = spec.kind === 'lines' && spec.display ? spec.display(value as string).split('\n') : items;
			const visible = spec.kind === 'lines' ? spec.rows : Math.min(items.length, 6);
			const start = focused ? Math.max(0, Math.min(latest.current.row - visible + 1, items.length - visible)) : 0;
			for (let offset = 0; offset < Math.max(1, visible); offset++) {
				const at = start + offset;
				const item = shown[at];
				const current = focused && at === row;
				let content: ReactElement;
				if (spec.kind === 'choices') {
					const option = spec.options[at];
					content = option === undefined ? <Text> </Text> : <Text inverse={current}>{`[${(value as string[]).includes(option) ? 'x' : ' '}] ${sanitizeLine(option)}`}</Text>;
				} else if (current && !(spec.display && spec.locked)) {
					content = (
						<TextField
							width={fieldWidth(offset === 0 ? problem : undefined)}
							value={items[at] ?? ''}
							focus
							onChange={text =>
								typeInto(() => {
									const next = (latest.current.props.values[spec.key] as string).split('\n');
									next[at] = text;
									latest.current.props.onChange(spec.key, next.join('\n'));
								})
							}
						/>
					);
				} else {
					content = (
						<Text inverse={current} dimColor={item === undefined}>
							{item === undefined ? (offset === 0 ? '(empty)' : ' ') : sanitizeLine(item) || ' '}
						</Text>
					);
				}

				rows.push(
					<Box key={`${spec.key}-${offset}`} width={width} height={1} overflow="hidden">
						{offset === 0 ? label : <Box width={LABEL_WIDTH} flexShrink={0} />}
						<Text> </Text>
						{content}
						{offset === 0 ? <Text wrap="truncate-end">{problemText}</Text> : null}
					</Box>,
				);
			}
		}

		if (focused && (spec.hint || (spec.kind === 'lines' && spec.locked && spec.display))) {
			const hint = spec.kind === 'lines' && spec.locked && spec.display ? spec.locked : spec.hint!;
			rows.push(
				<Box key={`${spec.key}-hint`} width={width} height={1} overflow="hidden">
					<Text>{' '.repeat(LABEL_WIDTH)}</Text>
					<Text dimColor wrap="truncate-end">
						{hint}
					</Text>
				</Box>,
			);
		}
	});

	const footerRoom = Math.max(0, height - rows.length - 3);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold wrap="truncate-end">{`${sanitizeLine(props.title)}${props.dirty ? ' (unsaved changes)' : ''}`}</Text>
			{rows}
			<Text dimColor wrap="truncate-end">
				{confirming ? '' : props.keysHint}
			</Text>
			{confirming ? <Text {...toneStyle('warn', true)}>Discard the unsaved changes? y / n</Text> : null}
			{props.footer.slice(0, footerRoom).map((line, index) => (
				<Text key={index} wrap="truncate-end" {...toneStyle(line.tone ?? 'plain')}>
					{sanitizeLine(line.text) || ' '}
				</Text>
			))}
			<Box width={valueWidth} height={0} />
		</Box>
	);
}

function itemCount(spec: FormFieldSpec, value: FormValue | undefined): number {
	if (spec.kind === 'choices') return Math.max(1, spec.options.length);
	if (spec.kind === 'lines') return Math.max(1, String(value ?? '').split('\n').length);
	return 1;
}
