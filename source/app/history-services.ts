/**
 * What the History and Replay screens ask of the program: keyset pages of executions, one
 * execution's events rebuilt from its record, and the actions on a past execution (undo, delete,
 * export), each the one implementation the CLI commands use too. Built on the wired app's database
 * (load-ui-services.ts).
 */

import path from 'node:path';
import type {MikroORM} from '@mikro-orm/core';
import {replayEvents} from '../engine/replay.js';
import {DeleteRefusedError, deleteExecution, deletionQuestion, planDeletion} from '../history/delete.js';
import {ExportFileExistsError, ExportRefusedError, exportToFile} from '../history/export.js';
import {ensurePriceFile, pricesPath} from '../history/prices.js';
import {listExecutions} from '../history/queries.js';
import {statsReport} from '../history/stats.js';
import {applyUndo, planUndo, UndoRefusedError} from '../history/undo.js';
import {readRegularFile} from '../phoenix-project/read-regular.js';
import type {Recorder} from '../records/recorder.js';
import type {HistoryServices} from '../ui/services.js';

async function refusable<T>(work: () => Promise<T>, refusal: new (...args: never[]) => Error): Promise<T | {refused: string}> {
	try {
		return await work();
	} catch (error) {
		if (error instanceof refusal) return {refused: error.message};
		throw error;
	}
}

export function createHistoryServices(orm: MikroORM, recorder: Recorder, pricesFile = pricesPath()): HistoryServices {
	return {
		listPage: async (filter, after, limit) => listExecutions(orm, filter, {limit, ...(after ? {after} : {})}),
		replay: async executionId => replayEvents(recorder, executionId),
		execution: async executionId => recorder.getExecution(executionId),
		async currentFile(projectPath, relativePath) {
			const root = path.resolve(projectPath);
			const file = path.resolve(root, relativePath);
			if (!file.startsWith(root + path.sep)) return undefined;
			// Bounded: a file grown to hundreds of MB since is not shown, never read whole.
			return readRegularFile(file, relativePath).catch(() => undefined);
		},
		async planUndo(executionId, options = {}) {
			try {
				return {plan: await planUndo(recorder, executionId, options)};
			} catch (error) {
				if (error instanceof UndoRefusedError) return {refused: error.reason, forceable: error.forceable};
				throw error;
			}
		},
		applyUndo: async plan => applyUndo(orm, plan),
		planDeletion: async executionId =>
			refusable(async () => {
				const deletion = await planDeletion(orm, recorder, executionId);
				return {deletion, question: deletionQuestion(deletion)};
			}, DeleteRefusedError),
		deleteExecution: async executionId => deleteExecution(orm, recorder, executionId),
		async exportTo(executionId, file, options = {}) {
			const absolute = path.resolve(file);
			try {
				const written = await exportToFile(orm, recorder, executionId, absolute, options);
				return {file: written.file, executions: written.executions};
			} catch (error) {
				if (error instanceof ExportFileExistsError) return {exists: absolute};
				if (error instanceof ExportRefusedError) return {refused: error.message};
				throw error;
			}
		},
		stats: async since => statsReport(orm, {...(since ? {since} : {}), pricesFile}),
		priceFile: async () => ensurePriceFile(pricesFile),
	};
}
