/**
 * Root ignores file modes, so the permission tests run a child as `nobody` when the tests run as
 * root. That child must be able to read this package (its files and the tsx loader). A checkout
 * inside a private folder (such as /root, mode 700) cannot be read by `nobody`: there the
 * permission cases cannot be shown, and the tests say so instead of failing for a reason that is
 * not the code's.
 */
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {packageRoot} from '../../source/package-root.js';
import {tsxLoader} from './tsx-loader.js';

export const NOBODY = 65_534;
export const runsAsRoot = process.getuid?.() === 0;

let readable: boolean | undefined;

/** Whether a process running as `nobody` can read this package and the tsx loader. */
export function nobodyCanReadPackage(): boolean {
	readable ??= [join(packageRoot(), 'package.json'), fileURLToPath(tsxLoader)].every(
		file =>
			spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(file)}, require('node:fs').constants.R_OK)`], {
				uid: NOBODY,
				gid: NOBODY,
				cwd: '/',
			}).status === 0,
	);
	return readable;
}

/** True when a permission case can be shown here: not root, or root with a package `nobody` can read. */
export function canTestPermissions(t: {log(...values: unknown[]): void}): boolean {
	if (!runsAsRoot || nobodyCanReadPackage()) return true;
	t.log(`Skipped: running as root, and user "nobody" cannot read ${packageRoot()}, so file permissions cannot be exercised here.`);
	return false;
}
