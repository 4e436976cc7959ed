/**
 * PostgreSQL's side of database-error.ts: which failures are worth another try (a lock wait that
 * timed out, a deadlock, a serialization failure, a connection refused or dropped, a server
 * restarting) and the one line that explains the rest. Reads the SQLSTATE the driver gives
 * (`code`) or the socket's errno, never the statement. No import of the driver.
 */
import {maskDatabaseUrl} from './database-url.js';

/** Lock and transaction conflicts: another connection holds what this one needs. */
const busyStates = new Set(['40001', '40P01', '55P03', '53300']);
/** The connection could not be made or was lost; the server may be back soon. */
const lostStates = new Set([
	'57P01',
	'57P02',
	'57P03',
	'08000',
	'08001',
	'08003',
	'08004',
	'08006',
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EAI_AGAIN',
	'ENOENT',
]);
// pg and knex say some of these only in words (no code): a dropped socket, a pool that found no connection,
// and a statement sent on a transaction knex already ended because its connection failed under it (rolled back).
const lostWords = /Connection terminated|Client has encountered a connection error|Timeout acquiring a connection|connection timeout|terminating connection|Transaction query already complete/i;

/** The SQLSTATE or errno code of a driver error or one of its causes. */
export function postgresCodeOf(error: unknown): string | undefined {
	for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
		const code = (current as {code?: unknown}).code;
		if (typeof code === 'string' && (/^[0-9A-Z]{5}$/.test(code) || lostStates.has(code))) return code;
	}

	return undefined;
}

function connectionLost(error: unknown): boolean {
	const code = postgresCodeOf(error);
	if (code !== undefined && lostStates.has(code)) return true;
	for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
		if (lostWords.test(current.message)) return true;
	}

	return false;
}

/** Worth another try: a lock conflict, or a connection the server refused, dropped or has not made yet. */
export function isPostgresRetryable(error: unknown): boolean {
	const code = postgresCodeOf(error);
	return (code !== undefined && busyStates.has(code)) || connectionLost(error);
}

export interface PostgresExplanation {
	message: string;
	code: string;
	busy: boolean;
}

// The server's own words without the statement the ORM prefixes them with ("insert into ... - why").
function serverReason(error: Error): string {
	const at = error.message.lastIndexOf(' - ');
	const line = (at >= 0 ? error.message.slice(at + 3) : error.message).replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ').trim();
	return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * One line for a failure of the PostgreSQL database at `location` (the password masked), or
 * undefined when the error did not come from the database.
 */
export function explainPostgres(location: string, error: Error, options: {waitedMs?: number} = {}): PostgresExplanation | undefined {
	const code = postgresCodeOf(error) ?? (connectionLost(error) ? 'CONNECTION' : undefined);
	if (code === undefined) return undefined;
	const where = maskDatabaseUrl(location);
	const busy = busyStates.has(code);
	const waited = options.waitedMs === undefined ? '' : ` for ${Math.round(options.waitedMs / 100) / 10} s`;
	const explained = (message: string) => ({message, code, busy});
	if (busy) {
		return explained(`the PostgreSQL database ${where} stayed locked by other connections${waited} (${serverReason(error)}). Try again; ECTOSMITH_DB_WAIT_SECONDS sets how long to wait.`);
	}

	if (connectionLost(error)) {
		// Busy in the sense that matters (worth another try later): a run's end is kept and written once the server is back.
		return {
			...explained(`the PostgreSQL database ${where} cannot be reached${waited} (${serverReason(error)}). Check that the server is up and the URL in --db or ECTOSMITH_DB is right.`),
			busy: true,
		};
	}

	switch (code) {
		case '28P01':
		case '28000': {
			return explained(`PostgreSQL at ${where} refused the login (${serverReason(error)}). Check the user and password in --db or ECTOSMITH_DB.`);
		}

		case '3D000': {
			return explained(`the PostgreSQL database ${where} does not exist. Create it first (createdb, or CREATE DATABASE), or choose another with --db or ECTOSMITH_DB.`);
		}

		case '42501': {
			return explained(
				`the PostgreSQL user in ${where} lacks a privilege ectosmith needs (${serverReason(error)}). It must be able to create tables in the database, or its owner must run \`ectosmith db migrate\` once.`,
			);
		}

		default: {
			return explained(`the PostgreSQL database ${where} refused the operation (${serverReason(error)}).`);
		}
	}
}
