/**
 * Writes code into a case project the way a user does: the headless CLI, `ectosmith run --project
 * DIR "..."`, with the offline planner (no API key). It runs the built CLI from dist/ (its own
 * seeded tool servers, the installed path) when dist/ is newer than every source file; otherwise
 * from source through tsx with the tool servers from source, and says so.
 */
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {openDatabase} from '../../../source/db/orm.js';
import {importSeed} from '../../../source/db/seed.js';
import {packageRoot} from '../../../source/package-root.js';
import {cliEnv} from '../../commands/_cli.js';
import {realToolServers} from '../tool-servers.js';
import {tsxLoader} from '../tsx-loader.js';
import {runCommand, tail} from './command.js';

function newestMtime(folder: string): number {
	let newest = 0;
	for (const entry of readdirSync(folder, {withFileTypes: true})) {
		const path = join(folder, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}
	return newest;
}

/** Whether dist/ holds a build at least as new as source/ and migrations/. */
export function distIsFresh(): boolean {
	const cli = join(packageRoot(), 'dist', 'source', 'cli.js');
	if (!existsSync(cli)) return false;
	const built = statSync(cli).mtimeMs;
	return ['source', 'migrations'].every(folder => newestMtime(join(packageRoot(), folder)) <= built);
}

export interface Generator {
	/** 'dist' or 'source': which CLI runs. */
	from: 'dist' | 'source';
	/** Runs one description into the project; throws with the output's tail unless it exits 0. */
	run(project: string, description: string, options?: {followUp?: boolean}): Promise<string>;
}

/** A CLI with its own database and state folder (under `dir`). */
export async function ectosmith(dir: string): Promise<Generator> {
	const db = join(dir, 'ectosmith.db');
	const env = cliEnv(dir);
	const from = distIsFresh() ? 'dist' : 'source';
	let cli: string[];
	if (from === 'dist') cli = [join(packageRoot(), 'dist', 'source', 'cli.js')];
	else {
		// The default seed names dist/'s tool servers: point the database at the sources instead.
		const orm = await openDatabase({dbPath: db, seed: false});
		try {
			await importSeed(orm.em.fork(), {servers: realToolServers(), workflows: []});
		} finally {
			await orm.close(true);
		}
		cli = ['--import', tsxLoader, join(packageRoot(), 'source', 'cli.tsx')];
	}

	// The suite runs the whole chain on each project itself: the run's own check would double it.
	const off = await runCommand(process.execPath, [...cli, 'workflows', 'edit', 'elixir_crud_generator', '--checks', 'off', '--db', db], {cwd: dir, env});
	if (off.code !== 0) throw new Error(`ectosmith workflows edit --checks off exited ${off.code}:\n${tail(off.output)}`);
	let last: string | undefined;
	return {
		from,
		async run(project, description, options = {}) {
			// A follow-up continues the conversation of the previous run, as `run --continue ID` does.
			if (options.followUp && last === undefined) throw new Error(`"${description}" is a follow-up, but no run came before it`);
			const follow = options.followUp ? ['--continue', last!] : [];
			const result = await runCommand(process.execPath, [...cli, 'run', '--db', db, '--project', project, ...follow, description], {cwd: dir, env});
			if (result.code !== 0) throw new Error(`ectosmith run "${description}" exited ${result.code}:\n${tail(result.output)}`);
			last = [...result.output.matchAll(/\(execution #(\d+)\)/g)].at(-1)?.[1] ?? last;
			return result.output;
		},
	};
}
