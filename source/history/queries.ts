/**
 * Read-only queries over recorded executions for the History screen and `ectosmith history`:
 * keyset pages (newest first, never all rows loaded), filters by status, workflow and project, a
 * text search over queries. Plain SQL on the indexes (start_time, status + start_time, workflow_id,
 * target_project_path, each carrying the rowid, and the trigram search index executions_search), so
 * a page costs about the same whatever the table size and however many rows a filter matches.
 * On PostgreSQL the same queries, with its spellings (times as timestamptz, ILIKE), on the same
 * indexes and the pg_trgm index over user_query, which its planner uses for the search itself.
 */
import type {MikroORM} from '@mikro-orm/core';
import type {Dialect} from '../db/database-url.js';
import {dialectOfOrm} from '../db/dialect.js';
import {executionStatuses} from '../db/entities/index.js';
import {UsageError} from '../errors.js';
import type {ExecutionStatus} from '../records/statuses.js';

export interface HistoryFilter {
	status?: ExecutionStatus[];
	workflow?: string;
	/** An absolute project path, matched exactly. */
	project?: string;
	/** Text the query contains (case-insensitive for ASCII; % _ and \ are literal). */
	search?: string;
	/** Who ran it, matched exactly (see records/run-by.ts). */
	user?: string;
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
	/** A dry run: it wrote nothing. */
	dryRun?: boolean;
	/** Who ran it and on which host (absent on executions recorded before these were). */
	userName?: string;
	hostName?: string;
}

export interface HistoryPage {
	rows: HistoryRow[];
	/** Pass back to get the next (older) page; absent on the last page. */
	next?: HistoryCursor;
	/**
	 * Set when a search too short for the index (fewer than MIN_INDEXED_SEARCH characters) looked
	 * through only this many executions, newest first: `next` goes on with the older ones.
	 */
	searchedRows?: number;
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

/** The search as one FTS5 phrase: the trigram index finds it as a substring, case folded. */
function searchPhrase(text: string): string {
	return `"${text.replaceAll('"', '""')}"`;
}

/**
 * How many of the newest rows (after the cursor) a filtered page reads in start order before it
 * turns to the indexes: a filter most rows pass fills its page within them, a rarer one is then
 * looked up by the search index or the status index among the older rows.
 */
const RECENT_WINDOW = 2000;
/** A search matching more rows than this is not worth the search index: the rows are read instead. */
const SEARCH_INDEX_CAP = 20_000;
/** Up to this many, the search index's matches are read one by one (then sorted) whatever else the filter says. */
const SEARCH_INDEX_DRIVES = 2000;
/** The trigram index finds substrings of at least this many characters; shorter ones are read row by row. */
export const MIN_INDEXED_SEARCH = 3;
/**
 * A shorter search reads at most this many rows per page (newest first), so a page costs the same
 * at any table size; a page not filled within them ends there, and says so (searchedRows).
 */
export const SHORT_SEARCH_ROWS = 10_000;

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
	dry_run: number | boolean | null;
	follow_ups: number;
	user_name: string | null;
	host_name: string | null;
}

interface Condition {
	sql: string;
	params: unknown[];
}

/** A time as the dialect stores it: SQLite epoch milliseconds, PostgreSQL a timestamptz. */
function timeParam(dialect: Dialect, ms: number): number | Date {
	return dialect === 'postgresql' ? new Date(ms) : ms;
}

/** A time column read as epoch milliseconds. */
function epochMs(dialect: Dialect, column: string): string {
	return dialect === 'postgresql' ? `(extract(epoch from ${column}) * 1000)::bigint` : column;
}

/** Rows newer than `after` (or `inclusive`: not older), newest first. */
function newerThan(dialect: Dialect, cursor: HistoryCursor, inclusive: boolean): Condition {
	const time = timeParam(dialect, cursor.startTime);
	return {
		sql: `e.start_time >= ? and (e.start_time > ? or (e.start_time = ? and e.id ${inclusive ? '>=' : '>'} ?))`,
		params: [time, time, time, cursor.id],
	};
}

function olderThan(dialect: Dialect, cursor: HistoryCursor): Condition {
	const time = timeParam(dialect, cursor.startTime);
	return {
		sql: 'e.start_time <= ? and (e.start_time < ? or (e.start_time = ? and e.id < ?))',
		params: [time, time, time, cursor.id],
	};
}

/**
 * The filter's conditions. Without `ownIndexes` no index of theirs applies (a unary + hides a
 * column from the planner): the rows are then read in start order, or from the search index's list.
 */
function filterConditions(dialect: Dialect, filter: HistoryFilter, ownIndexes: boolean): Condition[] {
	// PostgreSQL has no unary + on text, and its planner weighs the indexes by statistics instead.
	const column = (name: string) => (ownIndexes || dialect === 'postgresql' ? `e.${name}` : `+e.${name}`);
	const conditions: Condition[] = [];
	if (filter.status && filter.status.length > 0) {
		conditions.push({sql: `${column('status')} in (${filter.status.map(() => '?').join(', ')})`, params: [...filter.status]});
	}

	if (filter.workflow !== undefined) {
		conditions.push({sql: `${column('workflow_id')} = (select id from workflows where name = ?)`, params: [filter.workflow]});
	}

	if (filter.project !== undefined) conditions.push({sql: `${column('target_project_path')} = ?`, params: [filter.project]});
	if (filter.user !== undefined) conditions.push({sql: `${column('user_name')} = ?`, params: [filter.user]});
	const search = searchText(filter);
	// Always tested on the row itself: the exact LIKE semantics (ASCII case folding, % _ \ literal);
	// PostgreSQL's LIKE is case-sensitive, its ILIKE folds case (the trigram index serves both).
	if (search !== undefined) conditions.push({sql: `e.user_query ${dialect === 'postgresql' ? 'ilike' : 'like'} ? escape '\\'`, params: [likePattern(search)]});
	return conditions;
}

function searchText(filter: HistoryFilter): string | undefined {
	const text = filter.search?.trim();
	return text ? text : undefined;
}

/** One page of executions, newest first. */
export async function listExecutions(orm: MikroORM, filter: HistoryFilter = {}, page: {after?: HistoryCursor; limit?: number} = {}): Promise<HistoryPage> {
	const limit = Math.min(Math.max(1, page.limit ?? 50), MAX_PAGE);
	const connection = orm.em.getConnection();
	const dialect = dialectOfOrm(orm);
	const select = async (conditions: Condition[], count: number): Promise<RawRow[]> => {
		const sql = `select e.id, ${epochMs(dialect, 'e.start_time')} as start_time, ${epochMs(dialect, 'e.end_time')} as end_time, w.name as workflow, e.status, e.turn_count, e.provider, e.model,
				e.total_tokens, substr(e.user_query, 1, 400) as query_head, e.target_project_path, e.parent_execution_id, ${epochMs(dialect, 'e.undone_at')} as undone_at, e.dry_run, e.user_name, e.host_name,
				(select count(*) from executions c where c.parent_execution_id = e.id) as follow_ups
			from executions e join workflows w on w.id = e.workflow_id
			${conditions.length > 0 ? `where ${conditions.map(condition => condition.sql).join(' and ')}` : ''}
			order by e.start_time desc, e.id desc
			limit ?`;
		return connection.execute<RawRow[]>(sql, [...conditions.flatMap(condition => condition.params), count], 'all');
	};

	const after = page.after ? [olderThan(dialect, page.after)] : [];
	let raw: RawRow[];
	const search = searchText(filter);
	const short = search !== undefined && [...search].length < MIN_INDEXED_SEARCH;
	if (filterConditions(dialect, filter, true).length === 0) {
		raw = await select(after, limit + 1);
	} else {
		// First the newest rows in start order: where the filter passes often, the page is there.
		const [edge] = await connection.execute<Array<{start_time: number; id: number}>>(
			`select ${epochMs(dialect, 'e.start_time')} as start_time, e.id from executions e ${after.length > 0 ? `where ${after[0]!.sql}` : ''}
				order by e.start_time desc, e.id desc limit 1 offset ${(short ? SHORT_SEARCH_ROWS : RECENT_WINDOW) - 1}`,
			after.flatMap(condition => condition.params),
			'all',
		);
		const window = edge ? {startTime: Number(edge.start_time), id: edge.id} : undefined;
		raw = await select([...after, ...(window ? [newerThan(dialect, window, true)] : []), ...filterConditions(dialect, filter, false)], limit + 1);
		if (short && window && raw.length <= limit) {
			// No index finds it among the older rows: the page ends at the window, the next one goes on.
			return {rows: raw.map(toRow), next: window, searchedRows: SHORT_SEARCH_ROWS};
		}

		if (window && raw.length <= limit) {
			// The filter is rare among recent rows: look the older ones up through the indexes.
			// A short list from the search index drives alone; a longer one is left to the planner, which
			// may read a status's rows instead and test them against it.
			const searched = dialect === 'sqlite' ? await searchIndexCondition(orm, filter) : undefined;
			const drives = searched !== undefined && searched.candidates <= SEARCH_INDEX_DRIVES;
			raw.push(...(await select([olderThan(dialect, window), ...(searched ? [searched.condition] : []), ...filterConditions(dialect, filter, !drives)], limit + 1 - raw.length)));
		}
	}

	const rows = raw.slice(0, limit).map(toRow);
	const last = rows.at(-1);
	return {rows, ...(raw.length > limit && last ? {next: {startTime: last.startTime.getTime(), id: last.id}} : {})};
}

/** SQLite: restricts to the search index's candidates (and says how many) when the search is long enough and not too common. */
async function searchIndexCondition(orm: MikroORM, filter: HistoryFilter): Promise<{condition: Condition; candidates: number} | undefined> {
	const search = searchText(filter);
	if (search === undefined || [...search].length < MIN_INDEXED_SEARCH) return undefined;
	const phrase = searchPhrase(search);
	const [counted] = await orm.em
		.getConnection()
		.execute<Array<{n: number}>>('select count(*) as n from (select rowid from executions_search where executions_search match ? limit ?)', [phrase, SEARCH_INDEX_CAP], 'all');
	const candidates = Number(counted?.n ?? 0);
	if (candidates >= SEARCH_INDEX_CAP) return undefined;
	return {condition: {sql: 'e.id in (select rowid from executions_search where executions_search match ?)', params: [phrase]}, candidates};
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
		id: Number(row.id),
		startTime,
		// Never negative: a clock set back (or a record from elsewhere) may end before it starts.
		...(endTime ? {endTime, durationMs: Math.max(0, endTime.getTime() - startTime.getTime())} : {}),
		workflow: row.workflow,
		status: row.status,
		turns: row.turn_count,
		...(row.provider === null ? {} : {provider: row.provider}),
		...(row.model === null ? {} : {model: row.model}),
		totalTokens: row.total_tokens,
		queryLine: firstLine(row.query_head),
		...(row.target_project_path === null ? {} : {projectPath: row.target_project_path}),
		...(row.parent_execution_id === null ? {} : {parentExecutionId: row.parent_execution_id}),
		// PostgreSQL counts in bigint, which the driver hands over as text.
		followUps: Number(row.follow_ups),
		...(row.undone_at === null ? {} : {undoneAt: new Date(Number(row.undone_at))}),
		...(row.dry_run === true || Number(row.dry_run) === 1 ? {dryRun: true} : {}),
		...(row.user_name === null ? {} : {userName: row.user_name}),
		...(row.host_name === null ? {} : {hostName: row.host_name}),
	};
}
