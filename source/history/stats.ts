/**
 * `ectosmith stats` and the Stats screen: SQL aggregates over executions and their tool calls,
 * computed in the database (never by loading rows): counts by status and by workflow per day,
 * median and slowest durations, tokens per workflow and model (with a cost estimate from the price
 * table), and per tool its calls, failures, median duration and the calls the user declined.
 */
import type {MikroORM} from '@mikro-orm/core';
import type {ExecutionStatus} from '../records/statuses.js';
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
	tools: Array<{name: string; calls: number; failures: number; failureRate: number; medianMs?: number; declined: number}>;
}

type Row = Record<string, unknown>;

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

export async function computeStats(orm: MikroORM, options: {since?: Date; prices: PriceTable}): Promise<Stats> {
	const connection = orm.em.getConnection();
	const sinceMs = options.since?.getTime() ?? Number.MIN_SAFE_INTEGER;
	const all = async <T>(sql: string): Promise<T[]> => (await connection.execute(sql, [sinceMs], 'all')) as unknown as T[];

	const byStatus = await all<{status: ExecutionStatus; count: number}>('select status, count(*) as count from executions where start_time >= ? group by status order by count desc, status');
	const byDay = await all<{day: string; workflow: string; status: ExecutionStatus; count: number}>(
		`select date(e.start_time / 1000, 'unixepoch') as day, w.name as workflow, e.status, count(*) as count
		from executions e join workflows w on w.id = e.workflow_id where e.start_time >= ?
		group by day, w.name, e.status order by day, w.name, e.status`,
	);
	const median = await all<{median: number | null}>(
		`with d as (select end_time - start_time as ms from executions where start_time >= ? and end_time is not null),
		ranked as (select ms, row_number() over (order by ms) as rn, count(*) over () as n from d)
		select avg(ms) as median from ranked where rn in ((n + 1) / 2, (n + 2) / 2)`,
	);
	const slowest = await all<{id: number; workflow: string; ms: number}>(
		`select e.id, w.name as workflow, e.end_time - e.start_time as ms
		from executions e join workflows w on w.id = e.workflow_id
		where e.start_time >= ? and e.end_time is not null order by ms desc, e.id desc limit 5`,
	);
	const tokens = await all<Row>(
		`select w.name as workflow, coalesce(e.provider, '') as provider, coalesce(e.model, '') as model, count(*) as executions,
			sum(e.prompt_tokens) as prompt, sum(e.output_tokens) as output, sum(e.total_tokens) as total
		from executions e join workflows w on w.id = e.workflow_id where e.start_time >= ?
		group by w.name, e.provider, e.model order by total desc, w.name, e.model`,
	);
	// A decline is answered by the engine without running the tool; its response row's approval says so.
	const tools = await all<Row>(
		`with t as (
			select m.function_response_name as name, m.duration_ms as ms, m.is_error as failed, m.approval as approval,
				row_number() over (partition by m.function_response_name order by m.duration_ms) as rn,
				count(*) over (partition by m.function_response_name) as n
			from messages m join executions e on e.id = m.execution_id
			where e.start_time >= ? and m.role = 'tool_response' and m.function_response_name is not null)
		select name, max(n) as calls, sum(failed) as failures,
			avg(case when rn in ((n + 1) / 2, (n + 2) / 2) then ms end) as median,
			sum(case when approval in ('declined', 'declined_with_note') then 1 else 0 end) as declined
		from t group by name order by calls desc, name`,
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
			return {
				name: String(row['name']),
				calls,
				failures,
				failureRate: calls === 0 ? 0 : failures / calls,
				...(row['median'] == null ? {} : {medianMs: Math.round(num(row['median']))}),
				declined: num(row['declined']),
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
