import {accessSync, constants} from 'node:fs';
import path from 'node:path';

/** Whether an executable of this name is on the PATH of `env`. */
export function onPath(name: string, env: NodeJS.ProcessEnv): boolean {
	for (const folder of (env['PATH'] ?? '').split(path.delimiter)) {
		if (folder === '') continue;
		try {
			accessSync(path.join(folder, name), constants.X_OK);
			return true;
		} catch {
			// Not in this folder.
		}
	}

	return false;
}
