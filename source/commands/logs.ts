/** `ectosmith logs`: where the log lives; `ectosmith logs tail [N]`: its last lines. */
import {defaultLogPath} from '../log/logger.js';
import {tailLog} from '../log/tail.js';

const DEFAULT_TAIL_LINES = 50;

export async function logsCommand(args: string[], _flags: unknown): Promise<number> {
	const file = defaultLogPath(process.env);
	const [sub, count, ...extra] = args;
	if (sub === undefined || sub === 'path') {
		process.stdout.write(`${file}\n`);
		return 0;
	}

	if (sub !== 'tail') {
		process.stderr.write(`Unknown logs subcommand "${sub}". Use: ectosmith logs, or ectosmith logs tail [N].\n`);
		return 2;
	}

	if (extra.length > 0) {
		process.stderr.write(`Unexpected argument "${extra[0]}". Use: ectosmith logs tail [N].\n`);
		return 2;
	}

	let lines = DEFAULT_TAIL_LINES;
	if (count !== undefined) {
		if (!/^\d+$/.test(count)) {
			process.stderr.write(`Line count "${count}" is not a whole number; use e.g. ectosmith logs tail 100.\n`);
			return 2;
		}

		lines = Number(count);
	}

	const tail = tailLog(file, lines);
	if (tail.length === 0) {
		process.stderr.write(`No log lines yet in ${file}\n`);
		return 0;
	}

	process.stdout.write(`${tail.join('\n')}\n`);
	return 0;
}
