#!/usr/bin/env node
/**
 * The entry point: parse the command line against the command table, load only the command that
 * runs (--help and --version must not load the ORM, the SDKs or Ink), run it, exit with its code.
 */
import {parseCommandLine} from './cli/parse-command-line.js';
import {reportFailure} from './commands/report-failure.js';
import {explainDatabaseError} from './db/database-error.js';
import {resolveDbPath} from './db/db-path.js';
import {EctosmithError} from './errors.js';
import {ExitCode} from './exit-codes.js';

// A reader that stops early (`ectosmith history | head`) closes our stdout: that is the reader's
// choice, not a failure, so end quietly instead of dying with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
	stream.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
		throw error;
	});
}

/** --db of this command line, so a database failure no command explained can still name the file. */
let dbFlag: string | undefined;
/** --debug of this command line: an internal error then shows its stack trace. */
let debugFlag = false;

async function main(): Promise<number> {
	const line = parseCommandLine(process.argv.slice(2), import.meta);
	if (line.kind === 'print') {
		process.stdout.write(`${line.text}\n`);
		return ExitCode.ok;
	}

	const {command, args, flags} = line;
	if (typeof flags.db === 'string') dbFlag = flags.db;
	debugFlag = flags.debug === true;
	const run = await command.load();
	return run(args, flags);
}

// Ours are one line (usage errors exit 2); anything else is a bug, its stack shown with --debug.
process.exitCode = await main().catch((thrown: unknown) => reportFailure(explainUncaught(thrown), {debug: debugFlag, prefix: 'ectosmith', stderr: process.stderr}));

/**
 * The last guard of "never SQL on the screen": a database failure that reached here unexplained
 * (from any command, also ones added later) becomes the same one-line DatabaseError.
 */
function explainUncaught(error: unknown): unknown {
	if (error instanceof EctosmithError) return error;
	let dbPath = 'in use';
	try {
		dbPath = resolveDbPath(dbFlag === undefined ? {} : {db: dbFlag});
	} catch {
		// A bad --db was refused earlier; the message names no file then.
	}

	return explainDatabaseError(dbPath, error);
}
