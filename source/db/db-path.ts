import {homedir} from 'node:os';
import {isAbsolute, join, resolve} from 'node:path';
import {UsageError} from '../errors.js';
import {checkDatabaseUrl, dialectOf} from './database-url.js';

// Kept apart from orm.ts so `ectosmith db path` answers without loading the ORM.

/**
 * Where the database lives (a file path, or a postgresql:// URL kept as written): --db wins, then ECTOSMITH_DB, then $XDG_DATA_HOME/ectosmith/ectosmith.db,
 * else ~/.local/share/ectosmith/ectosmith.db. Does not touch the disk.
 */
export function resolveDbPath(options: {db?: string; env?: NodeJS.ProcessEnv} = {}): string {
	const env = options.env ?? process.env;
	if (options.db !== undefined) return chosenPath(options.db, '--db');
	if (env.ECTOSMITH_DB) return chosenPath(env.ECTOSMITH_DB, 'ECTOSMITH_DB');
	return defaultDbPath(env);
}

/** The default location ($XDG_DATA_HOME/ectosmith/ectosmith.db, else ~/.local/share/...): its folder is created on first use. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
	// The XDG spec says relative values are invalid and must be ignored.
	const xdg = env.XDG_DATA_HOME;
	const dataHome = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.local', 'share');
	return join(dataHome, 'ectosmith', 'ectosmith.db');
}

/** A database the user named (a flag or ECTOSMITH_DB, named by `source` in errors): a URL kept as written, a file path resolved. */
export function chosenPath(value: string, source: string): string {
	const path = value.trim();
	// A team's shared database: kept as written (the password too), shown only through maskDatabaseUrl.
	if (dialectOf(path) === 'postgresql') return checkDatabaseUrl(path, source);
	if (path === '') throw new UsageError(`${source} needs a file path, for example ${source === 'ECTOSMITH_DB' ? 'ECTOSMITH_DB=' : `${source} `}./ectosmith.db`);
	// SQLite would keep such a database in memory and lose every run at exit; resolved as a path it would be a file named ":memory:".
	if (path === ':memory:') {
		throw new UsageError(
			`${source} :memory: is refused: an in-memory database cannot keep the history of runs (it is gone when ectosmith exits). Give the path of a file, for example ./ectosmith.db.`,
		);
	}

	return resolve(value);
}
