// First paint of the TUI: the time from starting `ectosmith` in a real terminal (a private tmux
// server, 80x24) to its top bar on the screen, against a node that prints a word, measured in turns
// in the same run so both see the same machine. Called by bench/run.js; on its own,
// `node bench/first-paint.js [cli.js ...]` compares builds (e.g. a bundle) against the same baseline.
import {spawnSync} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';

const TOP_BAR = '1 Run  2 History';

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

function quote(value) {
	return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Milliseconds from starting `command` in a fresh 80x24 terminal to `marker` on its screen. */
function timeToScreen(command, marker, {cwd, env}) {
	const socket = `ectosmith-bench-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
	const tmux = (...args) => spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
	// env -i: only these variables (no CI ones: Ink would draw only the last frame).
	const variables = Object.entries(env)
		.map(([key, value]) => quote(`${key}=${value}`))
		.join(' ');
	const start = performance.now();
	tmux('new-session', '-d', '-x', '80', '-y', '24', `cd ${quote(cwd)} && env -i ${variables} ${command}; sleep 30`);
	try {
		// capture-pane in a loop: its cost is the same for every command measured.
		while (performance.now() - start < 30_000) {
			if (tmux('capture-pane', '-p').stdout.includes(marker)) return performance.now() - start;
		}

		throw new Error(`${command} did not show "${marker}" within 30 s`);
	} finally {
		tmux('kill-server');
	}
}

/**
 * First paint (min, median, max) of each CLI and of the baseline, from `runs` rounds (one of each per round).
 * Undefined without tmux. `ECTOSMITH_DB`/`XDG_STATE_HOME` in env keep the user's files out of it.
 */
export function measureFirstPaint({clis, runs = 9, env = {}, cwd}) {
	if (spawnSync('tmux', ['-V']).status !== 0) return undefined;
	const scratch = cwd ?? mkdtempSync(path.join(tmpdir(), 'ectosmith-paint-'));
	const shellEnv = {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: scratch, TERM: 'xterm-256color', LANG: 'C.UTF-8', ...env};
	const options = {cwd: scratch, env: shellEnv};
	const node = quote(process.execPath);
	const baseline = [];
	const painted = clis.map(() => []);
	for (let round = 0; round < runs; round++) {
		baseline.push(timeToScreen(`${node} -e "process.stdout.write('ready')"`, 'ready', options));
		for (const [index, cli] of clis.entries()) painted[index].push(timeToScreen(`${node} ${quote(cli)}`, TOP_BAR, options));
	}

	const spread = times => ({min: Math.min(...times), median: median(times), max: Math.max(...times)});
	return {baseline: spread(baseline), painted: painted.map(times => spread(times))};
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
	const clis = process.argv.length > 2 ? process.argv.slice(2).map(cli => path.resolve(cli)) : [path.join(root, 'dist/source/cli.js')];
	const scratch = mkdtempSync(path.join(tmpdir(), 'ectosmith-paint-'));
	const result = measureFirstPaint({clis, cwd: scratch, env: {ECTOSMITH_DB: path.join(scratch, 'paint.db'), XDG_STATE_HOME: path.join(scratch, 'state')}});
	if (result === undefined) {
		console.log('tmux is not installed: no first-paint figures');
	} else {
		const line = ({min, median: mid, max}) => `${mid.toFixed(0).padStart(6)} ms (${min.toFixed(0)} to ${max.toFixed(0)})`;
		console.log(`node printing a word  ${line(result.baseline)}`);
		for (const [index, cli] of clis.entries()) {
			const ms = result.painted[index];
			console.log(`${path.relative(root, cli).padEnd(21)} ${line(ms)}  ${(ms.median / result.baseline.median).toFixed(2)}x`);
		}
	}
}
