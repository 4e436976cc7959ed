/**
 * Every Elixir file a tool writes or changes must parse before it reaches the disk. With `elixir`
 * on the PATH, all the files of one call are parsed by Code.string_to_quoted/1 in the server's warm
 * Elixir process (warm-elixir.ts); without it, or when it does not answer in time, by our own
 * tokenizer-level check (elixir/lexer.ts: closed strings, heredocs and sigils, balanced
 * do/end, fn/end and brackets).
 */
import {structure} from '../../elixir/structure.js';
import {WarmElixir} from './warm-elixir.js';

export interface SyntaxProblem {
	path: string;
	/** One line: where and what. */
	error: string;
}

export interface SyntaxReport {
	problems: SyntaxProblem[];
	/** Which check ran. */
	checker: 'elixir' | 'tokenizer';
}

const elixir = new WarmElixir();

/** Ends the warm Elixir process: the server is stopping, no check starts another. */
export function stopElixirCheck(): void {
	elixir.stop();
}

/** Parses the files; `useElixir: false` forces the tokenizer check (for tests of the fallback). */
export async function checkElixirSyntax(files: Array<{path: string; content: string}>, options: {useElixir?: boolean} = {}): Promise<SyntaxReport> {
	const elixirFiles = files.filter(file => /\.exs?$/.test(file.path));
	if (elixirFiles.length === 0) return {problems: [], checker: 'tokenizer'};
	if (options.useElixir !== false && !elixir.missing) {
		const answers = await elixir.parse(elixirFiles.map(file => file.content));
		if (answers !== undefined) {
			const problems = elixirFiles.flatMap((file, index) => (answers[index] === undefined ? [] : [{path: file.path, error: answers[index]!}]));
			return {problems, checker: 'elixir'};
		}
	}

	return {problems: elixirFiles.flatMap(file => tokenizerProblem(file)), checker: 'tokenizer'};
}

function tokenizerProblem(file: {path: string; content: string}): SyntaxProblem[] {
	const error = structure(file.content).error;
	return error ? [{path: file.path, error: `line ${error.line}: ${error.message}`}] : [];
}
