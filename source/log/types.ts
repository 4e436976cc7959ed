export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** One logger for the whole program; writes to a file, never to the terminal. */
export interface Logger {
	error(message: string, fields?: Record<string, unknown>): void;
	warn(message: string, fields?: Record<string, unknown>): void;
	info(message: string, fields?: Record<string, unknown>): void;
	debug(message: string, fields?: Record<string, unknown>): void;
	/** A logger whose lines carry a tag (e.g. an MCP server's name). */
	child(tag: string): Logger;
}
