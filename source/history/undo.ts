/**
 * Undo an execution: remove the files it created and put back those it changed, from what it
 * recorded, then remove the folders its writes created that are left empty (deepest first).
 * Everything is checked before the first file is touched: each file must be as the execution left
 * it (else the undo is refused naming it, unless forced), must resolve inside the execution's
 * project (symlinks resolved, through the tool servers' own guard), and a changed file needs its
 * previous content on record. A folder is removed only when the execution created it (as its tool
 * results report), it resolves inside the project, and nothing but what the undo removes is in it.
 * The undo itself is recorded (executions.undone_at).
 */
import {readdir, readFile, rm, rmdir} from 'node:fs/promises';
import {join} from 'node:path';
import type {MikroORM} from '@mikro-orm/core';
import {writeFileAtomic} from '../atomic-write.js';
import {Execution} from '../db/entities/index.js';
import {EctosmithError} from '../errors.js';
import type {Recorder} from '../records/recorder.js';
import {contentSha256} from '../tool-results/content-hash.js';
import {resolveInsideRoot} from '../tools/write/safe-writer.js';
import {type FileChange, fileChanges, foldersCreated} from './file-changes.js';

export class UndoRefusedError extends EctosmithError {
	constructor(
		message: string,
		/** Forcing would get past it (the TUI offers that as its own step). */
		readonly forceable = false,
		/** The message without the command line's --force hint, for the TUI. */
		readonly reason = message,
	) {
		super(message);
	}
}

export interface UndoStep {
	path: string;
	/** remove: a file it created; restore: a file it changed; remove_folder: a folder it created, left empty. */
	action: 'remove' | 'restore' | 'remove_folder';
}

export interface UndoPlan {
	executionId: number;
	projectPath: string;
	/** Files first, then folders, deepest first. */
	steps: Array<UndoStep & {absolute: string; content?: string}>;
	/** Files skipped under --force, with why. */
	skipped: Array<{path: string; reason: string}>;
}

async function currentContent(absolute: string): Promise<string | undefined> {
	return readFile(absolute, 'utf8').catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT') return undefined;
		throw error;
	});
}

/** Checks every file; throws UndoRefusedError naming the first problem (unless force skips it). */
export async function planUndo(recorder: Recorder, executionId: number, options: {force?: boolean} = {}): Promise<UndoPlan> {
	const execution = await recorder.getExecution(executionId);
	if (execution.status === 'STARTED') throw new UndoRefusedError(`Execution ${executionId} is still running (STARTED); undo it once it has finished.`);
	if (execution.undoneAt) throw new UndoRefusedError(`Execution ${executionId} was already undone on ${execution.undoneAt.toISOString()}.`);
	const projectPath = execution.targetProjectPath;
	if (!projectPath) throw new UndoRefusedError(`Execution ${executionId} has no project folder on record; there is nothing to undo.`);
	const messages = await recorder.listMessages(executionId);
	const changes = fileChanges(messages);
	const plan: UndoPlan = {executionId, projectPath, steps: [], skipped: []};
	const refuse = (change: FileChange, reason: string, forceHint: string): never => {
		const base = `Refusing to undo execution ${executionId}: ${change.path} ${reason}`;
		throw new UndoRefusedError(`${base}${forceHint}`, true, base);
	};

	for (const change of changes) {
		let absolute: string;
		try {
			absolute = await resolveInsideRoot(projectPath, change.path);
		} catch (error) {
			// Never forced: a path outside the project is not ours to touch.
			throw new UndoRefusedError(`Refusing to undo execution ${executionId}: ${error instanceof Error ? error.message : String(error)}`);
		}

		const current = await currentContent(absolute);
		if (change.kind === 'changed' && !change.before) {
			const reason = 'was changed by it, but its previous content is not on record (cut at the size limit, or written by an older tool server); restore it from version control.';
			if (!options.force) refuse(change, reason, ' Pass --force to undo the other files.');
			plan.skipped.push({path: change.path, reason});
			continue;
		}

		if (current === undefined) {
			if (change.kind === 'created') continue; // already gone
			if (!options.force) refuse(change, 'has been deleted since.', ' Pass --force to recreate it as it was before the execution.');
		} else if (contentSha256(current) !== change.after.sha256 && !options.force) {
			refuse(change, 'has been edited since the execution wrote it.', ' Pass --force to undo anyway (the edits to it would be lost).');
		}

		plan.steps.push(change.kind === 'created' ? {path: change.path, action: 'remove', absolute} : {path: change.path, action: 'restore', absolute, content: change.before!.content});
	}

	plan.steps.push(...(await emptiedFolders(projectPath, foldersCreated(messages), plan.steps)));
	return plan;
}

/**
 * The folders among `created` that the undo leaves empty: everything in each is a file the undo
 * removes or a deeper folder it removes. Deepest first; a folder that no longer resolves to a
 * real folder inside the project (gone, now a symlink, escaping) is left alone.
 */
async function emptiedFolders(projectPath: string, created: string[], fileSteps: UndoPlan['steps']): Promise<UndoPlan['steps']> {
	const removed = new Set(fileSteps.filter(step => step.action === 'remove').map(step => step.absolute));
	const folders: UndoPlan['steps'] = [];
	const deepestFirst = [...created].sort((a, b) => b.split('/').length - a.split('/').length || b.localeCompare(a));
	for (const folder of deepestFirst) {
		const absolute = await resolveInsideRoot(projectPath, folder, 'folder').catch(() => undefined);
		if (absolute === undefined || removed.has(absolute)) continue;
		const entries = await readdir(absolute).catch(() => undefined);
		if (entries?.every(entry => removed.has(join(absolute, entry)))) {
			removed.add(absolute);
			folders.push({path: folder, action: 'remove_folder', absolute});
		}
	}

	return folders;
}

/** Applies a checked plan and records the undo; returns what was done. */
export async function applyUndo(orm: MikroORM, plan: UndoPlan): Promise<UndoStep[]> {
	const done: UndoStep[] = [];
	for (const step of plan.steps) {
		if (step.action === 'remove_folder') {
			// rmdir removes only an empty folder: one filled since the plan stays, unreported.
			const emptied = await rmdir(step.absolute).then(
				() => true,
				() => false,
			);
			if (emptied) done.push({path: step.path, action: step.action});
			continue;
		}

		if (step.action === 'remove') await rm(step.absolute, {force: true});
		else await writeFileAtomic(step.absolute, step.content ?? '');
		done.push({path: step.path, action: step.action});
	}

	await orm.em.fork().nativeUpdate(Execution, {id: plan.executionId}, {undoneAt: new Date()});
	return done;
}
