/**
 * The error a cancelled request rejects with: a plain Error named AbortError (the signal's own
 * reason, often a DOMException, is kept as its cause), so callers can test `error.name`.
 */
export function abortError(signal: AbortSignal, fallbackMessage = 'The request was cancelled.'): Error {
	const reason: unknown = signal.reason;
	if (reason instanceof Error && reason.constructor === Error && reason.name === 'AbortError') return reason;
	const message = reason instanceof Error ? reason.message : typeof reason === 'string' ? reason : '';
	const error = new Error(message || fallbackMessage, {cause: reason});
	error.name = 'AbortError';
	return error;
}
