/**
 * fake-gemini: a local stand-in for the Gemini API, so tests drive the REAL @google/genai SDK.
 *
 *   const fake = await startFakeGemini([
 *     {text: 'Inspecting the project.', functionCalls: [{name: 'inspect_project', args: {project_path: dir}}]},
 *     {text: 'All done.', usage: {promptTokenCount: 10, candidatesTokenCount: 3, totalTokenCount: 13}},
 *   ]);
 *   // Point the SDK at it, with any dummy key:
 *   //   createProvider({provider: 'gemini', env: {GEMINI_API_KEY: 'test-key', GOOGLE_GEMINI_BASE_URL: fake.url}})
 *   //   or new GoogleGenAI({apiKey: 'test-key', httpOptions: {baseUrl: fake.url}})
 *   fake.requests   // every request received, in order: {method, model, body (parsed JSON), apiKey}
 *   await fake.close();
 *
 * It answers `POST /v1beta/models/{model}:streamGenerateContent?alt=sse` (server-sent events,
 * `data: {json}\r\n\r\n`, text split across chunks, function calls, finishReason and usage in the
 * last chunk) and `POST /v1beta/models/{model}:generateContent` (one JSON answer).
 *
 * Each request consumes the next FakeTurn of the script (or calls the handler). A FakeTurn is one of:
 *   - a model turn: {text?, textChunks?, thought?, thoughtSignature?, functionCalls?, finishReason?, usage?}
 *       text is streamed in about three chunks (or exactly `textChunks`); `thought` is sent first as a
 *       `{text, thought: true}` part; `thoughtSignature` goes on the first function call part, or on a
 *       final empty text part when there is no call (as Gemini does); a call may carry its own `id` and
 *       `thoughtSignature`; finishReason defaults to "STOP" and `null` omits it (a stream cut short).
 *   - {error: {status, message?, retryDelay?: '2s', retryAfter?: '1'}}: an HTTP error with a google.rpc
 *       body (RetryInfo detail when retryDelay is set; Retry-After header when retryAfter is set).
 *   - {empty: true}: a 200 stream that sends no event at all.
 *   - {malformed: true}: a stream whose only chunk has finishReason MALFORMED_FUNCTION_CALL.
 *   - {hang: true, text?}: sends `text` (if any) as one chunk, then nothing until the client goes away
 *       (for cancel tests). `fake.hanging` resolves once a hanging request has sent its first bytes.
 * When the script runs out the fake answers HTTP 400 "fake-gemini: script exhausted" (not retried).
 * A handler `(request, index) => FakeTurn | Promise<FakeTurn>` can be given instead of a list.
 * `startFakeGemini(script, {repeatLast: true})` keeps answering the last turn instead of running out.
 */
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';

export interface FakeFunctionCall {
	name: string;
	args?: Record<string, unknown>;
	id?: string;
	thoughtSignature?: string;
}

export interface FakeUsage {
	promptTokenCount?: number;
	candidatesTokenCount?: number;
	totalTokenCount?: number;
	thoughtsTokenCount?: number;
}

export interface FakeModelTurn {
	text?: string;
	textChunks?: string[];
	thought?: string;
	thoughtSignature?: string;
	functionCalls?: FakeFunctionCall[];
	finishReason?: string | null;
	usage?: FakeUsage;
}

export interface FakeErrorTurn {
	error: {status: number; message?: string; retryDelay?: string; retryAfter?: string};
}

export type FakeTurn = FakeModelTurn | FakeErrorTurn | {empty: true} | {malformed: true} | {hang: true; text?: string};

export interface FakeRequest {
	method: 'streamGenerateContent' | 'generateContent';
	model: string;
	/** The parsed JSON body the SDK sent (contents, tools, generationConfig...). */
	body: FakeRequestBody;
	/** The x-goog-api-key header, so tests can check the key went to the server (and nowhere else). */
	apiKey?: string;
}

export interface FakeRequestBody {
	contents?: Array<{role?: string; parts?: Array<Record<string, unknown>>}>;
	tools?: Array<{functionDeclarations?: Array<Record<string, unknown>>}>;
	[key: string]: unknown;
}

export type FakeHandler = (request: FakeRequest, index: number) => FakeTurn | Promise<FakeTurn>;

export interface FakeGemini {
	/** Base URL for the SDK (GOOGLE_GEMINI_BASE_URL or httpOptions.baseUrl). */
	url: string;
	requests: FakeRequest[];
	/** Resolves when a `hang` turn has sent its first bytes. */
	hanging: Promise<void>;
	close(): Promise<void>;
}

const ROUTE = /^\/v1beta\/models\/([^:/?]+):(streamGenerateContent|generateContent)(?:\?|$)/;

export async function startFakeGemini(script: FakeTurn[] | FakeHandler, options: {repeatLast?: boolean} = {}): Promise<FakeGemini> {
	const requests: FakeRequest[] = [];
	let markHanging: () => void = () => {};
	const hanging = new Promise<void>(resolve => {
		markHanging = resolve;
	});
	const nextTurn: FakeHandler =
		typeof script === 'function'
			? script
			: (_request, index) => {
					const turn = script[index] ?? (options.repeatLast ? script.at(-1) : undefined);
					return turn ?? {error: {status: 400, message: `fake-gemini: script exhausted after ${script.length} turns`}};
				};

	const server = createServer((req, res) => {
		void handle(req, res).catch(error => {
			if (!res.headersSent) res.writeHead(500, {'content-type': 'text/plain'});
			res.end(String(error));
		});
	});

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const match = ROUTE.exec(req.url ?? '');
		if (req.method !== 'POST' || !match) {
			res.writeHead(404, {'content-type': 'application/json'});
			res.end(JSON.stringify({error: {code: 404, message: `fake-gemini: no route ${req.method} ${req.url}`, status: 'NOT_FOUND'}}));
			return;
		}
		const body = JSON.parse(await readBody(req)) as FakeRequestBody;
		const request: FakeRequest = {
			method: match[2] as FakeRequest['method'],
			model: decodeURIComponent(match[1]!),
			body,
			apiKey: headerValue(req.headers['x-goog-api-key']),
		};
		const index = requests.length;
		requests.push(request);
		const turn = await nextTurn(request, index);

		if ('error' in turn) return sendError(res, turn.error);
		if (request.method === 'generateContent') return sendUnary(res, turn);

		res.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-cache'});
		if ('hang' in turn) {
			if (turn.text) res.write(sse(chunkOf([{text: turn.text}])));
			else res.flushHeaders();
			markHanging();
			// Keep the socket open until the client aborts or the fake closes.
			await new Promise<void>(resolve => res.on('close', resolve));
			return;
		}
		for (const chunk of streamChunks(turn)) res.write(sse(chunk));
		res.end();
	}

	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		hanging,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>(resolve => server.close(() => resolve()));
		},
	};
}

/** The chunks of one streamed answer (exported so tests can reason about what was sent). */
export function streamChunks(turn: Exclude<FakeTurn, FakeErrorTurn | {hang: true}>): Array<Record<string, unknown>> {
	if ('empty' in turn) return [];
	if ('malformed' in turn) return [{candidates: [{finishReason: 'MALFORMED_FUNCTION_CALL', index: 0}]}];
	const chunks: Array<Record<string, unknown>> = [];
	if (turn.thought) chunks.push(chunkOf([{text: turn.thought, thought: true}]));
	for (const piece of textPieces(turn)) chunks.push(chunkOf([{text: piece}]));
	const lastParts: Array<Record<string, unknown>> = (turn.functionCalls ?? []).map((call, index) => {
		const signature = call.thoughtSignature ?? (index === 0 ? turn.thoughtSignature : undefined);
		return {
			functionCall: {...(call.id ? {id: call.id} : {}), name: call.name, args: call.args ?? {}},
			...(signature ? {thoughtSignature: signature} : {}),
		};
	});
	if (lastParts.length === 0 && turn.thoughtSignature) lastParts.push({text: '', thoughtSignature: turn.thoughtSignature});
	const last: Record<string, unknown> = chunkOf(lastParts, turn.finishReason === undefined ? 'STOP' : turn.finishReason);
	if (turn.usage) last['usageMetadata'] = turn.usage;
	chunks.push(last);
	return chunks;
}

function textPieces(turn: FakeModelTurn): string[] {
	if (turn.textChunks) return turn.textChunks;
	const text = turn.text ?? '';
	if (text.length === 0) return [];
	const size = Math.max(1, Math.ceil(text.length / 3));
	const pieces: string[] = [];
	for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
	return pieces;
}

function chunkOf(parts: Array<Record<string, unknown>>, finishReason?: string | null): Record<string, unknown> {
	const candidate: Record<string, unknown> = {index: 0};
	if (parts.length > 0) candidate['content'] = {role: 'model', parts};
	if (finishReason) candidate['finishReason'] = finishReason;
	return {candidates: [candidate], modelVersion: 'fake-gemini'};
}

function sendUnary(res: ServerResponse, turn: FakeTurn): void {
	const chunks = 'hang' in turn || 'error' in turn ? [] : streamChunks(turn);
	const parts: Array<Record<string, unknown>> = [];
	let finishReason: unknown;
	let usage: unknown;
	for (const chunk of chunks) {
		const candidate = (chunk['candidates'] as Array<Record<string, unknown>>)[0]!;
		const content = candidate['content'] as {parts: Array<Record<string, unknown>>} | undefined;
		parts.push(...(content?.parts ?? []));
		finishReason = candidate['finishReason'] ?? finishReason;
		usage = chunk['usageMetadata'] ?? usage;
	}
	const candidate: Record<string, unknown> = {index: 0, content: {role: 'model', parts}};
	if (finishReason) candidate['finishReason'] = finishReason;
	res.writeHead(200, {'content-type': 'application/json'});
	res.end(JSON.stringify({candidates: [candidate], ...(usage ? {usageMetadata: usage} : {}), modelVersion: 'fake-gemini'}));
}

function sendError(res: ServerResponse, error: FakeErrorTurn['error']): void {
	const details = error.retryDelay ? [{'@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: error.retryDelay}] : undefined;
	const headers: Record<string, string> = {'content-type': 'application/json; charset=UTF-8'};
	if (error.retryAfter) headers['retry-after'] = error.retryAfter;
	res.writeHead(error.status, headers);
	res.end(
		JSON.stringify({
			error: {
				code: error.status,
				message: error.message ?? defaultMessage(error.status),
				status: statusName(error.status),
				...(details ? {details} : {}),
			},
		}),
	);
}

function defaultMessage(status: number): string {
	if (status === 429) return 'Resource has been exhausted (e.g. check quota).';
	if (status === 503) return 'The model is overloaded. Please try again later.';
	if (status >= 500) return 'Internal error encountered.';
	return 'Request contains an invalid argument.';
}

function statusName(status: number): string {
	const names: Record<number, string> = {
		400: 'INVALID_ARGUMENT',
		401: 'UNAUTHENTICATED',
		403: 'PERMISSION_DENIED',
		404: 'NOT_FOUND',
		429: 'RESOURCE_EXHAUSTED',
		500: 'INTERNAL',
		503: 'UNAVAILABLE',
		504: 'DEADLINE_EXCEEDED',
	};
	return names[status] ?? 'UNKNOWN';
}

function sse(chunk: Record<string, unknown>): string {
	return `data: ${JSON.stringify(chunk)}\r\n\r\n`;
}

function headerValue(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}
