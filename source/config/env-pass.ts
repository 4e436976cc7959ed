/**
 * An entry's pass-through list: the env key ECTOSMITH_PASS_ENV names variables of our environment
 * (and `PREFIX*` patterns) the server gets as they are, when they are set. What a project's own
 * code reads (DATABASE_URL, PG*, MIX_*) differs from project to project and is often unset; a
 * `${NAME}` reference would fail the start on an unset one, this leaves it out.
 */
import {EnvReferenceError, isApiKeyVariable} from './env-references.js';

export const PASS_ENV_KEY = 'ECTOSMITH_PASS_ENV';

const PASS_NAME = /^[A-Za-z_][A-Za-z0-9_]*\*?$/;

/** Our variables a pass-through list names; our API key only when the entry allows it (a pattern skips it, and our own ECTOSMITH_ settings). */
export function passedEnv(list: string, ours: NodeJS.ProcessEnv, allowApiKey = false): Record<string, string> {
	const env: Record<string, string> = {};
	for (const name of list.split(/[\s,]+/).filter(Boolean)) {
		if (!PASS_NAME.test(name)) {
			throw new EnvReferenceError(`env ${PASS_ENV_KEY} has "${name}", which is neither a variable name nor a PREFIX* pattern`);
		}

		if (!name.endsWith('*')) {
			if (isApiKeyVariable(name) && !allowApiKey) {
				throw new EnvReferenceError(`env ${PASS_ENV_KEY} names ${name}, ectosmith's API key, which a server gets only when its entry allows it`);
			}

			const value = ours[name];
			if (value !== undefined && !value.startsWith('()')) env[name] = value;
			continue;
		}

		const prefix = name.slice(0, -1);
		for (const [key, value] of Object.entries(ours)) {
			if (key.startsWith(prefix) && !key.startsWith('ECTOSMITH_') && value !== undefined && !value.startsWith('()') && (allowApiKey || !isApiKeyVariable(key))) env[key] = value;
		}
	}

	return env;
}

/** True for the one env key whose value is a list of names, not a value to keep secret. */
export function isPassList(key: string, value: string): boolean {
	return key === PASS_ENV_KEY && PASS_LIST.test(value);
}

const PASS_LIST = /^[\sA-Za-z0-9_*,]*$/;
