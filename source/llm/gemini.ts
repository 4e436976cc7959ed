/**
 * The Gemini provider: @google/genai with streaming function calling.
 * One nextTurn = one streamed generateContent call, retried with backoff on 429/5xx/network
 * failures and on answers that are unusable (empty, cut short, malformed function call).
 * The key goes to the SDK only; it never reaches a message, a log line or the history.
 */
import {type GenerateContentConfig, type GenerateContentResponse, GoogleGenAI} from '@google/genai';
import {abortError} from '../abort-error.js';
import {redact} from '../log/redact.js';
import type {Logger} from '../log/types.js';
import {retry} from '../retry.js';
import {errorFacts} from './gemini-errors.js';
import {toGeminiContents} from './gemini-history.js';
import {TurnAccumulator} from './gemini-stream.js';
import {cleanSchemaForGemini} from './json-schema.js';
import {type LlmProvider, type ModelTurn, type NextTurnRequest, ProviderError, type ToolSpec} from './provider.js';
import {isAbortError, isRetryableStatus, type RetryOptions, type RetryPolicy, retryAfterHeaderMs, retryDelayMs, retryPolicy} from './retry.js';

export const DEFAULT_GEMINI_MODEL = 'gemini-2.5-flash';

export interface GeminiProviderOptions {
	apiKey: string;
	model?: string;
	/** API root, e.g. a local fake server; otherwise the SDK's default (or GOOGLE_GEMINI_BASE_URL). */
	baseUrl?: string;
	logger?: Logger;
	/** Retries on 429/5xx/network errors; maxAttempts counts the first try. */
	retry?: RetryOptions;
	/** Tries in all for an answer that is empty, has no finish reason or a malformed call. */
	maxInvalidAnswerAttempts?: number;
}

export class GeminiProvider implements LlmProvider {
	readonly name = 'gemini' as const;
	readonly model: string;
	private readonly client: GoogleGenAI;
	private readonly apiKey: string;
	private readonly logger?: Logger;
	private readonly policy: RetryPolicy;
	private readonly maxInvalidAnswers: number;

	constructor(options: GeminiProviderOptions) {
		if (!options.apiKey) throw new ProviderError('Gemini needs an API key: set GEMINI_API_KEY (or GOOGLE_API_KEY).');
		this.apiKey = options.apiKey;
		this.model = options.model?.trim() || DEFAULT_GEMINI_MODEL;
		this.logger = options.logger;
		this.policy = retryPolicy(options.retry);
		this.maxInvalidAnswers = Math.max(1, options.maxInvalidAnswerAttempts ?? 3);
		this.client = new GoogleGenAI({
			apiKey: options.apiKey,
			vertexai: false,
			...(options.baseUrl ? {httpOptions: {baseUrl: options.baseUrl}} : {}),
		});
	}

	async nextTurn(request: NextTurnRequest): Promise<ModelTurn> {
		const {signal} = request;
		const contents = toGeminiContents(request.history);
		const tools = functionDeclarations(request.tools);
		// Text already passed to onTextDelta: a retried answer only adds what goes beyond it,
		// so the screen does not show the same words twice.
		let shown = '';
		const emit = (attemptText: string) => {
			if (attemptText.length <= shown.length || !request.onTextDelta) return;
			const delta = attemptText.slice(shown.length);
			shown = attemptText;
			request.onTextDelta(delta);
		};

		// Two budgets: failed requests (only transient ones are retried) and unusable answers.
		let failures = 0;
		let invalidAnswers = 0;
		try {
			return await retry(async attempt => this.tryOnce(attempt, contents, tools, signal, emit), {
				retries: error => {
					if (error instanceof FailedRequest) return error.transient && ++failures < this.policy.maxAttempts;
					if (error instanceof UnusableAnswer) return ++invalidAnswers < this.maxInvalidAnswers;
					return false;
				},
				delayMs: (_failures, error) => (error instanceof FailedRequest ? retryDelayMs(failures, this.policy, error.serverDelayMs) : retryDelayMs(invalidAnswers, this.policy)),
				sleep: this.policy.sleep,
				...(signal ? {signal} : {}),
			});
		} catch (error) {
			if (error instanceof FailedRequest) {
				throw error.transient
					? new ProviderError(`Gemini request failed after ${failures} attempts: ${error.message}`, error.status)
					: new ProviderError(`Gemini request failed: ${error.message}${hint(error.status)}`, error.status);
			}
			if (error instanceof UnusableAnswer) throw new ProviderError(`Gemini ${error.message} ${invalidAnswers} times in a row; giving up.`);
			throw error;
		}
	}

	/** One request and its answer; FailedRequest or UnusableAnswer when another try may help. */
	private async tryOnce(
		attempt: number,
		contents: ReturnType<typeof toGeminiContents>,
		tools: ReturnType<typeof functionDeclarations>,
		signal: AbortSignal | undefined,
		emit: (attemptText: string) => void,
	): Promise<ModelTurn> {
		if (signal?.aborted) throw abortError(signal);
		const started = Date.now();
		let retryAfter: number | undefined;
		const config: GenerateContentConfig = {
			...(tools ? {tools} : {}),
			automaticFunctionCalling: {disable: true},
			...(signal ? {abortSignal: signal} : {}),
			// Our own fetch wrapper, to read a Retry-After header the SDK's error does not keep.
			httpOptions: {
				fetch: async (input, init) => {
					const response = await fetch(input, init);
					if (!response.ok) retryAfter = retryAfterHeaderMs(response.headers.get('retry-after'));
					return response;
				},
			},
		};

		let answer: TurnAccumulator;
		try {
			answer = await this.streamOnce(contents, config, signal, emit);
		} catch (error) {
			if (signal?.aborted) throw abortError(signal);
			if (isAbortError(error)) throw error;
			const facts = errorFacts(error);
			const summary = redact(facts.summary, [this.apiKey]);
			this.logger?.warn('gemini request failed', {model: this.model, attempt, durationMs: Date.now() - started, status: facts.status, error: summary});
			throw new FailedRequest(summary, facts.status, retryAfter ?? facts.retryDelayMs);
		}

		this.logger?.info('gemini request', {
			model: this.model,
			attempt,
			durationMs: Date.now() - started,
			finishReason: answer.finishReason,
			promptTokens: answer.usage?.promptTokens,
			outputTokens: answer.usage?.outputTokens,
		});
		if (answer.blockReason) {
			throw new ProviderError(`Gemini blocked the prompt (${answer.blockReason}); rephrase the request.`);
		}
		const problem = invalidAnswer(answer);
		if (problem) {
			this.logger?.warn('gemini answer unusable', {model: this.model, attempt, problem});
			throw new UnusableAnswer(problem);
		}
		return {
			text: answer.text,
			functionCalls: answer.functionCalls,
			raw: answer.parts,
			...(answer.usage ? {usage: answer.usage} : {}),
			...(answer.finishReason ? {finishReason: answer.finishReason} : {}),
		};
	}

	/** One streamed request; resolves with the merged answer, rejects promptly on abort. */
	private async streamOnce(
		contents: ReturnType<typeof toGeminiContents>,
		config: GenerateContentConfig,
		signal: AbortSignal | undefined,
		emit: (attemptText: string) => void,
	): Promise<TurnAccumulator> {
		const answer = new TurnAccumulator();
		const stream = await untilAborted(this.client.models.generateContentStream({model: this.model, contents, config}), signal);
		const iterator = stream[Symbol.asyncIterator]();
		let attemptText = '';
		try {
			for (;;) {
				const next: IteratorResult<GenerateContentResponse> = await untilAborted(iterator.next(), signal);
				if (next.done) break;
				attemptText += answer.add(next.value);
				emit(attemptText);
			}
		} catch (error) {
			// Let the SDK release the response body; its own failure is not ours to report.
			void iterator.return?.(undefined).catch(() => {});
			throw error;
		}
		return answer;
	}
}

export function functionDeclarations(tools: ToolSpec[]): GenerateContentConfig['tools'] {
	if (tools.length === 0) return undefined;
	return [
		{
			functionDeclarations: tools.map(tool => ({
				name: tool.name,
				description: tool.description,
				parametersJsonSchema: cleanSchemaForGemini(tool.inputSchema),
			})),
		},
	];
}

function invalidAnswer(answer: TurnAccumulator): string | undefined {
	if (answer.finishReason === 'MALFORMED_FUNCTION_CALL') return 'sent a malformed function call';
	if (answer.chunkCount === 0) return 'sent an empty stream';
	if (!answer.finishReason) return 'ended its answer without a finish reason';
	const hasOtherParts = answer.parts.some(part => Object.keys(part).some(key => !['text', 'thought', 'thoughtSignature'].includes(key)));
	if (answer.text.trim() === '' && !hasOtherParts) return `sent an empty answer (finish reason ${answer.finishReason})`;
	return undefined;
}

// What one try tells the retry loop; never leaves nextTurn (it becomes a ProviderError).
class FailedRequest extends Error {
	readonly transient: boolean;

	constructor(
		summary: string,
		readonly status: number | undefined,
		readonly serverDelayMs: number | undefined,
	) {
		super(summary);
		this.transient = status === undefined || isRetryableStatus(status);
	}
}

class UnusableAnswer extends Error {}

function hint(status: number | undefined): string {
	if (status === 400) return " (the request was refused as invalid; check the model name and the tools' schemas)";
	if (status === 401 || status === 403) return ' (check that GEMINI_API_KEY is a valid key for the Gemini API)';
	if (status === 404) return ' (check the model name)';
	return '';
}

/** Resolves or rejects like `promise`, but rejects as soon as the signal aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
	if (!signal) return promise;
	if (signal.aborted) {
		promise.catch(() => {});
		return Promise.reject(abortError(signal));
	}
	return new Promise<T>((resolve, reject) => {
		const onAbort = () => {
			promise.catch(() => {});
			reject(abortError(signal));
		};
		signal.addEventListener('abort', onAbort, {once: true});
		promise.then(
			value => {
				signal.removeEventListener('abort', onAbort);
				resolve(value);
			},
			(error: unknown) => {
				signal.removeEventListener('abort', onAbort);
				reject(error);
			},
		);
	});
}
