/**
 * `ectosmith stats` and the Stats screen: SQL aggregates over executions and their tool calls,
 * computed in the database (never by loading rows): counts by status and by workflow per day,
 * median and slowest durations, tokens per workflow and model (with a cost estimate from the price
 * table), per tool its calls, failures, median duration and the calls the user declined, and per
 * workflow and model how the executions' last check_project result came out. The same queries on
 * SQLite and PostgreSQL, but for how each spells a day and a duration.
 */
import type {MikroORM} from '@mikro-orm/core';
import type {Dialect} from '../db/database-url.js';
import {dialectOfOrm} from '../db/dialect.js';
import type {ExecutionStatus} from '../records/statuses.js';
import {NOT_RUN_LEAD} from '../tool-results/declined.js';
import {costOf, loadPrices, PriceFileError, type PriceTable} from './prices.js';

export interface Stats {
	/** ISO date the figures start from (inclusive), when --since was given. */
	since?: string;
	executions: number;
	byStatus: Array<{status: ExecutionStatus; count: number}>;
	/** Per day (UTC) and workflow. */
	byDay: Array<{day: string; workflow: string; status: ExecutionStatus; count: number}>;
	/** Over finished executions. */
	durations: {medianMs?: number; slowest: Array<{id: number; workflow: string; durationMs: number}>};
	tokens: Array<{
		workflow: string;
		provider: string;
		model: string;
		executions: number;
		promptTokens: number;
		outputTokens: number;
		totalTokens: number;
		/** US dollars; absent when the price table has no price for the model. */
		estimatedCost?: number;
	}>;
	/**
	 * Per tool: calls (declined ones included), failures among the calls that ran (never a decline),
	 * the median of the tool's own time (not the approval's wait; declined calls left out), declines.
	 */
	tools: Array<{name: string; calls: number; failures: number; failureRate: number; medianMs?: number; declined: number}>;
	/**
	 * Per workflow and model, the executions that checked the project, by their last check's status
	 * (after any repair): passRate is passed over those whose last check ran (passed or failed).
	 */
	checks: Array<{workflow: string; provider: string; model: string; checked: number; passed: number; failed: number; skipped: number; passRate?: number}>;
}

type Row = Record<string, unknown>;

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** The dialect's spellings of what the figures need: a UTC day, a duration in milliseconds, a time parameter. */
function spellings(dialect: Dialect) {
	return dialect === 'postgresql'
		? {
				day: (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`,
				ms: (from: string, to: string) => `round(extract(epoch from (${to} - ${from})) * 1000)`,
				time: (date: Date): unknown => date,
				checkStatus: (column: string) => `(${column} -> 'structuredContent' ->> 'status')`,
				hasCheckSteps: (column: string) => `json_typeof(${column} -> 'structuredContent' -> 'steps') = 'array'`,
			}
		: {
				// SQLite keeps times as epoch milliseconds.
				day: (column: string) => `date(${column} / 1000, 'unixepoch')`,
				ms: (from: string, to: string) => `${to} - ${from}`,
				time: (date: Date): unknown => date.getTime(),
				checkStatus: (column: string) => `json_extract(${column}, '$.structuredContent.status')`,
				hasCheckSteps: (column: string) => `json_valid(${column}) and json_type(${column}, '$.structuredContent.steps') = 'array'`,
			};
}

export async function computeStats(orm: MikroORM, options: {since?: Date; prices: PriceTable}): Promise<Stats> {
	const connection = orm.em.getConnection();
	const sql = spellings(dialectOfOrm(orm));
	const params = options.since ? [sql.time(options.since)] : [];
	// Each query says where its executions' start time is; without --since every row counts.
	const since = (column: string) => (options.since ? `${column} >= ?` : '1 = 1');
	const all = async <T>(text: string): Promise<T[]> => (await connection.execute(text, params, 'all')) as unknown as T[];

	const byStatus = await all<{status: ExecutionStatus; count: number}>(`select status, count(*) as count from executions where ${since('start_time')} group by status order by count desc, status`);
	const byDay = await all<{day: string; workflow: string; status: ExecutionStatus; count: number}>(
		`select ${sql.day('e.start_time')} as day, w.name as workflow, e.status, count(*) as count
		from executions e join workflows w on w.id = e.workflow_id where ${since('e.start_time')}
		group by 1, w.name, e.status order by 1, w.name, e.status`,
	);
	const median = await all<{median: number | null}>(
		`with d as (select ${sql.ms('start_time', 'end_time')} as ms from executions where ${since('start_time')} and end_time is not null),
		ranked as (select ms, row_number() over (order by ms) as rn, count(*) over () as n from d)
		select avg(ms) as median from ranked where rn in ((n + 1) / 2, (n + 2) / 2)`,
	);
	const slowest = await all<{id: number; workflow: string; ms: number}>(
		`select e.id, w.name as workflow, ${sql.ms('e.start_time', 'e.end_time')} as ms
		from executions e join workflows w on w.id = e.workflow_id
		where ${since('e.start_time')} and e.end_time is not null order by ms desc, e.id desc limit 5`,
	);
	const tokens = await all<Row>(
		`select w.name as workflow, coalesce(e.provider, '') as provider, coalesce(e.model, '') as model, count(*) as executions,
			sum(e.prompt_tokens) as prompt, sum(e.output_tokens) as output, sum(e.total_tokens) as total
		from executions e join workflows w on w.id = e.workflow_id where ${since('e.start_time')}
		group by w.name, e.provider, e.model order by total desc, w.name, e.model`,
	);
	// A decline is answered by the engine without running the tool; its response row's approval says so.
	// It is counted apart, never as a failure, and its time (the user's) is not in the median; a call
	// the engine answered "Not run" (an earlier call of its turn failed or was declined) is no call.
	// is_error is a boolean on PostgreSQL (0/1 on SQLite): counted through a case, which both read.
	const declined = `coalesce(m.approval, '') in ('declined', 'declined_with_note')`;
	const tools = await all<Row>(
		`with t as (
			select m.function_response_name as name, case when ${declined} then null else m.duration_ms end as ms,
				case when m.is_error and not (${declined}) then 1 else 0 end as failed, case when ${declined} then 1 else 0 end as declined,
				row_number() over (partition by m.function_response_name order by case when ${declined} then 1 else 0 end, m.duration_ms) as rn,
				count(*) over (partition by m.function_response_name) as n,
				sum(case when ${declined} then 0 else 1 end) over (partition by m.function_response_name) as ran
			from messages m join executions e on e.id = m.execution_id
			where ${since('e.start_time')} and m.role = 'tool_response' and m.function_response_name is not null
				and (m.approval is not null or m.content_text is null or m.content_text not like '${NOT_RUN_LEAD}%'))
		select name, max(n) as calls, sum(failed) as failures,
			avg(case when rn in ((ran + 1) / 2, (ran + 2) / 2) then ms end) as median,
			sum(declined) as declined
		from t group by name order by calls desc, name`,
	);

	// A check result is any tool response whose structuredContent reads as one (tool-results/check-result.ts), whatever the server's name.
	const checks = await all<Row>(
		`with c as (
			select m.execution_id as id, ${sql.checkStatus('m.function_response_content')} as status,
				row_number() over (partition by m.execution_id order by m.id desc) as rn
			from messages m join executions e on e.id = m.execution_id
			where ${since('e.start_time')} and m.role = 'tool_response' and ${sql.hasCheckSteps('m.function_response_content')}
				and ${sql.checkStatus('m.function_response_content')} in ('passed', 'failed', 'skipped'))
		select w.name as workflow, coalesce(e.provider, '') as provider, coalesce(e.model, '') as model, count(*) as checked,
			sum(case when c.status = 'passed' then 1 else 0 end) as passed, sum(case when c.status = 'failed' then 1 else 0 end) as failed
		from c join executions e on e.id = c.id join workflows w on w.id = e.workflow_id
		where c.rn = 1 group by w.name, e.provider, e.model order by checked desc, w.name, e.model`,
	);

	return {
		...(options.since ? {since: options.since.toISOString()} : {}),
		executions: byStatus.reduce((sum, row) => sum + num(row.count), 0),
		byStatus: byStatus.map(row => ({status: row.status, count: num(row.count)})),
		byDay: byDay.map(row => ({day: row.day, workflow: row.workflow, status: row.status, count: num(row.count)})),
		durations: {
			...(median[0]?.median == null ? {} : {medianMs: Math.round(num(median[0].median))}),
			slowest: slowest.map(row => ({id: num(row.id), workflow: row.workflow, durationMs: num(row.ms)})),
		},
		tokens: tokens.map(row => {
			const promptTokens = num(row['prompt']);
			const outputTokens = num(row['output']);
			const cost = costOf(options.prices, String(row['model']), {promptTokens, outputTokens});
			return {
				workflow: String(row['workflow']),
				provider: String(row['provider']),
				model: String(row['model']),
				executions: num(row['executions']),
				promptTokens,
				outputTokens,
				totalTokens: num(row['total']),
				...(cost === undefined ? {} : {estimatedCost: cost}),
			};
		}),
		tools: tools.map(row => {
			const calls = num(row['calls']);
			const failures = num(row['failures']);
			const ran = calls - num(row['declined']);
			return {
				name: String(row['name']),
				calls,
				failures,
				// Of the calls that ran: a declined call neither failed nor succeeded.
				failureRate: ran === 0 ? 0 : failures / ran,
				...(row['median'] == null ? {} : {medianMs: Math.round(num(row['median']))}),
				declined: num(row['declined']),
			};
		}),
		checks: checks.map(row => {
			const checked = num(row['checked']);
			const passed = num(row['passed']);
			const failed = num(row['failed']);
			return {
				workflow: String(row['workflow']),
				provider: String(row['provider']),
				model: String(row['model']),
				checked,
				passed,
				failed,
				skipped: checked - passed - failed,
				...(passed + failed === 0 ? {} : {passRate: passed / (passed + failed)}),
			};
		}),
	};
}

/** The figures with the price table they were costed with, for the Stats screen. */
export interface StatsReport {
	stats: Stats;
	pricesFile: string;
	/** What is wrong with the price table, a phrase after its name ("is not valid JSON (…)"): no costs then. */
	priceProblem?: string;
}

/** As computeStats, but a bad price table leaves the costs out (said in priceProblem) instead of failing. */
export async function statsReport(orm: MikroORM, options: {since?: Date; pricesFile: string}): Promise<StatsReport> {
	let prices: PriceTable = {};
	let priceProblem: string | undefined;
	try {
		prices = loadPrices(options.pricesFile);
	} catch (error) {
		if (!(error instanceof PriceFileError)) throw error;
		priceProblem = error.problem;
	}

	const stats = await computeStats(orm, {...(options.since ? {since: options.since} : {}), prices});
	return {stats, pricesFile: options.pricesFile, ...(priceProblem === undefined ? {} : {priceProblem})};
}
