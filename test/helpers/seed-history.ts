/**
 * Fills a database with many executions and messages in a few bulk INSERT ... SELECT statements
 * (a recursive counter), so tests and the benchmark get thousands of rows in a second. Every value
 * follows from the row number, so a test can compute what a query must return. On SQLite and
 * PostgreSQL alike: the few spellings that differ (times, a newline, booleans, JSON) are chosen by dialect.
 */
import type {MikroORM} from '@mikro-orm/core';
import {dialectOfOrm} from '../../source/db/dialect.js';

export const SEED_STATUSES = ['COMPLETED', 'FAILED', 'CANCELLED', 'INTERRUPTED'] as const;
export const SEED_BASE_TIME = Date.UTC(2026, 0, 1);
/** Execution n (1-based) starts n minutes after the base time; several share a minute every 7th. */
export const seedStartTime = (n: number) => SEED_BASE_TIME + Math.floor(n - (n % 7 === 0 ? 1 : 0)) * 60_000;
export const seedStatus = (n: number) => SEED_STATUSES[n % SEED_STATUSES.length]!;
/** Every 10th query mentions invoices; every other one is a multi-line description. */
export const seedQuery = (n: number) => (n % 10 === 0 ? `Billing.Invoice invoices number:string #${n}` : `Blog.Post posts title:string #${n}`);

export interface SeedOptions {
	executions: number;
	messagesPerExecution: number;
	/** Workflow ids to spread the executions over (round robin); default the first workflow. */
	workflowIds?: number[];
	projects?: string[];
}

/** Inserts the rows (two INSERT ... SELECT statements, each atomic); returns the id of the first execution inserted. */
export async function seedHistory(orm: MikroORM, options: SeedOptions): Promise<number> {
	const connection = orm.em.getConnection();
	const postgres = dialectOfOrm(orm) === 'postgresql';
	// SQLite keeps times as epoch milliseconds; PostgreSQL as timestamptz.
	const time = (ms: string) => (postgres ? `to_timestamp((${ms}) / 1000.0)` : ms);
	const json = (text: string) => (postgres ? `${text}::json` : text);
	const workflows = options.workflowIds ?? [(await connection.execute<Array<{id: number}>>('select min(id) as id from workflows', [], 'all'))[0]!.id];
	const projects = options.projects ?? ['/work/app_a', '/work/app_b'];
	const first = Number((await connection.execute<Array<{n: number | null}>>('select max(id) as n from executions', [], 'all'))[0]!.n ?? 0) + 1;
	const caseOf = (values: Array<string | number>, expression: string) =>
		`case ${expression} ${values.map((value, index) => `when ${index} then ${typeof value === 'number' ? value : `'${value.replaceAll("'", "''")}'`}`).join(' ')} end`;
	await connection.execute(
		`with recursive counter(n) as (select 1 union all select n + 1 from counter where n < ?)
			insert into executions (id, workflow_id, user_query, status, start_time, end_time, target_project_path, provider, model,
				prompt_tokens, output_tokens, total_tokens, turn_count, max_turns)
			select ? + n - 1, ${caseOf(workflows, `n % ${workflows.length}`)},
				case when n % 10 = 0 then 'Billing.Invoice invoices number:string #' || n else 'Blog.Post posts title:string #' || n end
					|| case when n % 2 = 0 then ${postgres ? 'chr' : 'char'}(10) || 'second line' else '' end,
				${caseOf([...SEED_STATUSES], `n % ${SEED_STATUSES.length}`)},
				${time(`${SEED_BASE_TIME} + (n - case when n % 7 = 0 then 1 else 0 end) * 60000`)},
				${time(`${SEED_BASE_TIME} + (n - case when n % 7 = 0 then 1 else 0 end) * 60000 + 1000 + (n % 100) * 10`)},
				${caseOf(projects, `n % ${projects.length}`)}, 'scripted', 'test-model',
				n % 50, n % 5, n % 50 + n % 5, 3, 10
			from counter`,
		[options.executions, first],
		'run',
	);
	// The ids were given: PostgreSQL's sequence must move past them for the next insert.
	if (postgres) await connection.execute("select setval(pg_get_serial_sequence('executions', 'id'), (select max(id) from executions))", [], 'run');
	if (options.messagesPerExecution > 0) {
		await connection.execute(
			`with recursive m(k) as (select 0 union all select k + 1 from m where k < ? - 1)
				insert into messages (execution_id, turn_number, role, content_text, function_call_name, function_call_args,
					function_response_name, function_response_content, timestamp, duration_ms, is_error)
				select e.id, 1 + m.k / 4,
					case m.k % 4 when 0 then 'model' when 1 then 'tool_request' when 2 then 'tool_response' else 'model' end,
					case m.k % 4 when 2 then 'result ' || m.k else 'text ' || m.k end,
					case m.k % 4 when 1 then 'generate_schema' end,
					${json(`case m.k % 4 when 1 then '{"schema":"Blog.Post"}' end`)},
					case m.k % 4 when 2 then 'generate_schema' end,
					${json(`case m.k % 4 when 2 then '{"text":"result ' || m.k || '"}' end`)},
					${postgres ? "e.start_time + m.k * interval '1 millisecond'" : 'e.start_time + m.k'}, case m.k % 4 when 2 then 10 + e.id % 7 else 5 end,
					${postgres ? 'm.k % 4 = 2 and e.id % 3 = 0' : 'case when m.k % 4 = 2 and e.id % 3 = 0 then 1 else 0 end'}
				from executions e, m where e.id >= ?
				order by e.id, m.k`,
			[options.messagesPerExecution, first],
			'run',
		);
	}

	return first;
}

/** Adds a check_project response to an execution (after its other messages): a result of this status, as the check server returns it. */
export async function seedCheck(orm: MikroORM, executionId: number, status: 'passed' | 'failed' | 'skipped'): Promise<void> {
	const step = {
		step: 'compile',
		status,
		duration_ms: 1200,
		errors: status === 'failed' ? [{file: 'lib/x.ex', line: 3, message: 'undefined function y/0'}] : [],
		...(status === 'skipped' ? {reason: 'no database'} : {}),
	};
	const content = {text: `check ${status}`, structuredContent: {status, summary: `Checks ${status}.`, steps: [step]}};
	await orm.em.getConnection().execute(
		`insert into messages (execution_id, turn_number, role, content_text, function_response_name, function_response_content, timestamp, duration_ms, is_error)
			select ?, 9, 'tool_response', ?, 'check_project', ?, start_time + 100, 1200, 0 from executions where id = ?`,
		[executionId, `check ${status}`, JSON.stringify(content), executionId],
		'run',
	);
}
