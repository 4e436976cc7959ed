/** Name/version of a tool server, and the working directory relative project paths resolve against. */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {packageRoot} from '../../package-root.js';

export interface ToolServerOptions {
	/** Folder relative `project_path`s resolve against; default process.cwd() at call time. */
	cwd?: string;
}

let version: string | undefined;

export function packageVersion(): string {
	if (version === undefined) {
		try {
			const parsed = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {version?: unknown};
			version = typeof parsed.version === 'string' ? parsed.version : '0.0.0';
		} catch {
			version = '0.0.0';
		}
	}

	return version;
}

export function cwdOf(options: ToolServerOptions): string {
	return options.cwd ?? process.cwd();
}
