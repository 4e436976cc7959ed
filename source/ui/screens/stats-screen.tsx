/**
 * The Stats screen: what the record says in figures, computed by SQL aggregates (never by loading
 * rows): executions by status and per day, durations, tokens and their estimated cost per workflow
 * and model, and per tool its calls, failures, median duration and declines. s cycles the period,
 * p edits the price table in $EDITOR, r reads again; it scrolls when it does not fit.
 */
import {Box, Text} from 'ink';
import {useCallback, useEffect, useLayoutEffect, useRef, useState} from 'react';
import type {StatsReport} from '../../history/stats.js';
import {formatCount} from '../../history/stats-format.js';
import {sanitizeLine} from '../../terminal/sanitize.js';
import {priceProblemLine, shortPath, statsRows} from '../components/stats-lines.js';
import {toneStyle} from '../components/theme.js';
import {editFile, editorCommand} from '../editor.js';
import {useLatest} from '../hooks/use-latest.js';
import {useKeys} from '../keys/key-bus.js';
import {useServices} from '../services-context.js';
import {type KeyHelp, useShell} from '../shell.js';
import type {ScreenProps} from './types.js';

export const STATS_KEYS: KeyHelp[] = [
	{keys: 's', does: 'period: all time, last 30 days, last 7 days, today'},
	{keys: 'p', does: 'edit the price table in $EDITOR'},
	{keys: 'r', does: 'read the figures again'},
	{keys: 'j k / PageDown PageUp', does: 'scroll'},
];

const DAY_MS = 86_400_000;

/** Days count in UTC, as the per-day figures do: "last 7 days" is today and the six before. */
export const PERIODS = [{label: 'all time'}, {label: 'last 30 days', days: 30}, {label: 'last 7 days', days: 7}, {label: 'today (UTC)', days: 1}] as const;

function periodStart(days: number | undefined, now: number): Date | undefined {
	if (days === undefined) return undefined;
	const midnight = Math.floor(now / DAY_MS) * DAY_MS;
	return new Date(midnight - (days - 1) * DAY_MS);
}

const message = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

export function StatsScreen({width, height, active}: ScreenProps) {
	const {services, error} = useServices();
	const history = services?.history;
	const shell = useShell();
	const [periodIndex, setPeriodIndex] = useState(0);
	const [report, setReport] = useState<StatsReport>();
	const [problem, setProblem] = useState<string>();
	const [top, setTop] = useState(0);
	const period = PERIODS[periodIndex]!;

	// On a large record the aggregates take a moment: the figures on show stay until the new ones
	// arrive, and an answer to an older request (another period) is dropped.
	const [reading, setReading] = useState(false);
	const requests = useRef(0);
	const load = useCallback(async () => {
		if (!history) return;
		const request = ++requests.current;
		setReading(true);
		try {
			const next = await history.stats(periodStart('days' in period ? period.days : undefined, Date.now()));
			if (request === requests.current) setReport(next);
		} catch (failure) {
			if (request === requests.current) setProblem(message(failure));
		} finally {
			if (request === requests.current) setReading(false);
		}
	}, [history, period]);

	// Read again whenever the screen is shown: runs finish while it is hidden.
	useEffect(() => {
		if (active) void load();
	}, [active, load]);

	// The last line of the body is the footer: a problem, or where the scroll is.
	const visible = Math.max(1, height - 1);
	const rows = report
		? statsRows(report, {
				width: width - 2,
				height: visible,
				periodLabel: period.label,
				...('days' in period ? {maxDays: period.days, lastDay: new Date().toISOString().slice(0, 10)} : {}),
			})
		: [];
	const maxTop = Math.max(0, rows.length - visible);
	const shownTop = Math.min(top, maxTop);

	useLayoutEffect(() => {
		if (!active) return;
		shell.setTyping(false);
		const shown = report && !reading ? ` · ${formatCount(report.stats.executions)} execution${report.stats.executions === 1 ? '' : 's'}` : ' · reading…';
		shell.setStatus({
			text: `Stats · ${period.label}${shown}`,
			keys: [
				{keys: 's', does: 'period'},
				{keys: 'p', does: 'prices'},
				{keys: 'r', does: 'reload'},
			],
		});
	}, [active, period, report, reading]);

	const latest = useLatest({shownTop, maxTop, visible, load});
	useKeys(
		(input, key) => {
			const {shownTop, maxTop, visible, load} = latest.current;
			const scrollTo = (next: number) => setTop(Math.max(0, Math.min(maxTop, next)));
			setProblem(undefined);
			if (input === 's') {
				setPeriodIndex(index => (index + 1) % PERIODS.length);
				setTop(0);
			} else if (input === 'r') void load();
			else if (input === 'p') editPrices();
			else if (input === 'j' || key.downArrow) scrollTo(shownTop + 1);
			else if (input === 'k' || key.upArrow) scrollTo(shownTop - 1);
			else if (key.pageDown) scrollTo(shownTop + Math.max(1, visible - 1));
			else if (key.pageUp) scrollTo(shownTop - Math.max(1, visible - 1));
			else if (key.home || input === 'g') scrollTo(0);
			else if (key.end || input === 'G') scrollTo(maxTop);
		},
		{isActive: active && history !== undefined},
	);

	function editPrices() {
		history!.priceFile().then(
			file => {
				const edited = shell.suspend(() => editFile(file));
				setProblem(edited ? undefined : `The editor (${editorCommand()}) ended with an error; ${shortPath(file)} is as it left it.`);
				void latest.current.load();
			},
			(failure: unknown) => setProblem(message(failure)),
		);
	}

	if (!history) {
		return (
			<Box width={width} height={height} paddingX={1}>
				<Text>{error ? `ectosmith: ${sanitizeLine(error)}` : 'Loading…'}</Text>
			</Box>
		);
	}

	const footer = problem ?? (report && priceProblemLine(report));
	const more = [shownTop > 0 ? 'k/PageUp: more above' : '', shownTop < maxTop ? 'j/PageDown: more below' : ''].filter(Boolean).join(' · ');
	return (
		<Box flexDirection="column" width={width} height={height} paddingX={1} overflow="hidden">
			{report ? null : <Text dimColor>Reading the figures…</Text>}
			{rows.slice(shownTop, shownTop + visible).map((row, index) => (
				<Box key={shownTop + index} width={width - 2} height={1} overflow="hidden">
					<Text wrap="truncate-end">
						{row.length === 0
							? ' '
							: row.map((segment, part) => (
									<Text key={part} {...toneStyle(segment.tone, segment.bold)}>
										{segment.text}
									</Text>
								))}
					</Text>
				</Box>
			))}
			<Box flexGrow={1} />
			{footer ? (
				<Text {...toneStyle('error')} wrap="truncate-end">
					{sanitizeLine(footer)}
				</Text>
			) : (
				<Text dimColor wrap="truncate-end">
					{more || ' '}
				</Text>
			)}
		</Box>
	);
}
