/** Opens the wired program (source/app) and puts the screens' services on top of it. */

import type {UiServices} from '../ui/services.js';
import type {AppOptions} from './open-app.js';

export async function loadServices(options: AppOptions): Promise<UiServices> {
	const [{openApp}, {createUiServices}, {readAppModule}, {createDemoProject}, {createConfigServices}, {createHistoryServices}, {pricesPath}] = await Promise.all([
		import('./open-app.js'),
		import('./ui-services.js'),
		import('../engine/prompt.js'),
		import('../phoenix-project/demo-project.js'),
		import('./config-services.js'),
		import('./history-services.js'),
		import('../history/prices.js'),
	]);
	const app = await openApp(options);
	const services = createUiServices(app, {
		readAppModule,
		createDemo: async folder => {
			createDemoProject(folder);
		},
	});
	return {
		...services,
		config: createConfigServices(app.orm.em, app.logger.child('mcp')),
		history: createHistoryServices(app.orm, app.recorder, pricesPath(options.env)),
	};
}
