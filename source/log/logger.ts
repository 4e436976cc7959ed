/** The program's one logger: appends redacted lines to a rotating file, never to the terminal. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {EctosmithError} from '../errors.js';
import {MIN_SECRET_LENGTH, redact, redactFields, SECRET_ENV_VARS} from './redact.js';
import type {Logger, LogLevel} from './types.js';

export {redact} from './redact.js';
export {tailLog} from './tail.js';

export const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];
const RANK: Record<LogLevel, number> = {error: 0, warn: 1, info: 2, debug: 3};

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_KEEP = 3;

export interface LoggerOptions {
	/** Log file; default defaultLogPath(env). */
	file?: string;
	/** Default: env.ECTOSMITH_LOG_LEVEL, else "info". */
	level?: LogLevel;
	/** Where ECTOSMITH_LOG_LEVEL, XDG_STATE_HOME, HOME and the API keys to redact are read; default process.env. */
	env?: NodeJS.ProcessEnv;
	/** Rotate when the file would grow past this many bytes (default 5 MB). */
	maxBytes?: number;
	/** Rotated files kept: ectosmith.log.1 ... .N (default 3). */
	keep?: number;
}

export interface FileLogger extends Logger {
	readonly file: string;
	readonly level: LogLevel;
	/** Redacts this value wherever it appears from now on, in this logger and all its relatives. */
	registerSecret(value: string): void;
	child(tag: string): FileLogger;
}

/** `$XDG_STATE_HOME/ectosmith/ectosmith.log`, else `~/.local/state/ectosmith/ectosmith.log`. */
export function defaultLogPath(env: NodeJS.ProcessEnv = process.env): string {
	// The XDG spec says relative paths in these variables are invalid and must be ignored.
	const stateHome = env.XDG_STATE_HOME;
	if (stateHome && path.isAbsolute(stateHome)) {
		return path.join(stateHome, 'ectosmith', 'ectosmith.log');
	}

	if (process.platform === 'win32' && env.LOCALAPPDATA) {
		return path.join(env.LOCALAPPDATA, 'ectosmith', 'ectosmith.log');
	}

	const home = env.HOME && path.isAbsolute(env.HOME) ? env.HOME : os.homedir();
	return path.join(home, '.local', 'state', 'ectosmith', 'ectosmith.log');
}

/** A level name that is none of LOG_LEVELS (from ECTOSMITH_LOG_LEVEL or an option). */
export class LogLevelError extends EctosmithError {}

/** Parses a level name; throws LogLevelError naming the bad value and the allowed ones. */
export function parseLogLevel(value: string, source = 'log level'): LogLevel {
	const normalised = value.trim().toLowerCase();
	if ((LOG_LEVELS as readonly string[]).includes(normalised)) {
		return normalised as LogLevel;
	}

	throw new LogLevelError(`${source} "${value}" is not a log level; use one of: ${LOG_LEVELS.join(', ')}`);
}

/** Discards everything; for tests and for code that was given no logger. */
export const silentLogger: Logger = {
	error() {},
	warn() {},
	info() {},
	debug() {},
	child() {
		return silentLogger;
	},
};

/** State shared by a logger and all its children. */
class LogSink {
	readonly secrets = new Set<string>();
	private size: number | undefined;
	private broken = false;

	constructor(
		readonly file: string,
		private readonly maxBytes: number,
		private readonly keep: number,
	) {}

	write(line: string): void {
		if (this.broken) {
			return;
		}

		try {
			if (this.size === undefined) {
				fs.mkdirSync(path.dirname(this.file), {recursive: true});
				this.size = fileSize(this.file);
			}

			const bytes = Buffer.byteLength(line);
			if (this.size > 0 && this.size + bytes > this.maxBytes) {
				// Another process may share the file: trust the disk, not our count, before rotating.
				this.size = fileSize(this.file);
				if (this.size > 0 && this.size + bytes > this.maxBytes) {
					this.rotate();
					this.size = 0;
				}
			}

			// Synchronous: cheap at our volume, and the line survives a crash right after.
			fs.appendFileSync(this.file, line, {mode: 0o600});
			this.size += bytes;
		} catch {
			// A log that cannot be written must never break the program or reach the terminal.
			this.broken = true;
		}
	}

	private rotate(): void {
		if (this.keep <= 0) {
			fs.rmSync(this.file, {force: true});
			return;
		}

		fs.rmSync(`${this.file}.${this.keep}`, {force: true});
		for (let index = this.keep - 1; index >= 1; index--) {
			renameIfExists(`${this.file}.${index}`, `${this.file}.${index + 1}`);
		}

		renameIfExists(this.file, `${this.file}.1`);
	}
}

function fileSize(file: string): number {
	try {
		return fs.statSync(file).size;
	} catch {
		return 0;
	}
}

function renameIfExists(from: string, to: string): void {
	try {
		fs.renameSync(from, to);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
			throw error;
		}
	}
}

class FileLoggerImpl implements FileLogger {
	constructor(
		private readonly sink: LogSink,
		readonly level: LogLevel,
		private readonly tag: string | undefined,
	) {}

	get file(): string {
		return this.sink.file;
	}

	error(message: string, fields?: Record<string, unknown>): void {
		this.log('error', message, fields);
	}

	warn(message: string, fields?: Record<string, unknown>): void {
		this.log('warn', message, fields);
	}

	info(message: string, fields?: Record<string, unknown>): void {
		this.log('info', message, fields);
	}

	debug(message: string, fields?: Record<string, unknown>): void {
		this.log('debug', message, fields);
	}

	child(tag: string): FileLogger {
		return new FileLoggerImpl(this.sink, this.level, this.tag ? `${this.tag}:${tag}` : tag);
	}

	registerSecret(value: string): void {
		if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) {
			this.sink.secrets.add(value);
		}
	}

	private log(level: LogLevel, message: string, fields: Record<string, unknown> | undefined): void {
		// Filtered lines cost one comparison: nothing is formatted or redacted.
		if (RANK[level] > RANK[this.level]) {
			return;
		}

		const {secrets} = this.sink;
		// One line per entry, so tail and grep work; newlines inside messages are escaped.
		const text = redact(String(message), secrets).replaceAll(/\r?\n/g, '\\n');
		let line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${this.tag ? `[${this.tag}] ` : ''}${text}`;
		if (fields && Object.keys(fields).length > 0) {
			line += ` ${safeJson(redactFields(fields, secrets))}`;
		}

		this.sink.write(`${line}\n`);
	}
}

function safeJson(value: unknown): string {
	try {
		return JSON.stringify(value);
	} catch {
		return '"[unserialisable fields]"';
	}
}

/** Creates the file logger; level from options, else ECTOSMITH_LOG_LEVEL, else info. */
export function createLogger(options: LoggerOptions = {}): FileLogger {
	const env = options.env ?? process.env;
	const level = options.level === undefined ? (env.ECTOSMITH_LOG_LEVEL ? parseLogLevel(env.ECTOSMITH_LOG_LEVEL, 'ECTOSMITH_LOG_LEVEL') : 'info') : parseLogLevel(options.level, 'level');
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	const keep = options.keep ?? DEFAULT_KEEP;
	if (!Number.isInteger(maxBytes) || maxBytes <= 0) {
		throw new RangeError(`maxBytes must be a positive whole number of bytes, got ${String(maxBytes)}`);
	}

	if (!Number.isInteger(keep) || keep < 0) {
		throw new RangeError(`keep must be a whole number of rotated files (0 or more), got ${String(keep)}`);
	}

	const sink = new LogSink(options.file ?? defaultLogPath(env), maxBytes, keep);
	const logger = new FileLoggerImpl(sink, level, undefined);
	// Our own environment too when a test passes another one: over-redacting is harmless.
	for (const source of new Set([env, process.env])) {
		for (const name of SECRET_ENV_VARS) {
			const value = source[name];
			if (value) {
				logger.registerSecret(value);
			}
		}
	}

	return logger;
}
