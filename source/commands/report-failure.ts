/**
 * How a command that failed is reported on stderr, for every command: our own errors (EctosmithError)
 * as their one-line message, a cancellation as its reason, anything else as the bug it is: "internal
 * error" and a hint to rerun with --debug, which shows the stack trace.
 */
import {EctosmithError, UsageError} from '../errors.js';
import {ExitCode, type ExitCodeValue} from '../exit-codes.js';
import {escapeLine, sanitizeForTerminal} from '../terminal/sanitize.js';

export const DEBUG_HINT = 'rerun with --debug for the stack trace';

export interface Failure {
	/** The text after "ectosmith: " (one line, unless --debug added a stack trace). */
	text: string;
	code: ExitCodeValue;
}

export function describeFailure(error: unknown, options: {debug: boolean}): Failure {
	// One line whatever the message quotes (a name from a hostile file, a path the user typed).
	if (error instanceof EctosmithError) return {text: escapeLine(error.message), code: error instanceof UsageError ? ExitCode.usage : ExitCode.failed};
	// A signal or a cancelled request during set-up: the user's doing, not a bug.
	if (error instanceof Error && error.name === 'AbortError') return {text: escapeLine(error.message), code: ExitCode.failed};
	const message = error instanceof Error ? error.message || error.name : String(error);
	if (!options.debug) return {text: `internal error: ${escapeLine(message)} (${DEBUG_HINT})`, code: ExitCode.failed};
	const stack = error instanceof Error && error.stack ? error.stack : message;
	return {text: `internal error: ${stack}`, code: ExitCode.failed};
}

/** Writes the failure as `prefix: text` (sanitized: texts can quote a server's output) and returns its exit code. */
export function reportFailure(error: unknown, options: {debug: boolean; prefix: string; stderr: NodeJS.WritableStream}): ExitCodeValue {
	const {text, code} = describeFailure(error, options);
	options.stderr.write(`${options.prefix}: ${sanitizeForTerminal(text)}\n`);
	return code;
}
