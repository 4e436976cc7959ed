/**
 * The base of every error ectosmith raises on purpose. Callers match errors by class (instanceof),
 * never by message text; anything that is not an EctosmithError is a bug and is reported as one
 * (cli/report-failure.ts: "internal error", its stack with --debug).
 */
export class EctosmithError extends Error {
	constructor(message: string, options?: ErrorOptions) {
		super(message, options);
		this.name = new.target.name;
	}
}

/** The command line was wrong: a bad flag, argument or value. Exits with ExitCode.usage. */
export class UsageError extends EctosmithError {}
