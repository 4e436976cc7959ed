/**
 * The History screen: past executions newest first, one keyset page at a time (never all rows),
 * filtered by status and searched by query text; Enter opens the Replay of the selected one, Esc
 * there comes back. `ectosmith replay ID` starts here with that Replay open.
 */
import {Box, Text} from 'ink';
import {useCallback, useEffect, useLayoutEffect, useState} from 'react';
import type {HistoryCursor, HistoryRow} from '../../history/queries.js';
import {executionStatuses} from '../../records/statuses.js';
import {fitColumns, stringWidth} from '../../terminal/columns.js';
import {sanitizeLine} from '../../terminal/sanitize.js';
import {STATUS_TONE, toneStyle} from '../components/theme.js';
import {seconds} from '../components/transcript.js';
import {useLatest} from '../hooks/use-latest.js';
import {useKeys} from '../keys/key-bus.js';
import {useServices} from '../services-context.js';
import {type KeyHelp, useShell} from '../shell.js';
import {ReplayScreen} from './replay-screen.js';
import type {ScreenProps} from './types.js';

export const HISTORY_KEYS: KeyHelp[] = [
	{keys: '↑ ↓', does: 'select an execution'},
	{keys: 'PageDown / PageUp', does: 'older / newer page'},
	{keys: '/', does: 'search the descriptions (Enter applies, Esc clears)'},
	{keys: 's', does: 'cycle the status filter'},
	{keys: 'Enter', does: 'replay the execution'},
];

function when(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const cell = (text: string, width: number) => fitColumns(text, width);

/** Below this width the model and tokens columns give their room to the description (Replay shows both). */
const WIDE = 110;

/** The widths of the columns that hold names: the workflow, and provider/model when wide. */
export interface HistoryWidths {
	workflow: number;
	model: number;
}

const NARROW_WIDTHS: HistoryWidths = {workflow: 8, model: 10};
/** The columns other than workflow, model and description, with their separators (wide). */
const FIXED_WIDE = 4 + 11 + 9 + 5 + 2 + 6 + 8 + 10;

/** provider/model, or the model alone when its name says the provider (gemini-2.5-flash, offline-planner). */
function modelOf(row: Pick<HistoryRow, 'provider' | 'model'>): string {
	const model = row.model ?? '';
	return sanitizeLine(model.startsWith(row.provider ?? '') && model !== '' ? model : [row.provider, row.model].filter(Boolean).join('/'));
}

/**
 * Wide, the name columns are as wide as the longest name on the page (k9s does the same), as long
 * as 24 columns stay for the description; narrow, they keep their short widths.
 */
export function historyWidths(rows: readonly HistoryRow[], width: number): HistoryWidths {
	if (width < WIDE || rows.length === 0) return NARROW_WIDTHS;
	const longest = (texts: string[], least: number, most: number) => Math.min(most, Math.max(least, ...texts.map(text => stringWidth(text))));
	let workflow = longest(
		rows.map(row => sanitizeLine(row.workflow)),
		8,
		24,
	);
	let model = longest(rows.map(modelOf), 10, 26);
	const spare = width - 2 - 24 - FIXED_WIDE - workflow - model;
	if (spare < 0) {
		const cut = Math.min(-spare, model - 10);
		model -= cut;
		workflow = Math.max(8, workflow - (-spare - cut));
	}

	return {workflow, model};
}

/** The header line, with the columns rowColumns gives at this width. */
export function headerLine(width: number, widths: HistoryWidths = NARROW_WIDTHS): string {
	const wide = width >= WIDE ? ` ${cell('model', widths.model)} ${cell('tokens', 6)} ${cell('user', 8)}` : '';
	return `${cell('id', 4)} ${cell('when', 11)} ${cell('workflow', widths.workflow)} ${cell('status', 9)} ${cell('time', 5)} ${cell('tn', 2)}${wide} description`;
}

/** One row as columns (the status is drawn apart, in its colour). */
export function rowColumns(row: HistoryRow, width: number, widths: HistoryWidths = NARROW_WIDTHS): {head: string; status: string; tail: string} {
	const id = row.parentExecutionId === undefined ? String(row.id) : `↳${row.parentExecutionId}`;
	const marks = `${row.dryRun ? '[dry run] ' : ''}${row.undoneAt ? '[undone] ' : ''}${row.followUps > 0 ? `(+${row.followUps} follow-up${row.followUps === 1 ? '' : 's'}) ` : ''}`;
	const wide = width >= WIDE ? ` ${cell(modelOf(row), widths.model)} ${cell(String(row.totalTokens), 6)} ${cell(sanitizeLine(row.userName ?? '–'), 8)}` : '';
	return {
		head: `${cell(`${row.id}`, 4)} ${cell(when(row.startTime), 11)} ${cell(sanitizeLine(row.workflow), widths.workflow)} `,
		status: cell(row.status, 9),
		tail: ` ${cell(row.durationMs === undefined ? '–' : seconds(row.durationMs), 5)} ${cell(String(row.turns), 2)}${wide} ${row.parentExecutionId === undefined ? '' : `${id} `}${marks}${sanitizeLine(row.queryLine)}`,
	};
}

export function HistoryScreen({width, height, active}: ScreenProps) {
	const {services, error, options} = useServices();
	const history = services?.history;
	const shell = useShell();
	const pageSize = Math.max(1, height - 4);
	// cursors[i]: where page i starts (undefined for the first).
	const [cursors, setCursors] = useState<Array<HistoryCursor | undefined>>([undefined]);
	const [rows, setRows] = useState<HistoryRow[]>([]);
	const [next, setNext] = useState<HistoryCursor>();
	const [selected, setSelected] = useState(0);
	const [statusIndex, setStatusIndex] = useState(-1);
	const [search, setSearch] = useState('');
	const [typing, setTyping] = useState<string>();
	const [replay, setReplay] = useState<number | undefined>(options.replay);
	const [problem, setProblem] = useState<string>();
	// What the Replay did before coming back (a deletion), until the next key.
	const [notice, setNotice] = useState<string>();
	const status = statusIndex < 0 ? undefined : executionStatuses[statusIndex];
	const page = cursors.length - 1;

	const load = useCallback(async () => {
		if (!history) return;
		try {
			const result = await history.listPage({...(status ? {status: [status]} : {}), ...(search ? {search} : {})}, cursors.at(-1), pageSize);
			setRows(result.rows);
			setNext(result.next);
			setSelected(index => Math.min(index, Math.max(0, result.rows.length - 1)));
			setProblem(undefined);
		} catch (failure) {
			setProblem(failure instanceof Error ? failure.message : String(failure));
		}
	}, [history, status, search, cursors, pageSize]);

	// Read again whenever the list is shown: runs end while the screen is hidden.
	useEffect(() => {
		if (active && replay === undefined) void load();
	}, [active, replay, load]);

	useLayoutEffect(() => {
		if (!active || replay !== undefined) return;
		shell.setTyping(typing !== undefined);
		const filters = [status ? `status ${status}` : '', search ? `"${sanitizeLine(search)}"` : ''].filter(Boolean).join(', ');
		const text = `History page ${page + 1}${filters ? ` · ${filters}` : ''}`;
		shell.setStatus({
			text: notice ? `${notice} · ${text}` : text,
			keys: typing === undefined ? HISTORY_KEYS.slice(0, 4) : [{keys: 'Enter / Esc', does: 'search / clear'}],
		});
	}, [active, replay, typing, status, search, page, notice]);

	const latest = useLatest({rows, selected, next, typing, cursors});
	useKeys(
		(input, key) => {
			const {rows, selected, next, typing, cursors} = latest.current;
			setNotice(undefined);
			if (typing !== undefined) {
				if (key.return || key.escape) {
					const text = key.escape ? '' : typing.trim();
					setTyping(undefined);
					setSearch(text);
					setCursors([undefined]);
					setSelected(0);
				} else if (key.backspace || key.delete) setTyping(typing.slice(0, -1));
				else if (!key.ctrl && !key.meta && input) setTyping(typing + input);
				return;
			}

			if (key.upArrow) setSelected(Math.max(0, selected - 1));
			else if (key.downArrow) setSelected(Math.min(rows.length - 1, selected + 1));
			else if (key.pageDown && next) {
				setCursors([...cursors, next]);
				setSelected(0);
			} else if (key.pageUp && cursors.length > 1) {
				setCursors(cursors.slice(0, -1));
				setSelected(0);
			} else if (input === '/') setTyping(search);
			else if (input === 's') {
				setStatusIndex(index => (index + 1 >= executionStatuses.length ? -1 : index + 1));
				setCursors([undefined]);
				setSelected(0);
			} else if (key.return && rows[selected]) setReplay(rows[selected].id);
		},
		{isActive: active && replay === undefined},
	);

	if (!history) {
		return (
			<Box width={width} height={height} paddingX={1}>
				<Text>{error ? `ectosmith: ${sanitizeLine(error)}` : 'Loading…'}</Text>
			</Box>
		);
	}

	if (replay !== undefined) {
		return (
			<ReplayScreen
				executionId={replay}
				width={width}
				height={height}
				active={active}
				onBack={said => {
					setNotice(said);
					setReplay(undefined);
				}}
			/>
		);
	}

	const inner = width - 2;
	const widths = historyWidths(rows, width);
	return (
		<Box flexDirection="column" width={width} height={height} paddingX={1} overflow="hidden">
			<Text bold wrap="truncate-end">
				{headerLine(width, widths)}
			</Text>
			{rows.length === 0 ? <Text dimColor>{search || status ? 'No execution matches.' : 'No executions yet: run one from the Run screen (1).'}</Text> : null}
			{rows.map((row, index) => {
				const columns = rowColumns(row, width, widths);
				const chosen = index === selected && active;
				return (
					<Box key={row.id} width={inner} height={1} overflow="hidden">
						<Text wrap="truncate-end" inverse={chosen}>
							{columns.head}
							<Text {...toneStyle(STATUS_TONE[row.status])}>{columns.status}</Text>
							{columns.tail}
						</Text>
					</Box>
				);
			})}
			<Box flexGrow={1} />
			{typing !== undefined ? (
				<Text wrap="truncate-end">{`Search: ${sanitizeLine(typing)}▏`}</Text>
			) : problem ? (
				<Text {...toneStyle('error')} wrap="truncate-end">
					{sanitizeLine(problem)}
				</Text>
			) : (
				<Text dimColor wrap="truncate-end">{`page ${page + 1}${next ? ' · PageDown: older' : ''}${page > 0 ? ' · PageUp: newer' : ''}`}</Text>
			)}
		</Box>
	);
}
