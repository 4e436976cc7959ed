/** `ectosmith stats` through the real CLI on a seeded record: the figures read as the Stats screen says them. */
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {openDatabase} from '../../source/db/orm.js';
import {DECLINED_TEXT, notRunText} from '../../source/tool-results/declined.js';
import {seedCheck, seedHistory} from '../helpers/seed-history.js';
import {tempDir} from '../helpers/temp-dir.js';
import {cliEnv, runCli, seededDb} from './_cli.js';

test('stats prints counts, durations, costs and tool figures; a bad price table is one line naming it', async t => {
	t.timeout(120_000);
	const db = await seededDb(t);
	const orm = await openDatabase({dbPath: db, seed: false});
	// 40 executions of 1.01 to 1.4 s, tokens n % 50 and n % 5, two tool calls each (failing in every third).
	const first = await seedHistory(orm, {executions: 40, messagesPerExecution: 8});
	// Four executions check the project; the second fails, then passes after its repair: the last check counts.
	for (const [n, status] of [
		[0, 'passed'],
		[1, 'failed'],
		[1, 'passed'],
		[2, 'failed'],
		[3, 'skipped'],
	] as const)
		await seedCheck(orm, first + n, status);
	// Two calls declined (answered as the engine answers a decline) and one answered "Not run", in
	// executions whose calls do not fail: a decline is no failure, and a call not run is no call.
	const connection = orm.em.getConnection();
	const calm = 'select id from executions where id % 3 <> 0 order by id';
	await connection.execute(
		`update messages set approval = 'declined', is_error = 1, content_text = '${DECLINED_TEXT}' where id in (select min(id) from messages where function_response_name = 'generate_schema' and execution_id in (${calm} limit 2) group by execution_id)`,
		[],
		'run',
	);
	await connection.execute(
		`update messages set is_error = 1, content_text = '${notRunText('generate_schema')}' where id = (select max(id) from messages where function_response_name = 'generate_schema' and execution_id = (${calm} limit 1 offset 2))`,
		[],
		'run',
	);
	await orm.close(true);
	const folder = tempDir(t);
	const prices = path.join(folder, 'prices.json');
	writeFileSync(prices, '{"test-model": {"input": 1000, "output": 2000}}');
	const env = cliEnv(folder, {ECTOSMITH_PRICES: prices});

	const text = await runCli(['stats', '--db', db], {env});
	t.is(text.code, 0, text.stderr);
	t.regex(text.stdout, /^Executions: 40$/m);
	t.regex(text.stdout, /^ {2}COMPLETED +10$/m);
	t.regex(text.stdout, /Durations: median 1\.2 s; slowest:\n {2}#40 \S+ 1\.4 s/);
	// Prompt: the sum of n % 50 for n = 1..40 (820); output: of n % 5 (80); 820 * 1000 + 80 * 2000 dollars per million.
	t.regex(text.stdout, /scripted\/test-model {2}40 runs {2}820 \/ 80 \/ 900 {2}\$0\.9800/);
	// 26 failures of the 77 calls that ran (79 calls, 2 of them declined; the one not run is no call).
	t.regex(text.stdout, /generate_schema +79 +33\.8% +13 ms {2}2 declined/);
	t.regex(text.stdout, /^Checks per workflow and model .*\n {2}\S+ {2}scripted\/test-model {2}4 checked {2}2 passed \(66\.7%\) {2}1 failed {2}1 could not run$/m);
	const json = await runCli(['stats', '--db', db, '--json'], {env});
	t.is(json.code, 0, json.stderr);
	const parsed = JSON.parse(json.stdout) as {checks: unknown[]; tools: Array<{name: string}>};
	t.like(parsed.checks[0], {provider: 'scripted', model: 'test-model', checked: 4, passed: 2, failed: 1, skipped: 1});
	t.like(
		parsed.tools.find(tool => tool.name === 'generate_schema'),
		{calls: 79, failures: 26, declined: 2, medianMs: 13},
	);

	writeFileSync(prices, '[1, 2]');
	const bad = await runCli(['stats', '--db', db], {env});
	t.not(bad.code, 0);
	t.is(bad.stdout, '');
	t.is(bad.stderr.trim().split('\n').length, 1, bad.stderr);
	t.true(bad.stderr.includes(`The price table ${prices} is not a JSON object of model names`), bad.stderr);
});
