/**
 * The environment a tool server child gets: a safe base from ours plus the entry's own variables,
 * whose values may reference our environment (`${GITHUB_TOKEN}`, or VS Code's `${env:GITHUB_TOKEN}`)
 * so that a secret need not be stored in the database.
 */
import {EctosmithError} from '../errors.js';

/**
 * Variables copied from our environment. Locale, paths and toolchain homes only: never API keys
 * (GEMINI_API_KEY, GOOGLE_API_KEY), ECTOSMITH_DB or database URLs.
 */
export const SAFE_BASE_ENV = [
	'PATH',
	'HOME',
	'USER',
	'LOGNAME',
	'SHELL',
	'TERM',
	'TMPDIR',
	'TZ',
	'LANG',
	'LANGUAGE',
	'LC_ALL',
	'LC_CTYPE',
	'LC_MESSAGES',
	// Where Elixir/Mix and version managers keep their files; tool servers may run `mix format`.
	'XDG_CONFIG_HOME',
	'XDG_DATA_HOME',
	'XDG_CACHE_HOME',
	'MIX_HOME',
	'HEX_HOME',
	'ASDF_DIR',
	'ASDF_DATA_DIR',
	// Windows needs these to start almost anything.
	'SystemRoot',
	'SYSTEMROOT',
	'SystemDrive',
	'ComSpec',
	'PATHEXT',
	'WINDIR',
	'TEMP',
	'TMP',
	'APPDATA',
	'LOCALAPPDATA',
	'USERPROFILE',
	'HOMEDRIVE',
	'HOMEPATH',
	'USERNAME',
	'PROGRAMFILES',
	'PROCESSOR_ARCHITECTURE',
] as const;

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

/** The entry's variables with `${NAME}` / `${env:NAME}` replaced from ours; a missing one is an error naming it. */
export function expandEnvReferences(entryEnv: Record<string, string>, ours: NodeJS.ProcessEnv = process.env): Record<string, string> {
	return Object.fromEntries(
		Object.entries(entryEnv).map(([key, value]) => [
			key,
			value.replace(REFERENCE, (_match, kind: string | undefined, name: string) => {
				if (kind === 'input') {
					throw new EnvReferenceError(
						`env ${key} asks for the VS Code input "${name}", which only VS Code can prompt for; set ${key} to a value or to a \${VARIABLE} reference`,
					);
				}

				if (!VARIABLE_NAME.test(name)) {
					throw new EnvReferenceError(`env ${key} has "\${${name}}", which is not a variable name`);
				}

				const found = ours[name];
				if (found === undefined) {
					throw new EnvReferenceError(`env ${key} references \${${name}}, which is not set in ectosmith's environment`);
				}

				return found;
			}),
		]),
	);
}

/** The child's environment; entry variables (references expanded) win over the base. */
export function childEnv(entryEnv: Record<string, string>, ours: NodeJS.ProcessEnv = process.env): Record<string, string> {
	const env: Record<string, string> = {};
	for (const name of SAFE_BASE_ENV) {
		const value = ours[name];
		// Exported shell functions start with "()": a known injection vector, as the SDK also notes.
		if (value !== undefined && !value.startsWith('()')) {
			env[name] = value;
		}
	}

	return {...env, ...expandEnvReferences(entryEnv, ours)};
}
