/**
 * What the Servers and Workflows screens ask of the program: the configuration store and the
 * server probe. Built on the wired app's database (load-ui-services.ts) or, in tests, a temp one.
 */

import type {EntityManager} from '@mikro-orm/core';
import {toServerConfig} from '../config/app-config.js';
import {ConfigStore} from '../config/config-store.js';
import {geminiSchemaLosses} from '../llm/json-schema.js';
import type {Logger} from '../log/types.js';
import {probeServer} from '../mcp/probe.js';
import type {ConfigServices} from '../ui/services.js';

export function createConfigServices(em: EntityManager, logger?: Logger): ConfigServices {
	const store = new ConfigStore(em);
	return {
		listServers: async () => store.listServers(),
		saveServer: async (original, fields, options) => (original === undefined ? store.addServer(fields) : store.updateServer(original, fields, options)),
		removeServer: async (name, detach) => store.removeServer(name, {detach}),
		setServerEnabled: async (name, enabled) => store.setServerEnabled(name, enabled),
		testServer: async fields => probeServer(toServerConfig(fields), {geminiLosses: geminiSchemaLosses, ...(logger ? {logger} : {})}),
		listWorkflows: async () => store.listWorkflows(),
		saveWorkflow: async (original, fields, options) => (original === undefined ? store.addWorkflow(fields) : store.updateWorkflow(original, fields, options)),
		removeWorkflow: async name => store.removeWorkflow(name),
	};
}
