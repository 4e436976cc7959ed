/**
 * The screens of the application, in top-bar order: one entry each (id, title, number key, the
 * component, its keys for the help). A new screen is one more entry here.
 */
import {HISTORY_KEYS, HistoryScreen} from './history-screen.js';
import {REPLAY_KEYS} from './replay-screen.js';
import {RUN_KEYS} from './run-keys.js';
import {RunScreen} from './run-screen.js';
import {SERVERS_KEYS, ServersScreen} from './servers-screen.js';
import {STATS_KEYS, StatsScreen} from './stats-screen.js';
import type {ScreenEntry} from './types.js';
import {WORKFLOWS_KEYS, WorkflowsScreen} from './workflows-screen.js';

export type {ScreenEntry, ScreenProps} from './types.js';

export const SCREENS: ScreenEntry[] = [
	{id: 'run', title: 'Run', key: '1', component: RunScreen, keys: RUN_KEYS},
	{id: 'history', title: 'History', key: '2', component: HistoryScreen, keys: [...HISTORY_KEYS, ...REPLAY_KEYS]},
	{id: 'servers', title: 'Servers', key: '3', component: ServersScreen, keys: SERVERS_KEYS},
	{id: 'workflows', title: 'Workflows', key: '4', component: WorkflowsScreen, keys: WORKFLOWS_KEYS},
	{id: 'stats', title: 'Stats', key: '5', component: StatsScreen, keys: STATS_KEYS},
];
