/**
 * The program opened for the commands that only read or edit the database (history, show, export,
 * import, undo, stats, delete, replay, db, servers, workflows): the database and its recorder,
 * without the tool servers, the providers or the engine, so they start fast. openApp wires the rest
 * for a run.
 */
import type {MikroORM} from '@mikro-orm/core';
import type {SeedReport} from '../db/seed.js';
import {UsageError} from '../errors.js';
import type {Recorder} from '../records/recorder.js';

export interface Records {
	orm: MikroORM;
	recorder: Recorder;
	dbPath: string;
	/** The migrations opening applied (empty when the database was up to date). */
	applied: string[];
	/** The default configuration opening seeded into an empty database, if it did. */
	seeded?: SeedReport;
	close(): Promise<void>;
}

export interface RecordsOptions {
	db?: string;
	env?: NodeJS.ProcessEnv;
	/** Seed the default configuration into an empty database (default true; `db seed` imports its own). */
	seed?: boolean;
}

export async function openRecords(options: RecordsOptions = {}): Promise<Records> {
	const {resolveDbPath} = await import('../db/db-path.js');
	let dbPath: string;
	try {
		dbPath = resolveDbPath({...(options.db === undefined ? {} : {db: options.db}), env: options.env ?? process.env});
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}

	const [{openDatabaseReporting}, {Recorder}] = await Promise.all([import('../db/orm.js'), import('../records/recorder.js')]);
	const {orm, applied, seeded} = await openDatabaseReporting({dbPath, ...(options.seed === undefined ? {} : {seed: options.seed})});
	return {orm, recorder: new Recorder(orm), dbPath, applied, ...(seeded ? {seeded} : {}), close: async () => orm.close(true).catch(() => undefined)};
}
