/**
 * The program opened for the commands that only read or edit the record (history, show, export,
 * import, undo, stats, delete, replay): the database and its recorder, without the tool servers,
 * the providers or the engine, so they start fast. openApp wires the rest for a run.
 */
import type {MikroORM} from '@mikro-orm/core';
import type {Recorder} from '../engine/recorder.js';
import {UsageError} from '../errors.js';

export interface Records {
	orm: MikroORM;
	recorder: Recorder;
	dbPath: string;
	close(): Promise<void>;
}

export async function openRecords(options: {db?: string; env?: NodeJS.ProcessEnv} = {}): Promise<Records> {
	const {resolveDbPath} = await import('../db/db-path.js');
	let dbPath: string;
	try {
		dbPath = resolveDbPath({...(options.db === undefined ? {} : {db: options.db}), env: options.env ?? process.env});
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}

	const [{openDatabase}, {Recorder}] = await Promise.all([import('../db/orm.js'), import('../engine/recorder.js')]);
	const orm = await openDatabase({dbPath});
	return {orm, recorder: new Recorder(orm), dbPath, close: async () => orm.close(true).catch(() => undefined)};
}
