/**
 * Serves a tool server over MCP's streamable HTTP at http://HOST:PORT/mcp: one MCP session per
 * client, each with a server of its own from `create`. Bound to 127.0.0.1 unless a host is given;
 * every request must carry the token printed at start (Authorization: Bearer TOKEN), so another
 * local user or a web page cannot call the tools. Ends on SIGTERM, SIGINT or SIGHUP, letting a
 * commit under way finish (bounded).
 */
import {randomBytes, randomUUID, timingSafeEqual} from 'node:crypto';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {McpServer} from '@modelcontextprotocol/sdk/server/mcp.js';
import {StreamableHTTPServerTransport} from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import {isInitializeRequest} from '@modelcontextprotocol/sdk/types.js';
import {stopCommits} from '../write/shutdown.js';

const COMMIT_GRACE_MS = 3000;
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface HttpServeOptions {
	port: number;
	/** Default 127.0.0.1: only this machine. */
	host?: string;
	/** Default a fresh random one (ECTOSMITH_SERVER_TOKEN when set, so a client's entry can keep it). */
	token?: string;
}

export interface HttpServing {
	url: string;
	token: string;
	close(): Promise<void>;
}

function bearerMatches(request: IncomingMessage, token: string): boolean {
	const given = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
	const a = Buffer.from(given);
	const b = Buffer.from(token);
	return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(response: ServerResponse, status: number, message: string): void {
	response.writeHead(status, {'content-type': 'application/json', ...(status === 401 ? {'www-authenticate': 'Bearer'} : {})});
	response.end(JSON.stringify({jsonrpc: '2.0', error: {code: -32_000, message}, id: null}));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
	let size = 0;
	const chunks: Buffer[] = [];
	for await (const chunk of request as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > MAX_BODY_BYTES) throw new Error('request body too large');
		chunks.push(chunk);
	}

	return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export async function serveHttp(create: () => McpServer, options: HttpServeOptions): Promise<HttpServing> {
	const token = options.token ?? randomBytes(24).toString('base64url');
	const sessions = new Map<string, {transport: StreamableHTTPServerTransport; server: McpServer}>();
	const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
		if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/mcp') return refuse(response, 404, 'Not found: the MCP endpoint is /mcp');
		if (!bearerMatches(request, token)) return refuse(response, 401, 'Unauthorized: send the token printed at start as "Authorization: Bearer TOKEN"');
		const sessionId = request.headers['mcp-session-id'];
		const session = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
		if (session) {
			const body = request.method === 'POST' ? await readJson(request) : undefined;
			await session.transport.handleRequest(request, response, body);
			return;
		}

		if (sessionId !== undefined) return refuse(response, 404, 'Unknown MCP session; initialize again');
		if (request.method !== 'POST') return refuse(response, 400, 'No MCP session: start with an initialize request');
		const body = await readJson(request);
		if (!isInitializeRequest(body)) return refuse(response, 400, 'No MCP session: start with an initialize request');
		const server = create();
		const transport = new StreamableHTTPServerTransport({
			sessionIdGenerator: () => randomUUID(),
			onsessioninitialized: id => {
				sessions.set(id, {transport, server});
			},
		});
		transport.onclose = () => {
			if (transport.sessionId !== undefined) sessions.delete(transport.sessionId);
		};
		await server.connect(transport);
		await transport.handleRequest(request, response, body);
	};

	const http: Server = createServer((request, response) => {
		handle(request, response).catch((error: unknown) => {
			if (!response.headersSent) refuse(response, 400, `Bad request: ${error instanceof Error ? error.message : String(error)}`);
			else response.end();
		});
	});
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		http.once('error', reject);
		http.listen(options.port, host, () => {
			http.off('error', reject);
			resolve();
		});
	});
	const {port} = http.address() as AddressInfo;
	const close = async () => {
		await Promise.all([...sessions.values()].map(async ({server}) => server.close().catch(() => undefined)));
		http.closeAllConnections();
		await new Promise(resolve => http.close(resolve));
	};
	return {url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/mcp`, token, close};
}

/** The executable's side: serve, say where and with which token, and end on a signal. */
export async function serveHttpUntilSignalled(create: () => McpServer, options: HttpServeOptions, out: NodeJS.WritableStream = process.stdout): Promise<void> {
	const serving = await serveHttp(create, {...options, ...(options.token === undefined && process.env.ECTOSMITH_SERVER_TOKEN ? {token: process.env.ECTOSMITH_SERVER_TOKEN} : {})});
	out.write(`MCP over HTTP at ${serving.url}\nToken: ${serving.token}\n(send it as the header "Authorization: Bearer <token>")\n`);
	let stopping = false;
	const stop = async (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		await stopCommits(COMMIT_GRACE_MS);
		await serving.close();
		process.removeAllListeners(signal);
		process.kill(process.pid, signal);
	};
	for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
}
