/**
 * Every Elixir file a tool writes or changes must parse before it reaches the disk. With `elixir`
 * on the PATH, all the files of one call are parsed by Code.string_to_quoted/1 in one Elixir
 * process (parsing runs no code); without it, or when it does not answer in time, by our own
 * tokenizer-level check (elixir/lexer.ts: closed strings, heredocs and sigils, balanced
 * do/end, fn/end and brackets).
 */
import {spawn} from 'node:child_process';
import {structure} from '../../elixir/structure.js';

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

// Elixir boots in well under a second on an idle machine; the bound only guards a stuck or starved one,
// and stays below the 60 s a client waits for a tool call.
const TIMEOUT_MS = 30_000;

// One base64 file per stdin line; one answer per line: OK, or ERR and the base64 message.
const PARSE_SCRIPT = `
format = fn
  {meta, {prefix, suffix}, token} -> "line #{meta[:line]}: #{prefix}#{token}#{suffix}"
  {meta, message, token} -> "line #{meta[:line]}: #{message}#{token}"
end
for line <- String.split(IO.read(:stdio, :eof), "\\n", trim: true) do
  case Code.string_to_quoted(Base.decode64!(line)) do
    {:ok, _} -> IO.puts("OK")
    {:error, error} -> IO.puts("ERR " <> Base.encode64(format.(error)))
  end
end
`;

let elixirMissing = false;

/** Parses the files; `useElixir: false` forces the tokenizer check (for tests of the fallback). */
export async function checkElixirSyntax(files: Array<{path: string; content: string}>, options: {useElixir?: boolean} = {}): Promise<SyntaxReport> {
	const elixirFiles = files.filter(file => /\.exs?$/.test(file.path));
	if (elixirFiles.length === 0) return {problems: [], checker: 'tokenizer'};
	if (options.useElixir !== false && !elixirMissing) {
		const answers = await parseWithElixir(elixirFiles.map(file => file.content));
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

/** One error message (or undefined for OK) per text; undefined when Elixir could not be used. */
function parseWithElixir(texts: string[]): Promise<Array<string | undefined> | undefined> {
	return new Promise(resolve => {
		let child;
		try {
			child = spawn('elixir', ['-e', PARSE_SCRIPT], {stdio: ['pipe', 'pipe', 'ignore']});
		} catch {
			elixirMissing = true;
			resolve(undefined);
			return;
		}

		let stdout = '';
		let settled = false;
		const finish = (value: Array<string | undefined> | undefined) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			resolve(value);
		};

		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			finish(undefined);
		}, TIMEOUT_MS);
		child.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code === 'ENOENT') elixirMissing = true;
			finish(undefined);
		});
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			stdout += chunk;
		});
		child.on('close', code => {
			const lines = stdout.split('\n').filter(line => line !== '');
			if (code !== 0 || lines.length !== texts.length) {
				finish(undefined);
				return;
			}

			finish(lines.map(line => (line === 'OK' ? undefined : Buffer.from(line.slice(4), 'base64').toString('utf8'))));
		});
		child.stdin.on('error', () => undefined);
		child.stdin.end(texts.map(text => Buffer.from(text, 'utf8').toString('base64')).join('\n') + '\n');
	});
}
