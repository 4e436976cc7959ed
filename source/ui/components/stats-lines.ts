/**
 * The rows of the Stats screen, from a stats report: pure, so the screen only cuts a window out of
 * them. Each row is one terminal line of coloured segments. Names from the database (workflows,
 * models, tools) go through the terminal sanitizer here; figures read as `ectosmith stats` says them.
 */
import {homedir} from 'node:os';
import path from 'node:path';
import type {Stats, StatsReport} from '../../history/stats.js';
import {formatCost, formatCount, formatDuration, formatRate} from '../../history/stats-format.js';
import {type ExecutionStatus, executionStatuses} from '../../records/statuses.js';
import {fitColumns, stringWidth} from '../../terminal/columns.js';
import {sanitizeLine} from '../../terminal/sanitize.js';
import type {Tone} from '../state/lines.js';
import {STATUS_TONE} from './theme.js';

export interface Segment {
	text: string;
	tone?: Tone;
	bold?: boolean;
}

export type StatsRow = Segment[];

export interface StatsLayout {
	/** Columns for the text. */
	width: number;
	/** Rows on screen: the per-day chart takes what the other sections leave (5 to 31 days, at most `maxDays`). */
	height: number;
	/** The length of the period in days, when it has one. */
	maxDays?: number;
	/** The last day of the chart (YYYY-MM-DD, UTC): today for a period that ends now; else the last day with runs. */
	lastDay?: string;
	/** Said when there is nothing: "yet", or "in the last 7 days". */
	periodLabel: string;
}

const DAY_MS = 86_400_000;

/** A file under the home folder as ~/…, to leave room on the line for what is said about it. */
export function shortPath(file: string, home = process.env['HOME'] || homedir()): string {
	return home && file.startsWith(home + path.sep) ? `~${file.slice(home.length)}` : file;
}

/** The one line about a price table that does not load: the file, then what is wrong. */
export function priceProblemLine(report: StatsReport): string | undefined {
	return report.priceProblem === undefined ? undefined : sanitizeLine(`Prices: ${shortPath(report.pricesFile)} ${report.priceProblem}; costs show as "no price"`);
}

const heading = (text: string): StatsRow => [{text, bold: true}];
const blank: StatsRow = [];

export function statsRows(report: StatsReport, layout: StatsLayout): StatsRow[] {
	const {stats} = report;
	if (stats.executions === 0) {
		return [
			layout.periodLabel === 'all time'
				? [{text: 'No executions yet: run one from the Run screen (1), then come back here.'}]
				: [{text: `No executions in the ${layout.periodLabel}: s changes the period.`}],
		];
	}

	const after: StatsRow[] = [
		blank,
		...durationRows(stats, layout.width),
		blank,
		...tokenRows(stats, layout.width),
		blank,
		...toolRows(stats, layout.width),
		blank,
		...checkRows(stats, layout.width),
		blank,
		[{text: `Prices per million tokens: ${sanitizeLine(shortPath(report.pricesFile))} (p edits it)`, tone: 'dim'}],
	];
	// Status row, blank, chart heading and its "earlier" line around the days.
	const days = Math.min(layout.maxDays ?? 31, Math.max(5, Math.min(31, layout.height - after.length - 4)));
	return [statusRow(stats), blank, ...dayRows(stats, layout, days), ...after];
}

function statusRow(stats: Stats): StatsRow {
	const counts = new Map(stats.byStatus.map(row => [row.status, row.count]));
	const row: StatsRow = [{text: `Executions ${formatCount(stats.executions)}`, bold: true}];
	for (const status of executionStatuses) {
		const count = counts.get(status);
		if (count) row.push({text: '  '}, {text: `${status} ${formatCount(count)}`, tone: STATUS_TONE[status]});
	}

	return row;
}

interface Day {
	total: number;
	statuses: Map<ExecutionStatus, number>;
	workflows: Map<string, number>;
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Consecutive days ending at the last one, each with a bar split by status and its counts per workflow. */
function dayRows(stats: Stats, layout: StatsLayout, count: number): StatsRow[] {
	const days = new Map<string, Day>();
	for (const row of stats.byDay) {
		const day = days.get(row.day) ?? {total: 0, statuses: new Map(), workflows: new Map()};
		day.total += row.count;
		day.statuses.set(row.status, (day.statuses.get(row.status) ?? 0) + row.count);
		day.workflows.set(row.workflow, (day.workflows.get(row.workflow) ?? 0) + row.count);
		days.set(row.day, day);
	}

	const known = [...days.keys()].sort();
	const last = Date.parse(`${layout.lastDay ?? known.at(-1)!}T00:00:00Z`);
	const first = Math.max(Date.parse(`${known[0]!}T00:00:00Z`), last - (Math.max(1, count) - 1) * DAY_MS);
	const shown: string[] = [];
	for (let at = last; at >= first; at -= DAY_MS) shown.push(dayOf(at));
	const max = Math.max(1, ...shown.map(day => days.get(day)?.total ?? 0));
	const barWidth = Math.max(8, Math.min(30, Math.floor(layout.width / 4)));
	const rows: StatsRow[] = [heading('Per day (UTC), newest first')];
	for (const day of shown) {
		const figures = days.get(day);
		const row: StatsRow = [{text: `${day} `}];
		let cumulative = 0;
		let drawn = 0;
		for (const status of executionStatuses) {
			cumulative += figures?.statuses.get(status) ?? 0;
			const end = Math.ceil((cumulative / max) * barWidth);
			if (end > drawn) row.push({text: '█'.repeat(end - drawn), tone: STATUS_TONE[status]});
			drawn = Math.max(drawn, end);
		}

		const workflows = [...(figures?.workflows ?? [])]
			.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
			.map(([name, count]) => `${sanitizeLine(name)} ${formatCount(count)}`)
			.join(' · ');
		row.push({text: `${' '.repeat(barWidth - drawn)} ${fitColumns(formatCount(figures?.total ?? 0), 5, 'right')}  `}, {text: workflows, tone: 'dim'});
		rows.push(row);
	}

	const earlier = known.filter(day => day < shown.at(-1)!);
	if (earlier.length > 0) {
		const count = earlier.reduce((sum, day) => sum + days.get(day)!.total, 0);
		rows.push([{text: `and ${formatCount(count)} earlier on ${earlier.length} day${earlier.length === 1 ? '' : 's'} (${earlier[0]} to ${earlier.at(-1)})`, tone: 'dim'}]);
	}

	return rows;
}

function durationRows(stats: Stats, width: number): StatsRow[] {
	const named = width >= 120;
	const slowest = stats.durations.slowest.map(row => `#${row.id} ${formatDuration(row.durationMs)}${named ? ` ${sanitizeLine(row.workflow)}` : ''}`).join(' · ');
	return [[{text: 'Durations of finished runs', bold: true}, {text: `  median ${formatDuration(stats.durations.medianMs)}`}], [{text: `  slowest  ${slowest || '-'}`}]];
}

/**
 * A table of one or two name columns and right-aligned figures: each figure column as wide as its
 * widest cell, the names sharing what is left (each at most 40 columns).
 */
function table(width: number, header: string[], names: number, body: string[][]): string[][] {
	const all = [header, ...body];
	const widths = header.map((_, column) => Math.max(...all.map(cells => stringWidth(cells[column]!))));
	const figures = widths.slice(names).reduce((sum, cell) => sum + cell + 1, 0);
	let rest = Math.max(names * 6, width - figures - (names - 1));
	for (let column = 0; column < names; column++) {
		const left = names - column;
		widths[column] = Math.min(40, widths[column]!, left === 1 ? rest : Math.max(Math.floor(rest / left), rest - widths.slice(column + 1, names).reduce((sum, cell) => sum + cell + 1, 0)));
		rest -= widths[column]! + 1;
	}

	return all.map(cells => cells.map((cell, column) => (column < names ? `${column > 0 ? ' ' : ''}${fitColumns(cell, widths[column]!)}` : ` ${fitColumns(cell, widths[column]!, 'right')}`)));
}

/** gemini-2.5-flash rather than gemini/gemini-2.5-flash; scripted/test-model where the provider adds something. */
function modelName(provider: string, model: string): string {
	if (!model) return provider || '-';
	return !provider || model.startsWith(provider) ? model : `${provider}/${model}`;
}

function tokenRows(stats: Stats, width: number): StatsRow[] {
	const body = stats.tokens.map(row => [
		sanitizeLine(row.workflow),
		sanitizeLine(modelName(row.provider, row.model)),
		formatCount(row.executions),
		formatCount(row.promptTokens),
		formatCount(row.outputTokens),
		formatCount(row.totalTokens),
		formatCost(row.estimatedCost),
	]);
	const [header, ...lines] = table(width, ['Tokens', 'model', 'runs', 'prompt', 'output', 'total', 'cost'], 2, body);
	return [heading(header!.join('')), ...lines.map((cells, index): StatsRow => [{text: cells.join(''), ...(stats.tokens[index]!.estimatedCost === undefined ? {tone: 'dim' as const} : {})}])];
}

function toolRows(stats: Stats, width: number): StatsRow[] {
	if (stats.tools.length === 0) return [heading('Tools'), [{text: '  no tool calls', tone: 'dim'}]];
	const body = stats.tools.map(tool => [sanitizeLine(tool.name), formatCount(tool.calls), formatRate(tool.failureRate), formatDuration(tool.medianMs), formatCount(tool.declined)]);
	const [header, ...lines] = table(width, ['Tools', 'calls', 'failed', 'median', 'declined'], 1, body);
	return [
		heading(header!.join('')),
		...lines.map((cells, index): StatsRow => {
			const tool = stats.tools[index]!;
			const [name, calls, failed, median, declined] = cells as [string, string, string, string, string];
			return [{text: name + calls}, {text: failed, ...(tool.failures > 0 ? {tone: 'error' as const} : {})}, {text: median}, {text: declined, ...(tool.declined > 0 ? {tone: 'warn' as const} : {})}];
		}),
	];
}

/** Per workflow and model, how the executions' last checks came out: the share passed in green, or red below one half. */
function checkRows(stats: Stats, width: number): StatsRow[] {
	if (stats.checks.length === 0) return [heading('Checks'), [{text: '  no execution checked its project', tone: 'dim'}]];
	const body = stats.checks.map(row => [
		sanitizeLine(row.workflow),
		sanitizeLine(modelName(row.provider, row.model)),
		formatCount(row.checked),
		formatCount(row.passed),
		row.passRate === undefined ? '-' : formatRate(row.passRate),
		formatCount(row.failed),
		formatCount(row.skipped),
	]);
	const [header, ...lines] = table(width, ['Checks', 'model', 'checked', 'passed', 'share', 'failed', 'not run'], 2, body);
	return [
		heading(header!.join('')),
		...lines.map((cells, index): StatsRow => {
			const row = stats.checks[index]!;
			const [workflow, model, checked, passed, share, failed, skipped] = cells as [string, string, string, string, string, string, string];
			const tone = row.passRate === undefined ? ('dim' as const) : row.passRate >= 0.5 ? ('ok' as const) : ('error' as const);
			return [
				{text: workflow + model + checked + passed},
				{text: share, tone},
				{text: failed, ...(row.failed > 0 ? {tone: 'error' as const} : {})},
				{text: skipped, ...(row.skipped > 0 ? {tone: 'warn' as const} : {})},
			];
		}),
	];
}
