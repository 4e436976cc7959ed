import {mkdirSync} from 'node:fs';
import {setTimeout} from 'node:timers/promises';
import {dirname} from 'node:path';
import {MikroORM} from '@mikro-orm/sqlite';
import {ormConfig} from './config.js';
import {seedIfEmpty} from './seed.js';

export type Database = MikroORM;

export {resolveDbPath} from './db-path.js';

/** Open the database file (creating its folder), apply pending migrations and seed a fresh one. */
export async function openDatabase(options: {dbPath: string; migrate?: boolean; seed?: boolean}): Promise<MikroORM> {
	if (options.dbPath !== ':memory:') mkdirSync(dirname(options.dbPath), {recursive: true});
	const orm = await MikroORM.init(ormConfig(options.dbPath));
	try {
		await withFirstOpenRetry(async () => {
			if (options.migrate ?? true) await migrateDatabase(orm);
			if (options.seed ?? true) await seedIfEmpty(orm);
		});
	} catch (error) {
		await orm.close(true);
		throw error;
	}

	return orm;
}

/** Apply pending migrations; returns the names applied (empty when up to date). */
export async function migrateDatabase(orm: MikroORM): Promise<string[]> {
	const applied = await orm.getMigrator().up();
	return applied.map(migration => migration.name);
}

/** Names of migrations not applied yet. */
export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
	const pending = await orm.getMigrator().getPendingMigrations();
	return pending.map(migration => migration.name);
}

/**
 * Two processes opening a brand-new file at once both see it empty; the loser's migration or seed
 * fails on the winner's tables or rows, or with SQLITE_BUSY when its read transaction cannot be
 * upgraded to a write (SQLite does not wait in that case). Once the winner commits, a retry sees
 * nothing left to do; the short random pause lets it commit.
 */
async function withFirstOpenRetry(step: () => Promise<void>): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			await step();
			return;
		} catch (error) {
			if (attempt >= 40 || !isConcurrentSetupError(error)) throw error;
			await setTimeout(25 + Math.random() * 75);
		}
	}
}

function isConcurrentSetupError(error: unknown): boolean {
	const message = error instanceof Error ? error.message : String(error);
	return /already exists|UNIQUE constraint failed|SQLITE_BUSY|database is locked/i.test(message);
}
