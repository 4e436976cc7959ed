/**
 * `ectosmith history`: past executions, newest first, one line each (or one JSON value per line
 * with --json), filtered by status, workflow, project, words of the query and who ran it.
 */
import path from 'node:path';
import {openRecords} from '../app/open-records.js';
import {UsageError} from '../errors.js';
import {ExitCode} from '../exit-codes.js';
import {type HistoryRow, listExecutions, MAX_PAGE, MIN_INDEXED_SEARCH, parseStatuses} from '../history/queries.js';
import {formatDuration} from '../history/stats-format.js';
import {sanitizeLine} from '../terminal/sanitize.js';
import type {CliFlags} from './flags.js';
import {colorStatus, wantsColor} from './records-cli.js';
import {terminalSafeJson} from './render-json.js';

export function historyLine(row: HistoryRow, color: boolean): string {
	const when = row.startTime.toISOString().slice(0, 16).replace('T', ' ');
	const chain = row.parentExecutionId === undefined ? '' : `↳#${row.parentExecutionId} `;
	const followUps = row.followUps > 0 ? ` (+${row.followUps} follow-up${row.followUps === 1 ? '' : 's'})` : '';
	const undone = `${row.dryRun ? ' [dry run]' : ''}${row.undoneAt ? ' [undone]' : ''}`;
	const status = colorStatus(row.status, color) + ' '.repeat(Math.max(0, 11 - row.status.length));
	return [
		`#${row.id}`.padEnd(7),
		when,
		status,
		formatDuration(row.durationMs).padStart(9),
		`${row.turns} turn${row.turns === 1 ? ' ' : 's'}`.padStart(8),
		`${row.totalTokens} tok`.padStart(10),
		sanitizeLine(`${row.provider ?? '?'}/${row.model ?? '?'}`),
		sanitizeLine(row.workflow),
		// Who ran it, where: one team database holds everyone's runs.
		sanitizeLine(row.userName === undefined ? '-' : `${row.userName}@${row.hostName ?? '?'}`),
		`${chain}${sanitizeLine(row.queryLine)}${followUps}${undone}`,
	].join('  ');
}

export async function historyCommand(args: string[], flags: CliFlags): Promise<number> {
	if (args.length > 0) throw new UsageError(`\`ectosmith history\` takes no arguments; filter with --status, --workflow, --project, --search or --user (got "${args[0]}").`);
	const limit = flags.limit ?? 20;
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new UsageError(`--limit must be a whole number from 1 to ${MAX_PAGE}.`);
	const filter = {
		...(flags.status === undefined ? {} : {status: parseStatuses(flags.status)}),
		...(flags.workflow === undefined ? {} : {workflow: flags.workflow}),
		...(flags.project === undefined ? {} : {project: path.resolve(flags.project)}),
		...(flags.search === undefined ? {} : {search: searchFlag(flags.search)}),
		...(flags.user === undefined ? {} : {user: flags.user}),
	};
	const records = await openRecords({...(flags.db === undefined ? {} : {db: flags.db})});
	try {
		const page = await listExecutions(records.orm, filter, {limit});
		if (flags.json) {
			for (const row of page.rows) process.stdout.write(`${terminalSafeJson(row)}\n`);
			return ExitCode.ok;
		}

		// A search too short for the index reads only the newest executions: say how far it looked.
		const shortSearch =
			page.searchedRows === undefined
				? ''
				: `among the newest ${page.searchedRows.toLocaleString('en-US')} executions (a search of fewer than ${MIN_INDEXED_SEARCH} characters reads no further; search ${MIN_INDEXED_SEARCH} or more to search them all)`;
		if (page.rows.length === 0) {
			process.stdout.write(shortSearch ? `No executions match ${shortSearch}.\n` : 'No executions match.\n');
			return ExitCode.ok;
		}

		const color = wantsColor(process.stdout);
		for (const row of page.rows) process.stdout.write(`${historyLine(row, color)}\n`);
		if (shortSearch && page.rows.length < limit) process.stdout.write(`… these are the matches ${shortSearch}.\n`);
		else if (page.next) process.stdout.write(`… more: raise --limit (at most ${MAX_PAGE}) or narrow with --status, --workflow, --project, --search, --user.\n`);
		return ExitCode.ok;
	} finally {
		await records.close();
	}
}

/** An empty --search would list everything: refused, so a search never silently means "all". */
function searchFlag(text: string): string {
	if (text.trim() === '') throw new UsageError('--search needs some text to look for in the descriptions (leave it out to list every execution).');
	return text;
}
