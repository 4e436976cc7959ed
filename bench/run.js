// Benchmarks, reported as ratios against a baseline measured in the same run (`npm run bench`).
// Needs a build (npm run build). Figures are medians of repeated runs on this machine.
// `npm run bench -- --history` runs only the history and replay figures (on 100k executions).
import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os, {tmpdir} from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {measureEngineTurns} from './engine-turns.js';
import {measureFirstPaint} from './first-paint.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'dist/source/cli.js');
const historyOnly = process.argv.includes('--history');
const scratch = mkdtempSync(path.join(tmpdir(), 'ectosmith-bench-'));
const env = {
	...process.env,
	GEMINI_API_KEY: '',
	GOOGLE_API_KEY: '',
	ECTOSMITH_DB: path.join(scratch, 'bench.db'),
	XDG_STATE_HOME: path.join(scratch, 'state'),
};

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** Min, median and max of repeated runs: the machine is shared, so the spread is part of the figure. */
function spread(values) {
	return {min: Math.min(...values), median: median(values), max: Math.max(...values)};
}

function timeCommand(args, runs, prepare) {
	const times = [];
	for (let i = 0; i < runs; i++) {
		const cwd = prepare ? prepare(i) : scratch;
		const start = performance.now();
		const result = spawnSync(process.execPath, args, {env, cwd, encoding: 'utf8'});
		times.push(performance.now() - start);
		if (result.status !== 0) {
			throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
		}
	}

	return spread(times);
}

/**
 * Time from starting a command in a real terminal (a private tmux server, 80x24) to `marker` on
 * its screen; undefined without tmux. The polling (capture-pane) costs the same for every command.
 */
function timeToScreen(command, marker, runs, dbPath = env.ECTOSMITH_DB) {
	if (spawnSync('tmux', ['-V']).status !== 0) return undefined;
	const times = [];
	const shellEnv = Object.entries({
		PATH: process.env.PATH,
		HOME: scratch,
		TERM: 'xterm-256color',
		LANG: 'C.UTF-8',
		ECTOSMITH_DB: dbPath,
		XDG_STATE_HOME: env.XDG_STATE_HOME,
	})
		.map(([key, value]) => `'${key}=${value}'`)
		.join(' ');
	for (let i = 0; i < runs; i++) {
		const socket = `ectosmith-bench-${process.pid}-${i}`;
		const tmux = (...args) => spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
		const start = performance.now();
		// env -i: no CI variables (Ink draws only the last frame when it thinks it runs in CI).
		tmux('new-session', '-d', '-x', '80', '-y', '24', `cd '${scratch}' && env -i ${shellEnv} ${command}; sleep 30`);
		let shown = false;
		while (performance.now() - start < 20_000) {
			const screen = tmux('capture-pane', '-p').stdout;
			if (typeof marker === 'string' ? screen.includes(marker) : marker.test(screen)) {
				shown = true;
				break;
			}
		}

		times.push(performance.now() - start);
		tmux('kill-server');
		if (!shown) throw new Error(`${command} did not show "${marker}" within 20 s`);
	}

	return spread(times);
}

const results = [];
/** The CPU milliseconds of the last in-process measurement, reported with it. */
let lastCpu;
/** One figure: its spread, and its median over the baseline's median (a spread or a number). */
function report(name, figure, baseline) {
	const ms = typeof figure === 'number' ? {min: figure, median: figure, max: figure} : figure;
	const base = typeof baseline === 'number' ? baseline : baseline.median;
	results.push({name, ...ms, ratio: ms.median / base, ...(lastCpu === undefined ? {} : {cpu: lastCpu})});
	lastCpu = undefined;
}

try {
	const baseline = timeCommand(['-e', ''], 15);
	report('node -e "" (baseline)', baseline, baseline);
	if (!historyOnly) {
		report('ectosmith --help', timeCommand([cli, '--help'], 15), baseline);
		report('ectosmith --version', timeCommand([cli, '--version'], 15), baseline);
		report('ectosmith db path', timeCommand([cli, 'db', 'path'], 15), baseline);
		timeCommand([cli, 'db', 'migrate'], 1); // first run creates, migrates and seeds
		report('ectosmith db migrate (nothing pending)', timeCommand([cli, 'db', 'migrate'], 9), baseline);

		// First paint of the TUI: from spawn to the top bar on screen, against a node that prints a word.
		const paint = measureFirstPaint({clis: [cli], runs: 9, cwd: scratch, env: {ECTOSMITH_DB: env.ECTOSMITH_DB, XDG_STATE_HOME: env.XDG_STATE_HOME}});
		if (paint !== undefined) {
			const [painted] = paint.painted;
			report('node printing a word, in tmux (baseline of the next)', paint.baseline, baseline);
			report('ectosmith TUI first paint, in tmux', painted, baseline);
			report('  first paint x node printing a word', painted, paint.baseline);
		}

		const fixture = path.join(root, 'fixtures/phoenix/my_app');
		const project = i => {
			const dir = path.join(scratch, `project-${Date.now()}-${i}`);
			cpSync(fixture, dir, {recursive: true});
			return dir;
		};

		const description = 'a blog with posts (title, body as text, published boolean) and comments (body) that belong to posts';
		report('ectosmith run, offline, 2 entities (3 tool servers)', timeCommand([cli, 'run', '--project', '.', description], 5, project), baseline);

		// The engine's own cost: 1,000 turns of a tool that answers at once, recorded, against the
		// same calls made directly; the recorder's rate against the driver's raw inserts.
		const rounds = [];
		for (let i = 0; i < 3; i++) rounds.push(await measureEngineTurns({turns: 1000}));
		const direct = spread(rounds.map(round => round.direct / round.turns));
		report('1,000 tool calls made directly, per call (baseline of the next)', direct, direct);
		report('  engine: our own ms per turn, over a direct call', spread(rounds.map(round => (round.engineMs - round.direct) / round.turns)), direct);
		const raw = spread(rounds.map(round => round.rawInserts / round.messages));
		report('raw insert of a message row, one transaction (baseline of the next)', raw, raw);
		report('  engine: run time per message recorded', spread(rounds.map(round => round.engineMs / round.messages)), raw);
	}

	// History and replay on a database of 100,000 executions (about a million messages), filled
	// with bulk INSERT ... SELECT through the sqlite3 shell; one execution has 400 messages.
	const bigDb = path.join(scratch, 'big.db');
	const bigEnv = {...env, ECTOSMITH_DB: bigDb};
	spawnSync(process.execPath, [cli, 'db', 'migrate'], {env: bigEnv, encoding: 'utf8'});
	const fill = spawnSync('sqlite3', [bigDb], {
		encoding: 'utf8',
		input: `
			begin;
			with recursive n(i) as (select 1 union all select i + 1 from n where i < 100000)
			insert into executions (workflow_id, user_query, status, start_time, end_time, target_project_path, provider, model,
				prompt_tokens, output_tokens, total_tokens, turn_count, max_turns)
			select (select min(id) from workflows),
				case when i % 10 = 0 then 'Billing.Invoice invoices number:string #' || i else 'Blog.Post posts title:string #' || i end,
				case i % 4 when 0 then 'COMPLETED' when 1 then 'FAILED' when 2 then 'CANCELLED' else 'INTERRUPTED' end,
				1767225600000 + i * 60000, 1767225600000 + i * 60000 + 1000 + i % 997, '/work/app', 'scripted', 'test-model', i % 50, i % 5, i % 55, 3, 10
			from n;
			with recursive k(j) as (select 0 union all select j + 1 from k where j < 9)
			insert into messages (execution_id, turn_number, role, content_text, function_call_name, function_call_args,
				function_response_name, function_response_content, timestamp, duration_ms, is_error)
			select e.id, 1 + k.j / 4,
				case k.j % 4 when 0 then 'model' when 1 then 'tool_request' when 2 then 'tool_response' else 'model' end,
				'text ' || k.j, case k.j % 4 when 1 then 'generate_schema' end, case k.j % 4 when 1 then '{"schema":"Blog.Post"}' end,
				case k.j % 4 when 2 then 'generate_schema' end, case k.j % 4 when 2 then '{"text":"result"}' end,
				e.start_time + k.j, 10, 0
			from executions e, k;
			with recursive k(j) as (select 10 union all select j + 1 from k where j < 399)
			insert into messages (execution_id, turn_number, role, content_text, function_call_name, function_call_args,
				function_response_name, function_response_content, timestamp, duration_ms, is_error)
			select 50000, 1 + k.j / 4,
				case k.j % 4 when 0 then 'model' when 1 then 'tool_request' when 2 then 'tool_response' else 'model' end,
				'text ' || k.j, case k.j % 4 when 1 then 'generate_schema' end, case k.j % 4 when 1 then '{"schema":"Blog.Post"}' end,
				case k.j % 4 when 2 then 'generate_schema' end, case k.j % 4 when 2 then '{"text":"result"}' end,
				1767225600000 + k.j, 10, 0
			from k;
			update executions set turn_count = 100 where id = 50000;
			-- A follow-up chain of 10 executions (70001 <- ... <- 70010), 10 messages each.
			update executions set parent_execution_id = id - 1 where id between 70002 and 70010;
			commit;
		`,
	});
	if (fill.status !== 0) throw new Error(`filling the big database failed: ${fill.stderr}`);
	const onBig = (args, runs) => {
		const times = [];
		for (let i = 0; i < runs; i++) {
			const start = performance.now();
			const result = spawnSync(process.execPath, [cli, ...args], {env: bigEnv, encoding: 'utf8'});
			times.push(performance.now() - start);
			if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
		}

		return spread(times);
	};

	if (!historyOnly) report('ectosmith history --limit 1 (the 5 runs above)', timeCommand([cli, 'history', '--limit', '1'], 9), baseline);
	report('ectosmith history, first page of 50 (100k executions)', onBig(['history', '--limit', '50'], 9), baseline);
	report('ectosmith history --status COMPLETED --search invoices (100k)', onBig(['history', '--limit', '50', '--status', 'COMPLETED', '--search', 'invoices'], 9), baseline);
	report('ectosmith history --search zzzz, no match (100k)', onBig(['history', '--limit', '50', '--search', 'zzzz'], 9), baseline);
	report('ectosmith show, 400 messages (100k executions)', onBig(['show', '50000'], 9), baseline);
	// The Replay screen in a real terminal, against the TUI's first paint on the same file: the
	// difference is opening the program's services (database, configuration) and the replay itself.
	const paintedBig = timeToScreen(`'${process.execPath}' '${cli}'`, '1 Run', 5, bigDb);
	const replayShown = timeToScreen(`'${process.execPath}' '${cli}' replay 50000`, /step \d+ of \d+/, 5, bigDb);
	if (paintedBig !== undefined && replayShown !== undefined) {
		report('ectosmith TUI first paint, in tmux (100k; baseline of the next)', paintedBig, baseline);
		report('ectosmith replay 50000 (400 messages), in tmux, to its first step, x the first paint', replayShown, paintedBig);
	}

	// The same in process, against a trivial query on the same connection: what the screens pay.
	const {openDatabase} = await import(path.join(root, 'dist/source/db/orm.js'));
	const {Recorder} = await import(path.join(root, 'dist/source/records/recorder.js'));
	const {listExecutions} = await import(path.join(root, 'dist/source/history/queries.js'));
	const {replayEvents} = await import(path.join(root, 'dist/source/engine/replay.js'));
	const {replaySteps, replayStates} = await import(path.join(root, 'dist/source/ui/state/replay-state.js'));
	const orm = await openDatabase({dbPath: bigDb});
	try {
		// Median wall time; the CPU time (this process, SQLite's threads included) is kept beside it
		// because it hardly moves when other work loads the machine.
		const timeAsync = async (fn, runs = 25) => {
			const times = [];
			const cpu = [];
			for (let i = 0; i < runs; i++) {
				const start = performance.now();
				const startCpu = process.cpuUsage();
				await fn();
				const used = process.cpuUsage(startCpu);
				times.push(performance.now() - start);
				cpu.push((used.user + used.system) / 1000);
			}

			lastCpu = median(cpu);
			return spread(times);
		};

		const connection = orm.em.getConnection();
		const trivial = await timeAsync(() => connection.execute('select 1', [], 'all'));
		report('in process: select 1 (baseline of the rows below)', trivial, trivial);
		report('in process: history page 1 of 50 (100k executions)', await timeAsync(() => listExecutions(orm, {}, {limit: 50})), trivial);
		let deep;
		for (let page = 0; page < 100; page++) deep = (await listExecutions(orm, {}, {limit: 50, ...(deep ? {after: deep} : {})})).next;
		report('in process: history page 101 by keyset (100k)', await timeAsync(() => listExecutions(orm, {}, {limit: 50, after: deep})), trivial);
		report('in process: status FAILED, page 1 (25% of rows)', await timeAsync(() => listExecutions(orm, {status: ['FAILED']}, {limit: 50})), trivial);
		let failedDeep;
		for (let page = 0; page < 100; page++) failedDeep = (await listExecutions(orm, {status: ['FAILED']}, {limit: 50, ...(failedDeep ? {after: failedDeep} : {})})).next;
		report('in process: status FAILED, page 101', await timeAsync(() => listExecutions(orm, {status: ['FAILED']}, {limit: 50, after: failedDeep})), trivial);
		// Searches through the trigram index (rare, none) or the newest rows in order (common).
		const searches = [
			['rare "#12345" (1 row)', '#12345'],
			['common "posts" (90%)', 'posts'],
			['"invoices" (10%)', 'invoices'],
			['none "zzzz"', 'zzzz'],
			['short "zz" (no index: the newest 10,000 rows, no match)', 'zz'],
		];
		for (const [label, search] of searches) {
			report(`in process: search ${label}`, await timeAsync(() => listExecutions(orm, {search}, {limit: 50})), trivial);
			report(`in process: search ${label} + status COMPLETED`, await timeAsync(() => listExecutions(orm, {search, status: ['COMPLETED']}, {limit: 50})), trivial);
		}

		report('in process: search "invoices" + status FAILED (never meet)', await timeAsync(() => listExecutions(orm, {search: 'invoices', status: ['FAILED']}, {limit: 50})), trivial);
		let searchDeep;
		for (let page = 0; page < 20; page++) searchDeep = (await listExecutions(orm, {search: 'invoices'}, {limit: 50, ...(searchDeep ? {after: searchDeep} : {})})).next;
		report('in process: search "invoices", page 21', await timeAsync(() => listExecutions(orm, {search: 'invoices'}, {limit: 50, after: searchDeep})), trivial);

		// What the Replay screen pays to open: load the chain, rebuild the events, cut the steps and
		// fold the screen state at every step.
		const recorder = new Recorder(orm);
		const openReplay = async id => {
			const events = await replayEvents(recorder, id);
			const steps = replaySteps(events);
			return replayStates(events, steps);
		};
		report('in process: replay open, 400 messages (load + events + steps + states)', await timeAsync(() => openReplay(50000)), trivial);
		report('in process:   of which loading the 400 messages', await timeAsync(() => recorder.listMessages(50000)), trivial);
		report('in process: replay open, follow-up chain of 10 executions x 10 messages', await timeAsync(() => openReplay(70010)), trivial);
	} finally {
		await orm.close(true);
	}
} finally {
	rmSync(scratch, {recursive: true, force: true});
}

const width = Math.max(...results.map(r => r.name.length));
const fixed = value => value.toFixed(value < 10 ? 2 : 0);
console.log(`${'benchmark'.padEnd(width)}  ${'min'.padStart(8)}  ${'median'.padStart(8)}  ${'max'.padStart(8)}  x baseline  CPU ms`);
for (const {name, min, median: mid, max, ratio, cpu} of results) {
	console.log(
		`${name.padEnd(width)}  ${fixed(min).padStart(8)}  ${fixed(mid).padStart(8)}  ${fixed(max).padStart(8)}  ${ratio.toFixed(2).padStart(10)}  ${cpu === undefined ? '' : fixed(cpu).padStart(6)}`,
	);
}

// bench/results.md: the figures with the machine they ran on (only a full run replaces it).
if (!historyOnly) {
	const cpus = os.cpus();
	const machine = `${cpus.length} x ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}, Node ${process.version}; load average ${os
		.loadavg()
		.map(load => load.toFixed(1))
		.join(' ')} at the end (other work shares this machine: read the medians and the spread)`;
	const rows = results.map(
		({name, min, median: mid, max, ratio, cpu}) => `| ${name.trim()} | ${fixed(min)} | ${fixed(mid)} | ${fixed(max)} | ${ratio.toFixed(2)} | ${cpu === undefined ? '' : fixed(cpu)} |`,
	);
	writeFileSync(
		path.join(root, 'bench', 'results.md'),
		`# npm run bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC

${machine}.

Milliseconds, min / median / max of the repeated runs; "x baseline" is the median over the median of the
baseline measured in the same run (\`node -e ""\` unless the row or the one above names another).

| benchmark | min | median | max | x baseline | CPU ms |
|---|---|---|---|---|---|
${rows.join('\n')}
`,
	);
	console.log(`\nwritten to ${path.relative(process.cwd(), path.join(root, 'bench', 'results.md'))}`);
}
