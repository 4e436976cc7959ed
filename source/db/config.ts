import type {Options} from '@mikro-orm/core';
import {dialectOf} from './database-url.js';

export interface ConfigOptions {
	/** How long a statement waits for another process's lock (capped per statement). */
	waitMs?: number;
}

/**
 * The ORM configuration for a location: an SQLite file, or a postgresql:// URL. Each dialect's
 * module is loaded only when used, so an SQLite user never loads the PostgreSQL driver and back.
 */
export async function ormConfig(location: string, options: ConfigOptions = {}): Promise<Options> {
	if (dialectOf(location) === 'postgresql') {
		const {postgresqlConfig} = await import('./postgresql-config.js');
		return postgresqlConfig(location, options) as Options;
	}

	const {sqliteConfig} = await import('./sqlite-config.js');
	return sqliteConfig(location, options) as Options;
}
