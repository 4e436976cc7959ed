/**
 * The full output of a check: one file per check in the log folder's checks/, the newest
 * KEEP kept, scrubbed of the secrets the logger scrubs.
 */
import {readdirSync, rmSync} from 'node:fs';
import path from 'node:path';
import {defaultLogPath} from '../log/logger.js';
import {isSecretKey, redact, SECRET_ENV_VARS} from '../log/redact.js';

const KEEP = 20;

export function checksFolder(env: NodeJS.ProcessEnv): string {
	return path.join(path.dirname(defaultLogPath(env)), 'checks');
}

/** A new file name (the folder is pruned to the newest KEEP - 1 first). */
export function newOutputFile(env: NodeJS.ProcessEnv): string {
	const folder = checksFolder(env);
	try {
		const old = readdirSync(folder)
			.filter(name => name.endsWith('.log'))
			.sort();
		for (const name of old.slice(0, Math.max(0, old.length - (KEEP - 1)))) rmSync(path.join(folder, name), {force: true});
	} catch {
		// No folder yet.
	}

	const stamp = new Date()
		.toISOString()
		.replaceAll(/[-:]/g, '')
		.replace(/\.\d+Z$/, 'Z');
	return path.join(folder, `check-${stamp}-${process.pid}-${Math.random().toString(36).slice(2, 6)}.log`);
}

/**
 * Our API keys, and what the project's own variables hold that must not reach a log or a record:
 * secret-named ones (PGPASSWORD, STRIPE_SECRET) and the password in a URL (DATABASE_URL).
 */
export function scrubber(env: NodeJS.ProcessEnv): (text: string) => string {
	const secrets = SECRET_ENV_VARS.map(name => env[name]).filter((value): value is string => typeof value === 'string');
	for (const [name, value] of Object.entries(env)) {
		if (!value) continue;
		if (isSecretKey(name)) secrets.push(value);
		const password = /\/\/[^/:@\s]+:([^@/\s]+)@/.exec(value)?.[1];
		if (password) secrets.push(password);
	}

	return text => redact(text, secrets);
}
