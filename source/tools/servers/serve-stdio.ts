/**
 * Connects a tool server to stdin/stdout and ends it promptly: on SIGTERM, SIGINT or SIGHUP, and
 * when the client closes stdin. When stdin closes, the calls already received are answered first
 * (a client may pipe its requests and close: `... | elixir_ecto_gen_tool`), for a bounded time.
 * A commit under way finishes first (bounded), no new one starts.
 * A signal is then re-raised with its default action, so the process ends with 128+signal even if
 * a thread of the pool were stuck in a read (process.exit would wait for it forever).
 */
import type {McpServer} from '@modelcontextprotocol/sdk/server/mcp.js';
import {StdioServerTransport} from '@modelcontextprotocol/sdk/server/stdio.js';
import {callsAnswered, stopCommits} from '../write/shutdown.js';

const COMMIT_GRACE_MS = 3000;
const CALL_GRACE_MS = 10_000;
const CLOSE_GRACE_MS = 500;

export async function serveStdio(server: McpServer): Promise<void> {
	let stopping = false;
	const stop = async (signal?: NodeJS.Signals): Promise<void> => {
		if (stopping) return;
		stopping = true;
		if (signal === undefined) {
			// Requests read with the last bytes start on the next turns of the loop: let them register.
			await new Promise(resolve => setTimeout(resolve, 0));
			await callsAnswered(CALL_GRACE_MS);
			// The SDK checks and sends a result in the turns after the handler returns; closing
			// before that would drop the answer (close aborts the requests in flight).
			for (let turn = 0; turn < 3; turn++) await new Promise(resolve => setTimeout(resolve, 0));
		}

		await stopCommits(COMMIT_GRACE_MS);
		await Promise.race([server.close().catch(() => undefined), new Promise(resolve => setTimeout(resolve, CLOSE_GRACE_MS))]);
		if (signal === undefined) process.exit(0);
		process.removeAllListeners(signal);
		process.kill(process.pid, signal);
	};

	for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
	process.stdin.on('end', () => void stop());
	process.stdin.on('close', () => void stop());
	await server.connect(new StdioServerTransport());
}
