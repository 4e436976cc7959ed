/** Runs the real CLI in a child process, against a temp database whose tool servers run from source. */
import {spawn} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {ExecutionContext} from 'ava';
import {importSeed} from '../../source/db/seed.js';
import {packageRoot} from '../../source/package-root.js';
import {openTempDatabase, tempDbPath} from '../helpers/temp-db.js';
import {realToolServers, tsServer} from '../helpers/tool-servers.js';
import {tsxLoader} from '../helpers/tsx-loader.js';

export interface CliResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/** The environment of a child: no Gemini key (so the offline planner runs), a temp log folder. */
export function cliEnv(stateHome: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {...process.env, XDG_STATE_HOME: stateHome, NO_COLOR: '1'};
	delete env.GEMINI_API_KEY;
	delete env.GOOGLE_API_KEY;
	delete env.GOOGLE_GEMINI_BASE_URL;
	delete env.ECTOSMITH_DB;
	return {...env, ...extra};
}

export function runCli(args: string[], options: {cwd?: string; env: NodeJS.ProcessEnv; stdin?: string; onStdout?: (text: string, child: ReturnType<typeof spawn>) => void}): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', tsxLoader, path.join(packageRoot(), 'source/cli.tsx'), ...args], {
			cwd: options.cwd ?? packageRoot(),
			env: options.env,
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
			options.onStdout?.(stdout, child);
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code, signal) => resolve({code, signal, stdout, stderr}));
		child.stdin.end(options.stdin ?? '');
	});
}

/**
 * A seeded temp database whose three tool servers run from their TypeScript sources through tsx,
 * so the CLI tests need no build. Returns the database path.
 */
export async function seededDb(t: ExecutionContext, options: {marker?: string; checkEnv?: Record<string, string>} = {}): Promise<string> {
	const dbPath = tempDbPath(t);
	const orm = await openTempDatabase(t, {dbPath});
	await importSeed(orm.em.fork(), {
		// The default workflow's four servers, from source (the check server too, so no build is needed).
		servers: [...realToolServers(), tsServer('phoenix_check_tool', 'source/tools/bin/phoenix-check-tool.ts')].map(server => ({
			...server,
			env: {
				...(options.marker ? {ECTOSMITH_TEST_MARKER: options.marker} : server.env),
				...(server.name === 'phoenix_check_tool' ? options.checkEnv : {}),
			},
		})),
		workflows: [],
	});
	await orm.close(true);
	return dbPath;
}

/**
 * Pids of live processes whose environment carries ECTOSMITH_TEST_MARKER=marker (the tool servers
 * of one CLI run). Reads /proc, so it finds them even after their parent exited; [] without /proc.
 */
export function markedProcesses(marker: string): number[] {
	if (!existsSync('/proc')) return [];
	const needle = `ECTOSMITH_TEST_MARKER=${marker}`;
	return readdirSync('/proc')
		.filter(entry => /^\d+$/.test(entry))
		.filter(pid => {
			try {
				return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(needle);
			} catch {
				return false;
			}
		})
		.map(Number);
}
