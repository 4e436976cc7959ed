/**
 * A tool server ends promptly when told to: on SIGTERM (with the signal's status) and when its
 * client closes stdin, also while a call is still waiting for the project lock, and a special file
 * where a config file should be never hangs it. Real servers, spawned as the engine spawns them.
 */

import {type ChildProcessWithoutNullStreams, execFileSync, spawn} from 'node:child_process';
import {constants} from 'node:fs';
import {chmod, mkdir, open, rename, rm, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import test from 'ava';
import {packageRoot} from '../../source/package-root.js';
import {lockFileOf} from '../../source/tools/write/project-lock.js';
import {requireElixir} from '../helpers/elixir.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {tsxLoader} from '../helpers/tsx-loader.js';

/** Long enough for a loaded machine, far below the 60 s a waiting call would take. */
const WATCHDOG_MS = 30_000;

interface Server {
	child: ChildProcessWithoutNullStreams;
	send: (message: unknown) => void;
	/** Resolves with the response to request `id`. */
	response: (id: number) => Promise<Record<string, unknown>>;
	exited: Promise<{code: number | null; signal: NodeJS.Signals | null}>;
}

async function startServer(t: import('ava').ExecutionContext): Promise<Server> {
	const child = spawn(process.execPath, ['--import', tsxLoader, join(packageRoot(), 'source/tools/bin/elixir-ecto-gen-tool.ts')], {stdio: ['pipe', 'pipe', 'pipe']});
	t.teardown(() => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	});
	const waiting = new Map<number, (value: Record<string, unknown>) => void>();
	let buffer = '';
	child.stdout.setEncoding('utf8');
	child.stdout.on('data', (chunk: string) => {
		buffer += chunk;
		for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
			const message = JSON.parse(buffer.slice(0, newline)) as Record<string, unknown>;
			buffer = buffer.slice(newline + 1);
			waiting.get(message['id'] as number)?.(message);
		}
	});
	child.stderr.resume();
	const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>(resolve => {
		child.on('exit', (code, signal) => resolve({code, signal}));
	});
	const server: Server = {
		child,
		send: message => child.stdin.write(`${JSON.stringify(message)}\n`),
		response: async id => new Promise(resolve => waiting.set(id, resolve)),
		exited,
	};
	server.send({jsonrpc: '2.0', id: 0, method: 'initialize', params: {protocolVersion: '2025-06-18', capabilities: {}, clientInfo: {name: 'lifecycle-test', version: '1'}}});
	await server.response(0);
	server.send({jsonrpc: '2.0', method: 'notifications/initialized'});
	return server;
}

async function withinWatchdog<T>(promise: Promise<T>, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const watchdog = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} did not happen within ${WATCHDOG_MS} ms`)), WATCHDOG_MS);
	});
	try {
		return await Promise.race([promise, watchdog]);
	} finally {
		clearTimeout(timer);
	}
}

/**
 * A project whose write lock is held by a live process (this test): a writing call waits on it.
 * `onTheLock` resolves once a call has opened the lock to read its holder, so it waits: the lock is first
 * a FIFO, whose opening for writing returns only when the call opens it to read; the test then puts
 * the lock as a regular file in its place and hands the waiting reader the holder through the FIFO.
 */
async function lockedProject(t: import('ava').ExecutionContext): Promise<{root: string; onTheLock: Promise<void>}> {
	const root = await copyFixtureProject(t, 'my_app');
	await mkdir(join(root, '_build', '.ectosmith'), {recursive: true, mode: 0o700});
	await chmod(join(root, '_build', '.ectosmith'), 0o700);
	const lock = lockFileOf(root);
	const holder = `${process.pid} held-by-the-test`;
	execFileSync('mkfifo', [lock]);
	let read = false;
	const onTheLock = (async () => {
		const fifo = await open(lock, 'w');
		read = true;
		await writeFile(`${lock}.new`, holder);
		await rename(`${lock}.new`, lock);
		await fifo.writeFile(holder);
		await fifo.close();
	})();
	// A call that never came: open the FIFO to read, so the test's own open above returns.
	t.teardown(async () => {
		if (!read) await (await open(lock, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => undefined))?.close();
		await onTheLock.catch(() => undefined);
	});
	return {root, onTheLock};
}

const schemaCall = (id: number, root: string) => ({
	jsonrpc: '2.0',
	id,
	method: 'tools/call',
	params: {name: 'generate_schema', arguments: {project_path: root, schema: 'Blog.Post', plural: 'posts', attrs: ['title']}},
});

test('SIGTERM ends a server promptly, with the signal, while a call waits for the project lock; nothing is written', async t => {
	const {root, onTheLock} = await lockedProject(t);
	const server = await startServer(t);
	server.send(schemaCall(1, root));
	await withinWatchdog(onTheLock, 'the call waiting on the lock');
	server.child.kill('SIGTERM');
	const exit = await withinWatchdog(server.exited, 'exit after SIGTERM');
	t.deepEqual(exit, {code: null, signal: 'SIGTERM'});
	await rm(lockFileOf(root));
	t.false(execFileSync('ls', [join(root, 'lib/my_app')], {encoding: 'utf8'}).includes('blog'));
});

test('closing stdin ends a server within its bound for answering, also while a call waits for the project lock', async t => {
	const {root, onTheLock} = await lockedProject(t);
	const server = await startServer(t);
	server.send(schemaCall(1, root));
	await withinWatchdog(onTheLock, 'the call waiting on the lock');
	server.child.stdin.end();
	const exit = await withinWatchdog(server.exited, 'exit after stdin closed');
	t.deepEqual(exit, {code: 0, signal: null});
	t.false(execFileSync('ls', [join(root, 'lib/my_app')], {encoding: 'utf8'}).includes('blog'));
});

test('a FIFO at config/config.exs: inspect_project answers with a warning, and SIGTERM then ends the server', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	await rm(join(root, 'config/config.exs'));
	execFileSync('mkfifo', [join(root, 'config/config.exs')]);
	const server = await startServer(t);
	server.send({jsonrpc: '2.0', id: 1, method: 'tools/call', params: {name: 'inspect_project', arguments: {project_path: root}}});
	const answer = await withinWatchdog(server.response(1), 'an answer to inspect_project');
	t.regex(JSON.stringify(answer), /config\/config\.exs is a named pipe \(FIFO\), not a regular file/);
	server.child.kill('SIGTERM');
	t.deepEqual(await withinWatchdog(server.exited, 'exit after SIGTERM'), {code: null, signal: 'SIGTERM'});
});

/** A process's children, by pid and command name. */
function childrenOf(pid: number): Array<{pid: number; command: string}> {
	let listing = '';
	try {
		listing = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(pid)], {encoding: 'utf8'});
	} catch {
		return []; // Ps exits 1 when there is none.
	}

	return listing
		.trim()
		.split('\n')
		.filter(line => line.trim() !== '')
		.map(line => {
			const [child, command] = line.trim().split(/\s+/);
			return {pid: Number(child), command: command!};
		});
}

/** Whether a process runs (a zombie waiting for its parent's exit does not). */
function alive(pid: number): boolean {
	try {
		return !/^\S+ \(.*\) Z/.test(execFileSync('cat', [`/proc/${pid}/stat`], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}));
	} catch {
		return false;
	}
}

test('one warm Elixir process checks every call of a server, and ends with it', async t => {
	if (!requireElixir(t)) return;
	const root = await copyFixtureProject(t, 'my_app');
	const server = await startServer(t);
	server.send(schemaCall(1, root));
	t.regex(JSON.stringify(await withinWatchdog(server.response(1), 'the first call')), /lib\/my_app\/blog\/post\.ex/);
	// Beside tsx's esbuild service, the Erlang VM that `elixir` became.
	const elixirs = () => childrenOf(server.child.pid!).filter(child => child.command === 'beam.smp');
	const [elixir, ...others] = elixirs();
	t.is(others.length, 0);
	t.truthy(elixir);
	server.send({...schemaCall(2, root), params: {name: 'generate_schema', arguments: {project_path: root, schema: 'Blog.Comment', plural: 'comments', attrs: ['body']}}});
	t.regex(JSON.stringify(await withinWatchdog(server.response(2), 'the second call')), /lib\/my_app\/blog\/comment\.ex/);
	t.deepEqual(elixirs(), [elixir]);
	server.child.stdin.end();
	t.deepEqual(await withinWatchdog(server.exited, 'exit after stdin closed'), {code: 0, signal: null});
	t.false(alive(elixir!.pid));
});
