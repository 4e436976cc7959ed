/**
 * One Elixir process kept warm for a tool server's session, parsing with Code.string_to_quoted/1
 * (parsing runs no code). An `elixir` start costs about 0.25 s of CPU, more than the parse of a
 * whole call's files: started at the first check, it answers every later one.
 *
 * A check that does not answer in time, or a process that died, kills the process and answers
 * undefined (the caller falls back to the tokenizer check); the next check starts a new one. The
 * process reads its requests from a pipe, so it ends by itself when this process ends for any
 * reason (the pipe's end is its EOF); `stop` ends it at once and refuses to start another.
 */
import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process';

// One base64 file per stdin line; one answer per line: the marker, then OK, or ERR and the base64
// message. A text the parser raises on (rather than returning an error) is answered as an error, not
// a crash. The marker sets the answers apart from what the VM itself prints on stdout (an error
// report when it cannot read the HOME it was given, say), which is ignored.
const ANSWER = '@ectosmith-parse ';
const PARSE_LOOP = `
format = fn
  {meta, {prefix, suffix}, token} -> "line #{meta[:line]}: #{prefix}#{token}#{suffix}"
  {meta, message, token} -> "line #{meta[:line]}: #{message}#{token}"
end
parse = fn text ->
  try do
    case Code.string_to_quoted(text) do
      {:ok, _} -> "${ANSWER}OK"
      {:error, error} -> "${ANSWER}ERR " <> Base.encode64(format.(error))
    end
  rescue
    error -> "${ANSWER}ERR " <> Base.encode64(Exception.message(error))
  end
end
loop = fn loop ->
  case IO.binread(:stdio, :line) do
    line when is_binary(line) ->
      IO.binwrite(:stdio, parse.(Base.decode64!(String.trim_trailing(line))) <> "\\n")
      loop.(loop)
    _eof_or_error -> :ok
  end
end
loop.(loop)
`;

interface Pending {
	count: number;
	answers: Array<string | undefined>;
	resolve: (answers: Array<string | undefined> | undefined) => void;
}

export interface WarmElixirOptions {
	/** The executable; `elixir` on the PATH unless a test names another. */
	command?: string;
	/** How long one check may take, the first one's Elixir start included. */
	timeoutMs?: number;
}

export class WarmElixir {
	/** Set once `elixir` was not found: the checks then use the tokenizer without retrying. */
	missing = false;
	private child: ChildProcessWithoutNullStreams | undefined;
	private stopped = false;
	private buffer = '';
	private readonly queue: Pending[] = [];
	private readonly command: string;
	private readonly timeoutMs: number;

	constructor(options: WarmElixirOptions = {}) {
		this.command = options.command ?? 'elixir';
		// Elixir starts in well under a second on an idle machine; the bound guards a stuck or starved
		// one, and stays below the 60 s a client waits for a tool call.
		this.timeoutMs = options.timeoutMs ?? 30_000;
	}

	/** The process's id while one runs (for the tests of its lifetime). */
	get pid(): number | undefined {
		return this.child?.pid;
	}

	/** One error message (or undefined for OK) per text; undefined when Elixir could not answer. */
	async parse(texts: string[]): Promise<Array<string | undefined> | undefined> {
		if (texts.length === 0) return [];
		const child = this.running();
		if (child === undefined) return undefined;
		return new Promise(resolve => {
			const timer = setTimeout(() => {
				this.kill();
			}, this.timeoutMs);
			this.queue.push({
				count: texts.length,
				answers: [],
				resolve(answers) {
					clearTimeout(timer);
					resolve(answers);
				},
			});
			child.stdin.write(texts.map(text => `${Buffer.from(text, 'utf8').toString('base64')}\n`).join(''));
		});
	}

	/** Ends the process and starts no other: the server is stopping. */
	stop(): void {
		this.stopped = true;
		this.kill();
	}

	private running(): ChildProcessWithoutNullStreams | undefined {
		if (this.child) return this.child;
		if (this.stopped || this.missing) return undefined;
		let child: ChildProcessWithoutNullStreams;
		try {
			child = spawn(this.command, ['-e', PARSE_LOOP], {stdio: ['pipe', 'pipe', 'ignore']}) as unknown as ChildProcessWithoutNullStreams;
		} catch {
			this.missing = true;
			return undefined;
		}

		this.child = child;
		this.buffer = '';
		// Idle, the warm process must not keep this one alive; a check in flight holds its timer.
		child.unref();
		(child.stdin as unknown as {unref?: () => void}).unref?.();
		(child.stdout as unknown as {unref?: () => void}).unref?.();
		child.stdin.on('error', () => undefined);
		child.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code === 'ENOENT') this.missing = true;
			this.ended(child);
		});
		child.on('exit', () => {
			this.ended(child);
		});
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			this.received(chunk);
		});
		return child;
	}

	private received(chunk: string): void {
		this.buffer += chunk;
		for (let newline = this.buffer.indexOf('\n'); newline >= 0; newline = this.buffer.indexOf('\n')) {
			const line = this.buffer.slice(0, newline);
			this.buffer = this.buffer.slice(newline + 1);
			const pending = this.queue[0];
			if (pending === undefined || !line.startsWith(ANSWER)) continue;
			const answer = line.slice(ANSWER.length);
			pending.answers.push(answer === 'OK' ? undefined : Buffer.from(answer.slice(4), 'base64').toString('utf8'));
			if (pending.answers.length === pending.count) {
				this.queue.shift();
				pending.resolve(pending.answers);
			}
		}
	}

	private kill(): void {
		const child = this.child;
		if (child === undefined) return;
		child.kill('SIGKILL');
		this.ended(child);
	}

	/** The process is gone (or going): the checks waiting on it fall back. */
	private ended(child: ChildProcessWithoutNullStreams): void {
		if (this.child !== child) return;
		this.child = undefined;
		for (const pending of this.queue.splice(0)) pending.resolve(undefined);
	}
}
