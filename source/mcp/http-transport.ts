/**
 * Reaching a server entry that has a url: MCP's streamable HTTP through the SDK's client
 * transport, falling back to the older HTTP+SSE transport when the server answers the initialize
 * POST with a 4xx other than 401/403 (the SDK's rule for servers from before streamable HTTP);
 * an entry of transport `sse` goes to SSE directly. Headers reach every request, the SSE stream's too.
 */
import type {Client} from '@modelcontextprotocol/sdk/client/index.js';
import {SSEClientTransport} from '@modelcontextprotocol/sdk/client/sse.js';
import {StreamableHTTPClientTransport, StreamableHTTPError} from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type {McpServerConfig} from '../config/types.js';

export type HttpVia = 'streamable HTTP' | 'SSE';

function olderServer(error: unknown): boolean {
	const code = error instanceof StreamableHTTPError ? error.code : undefined;
	return code !== undefined && code >= 400 && code < 500 && code !== 401 && code !== 403;
}

/** Connects a fresh client from `newClient` to the entry's url; returns it and how it got through. */
export async function connectOverHttp(
	config: McpServerConfig & {url: string},
	headers: Record<string, string>,
	options: {timeoutMs: number; newClient: () => Client},
): Promise<{client: Client; via: HttpVia}> {
	const url = new URL(config.url);
	const requestInit: RequestInit = {headers};
	if (config.transport !== 'sse') {
		const client = options.newClient();
		try {
			await client.connect(new StreamableHTTPClientTransport(url, {requestInit}), {timeout: options.timeoutMs});
			return {client, via: 'streamable HTTP'};
		} catch (error) {
			await client.close().catch(() => undefined);
			if (!olderServer(error)) throw error;
		}
	}

	const client = options.newClient();
	try {
		await client.connect(new SSEClientTransport(url, {requestInit}), {timeout: options.timeoutMs});
	} catch (error) {
		await client.close().catch(() => undefined);
		throw error;
	}

	return {client, via: 'SSE'};
}

/** Why an HTTP connection failed, in a few words: refused, unauthorized, not found, timed out. */
export function httpFailure(error: unknown, url: string, timeoutMs: number): string {
	const code = (error as {code?: unknown} | undefined)?.code;
	// fetch's "fetch failed" carries the socket's errno a cause or two down.
	let cause: unknown;
	for (let current = (error as {cause?: unknown} | undefined)?.cause, depth = 0; current instanceof Error && depth < 4 && cause === undefined; current = current.cause, depth++) {
		cause = (current as {code?: unknown}).code ?? (current instanceof AggregateError ? (current.errors[0] as {code?: unknown} | undefined)?.code : undefined);
	}

	if (cause === 'ECONNREFUSED' || code === 'ECONNREFUSED') return `could not connect to ${url}: nothing listens there (is the server running?)`;
	if (cause === 'ENOTFOUND' || cause === 'EAI_AGAIN') return `could not connect to ${url}: its host is unknown`;
	if (code === 401 || code === 403) return `${url} refused the connection (HTTP ${code}): check the entry's headers (a token, written \${VARIABLE} to keep it out of the database)`;
	if (typeof code === 'number' && code === -32_001) return `did not answer the MCP initialize request within ${timeoutMs} ms (is ${url} an MCP endpoint?)`;
	if (typeof code === 'number' && code >= 400) return `${url} answered HTTP ${code} (is it an MCP endpoint?)`;
	const reason = error instanceof Error ? error.message : String(error);
	const why = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
	return `could not connect to ${url}: ${reason}${why}`;
}
