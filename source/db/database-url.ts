import {UsageError} from '../errors.js';

// Kept free of the ORM, so `ectosmith db path` and error messages can use it before anything loads.

/** The two databases ectosmith can keep its record in. */
export type Dialect = 'sqlite' | 'postgresql';

const urlScheme = /^postgres(?:ql)?:\/\//i;

/** Which database a location names: a postgresql:// (or postgres://) URL, else an SQLite file. */
export function dialectOf(location: string): Dialect {
	return urlScheme.test(location) ? 'postgresql' : 'sqlite';
}

/**
 * Checks a PostgreSQL URL as the user wrote it: a host (or a socket folder given as ?host=/path),
 * a database name, nothing we cannot hand to the driver. The message never repeats the password.
 */
export function checkDatabaseUrl(value: string, source: string): string {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new UsageError(`${source} is not a valid PostgreSQL URL (${maskDatabaseUrl(value)}); write it as postgresql://user:password@host:5432/database.`);
	}

	const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
	if (database === '' || database.includes('/')) {
		throw new UsageError(`${source} names no database (${maskDatabaseUrl(value)}); write it as postgresql://user:password@host:5432/database.`);
	}

	if (url.hostname === '' && !url.searchParams.get('host')) {
		throw new UsageError(`${source} names no host (${maskDatabaseUrl(value)}); give host:port, or a socket folder as ?host=/path/to/folder.`);
	}

	return value;
}

/**
 * The location as it may be shown: an SQLite path as it is; a URL with its password replaced by
 * *** (also a password= query parameter). A string that does not parse is masked after `:` up to `@`.
 */
export function maskDatabaseUrl(location: string): string {
	if (dialectOf(location) !== 'postgresql') return location;
	try {
		const url = new URL(location);
		if (url.password !== '') url.password = '***';
		for (const key of [...url.searchParams.keys()]) {
			if (/^(password|sslpassword|passfile|sslkey)$/i.test(key)) url.searchParams.set(key, '***');
		}

		return url.toString();
	} catch {
		return location.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
	}
}

/** The password of a PostgreSQL URL, decoded (for redaction); undefined for a file or no password. */
export function databasePassword(location: string): string | undefined {
	if (dialectOf(location) !== 'postgresql') return undefined;
	try {
		const password = decodeURIComponent(new URL(location).password);
		return password === '' ? undefined : password;
	} catch {
		return undefined;
	}
}
