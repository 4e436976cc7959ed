/**
 * Turns what the SDK throws into facts the retry loop needs (status, server-given delay) and into
 * a readable message. The status is the ApiError's own `status`; the rest is only in its message,
 * the raw JSON body, so this module is the one place reading that text (parseErrorBody and
 * retryDelayFromErrorBody). Every message passes through log/redact's `redact` before it is shown.
 */

export interface ErrorFacts {
	status?: number;
	/** google.rpc.RetryInfo retryDelay, in ms. */
	retryDelayMs?: number;
	/** One line: "503 UNAVAILABLE: The model is overloaded." or the error's own message. */
	summary: string;
}

export function errorFacts(error: unknown): ErrorFacts {
	if (!(error instanceof Error)) return {summary: String(error)};
	const rawStatus: unknown = (error as Error & {status?: unknown}).status;
	const status = typeof rawStatus === 'number' ? rawStatus : undefined;
	const body = parseErrorBody(error.message);
	const retryDelayMs = retryDelayFromErrorBody(error.message);
	if (body) {
		const label = [status ?? body.code, body.status].filter(Boolean).join(' ');
		return {status: status ?? body.code, retryDelayMs, summary: `${label}: ${body.message ?? 'no message'}`};
	}
	const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
	return {status, retryDelayMs, summary: `${error.message}${cause}`};
}

interface GoogleErrorBody {
	code?: number;
	message?: string;
	status?: string;
}

/** The `{"error": {...}}` JSON inside an SDK message (bare, or after "got status: X. "). */
function parseErrorBody(message: string): GoogleErrorBody | undefined {
	const start = message.indexOf('{');
	if (start === -1) return undefined;
	try {
		const parsed: unknown = JSON.parse(message.slice(start));
		const first = Array.isArray(parsed) ? parsed[0] : parsed;
		const inner = (first as {error?: unknown} | null)?.error;
		if (typeof inner !== 'object' || inner === null) return undefined;
		const {code, message: text, status} = inner as Record<string, unknown>;
		return {
			code: typeof code === 'number' ? code : undefined,
			message: typeof text === 'string' ? text : undefined,
			status: typeof status === 'string' ? status : undefined,
		};
	} catch {
		return undefined;
	}
}

/**
 * The `retryDelay` of a google.rpc.RetryInfo detail found in an error body (JSON text, possibly
 * embedded in a longer message), in ms. Formats: "2s", "1.5s", "0.250s".
 */
export function retryDelayFromErrorBody(text: string): number | undefined {
	const match = /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/.exec(text);
	return match ? Math.round(Number(match[1]) * 1000) : undefined;
}
