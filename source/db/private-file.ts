/**
 * The database holds server secrets: it is created readable by the user alone (0600; SQLite gives
 * its -wal and -shm files the database file's mode), in a folder of mode 0700 when we create it.
 */
import {closeSync, constants, openSync} from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

/** Creates an empty database file of mode 0600 unless one is there; a failure is left for SQLite to report. */
export function createPrivateFile(file: string): void {
	try {
		// O_EXCL: an existing file (or a link planted in its place) is never opened here.
		closeSync(openSync(file, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, PRIVATE_FILE_MODE));
	} catch {
		// Exists already, or cannot be created: opening it reports that as one line naming the file.
	}
}
