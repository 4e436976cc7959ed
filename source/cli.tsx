#!/usr/bin/env node
/**
 * The entry point: parse the command line against the command table, load only the command that
 * runs (--help and --version must not load the ORM, the SDKs or Ink), run it, exit with its code.
 */
import {parseCommandLine} from './cli/parse-command-line.js';
import {EctosmithError, UsageError} from './errors.js';
import {ExitCode} from './exit-codes.js';

async function main(): Promise<number> {
	const line = parseCommandLine(process.argv.slice(2), import.meta);
	if (line.kind === 'print') {
		process.stdout.write(`${line.text}\n`);
		return ExitCode.ok;
	}

	const {command, args, flags} = line;
	const run = await command.load();
	return run(args, flags);
}

process.exitCode = await main().catch((error: unknown) => {
	if (error instanceof UsageError) {
		process.stderr.write(`ectosmith: ${error.message}\n`);
		return ExitCode.usage;
	}

	// Known failures are one line; anything else is a bug, still shown without a stack trace.
	const message = error instanceof EctosmithError || error instanceof Error ? error.message : String(error);
	process.stderr.write(`ectosmith: ${message}\n`);
	return ExitCode.failed;
});
