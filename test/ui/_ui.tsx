import path from 'node:path';
import type {ExecutionContext} from 'ava';
import React from 'react';
import {loadServices} from '../../source/app/load-ui-services.js';
import {packageRoot} from '../../source/package-root.js';
import {App} from '../../source/ui/app.js';
import type {UiServices} from '../../source/ui/services.js';
import {seededDb} from '../commands/_cli.js';
import {tempDir} from '../helpers/temp-dir.js';
import {press, render, send, until} from './_frames.js';

export {press, send, until};

export interface StartedUi {
	app: ReturnType<typeof render>;
	services: () => UiServices;
	dbPath: string;
	/** Types text in one chunk (as a paste arrives); fails when nothing shows. */
	type(text: string): Promise<void>;
	/** One key that must show at once (see _frames.ts). */
	press(key: string): Promise<void>;
}

export const KEYS = {enter: '\r', escape: '\u001B', tab: '\t', ctrlC: '\u0003', up: '\u001B[A', down: '\u001B[B', pageUp: '\u001B[5~'};

export async function startUi(
	t: ExecutionContext,
	options: {project: string; provider?: string; script?: string; yes?: boolean; workflow?: string; checkEnv?: Record<string, string>},
): Promise<StartedUi> {
	const dbPath = await seededDb(t, options.checkEnv ? {checkEnv: options.checkEnv} : {});
	let services: UiServices | undefined;
	const app = render(
		<App
			options={{project: options.project, yes: options.yes === true, ...(options.workflow ? {workflow: options.workflow} : {})}}
			loadServices={async () => {
				services = await loadServices({
					db: dbPath,
					env: {...process.env, GEMINI_API_KEY: '', GOOGLE_API_KEY: '', XDG_STATE_HOME: tempDir(t, 'ectosmith-state-')},
					provider: options.provider ?? 'offline',
					...(options.script ? {script: path.join(packageRoot(), options.script)} : {}),
				});
				return services;
			}}
			onQuit={() => undefined}
		/>,
	);
	t.teardown(async () => {
		app.unmount();
		await services?.close();
	});
	await until(app.lastFrame, /app MyApp/, 'the project to be read');
	return {
		app,
		dbPath,
		services: () => services!,
		type: async text => press(app, text),
		press: async key => press(app, key),
	};
}
