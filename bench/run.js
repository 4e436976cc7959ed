// Benchmarks, reported as ratios against a baseline measured in the same run (`npm run bench`).
// Needs a build (npm run build). Figures are medians of repeated runs on this machine.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, cpSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {performance} from 'node:perf_hooks';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'dist/source/cli.js');
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

	return median(times);
}

/**
 * Time from starting a command in a real terminal (a private tmux server, 80x24) to `marker` on
 * its screen; undefined without tmux. The polling (capture-pane) costs the same for every command.
 */
function timeToScreen(command, marker, runs) {
	if (spawnSync('tmux', ['-V']).status !== 0) return undefined;
	const times = [];
	const shellEnv = Object.entries({PATH: process.env.PATH, HOME: scratch, TERM: 'xterm-256color', LANG: 'C.UTF-8', ECTOSMITH_DB: env.ECTOSMITH_DB, XDG_STATE_HOME: env.XDG_STATE_HOME})
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
			if (tmux('capture-pane', '-p').stdout.includes(marker)) {
				shown = true;
				break;
			}
		}

		times.push(performance.now() - start);
		tmux('kill-server');
		if (!shown) throw new Error(`${command} did not show "${marker}" within 20 s`);
	}

	return median(times);
}

const results = [];
function report(name, ms, baselineMs) {
	results.push({name, ms, ratio: ms / baselineMs});
}

try {
	const baseline = timeCommand(['-e', ''], 15);
	report('node -e "" (baseline)', baseline, baseline);
	report('ectosmith --help', timeCommand([cli, '--help'], 15), baseline);
	report('ectosmith --version', timeCommand([cli, '--version'], 15), baseline);
	report('ectosmith db path', timeCommand([cli, 'db', 'path'], 15), baseline);
	timeCommand([cli, 'db', 'migrate'], 1); // first run creates, migrates and seeds
	report('ectosmith db migrate (nothing pending)', timeCommand([cli, 'db', 'migrate'], 9), baseline);

	// First paint of the TUI: from spawn to the top bar on screen, against a node that prints a word.
	const printed = timeToScreen(`'${process.execPath}' -e "process.stdout.write('ready')"`, 'ready', 9);
	const painted = timeToScreen(`'${process.execPath}' '${cli}'`, '1 Run', 9);
	if (printed !== undefined && painted !== undefined) {
		report('node printing a word, in tmux (baseline of the next)', printed, baseline);
		report('ectosmith TUI first paint, in tmux', painted, baseline);
		results.push({name: '  first paint x node printing a word', ms: painted - printed, ratio: painted / printed});
	}

	const fixture = path.join(root, 'fixtures/phoenix/my_app');
	const project = i => {
		const dir = path.join(scratch, `project-${Date.now()}-${i}`);
		cpSync(fixture, dir, {recursive: true});
		return dir;
	};

	const description = 'a blog with posts (title, body as text, published boolean) and comments (body) that belong to posts';
	report(
		'ectosmith run, offline, 2 entities (3 tool servers)',
		timeCommand([cli, 'run', '--project', '.', description], 5, project),
		baseline,
	);
} finally {
	rmSync(scratch, {recursive: true, force: true});
}

const width = Math.max(...results.map(r => r.name.length));
console.log(`${'benchmark'.padEnd(width)}  median ms  x baseline`);
for (const {name, ms, ratio} of results) {
	console.log(`${name.padEnd(width)}  ${ms.toFixed(1).padStart(9)}  ${ratio.toFixed(2).padStart(10)}`);
}
