/** The demo Phoenix project: a copy of the small fixture project, so a new user has a target to try. */
import {cpSync, existsSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {EctosmithError} from '../errors.js';
import {packageRoot} from '../package-root.js';

/** Why the demo project cannot go where it was asked (one line: what is wrong, what to do). */
export class DemoTargetError extends EctosmithError {}

/** Copies the demo Phoenix project into `target` (new or empty); returns its absolute path. */
export function createDemoProject(target: string): string {
	const folder = path.resolve(target);
	if (existsSync(folder)) {
		if (!statSync(folder).isDirectory()) throw new DemoTargetError(`${folder} exists and is not a folder. Choose another name: ectosmith demo my_app`);
		if (readdirSync(folder).length > 0) {
			throw new DemoTargetError(`${folder} is not empty; the demo project needs an empty or new folder. Choose another name: ectosmith demo my_app`);
		}
	}

	const source = path.join(packageRoot(), 'fixtures', 'phoenix', 'my_app');
	if (!existsSync(path.join(source, 'mix.exs'))) throw new DemoTargetError(`the demo project is missing from this installation (${source}).`);
	cpSync(source, folder, {recursive: true});
	return folder;
}
