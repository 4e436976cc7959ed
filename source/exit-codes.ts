/** The process exit codes of every command, named once. */
export const ExitCode = {
	ok: 0,
	/** The command ran and failed (an execution FAILED, a refused undo, a database error...). */
	failed: 1,
	/** Bad command line: unknown flag, missing argument, a value out of range. */
	usage: 2,
	/** `run`: the execution COMPLETED, but its last check_project failed. */
	checksFailed: 3,
	/** `check`: no step could run (not a Mix project, no Elixir, deps not fetched...). */
	nothingChecked: 4,
	/** 128 + the signal number, as shells report it. */
	sigint: 130,
	sighup: 129,
	sigterm: 143,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit code for a process ended by this signal (128 + its number). */
export function exitCodeForSignal(signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP'): ExitCodeValue {
	return signal === 'SIGINT' ? ExitCode.sigint : signal === 'SIGTERM' ? ExitCode.sigterm : ExitCode.sighup;
}
