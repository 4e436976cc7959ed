/**
 * The one answer to "is this folder a Mix project?": a folder holding a regular mix.exs (a
 * symlinked or missing one is not). Synchronous, since the TUI asks as the user types a path; each
 * caller words the answer for its reader (the tools name project_path, the CLI suggests --project).
 */
import {lstatSync, statSync} from 'node:fs';
import path from 'node:path';

export type MixProjectProblem = 'missing' | 'not-a-folder' | 'no-mix-exs';

/** What keeps `folder` from being a Mix project root, or undefined when it is one. */
export function mixProjectProblem(folder: string): MixProjectProblem | undefined {
	const stats = statSync(folder, {throwIfNoEntry: false});
	if (!stats) return 'missing';
	if (!stats.isDirectory()) return 'not-a-folder';
	return lstatSync(path.join(folder, 'mix.exs'), {throwIfNoEntry: false})?.isFile() ? undefined : 'no-mix-exs';
}
