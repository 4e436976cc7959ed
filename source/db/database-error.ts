import {accessSync, constants, existsSync, mkdirSync, statSync} from 'node:fs';
import {dirname} from 'node:path';
import {EctosmithError} from '../errors.js';
import {dialectOf} from './database-url.js';
import {explainPostgres, isPostgresRetryable} from './postgresql-error.js';
import {PRIVATE_FOLDER_MODE} from './private-file.js';

/**
 * The database cannot be used or written as it is. The message is one line: what failed, which file,
 * and what to do; never SQL, never a stack trace (the driver's error is kept as `cause` for the log).
 */
export class DatabaseError extends EctosmithError {
	/** SQLite's result code when the driver gave one (SQLITE_BUSY, SQLITE_READONLY...). */
	readonly sqliteCode: string | undefined;
	/** PostgreSQL's SQLSTATE (or the socket's errno, CONNECTION when only words said so). */
	readonly postgresCode: string | undefined;
	private readonly busy: boolean;

	constructor(message: string, options?: ErrorOptions & {sqliteCode?: string; postgresCode?: string; busy?: boolean}) {
		super(message, options);
		this.sqliteCode = options?.sqliteCode;
		this.postgresCode = options?.postgresCode;
		this.busy = options?.busy ?? false;
	}

	/** Another process held the lock for the whole wait (or a PostgreSQL server could not be reached): worth trying again later. */
	get isBusy(): boolean {
		return this.busy || this.sqliteCode === 'SQLITE_BUSY' || this.sqliteCode === 'SQLITE_LOCKED';
	}
}

const elsewhere = 'or choose another file with --db or ECTOSMITH_DB';

/**
 * Check the database's location before SQLite creates anything: not a folder, and its folder must
 * exist (created only when `createFolder`, i.e. for the default location).
 */
export function prepareLocation(dbPath: string, options: {createFolder: boolean}): void {
	if (existsSync(dbPath) && statSync(dbPath).isDirectory()) {
		throw new DatabaseError(`Database path ${dbPath} is a folder; give the path of a file (it is created if missing) with --db or ECTOSMITH_DB.`);
	}

	const folder = dirname(dbPath);
	if (existsSync(folder)) {
		if (!statSync(folder).isDirectory()) throw new DatabaseError(`Cannot use the database ${dbPath}: ${folder} is a file, not a folder. Fix that ${elsewhere}.`);
		return;
	}

	if (!options.createFolder) {
		throw new DatabaseError(`Cannot use the database ${dbPath}: its folder ${folder} does not exist. Create the folder first, ${elsewhere}.`);
	}

	try {
		// Readable by the user alone: the database holds server secrets.
		mkdirSync(folder, {recursive: true, mode: PRIVATE_FOLDER_MODE});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason =
			code === 'EEXIST' || code === 'ENOTDIR'
				? `${blockingFile(folder)} is a file, not a folder`
				: code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
					? 'permission denied'
					: error instanceof Error
						? error.message
						: String(error);
		throw new DatabaseError(`Cannot create the database folder ${folder}: ${reason}. Fix that ${elsewhere}.`);
	}
}

// The first existing ancestor of a path that could not be created: the file in the way.
function blockingFile(folder: string): string {
	let current = folder;
	while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
	return current;
}

// SQLite's words, for what its result code does not tell (see sqliteSays).
const SQLITE_WORDS = {
	code: /SQLITE_[A-Z_]+/,
	locked: /database is locked/i,
	tableExists: /already exists/i,
	unique: /UNIQUE constraint failed/i,
	// Tables or columns our migrations made are gone: the file's schema is damaged.
	schemaDamaged: /no such (?:table|column)|malformed/i,
} as const;

/**
 * The one place that reads SQLite's message text, the match or undefined. Text because the sqlite3
 * driver gives only the primary result code (SQLITE_CONSTRAINT, never which constraint; "table
 * exists" is plain SQLITE_ERROR), and errors of raw statements reach us unconverted by the ORM,
 * wrapped by the migrator (its message quotes the driver's, the driver's error is its `cause`).
 */
export function sqliteSays(error: unknown, what: keyof typeof SQLITE_WORDS): string | undefined {
	for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
		const match = SQLITE_WORDS[what].exec(current.message)?.[0];
		if (match !== undefined) return match;
	}

	return undefined;
}

/** SQLite's result code carried by a driver or ORM error (SQLITE_BUSY...), if it has one. */
export function sqliteCodeOf(error: unknown): string | undefined {
	if (!(error instanceof Error)) return undefined;
	const code = (error as NodeJS.ErrnoException).code;
	if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
	return sqliteSays(error, 'code');
}

/** Another connection holds the lock (SQLite gave up waiting, or could not wait). */
export function isBusyError(error: unknown): boolean {
	if (error instanceof DatabaseError) return error.isBusy;
	// PostgreSQL: a lock or serialization conflict, or a connection refused or dropped (the server restarting).
	if (isPostgresRetryable(error)) return true;
	const code = sqliteCodeOf(error);
	return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || (code === undefined && sqliteSays(error, 'locked') !== undefined);
}

/**
 * SQLite's own words without the statement the ORM prefixes them with ("insert into ... - SQLITE_X: why"),
 * on one line and short: the statement holds the user's data and is no message for the user.
 */
export function sqliteReason(error: Error): string {
	const message = error.message;
	const at = message.lastIndexOf(' - SQLITE_');
	const reason = at >= 0 ? message.slice(at + 3) : message.startsWith('SQLITE_') ? message : (sqliteCodeOf(error) ?? 'unknown error');
	const line = reason.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ').trim();
	return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

export interface ExplainOptions {
	/** What was being done, for the message: "record the end of execution 4". */
	doing?: string;
	/** How long a write waited for the lock, for the message of a busy database. */
	waitedMs?: number;
}

/**
 * Turn an error from SQLite or the ORM into a DatabaseError naming the file, what failed and the fix.
 * Errors that did not come from the database (a seed file, a bug) and our own errors pass through.
 */
export function explainDatabaseError(dbPath: string, error: unknown, options: ExplainOptions = {}): unknown {
	if (error instanceof EctosmithError || !(error instanceof Error)) return error;
	if (dialectOf(dbPath) === 'postgresql') {
		const explained = explainPostgres(dbPath, error, options);
		if (explained === undefined) return error;
		const lead = options.doing === undefined ? '' : `Could not ${options.doing}: `;
		const message = lead === '' ? explained.message[0]!.toUpperCase() + explained.message.slice(1) : lead + explained.message;
		return new DatabaseError(message, {cause: error, postgresCode: explained.code, busy: explained.busy});
	}

	const code = sqliteCodeOf(error);
	if (code === undefined) return error;
	const folder = dirname(dbPath);
	const lead = options.doing === undefined ? '' : `Could not ${options.doing}: `;
	const explained = (message: string) =>
		new DatabaseError(lead === '' ? message[0]!.toUpperCase() + message.slice(1) : lead + message[0]!.toLowerCase() + message.slice(1), {
			cause: error,
			sqliteCode: code,
		});
	switch (code) {
		case 'SQLITE_NOTADB':
		case 'SQLITE_CORRUPT': {
			return explained(
				`${dbPath} is not a usable SQLite database (${code === 'SQLITE_CORRUPT' ? 'it is corrupt' : 'it is another kind of file or damaged'}). Move it aside to start afresh, ${elsewhere}.`,
			);
		}

		case 'SQLITE_CANTOPEN': {
			return explained(`Cannot open the database file ${dbPath}: ${accessProblem(dbPath, folder) ?? 'the file or its folder is not accessible'}. Fix the permissions, ${elsewhere}.`);
		}

		case 'SQLITE_READONLY':
		case 'SQLITE_PERM':
		case 'SQLITE_AUTH': {
			return explained(
				`The database ${dbPath} is read-only for this user: ${accessProblem(dbPath, folder) ?? 'it cannot be written'}. ectosmith writes the file and its -wal and -shm files beside it; make both writable, ${elsewhere}.`,
			);
		}

		case 'SQLITE_BUSY':
		case 'SQLITE_LOCKED': {
			const waited = options.waitedMs === undefined ? '' : ` for ${formatSeconds(options.waitedMs)}`;
			return explained(
				`the database ${dbPath} stayed locked by another process${waited}. Let the other program (another ectosmith, a TUI, an sqlite3 shell) finish, then try again; ECTOSMITH_DB_WAIT_SECONDS sets how long to wait.`,
			);
		}

		case 'SQLITE_FULL':
		case 'SQLITE_IOERR': {
			return explained(
				`Cannot write the database ${dbPath}: ${code === 'SQLITE_FULL' ? 'the disk is full' : 'an input/output error'} (${sqliteReason(error)}). Free space or fix the disk, ${elsewhere}.`,
			);
		}

		default: {
			// Moving a healthy database aside loses its history: advised only when its schema is damaged.
			if (sqliteSays(error, 'schemaDamaged') !== undefined) {
				return explained(`The database ${dbPath} refused the operation (${sqliteReason(error)}). Its tables are damaged: move the file aside to start afresh, ${elsewhere}.`);
			}

			return explained(`The database ${dbPath} refused the operation (${sqliteReason(error)}); the file is not damaged, keep it. Rerun with --debug for the details.`);
		}
	}
}

function formatSeconds(ms: number): string {
	const seconds = ms / 1000;
	return `${seconds >= 10 ? Math.round(seconds) : Math.round(seconds * 10) / 10} s`;
}

// Which of the file and its folder this process cannot read or write, when it can tell.
function accessProblem(dbPath: string, folder: string): string | undefined {
	if (!existsSync(folder)) return `its folder ${folder} does not exist`;
	if (!writable(folder)) return `its folder ${folder} is not writable`;
	if (existsSync(dbPath) && !writable(dbPath)) return 'the file is not writable';
	return undefined;
}

function writable(path: string): boolean {
	try {
		accessSync(path, constants.R_OK | constants.W_OK);
		return true;
	} catch {
		return false;
	}
}
