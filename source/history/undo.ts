/**
 * Undo an execution: remove the files it created and put back those it changed, from what it
 * recorded, then remove the folders its writes created that are left empty (deepest first).
 * Everything is checked before the first file is touched: each file must be as the execution left
 * it (else the undo is refused naming it, unless forced), must resolve inside the execution's
 * project (symlinks resolved, through the tool servers' own guard), and a changed file needs its
 * previous content on record, hashing to the recorded sha256_before. Each step is checked again
 * at the moment it acts (undo-act.ts). An imported execution's project path is a claim of a file:
 * its undo needs the project named (--project), a Mix project. --force skips a file rather than
 * delete content the record never held. The undo itself is recorded (executions.undone_at).
 */
import {readdir, realpath} from 'node:fs/promises';
import {join, resolve} from 'node:path';
import type {MikroORM} from '@mikro-orm/core';
import {Execution} from '../db/entities/index.js';
import {EctosmithError} from '../errors.js';
import {mixProjectProblem} from '../phoenix-project/mix-project.js';
import type {Recorder} from '../records/recorder.js';
import {contentSha256} from '../tool-results/content-hash.js';
import {resolveInsideRoot} from '../tools/write/safe-writer.js';
import {type FileChange, fileChanges, foldersCreated} from './file-changes.js';
import {fileIdentity, holdsContent} from './file-state.js';
import {type ActStep, act, UndoStoppedError} from './undo-act.js';

export {UndoStoppedError} from './undo-act.js';

export class UndoRefusedError extends EctosmithError {
	constructor(
		message: string,
		/** Forcing would get past it (the TUI offers that as its own step). */
		readonly forceable = false,
		/** The message without the command line's --force hint, for the TUI. */
		readonly reason = message,
		/** The execution was imported: its undo needs the project named (`--project DIR`). */
		readonly needsProject = false,
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
	steps: Array<UndoStep & ActStep>;
	/** Files skipped under --force, with why. */
	skipped: Array<{path: string; reason: string}>;
}

export interface UndoOptions {
	force?: boolean;
	/** The project to undo in: required for an imported execution, else it must be the recorded one. */
	project?: string;
}

/** The project folder the undo acts in, checked to be a Mix project. */
async function projectOf(execution: Awaited<ReturnType<Recorder['getExecution']>>, options: UndoOptions): Promise<string> {
	const id = execution.id;
	const claimed = execution.targetProjectPath;
	if (execution.imported && options.project === undefined) {
		const claim = claimed ? ` (the file claims ${claimed})` : '';
		const message = `Execution ${id} was imported, so its project folder${claim} is not trusted: name the project to undo it in, with \`ectosmith undo ${id} --project DIR\`.`;
		throw new UndoRefusedError(message, false, message, true);
	}

	if (!execution.imported && !claimed) throw new UndoRefusedError(`Execution ${id} has no project folder on record; there is nothing to undo.`);
	const project = resolve(options.project ?? claimed!);
	const problem = mixProjectProblem(project);
	if (problem === 'missing') throw new UndoRefusedError(`Cannot undo execution ${id}: the project folder ${project} no longer exists.`);
	if (problem) throw new UndoRefusedError(`Cannot undo execution ${id}: ${project} is not a Mix project (${problem === 'not-a-folder' ? 'not a folder' : 'no mix.exs in it'}).`);
	if (!execution.imported && options.project !== undefined && (await realpath(project)) !== (await realpath(claimed!).catch(() => claimed))) {
		throw new UndoRefusedError(`Cannot undo execution ${id} in ${project}: it ran in ${claimed}; leave out --project to undo it there.`);
	}

	return project;
}

/** Checks every file; throws UndoRefusedError naming the first problem (unless force skips it). */
export async function planUndo(recorder: Recorder, executionId: number, options: UndoOptions = {}): Promise<UndoPlan> {
	let execution = await recorder.getExecution(executionId);
	// A row left STARTED by a process that died is first marked so, with what its calls wrote.
	if (execution.status === 'STARTED' && (await recorder.markInterrupted()) > 0) execution = await recorder.getExecution(executionId);
	if (execution.status === 'STARTED') throw new UndoRefusedError(`Execution ${executionId} is still running (STARTED); undo it once it has finished.`);
	if (execution.undoneAt) throw new UndoRefusedError(`Execution ${executionId} was already undone on ${execution.undoneAt.toISOString()}.`);
	const projectPath = await projectOf(execution, options);
	const messages = await recorder.listMessages(executionId);
	const plan: UndoPlan = {executionId, projectPath, steps: [], skipped: []};
	const refuse = (change: FileChange, reason: string, forceHint: string): never => {
		const base = `Refusing to undo execution ${executionId}: ${change.path} ${reason}`;
		throw new UndoRefusedError(`${base}${forceHint}`, true, base);
	};

	const skip = (change: FileChange, reason: string, forceHint: string) => {
		if (!options.force) refuse(change, reason, forceHint);
		plan.skipped.push({path: change.path, reason});
	};

	for (const change of fileChanges(messages)) {
		let absolute: string;
		try {
			absolute = await resolveInsideRoot(projectPath, change.path);
		} catch (error) {
			// Never forced: a path outside the project is not ours to touch.
			throw new UndoRefusedError(`Refusing to undo execution ${executionId}: ${error instanceof Error ? error.message : String(error)}`);
		}

		if (change.kind === 'changed' && (!change.before || (execution.imported && change.beforeSha256 === undefined))) {
			skip(
				change,
				'was changed by it, but its previous content is not on record (cut at the size limit, or written by an older tool server); restore it from version control.',
				' Pass --force to undo the other files.',
			);
			continue;
		}

		// Only content the record vouches for goes back: it must hash to the recorded sha256_before.
		if (change.kind === 'changed' && contentSha256(change.before!.content) !== (change.beforeSha256 ?? change.before!.sha256)) {
			skip(
				change,
				'has a recorded previous content that does not match its recorded hash (sha256_before), so it is not put back; restore it from version control.',
				' Pass --force to undo the other files.',
			);
			continue;
		}

		const seen = await fileIdentity(absolute);
		const asLeft = seen !== undefined && (await holdsContent(absolute, seen, change.after.sha256, Buffer.byteLength(change.after.content)));
		if (seen === undefined) {
			if (change.kind === 'created') continue; // already gone
			if (!options.force) refuse(change, 'has been deleted since.', ' Pass --force to recreate it as it was before the execution.');
		} else if (!asLeft) {
			if (change.kind === 'created') {
				// Its content now is nobody's record: even forced, a file the undo cannot restore stays.
				skip(change, 'has been edited since the execution created it; it is kept (remove it yourself if it should go).', ' Pass --force to undo the other files and keep it.');
				continue;
			}

			if (!options.force) refuse(change, 'has been edited since the execution wrote it.', ' Pass --force to undo anyway (the edits to it would be lost).');
		}

		const step = change.kind === 'created' ? {path: change.path, action: 'remove' as const, absolute} : {path: change.path, action: 'restore' as const, absolute, content: change.before!.content};
		plan.steps.push(seen === undefined ? step : {...step, seen});
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

/**
 * Applies a checked plan, each step checked again as it acts, and records the undo; returns what
 * was done. A step whose path changed since the plan stops the undo there (UndoStoppedError,
 * naming what was already done); the execution is then not marked undone.
 */
export async function applyUndo(orm: MikroORM, plan: UndoPlan): Promise<UndoStep[]> {
	const done: UndoStep[] = [];
	for (const step of plan.steps) {
		try {
			if (await act(plan.projectPath, step)) done.push({path: step.path, action: step.action});
		} catch (error) {
			const reason = error instanceof UndoStoppedError ? error.message : `${step.path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
			const already = done.length === 0 ? 'nothing was changed' : `already undone: ${done.map(item => item.path).join(', ')}`;
			throw new UndoStoppedError(`Stopped undoing execution ${plan.executionId} before ${step.path}, nothing touched there: ${reason} (${already}).`);
		}
	}

	await orm.em.fork().nativeUpdate(Execution, {id: plan.executionId}, {undoneAt: new Date()});
	return done;
}
