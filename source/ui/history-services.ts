/**
 * What the History and Replay screens ask of the program: keyset pages of executions and one
 * execution's events rebuilt from its record. Built on the wired app's database (load-services.ts).
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {MikroORM} from '@mikro-orm/core';
import type {EngineEvent} from '../engine/events.js';
import type {HistorySource} from '../engine/conversation-chain.js';
import {replayEvents} from '../engine/replay.js';
import {ensurePriceFile, pricesPath} from '../history/prices.js';
import {listExecutions, type HistoryCursor, type HistoryFilter, type HistoryPage} from '../history/queries.js';
import {statsReport, type StatsReport} from '../history/stats.js';

export interface HistoryServices {
	listPage(filter: HistoryFilter, after: HistoryCursor | undefined, limit: number): Promise<HistoryPage>;
	replay(executionId: number): Promise<EngineEvent[]>;
	/** A file of a project as it is now (undefined: missing, unreadable, or outside the project). */
	currentFile(projectPath: string, relativePath: string): Promise<string | undefined>;
	/** The Stats screen's figures since a date (all time without one), costed with the user's price table. */
	stats(since?: Date): Promise<StatsReport>;
	/** The price table's file for $EDITOR, written with the built-in prices first when missing. */
	priceFile(): Promise<string>;
}

export function createHistoryServices(orm: MikroORM, recorder: HistorySource, pricesFile = pricesPath()): HistoryServices {
	return {
		listPage: async (filter, after, limit) => listExecutions(orm, filter, {limit, ...(after ? {after} : {})}),
		replay: async executionId => replayEvents(recorder, executionId),
		async currentFile(projectPath, relativePath) {
			const root = path.resolve(projectPath);
			const file = path.resolve(root, relativePath);
			if (!file.startsWith(root + path.sep)) return undefined;
			return readFile(file, 'utf8').catch(() => undefined);
		},
		stats: async since => statsReport(orm, {...(since ? {since} : {}), pricesFile}),
		priceFile: async () => ensurePriceFile(pricesFile),
	};
}
