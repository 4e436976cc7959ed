/**
 * The environment a tool server child gets: a safe base from ours plus the entry's own variables,
 * whose values may reference our environment (`${GITHUB_TOKEN}`, or VS Code's `${env:GITHUB_TOKEN}`)
 * so that a secret need not be stored in the database.
 */
import {PASS_ENV_KEY, passedEnv} from '../config/env-pass.js';
import {expandEnvReferences} from '../config/env-references.js';

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
	// Where ectosmith's logs are: the check server writes the full output of its mix commands there.
	'XDG_STATE_HOME',
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

/**
 * The child's environment: the safe base, then the variables the entry passes through, then the
 * entry's own variables (references expanded), each winning over the one before. A reference to
 * our API key is refused unless the entry allows it (allowApiKey).
 */
export function childEnv(entryEnv: Record<string, string>, ours: NodeJS.ProcessEnv = process.env, allowApiKey = false): Record<string, string> {
	const env: Record<string, string> = {};
	for (const name of SAFE_BASE_ENV) {
		const value = ours[name];
		// Exported shell functions start with "()": a known injection vector, as the SDK also notes.
		if (value !== undefined && !value.startsWith('()')) {
			env[name] = value;
		}
	}

	const {[PASS_ENV_KEY]: passList, ...own} = entryEnv;
	return {...env, ...(passList === undefined ? {} : passedEnv(passList, ours, allowApiKey)), ...expandEnvReferences(own, ours, {allowApiKey})};
}
