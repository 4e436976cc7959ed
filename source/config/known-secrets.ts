/**
 * Every secret value ectosmith knows of, for scrubbing the record and what is read out of it
 * (show, export): our API keys, and of each server entry the values the masking rules call
 * secrets (config/secrets.ts): env and header values stored as given, and the expansion of a
 * reference to a variable whose name is secret (`${GITHUB_TOKEN}`, `${GEMINI_API_KEY}`). The
 * expansion of `${HOME}` is no secret, and scrubbing it would garble every path in the record.
 * A value shorter than MIN_SECRET_LENGTH is left alone by the scrubber itself.
 */
import type {EntityManager} from '@mikro-orm/core';
import {McpServer} from '../db/entities/index.js';
import {SECRET_ENV_VARS} from '../log/redact.js';
import {isPassList, passedEnv} from './env-pass.js';
import {envReferences, isOnlyReferences} from './env-references.js';
import {isSecretName} from './secrets.js';

/** The secret values of one entry's env or headers, given our environment for its references. */
export function entrySecretValues(values: Record<string, string>, ours: NodeJS.ProcessEnv = process.env): string[] {
	const secrets: string[] = [];
	for (const [key, value] of Object.entries(values)) {
		if (isPassList(key, value)) {
			// The list is no secret; the secret-named variables it passes are.
			for (const [name, found] of Object.entries(passedList(value, ours))) if (isSecretName(name)) secrets.push(found);
			continue;
		}

		if (!isOnlyReferences(value)) secrets.push(value);
		for (const name of envReferences(value)) {
			const found = ours[name];
			if (found && (isSecretName(name) || (SECRET_ENV_VARS as readonly string[]).includes(name))) secrets.push(found);
		}
	}

	return secrets;
}

function passedList(list: string, ours: NodeJS.ProcessEnv): Record<string, string> {
	try {
		return passedEnv(list, ours, true);
	} catch {
		return {};
	}
}

export async function knownSecretValues(em: EntityManager, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
	const secrets = new Set<string>();
	for (const source of new Set([env, process.env])) {
		for (const name of SECRET_ENV_VARS) if (source[name]) secrets.add(source[name]!);
	}

	const servers = await em.fork().find(McpServer, {}, {fields: ['env', 'headers']});
	for (const server of servers) {
		for (const values of [server.env, server.headers ?? {}]) for (const value of entrySecretValues(values, env)) secrets.add(value);
	}

	return [...secrets];
}
