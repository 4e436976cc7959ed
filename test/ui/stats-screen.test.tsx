import {chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {MikroORM} from '@mikro-orm/core';
import test, {type ExecutionContext} from 'ava';
import React from 'react';
import {createHistoryServices} from '../../source/app/history-services.js';
import {DEFAULT_PRICES} from '../../source/history/prices.js';
import {Recorder} from '../../source/records/recorder.js';
import {stringWidth} from '../../source/terminal/columns.js';
import {App} from '../../source/ui/app.js';
import {statsRows} from '../../source/ui/components/stats-lines.js';
import {SCREENS} from '../../source/ui/screens/index.js';
import type {UiServices} from '../../source/ui/services.js';
import {seedCheck, seedHistory} from '../helpers/seed-history.js';
import {openTempDatabase} from '../helpers/temp-db.js';
import {tempDir} from '../helpers/temp-dir.js';
import {render} from './_frames.js';
import {until} from './_ui.js';

const DAY = 86_400_000;
/** A workflow name with an escape sequence: it must reach the screen made visible, not obeyed. */
const HOSTILE = 'shop\u001B[2Jgen';

/**
 * Sixteen executions, four per age (now, 3, 20 and 100 days ago): execution n lasts n seconds, has
 * n*1000 prompt and n*100 output tokens, runs gemini-2.5-flash when even (workflow blog_gen) and an
 * unpriced test-model when odd (the hostile workflow), and makes two generate_schema calls (failing
 * in every third execution, lasting 10 + n % 7 ms); executions 2 and 14 each have one call declined.
 * Executions 1 to 8 check the project: the last check passes in 1, 2 (after a failed one), 3, 5
 * and 6, fails in 4 and 8, cannot run in 7.
 */
async function seed(orm: MikroORM) {
	const connection = orm.em.getConnection();
	for (const [id, name] of [
		[1, 'blog_gen'],
		[2, HOSTILE],
	] as const) {
		await connection.execute('insert into workflows (id, name, llm_model, initial_prompt_template, created_at, updated_at) values (?, ?, ?, ?, 0, 0)', [id, name, 'm', 't'], 'run');
	}

	const first = await seedHistory(orm, {executions: 16, messagesPerExecution: 8, workflowIds: [1, 2]});
	if (first !== 1) throw new Error(`expected a fresh database, first id ${first}`);
	const now = Date.now();
	for (let n = 1; n <= 16; n++) {
		const start = now - [0, 3, 20, 100][Math.floor((n - 1) / 4)]! * DAY;
		await connection.execute(
			`update executions set start_time = ?, end_time = ?, model = ?, prompt_tokens = ?, output_tokens = ?, total_tokens = ? where id = ?`,
			[start, start + n * 1000, n % 2 === 0 ? 'gemini-2.5-flash' : 'test-model', n * 1000, n * 100, n * 1100, n],
			'run',
		);
	}

	await seedCheck(orm, 2, 'failed');
	for (const [n, status] of [
		[1, 'passed'],
		[2, 'passed'],
		[3, 'passed'],
		[4, 'failed'],
		[5, 'passed'],
		[6, 'passed'],
		[7, 'skipped'],
		[8, 'failed'],
	] as const)
		await seedCheck(orm, n, status);
	await connection.execute(
		`update messages set approval = 'declined' where id in (select min(id) from messages where role = 'tool_response' and execution_id in (2, 14) group by execution_id)`,
		[],
		'run',
	);
}

async function startStats(t: ExecutionContext, options: {empty?: boolean; prices?: string; alsoHistory?: boolean} = {}) {
	const orm = await openTempDatabase(t, {seed: false});
	if (!options.empty) await seed(orm);
	const pricesFile = path.join(tempDir(t, 'ectosmith-prices-'), 'ectosmith', 'prices.json');
	if (options.prices !== undefined) {
		mkdirSync(path.dirname(pricesFile), {recursive: true});
		writeFileSync(pricesFile, options.prices);
	}

	// Only the Stats screen: the others would ask for services this test does not build.
	const screens = SCREENS.filter(screen => screen.id === 'stats' || (options.alsoHistory === true && screen.id === 'history'));
	const services = {history: createHistoryServices(orm, new Recorder(orm), pricesFile), close: async () => undefined} as unknown as UiServices;
	const app = render(<App screens={screens} initialScreen="stats" options={{project: process.cwd(), yes: false}} loadServices={async () => services} onQuit={() => undefined} />);
	t.teardown(() => app.unmount());
	// Colours off the text, so the figures read as on a plain terminal.
	const frame = () => (app.lastFrame() ?? '').replace(/\u001B\[[\d;]*m/g, '');
	return {app, frame, pricesFile, orm};
}

test.serial('Stats shows the figures of the whole record, fitted to the terminal, and scrolls', async t => {
	const {app, frame} = await startStats(t);
	const all = await until(frame, /Stats · all time · 16 executions/, 'the figures');
	t.is(all.split('\n').length, 23, 'fits the terminal');
	t.regex(all, /Executions 16 {2}COMPLETED 4 {2}FAILED 4 {2}CANCELLED 4 {2}INTERRUPTED 4/);
	const today = new Date().toISOString().slice(0, 10);
	const threeDaysAgo = new Date(Date.now() - 3 * DAY).toISOString().slice(0, 10);
	t.regex(all, new RegExp(`${today} █+ +4 {2}blog_gen 2 · shop\\\\x1b\\[2Jgen 2`), 'today: a bar, the count, per workflow (the escape made visible)');
	t.regex(all, new RegExp(`${threeDaysAgo} █+ +4 `));
	t.regex(all, /and 8 earlier on 2 days/, 'the days that do not fit are counted');
	t.regex(all, /median 8\.5 s/);
	t.regex(all, /slowest {2}#16 16\.0 s · #15 15\.0 s/);
	t.regex(all, /blog_gen +scripted\/gemini-2\.5-flash +8 +72,000 +7,200 +79,200 +\$0\.0396/, 'priced with the built-in table');
	t.regex(all, /shop\\x1b\[2Jgen +scripted\/test-model +8 +64,000 +6,400 +70,400 +no price/);
	// 10 failures of the 30 calls that ran: the 2 declined ones neither failed nor ran.
	t.regex(all, /generate_schema +32 +33\.3% +13 ms +2/, 'calls, failure rate, median duration, declined');
	t.notRegex(all, /Prices per million tokens/, 'the last line is below the window');
	t.regex(all, /more below/);
	app.stdin.write('G');
	const end = await until(frame, /Prices per million tokens: .*prices\.json \(p edits it\)/, 'the end of the figures');
	// Per workflow and model, the last check of each execution: the share passed of those that ran.
	t.regex(end, /Checks +model +checked +passed +share +failed +not run/);
	t.regex(end, /blog_gen +scripted\/gemini-2\.5-flash +4 +2 +50\.0% +2 +0/);
	t.regex(end, /shop\\x1b\[2Jgen +scripted\/test-model +4 +3 +100\.0% +0 +1/);
	t.regex(end, /more above/);
	t.notRegex(end, /Executions 16/, 'scrolled past the top');
	app.stdin.write('\u001B[5~');
	await until(frame, /Executions 16/, 'the top again');
	t.pass();
});

test.serial('s cycles the period: last 30 days, last 7 days, today', async t => {
	const {app, frame} = await startStats(t);
	await until(frame, /Stats · all time · 16 executions/, 'all time');
	app.stdin.write('s');
	const month = await until(frame, /Stats · last 30 days · 12 executions/, 'the last 30 days');
	t.regex(month, /median 6\.5 s/);
	t.regex(month, /generate_schema +24 +/);
	app.stdin.write('s');
	const week = await until(frame, /Stats · last 7 days · 8 executions/, 'the last 7 days');
	t.regex(week, /median 4\.5 s/);
	t.regex(week, /slowest {2}#8 8\.0 s/);
	t.notRegex(week, /earlier on/, 'the chart covers the whole week');
	app.stdin.write('s');
	const today = await until(frame, /Stats · today \(UTC\) · 4 executions/, 'today');
	t.regex(today, /Executions 4 /);
	t.regex(today, /median 2\.5 s/);
	t.regex(today, /blog_gen +scripted\/gemini-2\.5-flash +2 +6,000 +600 +6,600 +\$0\.0033/);
	t.regex(today, /generate_schema +8 +28\.6% +13 ms +1/, '2 failures of the 7 calls that ran');
	app.stdin.write('s');
	await until(frame, /Stats · all time · 16 executions/, 'all time again');
	t.pass();
});

test.serial('an empty record says so instead of drawing empty tables', async t => {
	const {frame} = await startStats(t, {empty: true});
	const empty = await until(frame, /Stats · all time · 0 executions/, 'the empty figures');
	t.regex(empty, /No executions yet: run one from the Run screen/);
	t.notRegex(empty, /Tokens|Tools|Durations/);
});

test.serial('a price table that does not parse is named in one line; the figures stay, without costs', async t => {
	const {app, frame, pricesFile} = await startStats(t, {prices: '{"gemini-2.5-flash": {"input": "cheap"}}'});
	const bad = await until(frame, /has a bad price/, 'the price problem');
	t.true(bad.includes(`Prices: ${pricesFile} has a bad price for "gemini`), 'names the file and the entry');
	t.regex(bad, /blog_gen +scripted\/gemini-2\.5-flash .* no price/);
	app.stdin.write('s');
	await until(frame, /last 30 days · 12 executions/, 'still usable');
	writeFileSync(pricesFile, '{"gemini-2.5-flash": ');
	app.stdin.write('r');
	const broken = await until(frame, /is not valid JSON/, 'the JSON problem');
	t.true(broken.includes(pricesFile));
});

test.serial('p writes the built-in prices to a missing table, opens it in $EDITOR, and costs with the edit', async t => {
	const folder = tempDir(t, 'ectosmith-editor-');
	const seen = path.join(folder, 'seen.json');
	const editor = path.join(folder, 'editor.sh');
	writeFileSync(editor, `#!/bin/sh\ncp "$1" '${seen}'\nprintf '%s' '{"gemini-2.5-flash": {"input": 1, "output": 10}}' > "$1"\n`);
	chmodSync(editor, 0o755);
	const before = {visual: process.env['VISUAL'], editor: process.env['EDITOR']};
	process.env['VISUAL'] = editor;
	t.teardown(() => {
		for (const [name, value] of [
			['VISUAL', before.visual],
			['EDITOR', before.editor],
		] as const) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	});
	const {app, frame, pricesFile} = await startStats(t);
	await until(frame, /\$0\.0396/, 'the built-in prices');
	t.false(existsSync(pricesFile));
	app.stdin.write('p');
	await until(frame, /blog_gen +scripted\/gemini-2\.5-flash +8 +72,000 +7,200 +79,200 +\$0\.1440/, 'the edited prices');
	t.deepEqual(JSON.parse(readFileSync(seen, 'utf8')), DEFAULT_PRICES, 'the editor opened on the built-in table');
});

test.serial('the figures are read again each time the screen is shown, and on r', async t => {
	const {app, frame, orm} = await startStats(t, {alsoHistory: true});
	await until(frame, /Stats · all time · 16 executions/, 'the figures');
	// A run finishes while another screen is on show.
	await seedHistory(orm, {executions: 1, messagesPerExecution: 0, workflowIds: [1]});
	app.stdin.write('2');
	await until(frame, /History page 1/, 'the History screen');
	app.stdin.write('5');
	await until(frame, /Stats · all time · 17 executions/, 'the new figures');
	await seedHistory(orm, {executions: 1, messagesPerExecution: 0, workflowIds: [1]});
	app.stdin.write('r');
	await until(frame, /Executions 18 [\s\S]*Stats · all time · 18 executions/, 'the figures after r');
	t.pass();
});

test('CJK and emoji names keep the Stats tables aligned: widths are counted in terminal columns', t => {
	const tokens = (workflow: string, model: string) => ({workflow, provider: 'gemini', model, executions: 3, promptTokens: 3000, outputTokens: 300, totalTokens: 3300, estimatedCost: 0.0012});
	const tool = (name: string) => ({name, calls: 4, failures: 1, failureRate: 0.25, medianMs: 12, declined: 0});
	const check = (workflow: string, model: string) => ({workflow, provider: 'gemini', model, checked: 4, passed: 3, failed: 1, skipped: 0, passRate: 0.75});
	const stats = {
		executions: 9,
		byStatus: [{status: 'COMPLETED' as const, count: 9}],
		byDay: [{day: '2026-11-27', workflow: '漢字', status: 'COMPLETED' as const, count: 9}],
		durations: {medianMs: 1000, slowest: []},
		tokens: [tokens('blog_gen', 'gemini-2.5-flash'), tokens('漢字のワークフロー', '模型🚀'), tokens('🚀🚀 deploy', 'é́mojí👩‍👩‍👧')],
		tools: [tool('generate_schema'), tool('生成する_スキーマ'), tool('🚀_tool')],
		checks: [check('blog_gen', 'gemini-2.5-flash'), check('漢字のワークフロー', '模型🚀'), check('🚀🚀 deploy', 'é́mojí👩‍👩‍👧')],
	};
	for (const width of [60, 100]) {
		const lines = statsRows({stats, pricesFile: '/tmp/prices.json'}, {width, height: 40, periodLabel: 'all time'}).map(row => row.map(segment => segment.text).join(''));
		for (const [heading, names] of [
			['Tokens', stats.tokens.map(row => row.workflow)],
			['Tools', stats.tools.map(row => row.name)],
			['Checks', stats.checks.map(row => row.workflow)],
		] as const) {
			const at = lines.findIndex(line => line.startsWith(heading));
			const table = lines.slice(at, at + 1 + names.length);
			t.deepEqual(
				table.map(line => line.trimEnd().length > 0),
				table.map(() => true),
			);
			// Every line of a table ends its figures at the same column, and its first figure too.
			t.is(new Set(table.map(line => stringWidth(line))).size, 1, `${heading} at ${width}: ${table.join('\n')}`);
			const figure = {Tokens: /\d+ +[\d,]+ +[\d,]+ +[\d,]+ +\$[\d.]+$/, Tools: /\d+ +[\d.]+% +\d+ ms +\d+$/, Checks: /\d+ +\d+ +[\d.]+% +\d+ +\d+$/}[heading];
			t.is(new Set(table.slice(1).map(line => stringWidth(line.slice(0, figure.exec(line)!.index)))).size, 1, `${heading} at ${width}`);
			if (width === 100) for (const [index, name] of names.entries()) t.true(table[index + 1]!.startsWith(name), `${name} is not cut where it fits`);
		}
	}
});
