/** Small pieces the record commands share: the execution id argument, a yes/no question, colours. */
import {createInterface} from 'node:readline/promises';
import {UsageError} from '../errors.js';
import type {ExecutionStatus} from '../records/statuses.js';

/** The one positional argument: an execution id. */
export function executionIdArgument(args: string[], command: string): number {
	if (args.length !== 1) throw new UsageError(`\`ectosmith ${command}\` takes one execution id (see \`ectosmith history\`), e.g. ectosmith ${command} 12`);
	const text = args[0]!;
	if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
		throw new UsageError(`"${text}" is not an execution id: a positive whole number, as \`ectosmith history\` lists them.`);
	}

	return Number(text);
}

/**
 * Asks a yes/no question on the terminal; without one (a script, a pipe) the answer must come from
 * --yes, so a destructive command never runs unasked.
 */
export async function confirm(question: string, yes: boolean | undefined): Promise<boolean> {
	if (yes) return true;
	if (!process.stdin.isTTY) throw new UsageError(`${question} Pass --yes to confirm when not at a terminal.`);
	const readline = createInterface({input: process.stdin, output: process.stderr});
	try {
		const answer = await readline.question(`${question} [y/N] `);
		return /^y(es)?$/i.test(answer.trim());
	} finally {
		readline.close();
	}
}

export function wantsColor(stream: NodeJS.WriteStream): boolean {
	return stream.isTTY === true && !process.env.NO_COLOR;
}

const STATUS_COLORS: Record<ExecutionStatus, string> = {
	COMPLETED: '\u001B[32m',
	FAILED: '\u001B[31m',
	CANCELLED: '\u001B[33m',
	INTERRUPTED: '\u001B[35m',
	STARTED: '\u001B[36m',
};

export function colorStatus(status: ExecutionStatus, color: boolean): string {
	return color ? `${STATUS_COLORS[status]}${status}\u001B[0m` : status;
}
