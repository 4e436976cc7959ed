/** Opens the wired program (source/app) and puts the screens' services on top of it. */
import type {UiServices} from './services.js';

export interface LoadOptions {
	db?: string;
	provider?: string;
	model?: string;
	script?: string;
	logLevel?: 'debug' | 'info';
}

export async function loadServices(options: LoadOptions): Promise<UiServices> {
	const [{openApp}, {createAppServices}, {readAppModule}, {createDemoProject}] = await Promise.all([
		import('../app/open-app.js'),
		import('./app-services.js'),
		import('../engine/prompt.js'),
		import('../commands/demo.js'),
	]);
	const app = await openApp({
		...(options.db === undefined ? {} : {db: options.db}),
		...(options.provider === undefined ? {} : {provider: options.provider}),
		...(options.model === undefined ? {} : {model: options.model}),
		...(options.script === undefined ? {} : {script: options.script}),
		...(options.logLevel === undefined ? {} : {logLevel: options.logLevel}),
	});
	return createAppServices(app, {
		readAppModule,
		createDemo: async folder => {
			createDemoProject(folder);
		},
	});
}
