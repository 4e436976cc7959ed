import test, {type ExecutionContext} from 'ava';
import React from 'react';
import {createHistoryServices} from '../../source/app/history-services.js';
import {Recorder} from '../../source/records/recorder.js';
import {stringWidth} from '../../source/terminal/columns.js';
import {App} from '../../source/ui/app.js';
import {headerLine, historyWidths, rowColumns} from '../../source/ui/screens/history-screen.js';
import {SCREENS} from '../../source/ui/screens/index.js';
import type {UiServices} from '../../source/ui/services.js';
import {seedHistory, seedStartTime} from '../helpers/seed-history.js';
import {openTempDatabase} from '../helpers/temp-db.js';
import {render} from './_frames.js';
import {KEYS, press, until} from './_ui.js';

const EXECUTIONS = 40;
const KEYS_MORE = {right: '\u001B[C', left: '\u001B[D', pageDown: '\u001B[6~'};

/** Ids newest first, as the seed's start times order them. */
const newestFirst = Array.from({length: EXECUTIONS}, (_, index) => index + 1).sort((a, b) => seedStartTime(b) - seedStartTime(a) || b - a);

async function startHistory(t: ExecutionContext, replay?: number) {
	const orm = await openTempDatabase(t);
	await seedHistory(orm, {executions: EXECUTIONS, messagesPerExecution: 8});
	// Only the History screen: the others would ask for services this test does not build.
	const screens = SCREENS.filter(screen => screen.id === 'history');
	const services = {history: createHistoryServices(orm, new Recorder(orm)), close: async () => undefined} as unknown as UiServices;
	const app = render(<App screens={screens} options={{project: process.cwd(), yes: false, ...(replay === undefined ? {} : {replay})}} loadServices={async () => services} onQuit={() => undefined} />);
	t.teardown(() => app.unmount());
	return app;
}

/** The execution ids of the rows on screen, top to bottom. */
function shownIds(frame: string): number[] {
	return frame
		.split('\n')
		.map(line => /^\s*(\d+)\s+\d\d-\d\d \d\d:\d\d/.exec(line)?.[1])
		.filter((id): id is string => id !== undefined)
		.map(Number);
}

test.serial('History lists the executions newest first, one page at a time, and pages both ways', async t => {
	const app = await startHistory(t);
	const first = await until(app.lastFrame, /\n\s*\d+\s+\d\d-\d\d \d\d:\d\d[\s\S]*History page 1/, 'the first page');
	const page = shownIds(first);
	t.true(page.length > 5 && page.length < EXECUTIONS, `one page, not every row (${page.length})`);
	t.deepEqual(page, newestFirst.slice(0, page.length));
	t.is(first.split('\n').length, 23, 'fits the 80x24 terminal');
	app.stdin.write(KEYS_MORE.pageDown);
	const rowOf = (id: number) => new RegExp(`\\n\\s*${id}\\s+\\d\\d-`);
	const second = await until(app.lastFrame, rowOf(newestFirst[page.length]!), 'the second page');
	t.regex(second, /History page 2/);
	t.deepEqual(shownIds(second), newestFirst.slice(page.length, page.length * 2));
	app.stdin.write(KEYS.pageUp);
	const back = await until(app.lastFrame, rowOf(newestFirst[0]!), 'the first page again');
	t.regex(back, /History page 1/);
	t.deepEqual(shownIds(back), page);
	// The status filter: only FAILED rows.
	app.stdin.write('s');
	await until(app.lastFrame, /No execution matches[\s\S]*status STARTED/, 'the STARTED filter (the seed has none)');
	app.stdin.write('s');
	const completed = await until(app.lastFrame, /\n\s*\d+\s+\d\d-\d\d[\s\S]*status COMPLETED/, 'the COMPLETED filter');
	t.true(
		shownIds(completed).every(id => id % 4 === 0),
		'only COMPLETED rows (every 4th of the seed)',
	);
});

test.serial('Enter opens the Replay of the selected execution; stepping changes the frame; Esc comes back', async t => {
	const app = await startHistory(t);
	await until(app.lastFrame, /\n\s*\d+\s+\d\d-\d\d[\s\S]*History page 1/, 'the first page');
	await press(app, KEYS.down);
	app.stdin.write(KEYS.enter);
	const id = newestFirst[1]!;
	const first = await until(app.lastFrame, /Replay #\d+ · step 1 of \d+/, 'the replay');
	t.regex(first, new RegExp(`Replay #${id} `));
	const total = Number(/step 1 of (\d+)/.exec(first)![1]);
	t.true(total > 3);
	app.stdin.write(KEYS_MORE.right);
	const second = await until(app.lastFrame, /step 2 of/, 'step 2');
	t.not(second, first);
	t.regex(second, /text 0/, 'the first model message is on the conversation pane');
	app.stdin.write('t');
	// The next tool call is a later step than the one on show (itself a tool call).
	const call = await until(app.lastFrame, /step (?!2 of)\d+ of \d+ ─[\s\S]*· tool call/, 'the next tool call');
	const at = Number(/step (\d+) of/.exec(call)![1]);
	t.true(at > 2);
	t.regex(call, /"schema": "Blog\.Post"/, 'its arguments');
	app.stdin.write(KEYS_MORE.left);
	await until(app.lastFrame, new RegExp(`step ${at - 1} of`), 'back one step');
	app.stdin.write(KEYS.escape);
	await until(app.lastFrame, /History page 1/, 'the list again');
	t.pass();
});

test('a row gives the description the room: at 80 columns the model and tokens columns step aside', t => {
	const row = {
		id: 7,
		startTime: new Date(2026, 10, 27, 9, 5),
		workflow: 'elixir_crud_generator',
		status: 'COMPLETED' as const,
		durationMs: 3700,
		turns: 3,
		provider: 'gemini',
		model: 'gemini-2.5-flash',
		totalTokens: 1234,
		queryLine: 'a blog: posts with a title, a body and a published flag',
		followUps: 0,
		userName: 'ana',
		hostName: 'ana-laptop',
	};
	const line = (width: number) => {
		const {head, status, tail} = rowColumns(row, width);
		return head + status + tail;
	};

	const narrow = line(78);
	t.true(narrow.indexOf('a blog: posts') <= 78 - 30, 'at least 30 characters of the description fit at 80 columns');
	t.false(narrow.includes('gemini'));
	t.false(narrow.includes('ana'));
	t.regex(headerLine(78), /tn description$/);
	const wide = line(118);
	t.true(wide.includes('gemini-2.'));
	t.true(wide.includes('1234'));
	// Who ran it: one team database holds everyone's runs.
	t.regex(wide, / ana +a blog/);
	t.regex(headerLine(118), /model +tokens +user +description$/);
});

test('CJK and emoji keep the columns aligned: widths are counted in terminal columns', t => {
	const base = {
		id: 7,
		startTime: new Date(2026, 10, 27, 9, 5),
		status: 'COMPLETED' as const,
		durationMs: 3700,
		turns: 3,
		provider: 'gemini',
		totalTokens: 1234,
		followUps: 0,
	};
	const rows = [
		{...base, workflow: 'blog_gen', model: 'gemini-2.5-flash', queryLine: 'a blog with posts'},
		{...base, workflow: '漢字のワークフロー', model: '模型🚀模型🚀模型', queryLine: 'ブログ: 投稿とコメント 🚀'},
		{...base, workflow: '🚀🚀🚀🚀🚀', model: 'é́mojí👩‍👩‍👧', queryLine: '👩‍👩‍👧 family posts'},
	];
	for (const width of [78, 118]) {
		const header = headerLine(width);
		const descriptionAt = stringWidth(header.slice(0, header.indexOf('description')));
		for (const row of rows) {
			const {head, status, tail} = rowColumns(row, width);
			t.is(stringWidth(head), stringWidth(rowColumns(rows[0]!, width).head), row.workflow);
			t.is(stringWidth(head + status), stringWidth(header.slice(0, header.indexOf(' time'))), row.workflow);
			const line = head + status + tail;
			t.is(stringWidth(line.slice(0, line.indexOf(row.queryLine))), descriptionAt, `${row.workflow} at ${width}`);
		}
	}
});

test('at 120 columns the workflow and provider/model are whole, and the description keeps its room', t => {
	const row = {
		id: 12,
		startTime: new Date(2026, 11, 7, 23, 5),
		workflow: 'elixir_crud_generator',
		status: 'COMPLETED' as const,
		durationMs: 8500,
		turns: 4,
		provider: 'offline',
		model: 'offline-planner',
		totalTokens: 0,
		queryLine: 'a blog with authors (name, email) and posts (title, body, slug) that belong to authors',
		followUps: 0,
		userName: 'ana',
	};
	const widths = historyWidths([row], 118);
	const {head, status, tail} = rowColumns(row, 118, widths);
	const line = head + status + tail;
	t.true(line.includes('elixir_crud_generator '), line);
	t.true(line.includes(' offline-planner '), line);
	t.true(stringWidth(line.slice(0, line.indexOf('a blog'))) <= 118 - 24, line);
	const header = headerLine(118, widths);
	t.is(header.indexOf('status'), line.indexOf('COMPLETED'));
	t.is(header.indexOf('description'), line.indexOf('a blog'));
});
