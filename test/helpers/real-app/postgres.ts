/**
 * A private PostgreSQL for one test process: a data folder and a Unix socket in a temp folder,
 * listen_addresses='' (no TCP, so nothing clashes with another run), trust auth for the
 * `postgres` role. initdb refuses root, so as root the server runs as the `postgres` user (or nobody).
 */
import {spawnSync} from 'node:child_process';
import {rmSync} from 'node:fs';
import {chown, mkdtemp, realpath, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {type CommandOptions, runChecked} from './command.js';

export interface Postgres {
	socketDir: string;
	port: number;
	/** Runs one SQL statement in a database; returns psql's unaligned, tuples-only output. */
	query(database: string, sql: string): Promise<string>;
	/** Stops the server and removes its folder; safe to call twice. */
	stop(): Promise<void>;
}

const PORT = 5432;

/** uid/gid to run the server as: ourselves, or when root the `postgres` user (nobody without one). */
function serverUser(): {uid: number; gid: number} | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const id = (flag: string) => spawnSync('id', [flag, 'postgres'], {encoding: 'utf8'});
	const uid = id('-u');
	const gid = id('-g');
	if (uid.status === 0 && gid.status === 0) return {uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim())};
	return {uid: 65_534, gid: 65_534};
}

export async function startPostgres(pgBin: string): Promise<Postgres> {
	// A short path: a Unix socket's path is limited to about 100 bytes.
	const dir = await realpath(await mkdtemp(join(tmpdir(), 'ectosmith-pg-')));
	const user = serverUser();
	const as: CommandOptions = user ? {uid: user.uid, gid: user.gid, cwd: dir} : {cwd: dir};
	if (user) await chown(dir, user.uid, user.gid);
	const data = join(dir, 'data');
	const pgCtl = join(pgBin, 'pg_ctl');
	let running = false;
	// A worker that exits without its after.always hooks (a timeout, an uncaught error) still stops the server.
	const onExit = () => {
		if (running) spawnSync(pgCtl, ['stop', '-D', data, '-m', 'immediate', '-w', '-s'], {...as, stdio: 'ignore'});
		rmSync(dir, {recursive: true, force: true});
	};
	process.once('exit', onExit);
	const stop = async () => {
		process.off('exit', onExit);
		if (running) {
			running = false;
			await runChecked(pgCtl, ['stop', '-D', data, '-m', 'fast', '-w', '-s'], as);
		}
		await rm(dir, {recursive: true, force: true});
	};
	try {
		await runChecked(join(pgBin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'], as);
		// -w waits until the server accepts connections: readiness by pg_ctl's signal, not a sleep.
		const options = `-k ${dir} -p ${PORT} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
		await runChecked(pgCtl, ['start', '-D', data, '-w', '-s', '-l', join(dir, 'server.log'), '-o', options], as);
		running = true;
	} catch (error) {
		await stop().catch(() => undefined);
		throw error;
	}
	return {
		socketDir: dir,
		port: PORT,
		stop,
		query: async (database, sql) =>
			(await runChecked(join(pgBin, 'psql'), ['-h', dir, '-p', String(PORT), '-U', 'postgres', '-d', database, '-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql])).trim(),
	};
}
