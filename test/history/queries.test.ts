/** History pages and stats on a real SQLite file seeded with thousands of executions; stats on PostgreSQL too. */
import test from 'ava';
import {migrationsList} from '../../migrations/sqlite/index.js';
import {Workflow} from '../../source/db/entities/index.js';
import {migratorOf, openDatabase} from '../../source/db/orm.js';
import {UsageError} from '../../source/errors.js';
import {DEFAULT_PRICES} from '../../source/history/prices.js';
import {type HistoryRow, listExecutions, parseStatuses, SHORT_SEARCH_ROWS} from '../../source/history/queries.js';
import {computeStats} from '../../source/history/stats.js';
import {seedCheck, seedHistory, seedQuery, seedStartTime, seedStatus} from '../helpers/seed-history.js';
import {eachDialect, openTempDatabase, tempDbPath} from '../helpers/temp-db.js';

const EXECUTIONS = 3000;
const MESSAGES = 200;

/** What the seed wrote for execution n, newest first as history orders it. */
function expected(filter: (n: number) => boolean): number[] {
	const ids = Array.from({length: EXECUTIONS}, (_, index) => index + 1).filter(filter);
	return ids.sort((a, b) => seedStartTime(b) - seedStartTime(a) || b - a);
}

async function allPages(load: (after?: {startTime: number; id: number}) => Promise<{rows: HistoryRow[]; next?: {startTime: number; id: number}}>): Promise<HistoryRow[]> {
	const rows: HistoryRow[] = [];
	let after: {startTime: number; id: number} | undefined;
	do {
		const page = await load(after);
		rows.push(...page.rows);
		after = page.next;
	} while (after);
	return rows;
}

test('keyset pages walk every execution newest first, ties on start time by id, each row with its figures', async t => {
	const orm = await openTempDatabase(t, {seed: false});
	await orm.em
		.getConnection()
		.execute("insert into workflows (id, name, llm_model, initial_prompt_template, created_at, updated_at) values (1, 'w1', 'm', 't', 0, 0), (2, 'w2', 'm', 't', 0, 0)", [], 'run');
	await seedHistory(orm, {executions: EXECUTIONS, messagesPerExecution: MESSAGES, workflowIds: [1, 2]});
	t.is(Number((await orm.em.getConnection().execute<Array<{n: number}>>('select count(*) as n from messages', [], 'all'))[0]!.n), EXECUTIONS * MESSAGES);

	const first = await listExecutions(orm, {}, {limit: 50});
	t.is(first.rows.length, 50);
	t.deepEqual(
		first.rows.map(row => row.id),
		expected(() => true).slice(0, 50),
	);
	const row = first.rows.find(candidate => candidate.id === 2990)!;
	t.like(row, {status: seedStatus(2990), workflow: 'w1', turns: 3, totalTokens: (2990 % 50) + (2990 % 5), provider: 'scripted', model: 'test-model', projectPath: '/work/app_a'});
	t.is(row.queryLine, seedQuery(2990));
	t.is(row.durationMs, 1000 + (2990 % 100) * 10);

	const everything = await allPages(after => listExecutions(orm, {}, {limit: 173, ...(after ? {after} : {})}));
	t.deepEqual(
		everything.map(candidate => candidate.id),
		expected(() => true),
	);

	// Filters combine; search is a substring of the query.
	const failedW2 = await allPages(after => listExecutions(orm, {status: ['FAILED'], workflow: 'w2'}, {limit: 40, ...(after ? {after} : {})}));
	t.deepEqual(
		failedW2.map(candidate => candidate.id),
		expected(n => seedStatus(n) === 'FAILED' && n % 2 === 1),
	);
	const postsB = await allPages(after => listExecutions(orm, {search: '#12', project: '/work/app_b'}, {limit: 25, ...(after ? {after} : {})}));
	t.deepEqual(
		postsB.map(candidate => candidate.id),
		expected(n => String(n).startsWith('12') && n % 2 === 1),
	);
	const invoicesA = await listExecutions(orm, {search: 'INVOICES number', project: '/work/app_a', status: ['COMPLETED', 'CANCELLED']}, {limit: 500});
	t.deepEqual(
		invoicesA.rows.map(candidate => candidate.id),
		expected(n => n % 10 === 0 && ['COMPLETED', 'CANCELLED'].includes(seedStatus(n))),
	);
	// LIKE wildcards in the search are literal.
	t.deepEqual((await listExecutions(orm, {search: '%'}, {limit: 5})).rows, []);
	t.deepEqual((await listExecutions(orm, {workflow: 'nope'}, {limit: 5})).rows, []);
});

eachDialect('stats are SQL aggregates matching the seeded figures', async (t, dialect) => {
	const orm = await openTempDatabase(t, {seed: false, dialect});
	const em = orm.em.fork();
	const workflow = em.create(Workflow, {name: 'w1', llmModel: 'm', initialPromptTemplate: 't'});
	await em.flush();
	const count = 1000;
	await seedHistory(orm, {executions: count, messagesPerExecution: 8, workflowIds: [workflow.id]});
	// Three executions check the project; the first's last check passes after a failed one.
	for (const [id, status] of [
		[1, 'failed'],
		[1, 'passed'],
		[2, 'failed'],
		[3, 'skipped'],
	] as const)
		await seedCheck(orm, id, status);
	const stats = await computeStats(orm, {prices: {...DEFAULT_PRICES, 'test-model': {input: 1, output: 2}}});
	t.deepEqual(stats.checks, [{workflow: 'w1', provider: 'scripted', model: 'test-model', checked: 3, passed: 1, failed: 1, skipped: 1, passRate: 0.5}]);

	t.is(stats.executions, count);
	t.deepEqual(
		stats.byStatus.map(row => [row.status, row.count]).sort(),
		(['COMPLETED', 'FAILED', 'CANCELLED', 'INTERRUPTED'] as const).map(status => [status, Array.from({length: count}, (_, i) => i + 1).filter(n => seedStatus(n) === status).length]).sort(),
	);
	const durations = Array.from({length: count}, (_, i) => 1000 + ((i + 1) % 100) * 10).sort((a, b) => a - b);
	t.is(stats.durations.medianMs, Math.round((durations[count / 2 - 1]! + durations[count / 2]!) / 2));
	t.is(stats.durations.slowest[0]!.durationMs, 1990);
	const prompt = Array.from({length: count}, (_, i) => (i + 1) % 50).reduce((a, b) => a + b, 0);
	const output = Array.from({length: count}, (_, i) => (i + 1) % 5).reduce((a, b) => a + b, 0);
	t.like(stats.tokens[0], {workflow: 'w1', model: 'test-model', executions: count, promptTokens: prompt, outputTokens: output});
	t.is(stats.tokens[0]!.estimatedCost, (prompt * 1 + output * 2) / 1_000_000);
	// Two tool calls per execution (message 2 and 6 of 8), failing in every third execution.
	const tool = stats.tools.find(candidate => candidate.name === 'generate_schema')!;
	t.is(tool.calls, count * 2);
	t.is(tool.failures, Math.floor(count / 3) * 2);
	t.is(tool.declined, 0);
	t.is(
		stats.byDay.reduce((sum, row) => sum + row.count, 0),
		count,
	);
	// 1000 minutes from midnight UTC: all on the seed's first day.
	t.deepEqual([...new Set(stats.byDay.map(row => row.day))], ['2026-01-01']);
	t.like(stats.durations.slowest[0], {id: 999, workflow: 'w1'});

	const since = await computeStats(orm, {since: new Date(seedStartTime(901)), prices: DEFAULT_PRICES});
	t.is(since.executions, 100);
});

test('statuses are checked and named', t => {
	t.deepEqual(parseStatuses('failed, Completed'), ['FAILED', 'COMPLETED']);
	const error = t.throws(() => parseStatuses('done'), {instanceOf: UsageError});
	t.regex(error!.message, /Unknown status "done".*COMPLETED, FAILED/);
});

/** Every page of a filter, walked with the given page size. */
async function walk(orm: Parameters<typeof listExecutions>[0], filter: Parameters<typeof listExecutions>[1], limit: number): Promise<number[]> {
	return (await allPages(after => listExecutions(orm, filter, {limit, ...(after ? {after} : {})}))).map(row => row.id);
}

test('search finds what a scan of every row finds, whatever its match rate, through the search index kept in step by inserts, updates and deletes', async t => {
	const orm = await openTempDatabase(t, {seed: false});
	const connection = orm.em.getConnection();
	await connection.execute("insert into workflows (id, name, llm_model, initial_prompt_template, created_at, updated_at) values (1, 'w1', 'm', 't', 0, 0)", [], 'run');
	// More rows than the search index is worth for a common word, so every way a page is found runs.
	const count = 26_000;
	await seedHistory(orm, {executions: count, messagesPerExecution: 0, workflowIds: [1]});
	// Old rows rewritten (the update trigger): a word common overall that no recent row has.
	await connection.execute("update executions set user_query = 'Old Report #' || id where id <= 21000", [], 'run');
	await connection.execute('update executions set user_query = \'Path C:\\tmp 100%_done "quoted" Ünïcode\' where id in (5, 25990)', [], 'run');
	await connection.execute('delete from executions where id between 25991 and 25999', [], 'run');

	const all = await connection.execute<Array<{id: number; start_time: number; user_query: string; status: string}>>('select id, start_time, user_query, status from executions', [], 'all');
	// The contract: a substring, ASCII case folded, nothing special about % _ \ or quotes.
	const scan = (search: string, statuses?: string[]) =>
		all
			.filter(row => row.user_query.replace(/[A-Z]/g, char => char.toLowerCase()).includes(search.replace(/[A-Z]/g, char => char.toLowerCase())))
			.filter(row => !statuses || statuses.includes(row.status))
			.sort((a, b) => Number(b.start_time) - Number(a.start_time) || b.id - a.id)
			.map(row => row.id);

	const cases: Array<[string, string[]?]> = [
		['OLD report'], // common, only in old rows
		['old REPORT', ['FAILED']],
		['invoices'], // common among recent rows, absent from old ones
		['invoices', ['COMPLETED']],
		['invoices', ['FAILED']], // two common filters that never meet
		['#2500'], // rare
		['#2500', ['INTERRUPTED', 'CANCELLED']],
		['nothing like it'],
		['nothing like it', ['COMPLETED']],
		['#1'], // shorter than the index's trigrams... and common
		['t:'],
		['%_d'],
		['C:\\tmp'],
		['"quoted"'],
		['ünï'], // not ASCII: matched as written only
		['second line'], // more matches than the search index reads alone: the planner may use the status index
		['second line', ['COMPLETED']],
		['second line', ['FAILED']], // never meet
	];
	for (const [search, status] of cases) {
		const filter = {search, ...(status ? {status: status as Array<'FAILED'>} : {})};
		const expected = scan(search, status);
		t.deepEqual(await walk(orm, filter, 500), expected, `${search} ${status?.join(',') ?? ''}`);
		t.deepEqual(
			(await listExecutions(orm, filter, {limit: 50})).rows.map(row => row.id),
			expected.slice(0, 50),
			`${search} ${status?.join(',') ?? ''}, first page`,
		);
	}

	// Too short for the index, rare, the older match beyond the rows a short search reads per page:
	// the first page ends at them and says so; the pages after find the rest.
	const first = await listExecutions(orm, {search: 'c:'}, {limit: 50});
	t.deepEqual(
		first.rows.map(row => row.id),
		[25990],
	);
	t.is(first.searchedRows, SHORT_SEARCH_ROWS);
	t.truthy(first.next);
	t.deepEqual(await walk(orm, {search: 'c:'}, 50), [25990, 5]);
	t.is((await listExecutions(orm, {search: 'c:'}, {limit: 50, after: first.next!})).searchedRows, SHORT_SEARCH_ROWS);
	// A long enough search is not cut short.
	t.is((await listExecutions(orm, {search: 'c:\\t'}, {limit: 50})).searchedRows, undefined);
	t.true(scan('#2599').length > 0);
	t.false(scan('#2599').some(id => id >= 25991 && id <= 25999));
	t.deepEqual(scan('"quoted"'), [25990, 5]);
});

test('the migration fills the search index for executions recorded before it', async t => {
	const orm = await openDatabase({dbPath: tempDbPath(t), migrate: false, seed: false});
	t.teardown(async () => orm.close(true));
	const connection = orm.em.getConnection();
	const migrator = await migratorOf(orm);
	const names = migrationsList.map(migration => migration.name);
	await migrator.up({to: names[names.findIndex(name => name.endsWith('_history_search_index')) - 1]});
	t.deepEqual(await connection.execute<unknown[]>("select name from sqlite_master where name like 'executions_search%'", [], 'all'), []);
	await connection.execute("insert into workflows (id, name, llm_model, initial_prompt_template, created_at, updated_at) values (1, 'w1', 'm', 't', 0, 0)", [], 'run');
	await seedHistory(orm, {executions: 3000, messagesPerExecution: 0, workflowIds: [1]});
	await migrator.up();
	// #12 and #120..#129 are older than the newest 2000 rows: found through the index.
	t.deepEqual(
		await walk(orm, {search: '#12'}, 50),
		expected(n => String(n).startsWith('12')),
	);
});
