/**
 * Phoenix's inject_eex_before_final_end: add a block of code just before the `end` that closes a
 * module, once. The `end` is found with Elixir's tokens (elixir/lexer.ts), so an `end` in a
 * trailing comment, a string, a heredoc or an atom is never taken for it.
 */
import {structure} from '../elixir/structure.js';
import {GeneratorError} from './errors.js';

export type InjectOutcome = 'created' | 'injected' | 'unchanged';

/**
 * Returns the file with `block` inserted before the closing `end` of `module` (default: the last
 * top-level module), or undefined when the file already contains the block. When only whitespace
 * follows that `end`, the result is Phoenix's: the text before the `end`, the block, "end\n".
 * Anything after it (a trailing comment, another module) is kept as it was. The block carries its
 * own leading newline, as Phoenix's templates do, and the no-op check compares the whole block.
 * Throws GeneratorError when the file does not tokenize, its blocks do not balance, or it has no
 * such module (`what` names the file).
 */
export function injectBeforeFinalEnd(fileText: string, block: string, what = 'The file', module?: string): string | undefined {
	if (fileText.includes(block)) return undefined;
	const found = structure(fileText);
	if (found.error) {
		throw new GeneratorError(
			`${what} is not valid Elixir (line ${found.error.line}: ${found.error.message}), so the new code cannot be injected into it; fix the file, or remove it to have it created.`,
		);
	}

	const topLevel = found.modules.filter(candidate => candidate.depth === 0);
	const target = module === undefined ? topLevel.at(-1) : topLevel.find(candidate => candidate.name === module);
	if (!target) {
		throw new GeneratorError(
			module === undefined
				? `${what} does not end with the \`end\` of a module (no \`defmodule ... do ... end\` found), so the new code cannot be injected before it; fix the file, or remove it to have it created.`
				: `${what} does not define the module ${module} at its top level, so the new code cannot be injected into it; fix the file, or remove it to have it created.`,
		);
	}

	const before = fileText.slice(0, target.endOffset);
	const after = fileText.slice(target.endOffset + 'end'.length);
	if (after.trim() === '') return before + block + 'end\n';
	return before + block + 'end' + (after.endsWith('\n') ? after : `${after}\n`);
}

export interface InjectedFile {
	content: string;
	action: InjectOutcome;
}

/**
 * The new text of a file that starts as `fresh` when missing and receives `block` before the
 * closing `end` of `module`: created (fresh + block), injected into the existing text, or unchanged.
 */
export function createOrInject(existing: string | undefined, fresh: string, block: string, what: string, module?: string): InjectedFile {
	if (existing === undefined) {
		return {content: injectBeforeFinalEnd(fresh, block, what, module) ?? fresh, action: 'created'};
	}
	const injected = injectBeforeFinalEnd(existing, block, what, module);
	return injected === undefined ? {content: existing, action: 'unchanged'} : {content: injected, action: 'injected'};
}
