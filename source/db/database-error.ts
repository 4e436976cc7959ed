import {accessSync, constants, existsSync, mkdirSync, statSync} from 'node:fs';
import {dirname} from 'node:path';
import {EctosmithError} from '../errors.js';

/** The database file cannot be used as it is; the message names it and says what to do. */
export class DatabaseError extends EctosmithError {
	override name = 'DatabaseError';
}

const elsewhere = 'or choose another file with --db or ECTOSMITH_DB';

/** Make sure the database's folder exists and the path is not a folder itself. */
export function prepareLocation(dbPath: string): void {
	if (existsSync(dbPath) && statSync(dbPath).isDirectory()) {
		throw new DatabaseError(`Database path ${dbPath} is a folder; give the path of a file (it is created if missing) with --db or ECTOSMITH_DB.`);
	}

	const folder = dirname(dbPath);
	try {
		mkdirSync(folder, {recursive: true});
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

/**
 * Turn SQLite's terse failures (SQLITE_NOTADB, SQLITE_CANTOPEN, SQLITE_READONLY...) into a message
 * naming the file and the fix. Other errors (seed files, bugs) pass through unchanged.
 */
export function explainDatabaseError(dbPath: string, error: unknown): unknown {
	if (error instanceof DatabaseError || !(error instanceof Error)) return error;
	const code = /SQLITE_[A-Z]+/.exec(`${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`)?.[0];
	const folder = dirname(dbPath);
	const explained = (message: string) => new DatabaseError(message, {cause: error});
	switch (code) {
		case 'SQLITE_NOTADB':
		case 'SQLITE_CORRUPT': {
			return explained(`${dbPath} is not a usable SQLite database (${code === 'SQLITE_CORRUPT' ? 'it is corrupt' : 'it is another kind of file or damaged'}). Move it aside to start afresh, ${elsewhere}.`);
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

		case 'SQLITE_FULL':
		case 'SQLITE_IOERR': {
			return explained(`Cannot write the database ${dbPath}: ${code === 'SQLITE_FULL' ? 'the disk is full' : 'an input/output error'} (${error.message}). Free space or fix the disk, ${elsewhere}.`);
		}

		default: {
			return error;
		}
	}
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
