/**
 * Phoenix's inject_eex_before_final_end: add a block of code just before the last `end` of an
 * Elixir file, once.
 */
import {GeneratorError} from './errors.js';

export type FileAction = 'created' | 'injected' | 'unchanged';

// A final `end` keyword: not the tail of a longer identifier such as `backend`.
const FINAL_END = /(^|[^\p{L}\p{N}_?!@])end$/u;

/**
 * Returns the file with `block` inserted before its final `end` (trailing whitespace and the last
 * `end` are trimmed, then `block` and "end\n" appended), or undefined when the file already
 * contains the block. The block carries its own leading newline, as Phoenix's templates do, and
 * the no-op check compares the whole block, newline included, as Phoenix does.
 * Throws GeneratorError when the file does not end with `end` (`what` names the file).
 */
export function injectBeforeFinalEnd(fileText: string, block: string, what = 'The file'): string | undefined {
	if (fileText.includes(block)) return undefined;
	const trimmed = fileText.trimEnd();
	if (!FINAL_END.test(trimmed)) {
		throw new GeneratorError(
			`${what} does not end with the \`end\` of its module, so the new code cannot be injected before it; fix the file so that its last line is \`end\`, or remove it to have it created.`,
		);
	}
	return trimmed.slice(0, -'end'.length) + block + 'end\n';
}

export interface InjectedFile {
	content: string;
	action: FileAction;
}

/**
 * The new text of a file that starts as `fresh` when missing and receives `block` before its final
 * `end`: created (fresh + block), injected into the existing text, or unchanged.
 */
export function createOrInject(existing: string | undefined, fresh: string, block: string, what: string): InjectedFile {
	if (existing === undefined) {
		return {content: injectBeforeFinalEnd(fresh, block, what) ?? fresh, action: 'created'};
	}
	const injected = injectBeforeFinalEnd(existing, block, what);
	return injected === undefined ? {content: existing, action: 'unchanged'} : {content: injected, action: 'injected'};
}
