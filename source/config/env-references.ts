/**
 * References to ectosmith's own environment in a server entry's env values (`${GITHUB_TOKEN}`, or
 * VS Code's `${env:GITHUB_TOKEN}`), so that a secret need not be stored in the database: which
 * names a value references, whether it holds anything else, and their expansion when a server starts.
 */
import {EctosmithError} from '../errors.js';
import {SECRET_ENV_VARS} from '../log/redact.js';

/** An entry's env value references a variable that is not set, or a VS Code input we cannot ask for. */
export class EnvReferenceError extends EctosmithError {}

const REFERENCE = /\$\{(?:(env|input):)?([^}]*)\}/g;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The names a value references, e.g. ["GITHUB_TOKEN"] for "Bearer ${GITHUB_TOKEN}"; inputs as "input:id". */
export function envReferences(value: string): string[] {
	return [...value.matchAll(REFERENCE)].map(([, kind, name]) => (kind === 'input' ? `input:${name}` : name!));
}

/** True when the value is nothing but references (no stored secret in it), e.g. "${GITHUB_TOKEN}". */
export function isOnlyReferences(value: string): boolean {
	return value.trim() !== '' && value.replace(REFERENCE, '').trim() === '' && envReferences(value).length > 0;
}

/** True for the variables that hold our own API key: a server gets them only when its entry allows it. */
export function isApiKeyVariable(name: string): boolean {
	return (SECRET_ENV_VARS as readonly string[]).includes(name);
}

export interface ExpandOptions {
	/** The entry lets its server have our API key. */
	allowApiKey?: boolean;
	/** What the values are, for errors: an entry's env, or an HTTP entry's headers. */
	label?: 'env' | 'header';
}

/**
 * The entry's variables (or an HTTP entry's headers) with `${NAME}` / `${env:NAME}` replaced from
 * ours; a missing one is an error naming it, and so is a reference to our API key unless the entry
 * allows it: a header would send it over the network just as an env value hands it to a process.
 */
export function expandEnvReferences(entryEnv: Record<string, string>, ours: NodeJS.ProcessEnv = process.env, options: ExpandOptions = {}): Record<string, string> {
	const {allowApiKey = false, label = 'env'} = options;
	return Object.fromEntries(
		Object.entries(entryEnv).map(([key, value]) => [
			key,
			value.replace(REFERENCE, (_match, kind: string | undefined, name: string) => {
				if (kind === 'input') {
					throw new EnvReferenceError(`${label} ${key} asks for the VS Code input "${name}", which only VS Code can prompt for; set ${key} to a value or to a \${VARIABLE} reference`);
				}

				if (!VARIABLE_NAME.test(name)) {
					throw new EnvReferenceError(`${label} ${key} has "\${${name}}", which is not a variable name`);
				}

				if (isApiKeyVariable(name) && !allowApiKey) {
					throw new EnvReferenceError(
						`${label} ${key} references \${${name}}, ectosmith's API key, which a server gets only when its entry allows it (servers edit NAME --allow-api-key, or "Pass API key" in the form)`,
					);
				}

				const found = ours[name];
				if (found === undefined) {
					throw new EnvReferenceError(`${label} ${key} references \${${name}}, which is not set in ectosmith's environment`);
				}

				return found;
			}),
		]),
	);
}
