import {homedir} from 'node:os';
import {isAbsolute, join, resolve} from 'node:path';

// Kept apart from orm.ts so `ectosmith db path` answers without loading the ORM.

/**
 * Where the database lives: --db wins, then ECTOSMITH_DB, then $XDG_DATA_HOME/ectosmith/ectosmith.db,
 * else ~/.local/share/ectosmith/ectosmith.db. Does not touch the disk.
 */
export function resolveDbPath(options: {db?: string; env?: NodeJS.ProcessEnv} = {}): string {
	const env = options.env ?? process.env;
	if (options.db !== undefined) {
		if (options.db.trim() === '') throw new Error('--db needs a file path, for example --db ./ectosmith.db');
		return resolve(options.db);
	}

	if (env.ECTOSMITH_DB) return resolve(env.ECTOSMITH_DB);
	// The XDG spec says relative values are invalid and must be ignored.
	const xdg = env.XDG_DATA_HOME;
	const dataHome = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.local', 'share');
	return join(dataHome, 'ectosmith', 'ectosmith.db');
}
