/**
 * One undo step, done with its path resolved and checked at the moment of the act, not when the
 * plan was made: between the y/N question and the answer a folder may have become a symlink to
 * somewhere else, or the file may have changed. Each act resolves the path again through the
 * tool servers' guard (every existing folder on the way through realpath, the file itself never a
 * symlink), requires the same place and the same file (device, inode, size, mtime) as the plan
 * saw, and then acts on the resolved path, so no link on the way is followed by the act itself.
 */
import {mkdir, realpath, rmdir, unlink} from 'node:fs/promises';
import {dirname} from 'node:path';
import {writeFileAtomic} from '../atomic-write.js';
import {EctosmithError} from '../errors.js';
import {isInside} from '../phoenix-project/read-project.js';
import {resolveInsideRoot} from '../tools/write/safe-writer.js';
import {type FileIdentity, fileIdentity, sameIdentity} from './file-state.js';

/** An undo stopped part way: a path changed between the plan and the act. */
export class UndoStoppedError extends EctosmithError {}

export interface ActStep {
	path: string;
	action: 'remove' | 'restore' | 'remove_folder';
	/** Where the plan resolved it. */
	absolute: string;
	/** For restore: the content to put back. */
	content?: string;
	/** The file as the plan saw it; undefined when it was missing. */
	seen?: FileIdentity;
}

async function resolveNow(root: string, step: ActStep): Promise<string> {
	let absolute: string;
	try {
		absolute = await resolveInsideRoot(root, step.path);
	} catch (error) {
		throw new UndoStoppedError(`${step.path}: ${error instanceof Error ? error.message : String(error)}`);
	}

	if (absolute !== step.absolute) throw new UndoStoppedError(`${step.path} no longer resolves to the place it did when the undo was planned (a folder on its way was moved or replaced by a link).`);
	if (!sameIdentity(await fileIdentity(absolute), step.seen)) throw new UndoStoppedError(`${step.path} changed since the undo was planned.`);
	return absolute;
}

/** Does one step; false when a folder was left (no longer empty, or no longer a folder inside). */
export async function act(root: string, step: ActStep): Promise<boolean> {
	if (step.action === 'remove_folder') {
		const absolute = await resolveInsideRoot(root, step.path, 'folder').catch(() => undefined);
		if (absolute !== step.absolute) return false;
		// rmdir removes only an empty folder: one filled since the plan stays.
		return rmdir(absolute).then(
			() => true,
			() => false,
		);
	}

	const absolute = await resolveNow(root, step);
	if (step.action === 'remove') {
		await unlink(absolute);
		return true;
	}

	// A file whose folder went (its parent execution undone first) is recreated in a new folder,
	// which must still land inside the project once made.
	await mkdir(dirname(absolute), {recursive: true});
	if (!isInside(await realpath(root), await realpath(dirname(absolute)))) throw new UndoStoppedError(`${step.path}: its folder resolves outside the project.`);
	await writeFileAtomic(absolute, step.content ?? '');
	return true;
}
