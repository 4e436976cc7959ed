/**
 * Every secret value ectosmith knows of, for scrubbing what is read out of the record (show,
 * export): our API keys, and each server entry's env values (as stored and with their `${NAME}`
 * references expanded) and header values. A value shorter than MIN_SECRET_LENGTH is left alone by
 * the scrubber itself.
 */
import type {EntityManager} from '@mikro-orm/core';
import {McpServer} from '../db/entities/index.js';
import {SECRET_ENV_VARS} from '../log/redact.js';
import {expandEnvReferences} from './env-references.js';

export async function knownSecretValues(em: EntityManager, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
	const secrets = new Set<string>();
	for (const source of new Set([env, process.env])) {
		for (const name of SECRET_ENV_VARS) if (source[name]) secrets.add(source[name]!);
	}

	const servers = await em.fork().find(McpServer, {}, {fields: ['env', 'headers']});
	for (const server of servers) {
		for (const [key, value] of Object.entries({...server.env, ...server.headers})) {
			secrets.add(value);
			try {
				// One value at a time: a reference that cannot be expanded hides none of the others.
				secrets.add(expandEnvReferences({[key]: value}, env, true)[key]!);
			} catch {}
		}
	}

	return [...secrets];
}
