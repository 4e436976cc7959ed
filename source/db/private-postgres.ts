/**
 * A throwaway PostgreSQL server: a data folder and a Unix socket in a temp folder, no TCP
 * (listen_addresses=''), trust auth for the `postgres` role, stopped and removed by stop() or at
 * exit. For the developer's migration tool (create-migration.ts writes the PostgreSQL mirror of a
 * change against one) and the tests; the program itself never starts a server. initdb refuses
 * root, so as root the server runs as the `postgres` user (or nobody).
 */
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, readdirSync, rmSync} from 'node:fs';
import {chown, mkdtemp, realpath, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {delimiter, join} from 'node:path';

export interface PrivatePostgres {
	socketDir: string;
	port: number;
	/** A postgresql:// URL for a database of this server (over its socket). */
	url(database: string): string;
	/** Runs SQL in a database through psql; returns its unaligned, tuples-only output. */
	query(database: string, sql: string): Promise<string>;
	/** Stops the server, keeping its data (a database that went away), until resume. */
	pause(): Promise<void>;
	resume(): Promise<void>;
	/** Stops the server and removes its folder; safe to call twice. */
	stop(): Promise<void>;
}

const PORT = 5432;

/** PostgreSQL's server binaries: on PATH, or Debian's /usr/lib/postgresql/<newest>/bin; undefined when missing. */
export function findPgBin(): string | undefined {
	const hasAll = (folder: string) => ['initdb', 'pg_ctl', 'psql'].every(name => existsSync(join(folder, name)));
	const fromPath = (process.env.PATH ?? '').split(delimiter).find(folder => folder && existsSync(join(folder, 'pg_ctl')));
	if (fromPath && hasAll(fromPath)) return fromPath;
	const debian = '/usr/lib/postgresql';
	if (!existsSync(debian)) return undefined;
	const versions = readdirSync(debian)
		.filter(name => /^\d+$/.test(name))
		.sort((a, b) => Number(b) - Number(a));
	return versions.map(version => join(debian, version, 'bin')).find(hasAll);
}

interface As {
	uid?: number;
	gid?: number;
	cwd: string;
}

/** uid/gid to run the server as: ourselves, or when root the `postgres` user (nobody without one). */
function serverUser(): {uid: number; gid: number} | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const id = (flag: string) => spawnSync('id', [flag, 'postgres'], {encoding: 'utf8'});
	const uid = id('-u');
	const gid = id('-g');
	if (uid.status === 0 && gid.status === 0) return {uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim())};
	return {uid: 65_534, gid: 65_534};
}

function run(command: string, args: string[], options: As | {cwd?: string} = {}): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {...options, stdio: ['ignore', 'pipe', 'pipe']});
		let output = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		child.on('error', reject);
		child.on('close', code => {
			if (code === 0) resolve(output);
			else reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output.trimEnd().split('\n').slice(-40).join('\n')}`));
		});
	});
}

export async function startPrivatePostgres(pgBin: string): Promise<PrivatePostgres> {
	// A short path: a Unix socket's path is limited to about 100 bytes.
	const dir = await realpath(await mkdtemp(join(tmpdir(), 'ectosmith-pg-')));
	const user = serverUser();
	const as: As = user ? {uid: user.uid, gid: user.gid, cwd: dir} : {cwd: dir};
	if (user) await chown(dir, user.uid, user.gid);
	const data = join(dir, 'data');
	const pgCtl = join(pgBin, 'pg_ctl');
	let running = false;
	// A process that exits without calling stop (a test timeout, an uncaught error) still stops the server.
	const onExit = () => {
		if (running) spawnSync(pgCtl, ['stop', '-D', data, '-m', 'immediate', '-w', '-s'], {...as, stdio: 'ignore'});
		rmSync(dir, {recursive: true, force: true});
	};
	process.once('exit', onExit);
	const stop = async () => {
		process.off('exit', onExit);
		if (running) {
			running = false;
			await run(pgCtl, ['stop', '-D', data, '-m', 'fast', '-w', '-s'], as);
		}
		await rm(dir, {recursive: true, force: true});
	};
	// -w waits until the server accepts connections: readiness by pg_ctl's signal, not a sleep.
	const options = `-k ${dir} -p ${PORT} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
	const start = async () => {
		await run(pgCtl, ['start', '-D', data, '-w', '-s', '-l', join(dir, 'server.log'), '-o', options], as);
		running = true;
	};
	try {
		await run(join(pgBin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'], as);
		await start();
	} catch (error) {
		await stop().catch(() => undefined);
		throw error;
	}

	return {
		socketDir: dir,
		port: PORT,
		stop,
		pause: async () => {
			running = false;
			await run(pgCtl, ['stop', '-D', data, '-m', 'fast', '-w', '-s'], as);
		},
		resume: start,
		url: database => `postgresql://postgres@localhost:${PORT}/${encodeURIComponent(database)}?host=${encodeURIComponent(dir)}`,
		query: async (database, sql) => (await run(join(pgBin, 'psql'), ['-h', dir, '-p', String(PORT), '-U', 'postgres', '-d', database, '-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql])).trim(),
	};
}
