/** Starts the real `ectosmith` TUI in tmux on a temp database and a copy of the demo project. */
import path from 'node:path';
import type {ExecutionContext} from 'ava';
import {packageRoot} from '../../source/package-root.js';
import {seededDb} from '../commands/_cli.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {startTerminal, type Terminal, terminalEnv} from '../helpers/tmux.js';
import {tsxLoader} from '../helpers/tsx-loader.js';

export interface TuiOptions {
	/** The program: the real entry (default) or the one with faults to set off (_tui-with-faults.tsx). */
	entry?: 'cli' | 'faults';
	/** Variables of the user's shell beside the usual ones (CI ones included: `keepCi`). */
	env?: Record<string, string>;
	width?: number;
	height?: number;
}

export async function startTui(t: ExecutionContext, options: TuiOptions = {}): Promise<{terminal: Terminal; db: string; project: string}> {
	const project = await copyFixtureProject(t, 'my_app');
	const db = await seededDb(t);
	const script = options.entry === 'faults' ? path.join(packageRoot(), 'test/ui/_tui-with-faults.tsx') : path.join(packageRoot(), 'source/cli.tsx');
	const terminal = startTerminal(t, {
		cwd: path.dirname(project),
		// Run from source from the temp folder: tsx needs the JSX settings (the test config covers test/ too).
		env: terminalEnv(t, {TSX_TSCONFIG_PATH: path.join(packageRoot(), 'tsconfig.test.json'), ...options.env}),
		// The environment is only what is listed here: a CI variable in it is the test's choice.
		keepCi: true,
		...(options.width === undefined ? {} : {width: options.width}),
		...(options.height === undefined ? {} : {height: options.height}),
		command: [process.execPath, '--import', tsxLoader, script, '--db', db, '--project', path.basename(project), '--provider', 'offline'],
	});
	return {terminal, db, project};
}

/** The Run screen with the project read and its (empty) schema shown: the tool servers are up. */
export const READY = /app MyApp[\s\S]*No Ecto schemas yet/;
