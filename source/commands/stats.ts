/** `ectosmith stats [--since DATE] [--json]`: SQL aggregates over the record. */
import {openRecords} from '../app/open-records.js';
import {UsageError} from '../errors.js';
import {ExitCode} from '../exit-codes.js';
import {loadPrices, pricesPath} from '../history/prices.js';
import {computeStats, type Stats} from '../history/stats.js';
import {formatCost, formatCount, formatDuration, formatRate} from '../history/stats-format.js';
import {padColumns} from '../terminal/columns.js';
import {sanitizeLine} from '../terminal/sanitize.js';
import type {CliFlags} from './flags.js';
import {terminalSafeJson} from './render-json.js';

/** 2026-11-01, or a full ISO date-time; a bad one is a UsageError. */
export function parseSince(text: string): Date {
	const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(text);
	if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) {
		throw new UsageError(`--since needs a date such as 2026-11-01 (UTC) or 2026-11-01T09:00:00Z, got "${text}".`);
	}

	return date;
}

export function statsText(stats: Stats, pricesFile: string): string {
	const lines: string[] = [];
	lines.push(`Executions${stats.since ? ` since ${stats.since}` : ''}: ${stats.executions}`);
	for (const row of stats.byStatus) lines.push(`  ${row.status.padEnd(12)} ${row.count}`);
	lines.push('', `Durations: median ${formatDuration(stats.durations.medianMs)}; slowest:`);
	for (const row of stats.durations.slowest) lines.push(`  #${row.id} ${sanitizeLine(row.workflow)} ${formatDuration(row.durationMs)}`);
	lines.push('', 'Per day and workflow:');
	for (const row of stats.byDay) lines.push(`  ${row.day}  ${sanitizeLine(row.workflow)}  ${row.status}  ${row.count}`);
	lines.push('', 'Tokens per workflow and model (prompt / output / total, estimated cost):');
	for (const row of stats.tokens) {
		const tokens = [row.promptTokens, row.outputTokens, row.totalTokens].map(formatCount).join(' / ');
		lines.push(`  ${sanitizeLine(row.workflow)}  ${sanitizeLine(`${row.provider}/${row.model}`)}  ${row.executions} runs  ${tokens}  ${formatCost(row.estimatedCost)}`);
	}

	lines.push(`  (prices per million tokens: ${pricesFile}, edit it to change them)`, '', 'Tools (calls, failure rate, median duration, declined by the user):');
	for (const row of stats.tools) {
		lines.push(
			`  ${padColumns(sanitizeLine(row.name), 32)} ${formatCount(row.calls).padStart(6)}  ${formatRate(row.failureRate).padStart(6)}  ${formatDuration(row.medianMs).padStart(9)}  ${row.declined} declined`,
		);
	}

	lines.push('', 'Checks per workflow and model (the last check of each execution; passed of those that ran):');
	if (stats.checks.length === 0) lines.push('  no execution checked its project');
	for (const row of stats.checks) {
		const share = row.passRate === undefined ? '-' : formatRate(row.passRate);
		lines.push(
			`  ${sanitizeLine(row.workflow)}  ${sanitizeLine(`${row.provider}/${row.model}`)}  ${row.checked} checked  ${row.passed} passed (${share})  ${row.failed} failed  ${row.skipped} could not run`,
		);
	}

	return `${lines.join('\n')}\n`;
}

export async function statsCommand(args: string[], flags: CliFlags): Promise<number> {
	if (args.length > 0) throw new UsageError(`\`ectosmith stats\` takes no arguments (got "${args[0]}"); use --since DATE.`);
	const since = flags.since === undefined ? undefined : parseSince(flags.since);
	const pricesFile = pricesPath();
	const prices = loadPrices(pricesFile);
	const records = await openRecords({...(flags.db === undefined ? {} : {db: flags.db})});
	try {
		const stats = await computeStats(records.orm, {...(since ? {since} : {}), prices});
		process.stdout.write(flags.json ? `${terminalSafeJson(stats)}\n` : statsText(stats, pricesFile));
		return ExitCode.ok;
	} finally {
		await records.close();
	}
}
