/** Runs a command and collects its output: the one way the real-app helpers start processes. */
import {spawn} from 'node:child_process';

export interface CommandResult {
	code: number | null;
	/** stdout and stderr interleaved as they came. */
	output: string;
}

export interface CommandOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	uid?: number;
	gid?: number;
}

/** Resolves with the exit code and output; rejects only when the command cannot start. */
export function runCommand(command: string, args: string[], options: CommandOptions = {}): Promise<CommandResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {...options, stdio: ['ignore', 'pipe', 'pipe']});
		let output = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		child.on('error', reject);
		child.on('close', code => resolve({code, output}));
	});
}

/** Like runCommand, but a non-zero exit throws with the output's tail. */
export async function runChecked(command: string, args: string[], options: CommandOptions = {}): Promise<string> {
	const result = await runCommand(command, args, options);
	if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code}:\n${tail(result.output)}`);
	return result.output;
}

/** The last lines of an output, enough to show the first errors of a failed step. */
export function tail(output: string, lines = 40): string {
	return output.trimEnd().split('\n').slice(-lines).join('\n');
}

/** The first and last lines of a long output: a failed step's first errors and its summary. */
export function excerpt(output: string, head = 25, last = 25): string {
	const lines = output.trimEnd().split('\n');
	if (lines.length <= head + last) return lines.join('\n');
	return [...lines.slice(0, head), `... (${lines.length - head - last} lines) ...`, ...lines.slice(-last)].join('\n');
}
