/**
 * What the History and Replay screens ask of the program: keyset pages of executions, one
 * execution's events rebuilt from its record, and the actions on a past execution (undo, delete,
 * export), each the one implementation the CLI commands use too. Built on the wired app's database
 * (load-services.ts).
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {MikroORM} from '@mikro-orm/core';
import type {EngineEvent} from '../engine/events.js';
import type {ExecutionRecord, Recorder} from '../engine/recorder.js';
import {replayEvents} from '../engine/replay.js';
import {DeleteRefusedError, deleteExecution, deletionQuestion, planDeletion, type Deletion} from '../history/delete.js';
import {ExportFileExistsError, ExportRefusedError, exportToFile} from '../history/export.js';
import {ensurePriceFile, pricesPath} from '../history/prices.js';
import {listExecutions, type HistoryCursor, type HistoryFilter, type HistoryPage} from '../history/queries.js';
import {statsReport, type StatsReport} from '../history/stats.js';
import {applyUndo, planUndo, UndoRefusedError, type UndoPlan, type UndoStep} from '../history/undo.js';

export interface HistoryServices {
	listPage(filter: HistoryFilter, after: HistoryCursor | undefined, limit: number): Promise<HistoryPage>;
	replay(executionId: number): Promise<EngineEvent[]>;
	/** One execution's row (status, undone or not). */
	execution(executionId: number): Promise<ExecutionRecord>;
	/** A file of a project as it is now (undefined: missing, unreadable, or outside the project). */
	currentFile(projectPath: string, relativePath: string): Promise<string | undefined>;
	/** Checks every file first: a plan, or why not (naming the file in the way; force skips what it can). */
	planUndo(executionId: number, options?: {force?: boolean}): Promise<Refusable<{plan: UndoPlan}>>;
	applyUndo(plan: UndoPlan): Promise<UndoStep[]>;
	/** What deleting it removes and the question to ask ("Delete execution #12 and its 40 messages?…"), or why it may not be deleted. */
	planDeletion(executionId: number): Promise<Refusable<{deletion: Deletion; question: string}>>;
	deleteExecution(executionId: number): Promise<Deletion>;
	/**
	 * Writes its export to `file` (relative to the working folder; format from the extension; an
	 * existing file only with overwrite): the absolute path written, or why not.
	 */
	exportTo(executionId: number, file: string, options?: {overwrite?: boolean}): Promise<Refusable<{file: string; executions: number}> | {exists: string}>;
	/** The Stats screen's figures since a date (all time without one), costed with the user's price table. */
	stats(since?: Date): Promise<StatsReport>;
	/** The price table's file for $EDITOR, written with the built-in prices first when missing. */
	priceFile(): Promise<string>;
}

/**
 * A result or the one-line reason it was refused. The screens load before the ORM, so they cannot
 * import the error classes to match them: the refusals are matched here, by class.
 */
export type Refusable<T> = T | {refused: string};

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
			return readFile(file, 'utf8').catch(() => undefined);
		},
		planUndo: async (executionId, options = {}) => refusable(async () => ({plan: await planUndo(recorder, executionId, options)}), UndoRefusedError),
		applyUndo: async plan => applyUndo(orm, plan),
		planDeletion: async executionId => refusable(async () => {
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
