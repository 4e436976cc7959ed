/**
 * Read-only queries over recorded executions for the History screen and `ectosmith history`:
 * keyset pages (newest first, never all rows loaded), filters by status, workflow and project, a
 * text search over queries. Plain SQL on the indexes (start_time, status, workflow_id,
 * target_project_path, each carrying the rowid), so a page costs the same whatever the table size.
 */
import type {MikroORM} from '@mikro-orm/core';
import type {ExecutionStatus} from '../engine/events.js';
import {executionStatuses} from '../db/entities/index.js';
import {UsageError} from '../errors.js';

export interface HistoryFilter {
	status?: ExecutionStatus[];
	workflow?: string;
	/** An absolute project path, matched exactly. */
	project?: string;
	/** Words that must appear in the query, in order (case-insensitive for ASCII). */
	search?: string;
}

/** Where a page starts: after this row of the previous page (newest first). */
export interface HistoryCursor {
	startTime: number;
	id: number;
}

export interface HistoryRow {
	id: number;
	startTime: Date;
	endTime?: Date;
	workflow: string;
	status: ExecutionStatus;
	durationMs?: number;
	turns: number;
	provider?: string;
	model?: string;
	totalTokens: number;
	/** The first line of the user's query (at most 200 characters). */
	queryLine: string;
	projectPath?: string;
	parentExecutionId?: number;
	/** How many executions continue this one. */
	followUps: number;
	undoneAt?: Date;
}

export interface HistoryPage {
	rows: HistoryRow[];
	/** Pass back to get the next (older) page; absent on the last page. */
	next?: HistoryCursor;
}

export const MAX_PAGE = 500;

/** Checks a status list typed by a user (any case); a bad one is a UsageError naming the valid ones. */
export function parseStatuses(text: string): ExecutionStatus[] {
	return text.split(',').map(part => {
		const status = part.trim().toUpperCase();
		if (!(executionStatuses as readonly string[]).includes(status)) {
			throw new UsageError(`Unknown status "${part.trim()}". Use one or more of: ${executionStatuses.join(', ')} (comma separated).`);
		}

		return status as ExecutionStatus;
	});
}

function likePattern(text: string): string {
	return `%${text.replace(/[\\%_]/g, char => `\\${char}`)}%`;
}

interface RawRow {
	id: number;
	start_time: number;
	end_time: number | null;
	workflow: string;
	status: ExecutionStatus;
	turn_count: number;
	provider: string | null;
	model: string | null;
	total_tokens: number;
	query_head: string;
	target_project_path: string | null;
	parent_execution_id: number | null;
	undone_at: number | null;
	follow_ups: number;
}

/** One page of executions, newest first. */
export async function listExecutions(
	orm: MikroORM,
	filter: HistoryFilter = {},
	page: {after?: HistoryCursor; limit?: number} = {},
): Promise<HistoryPage> {
	const limit = Math.min(Math.max(1, page.limit ?? 50), MAX_PAGE);
	const where: string[] = [];
	const params: unknown[] = [];
	if (page.after) {
		where.push('(e.start_time < ? or (e.start_time = ? and e.id < ?))');
		params.push(page.after.startTime, page.after.startTime, page.after.id);
	}

	if (filter.status && filter.status.length > 0) {
		where.push(`e.status in (${filter.status.map(() => '?').join(', ')})`);
		params.push(...filter.status);
	}

	if (filter.workflow !== undefined) {
		where.push('e.workflow_id = (select id from workflows where name = ?)');
		params.push(filter.workflow);
	}

	if (filter.project !== undefined) {
		where.push('e.target_project_path = ?');
		params.push(filter.project);
	}

	if (filter.search !== undefined && filter.search.trim() !== '') {
		where.push("e.user_query like ? escape '\\'");
		params.push(likePattern(filter.search.trim()));
	}

	const sql = `select e.id, e.start_time, e.end_time, w.name as workflow, e.status, e.turn_count, e.provider, e.model,
			e.total_tokens, substr(e.user_query, 1, 400) as query_head, e.target_project_path, e.parent_execution_id, e.undone_at,
			(select count(*) from executions c where c.parent_execution_id = e.id) as follow_ups
		from executions e join workflows w on w.id = e.workflow_id
		${where.length > 0 ? `where ${where.join(' and ')}` : ''}
		order by e.start_time desc, e.id desc
		limit ?`;
	params.push(limit + 1);
	const raw = await orm.em.getConnection().execute<RawRow[]>(sql, params, 'all');
	const rows = raw.slice(0, limit).map(toRow);
	const last = rows.at(-1);
	return {rows, ...(raw.length > limit && last ? {next: {startTime: last.startTime.getTime(), id: last.id}} : {})};
}

/** The first non-empty line, at most 200 characters. */
export function firstLine(text: string): string {
	const line = text.split('\n').find(candidate => candidate.trim() !== '') ?? '';
	return line.trim().slice(0, 200);
}

function toRow(row: RawRow): HistoryRow {
	const startTime = new Date(Number(row.start_time));
	const endTime = row.end_time === null ? undefined : new Date(Number(row.end_time));
	return {
		id: row.id,
		startTime,
		...(endTime ? {endTime, durationMs: endTime.getTime() - startTime.getTime()} : {}),
		workflow: row.workflow,
		status: row.status,
		turns: row.turn_count,
		...(row.provider === null ? {} : {provider: row.provider}),
		...(row.model === null ? {} : {model: row.model}),
		totalTokens: row.total_tokens,
		queryLine: firstLine(row.query_head),
		...(row.target_project_path === null ? {} : {projectPath: row.target_project_path}),
		...(row.parent_execution_id === null ? {} : {parentExecutionId: row.parent_execution_id}),
		followUps: row.follow_ups,
		...(row.undone_at === null ? {} : {undoneAt: new Date(Number(row.undone_at))}),
	};
}
