/**
 * Pure parsing of a Mix project's mix.exs and config/*.exs texts into what the generators need
 * (ProjectInfo) plus the facts inspect_project reports. No file access here: read-project.ts reads the
 * files and resolves `import_config`.
 */
import {tokenize} from '../elixir/lexer.js';
import {keywordGet, mergeKeyword, type Term, topLevelCalls} from '../elixir/terms.js';
import {EctosmithError} from '../errors.js';
import {camelize} from '../generators/naming.js';
import type {ProjectInfo, ScopeConfig} from '../generators/project-info.js';

/** Raised for a project the tools cannot work with; the message says what is wrong and what to do. */
export class ProjectError extends EctosmithError {
	constructor(message: string) {
		super(message);
		this.name = 'ProjectError';
	}
}

export interface MixProjectFacts {
	app: string;
	/** Set for an umbrella root (`apps_path: "apps"`). */
	appsPath?: string;
}

/** Reads `app: :my_app` from mix.exs' project keyword list. */
export function parseMixExs(text: string): MixProjectFacts {
	const code = withoutComments(text);
	const appsPath = /\bapps_path:\s*"([^"]*)"/.exec(code)?.[1];
	const app = /(?:^|[\s[,(])app:\s*:([a-z_][a-zA-Z0-9_]*)/m.exec(code)?.[1];
	if (!app) {
		if (appsPath !== undefined) {
			throw new ProjectError(`This is an umbrella project (mix.exs sets apps_path: "${appsPath}"): give the path of one app inside it, e.g. ${appsPath}/my_app.`);
		}

		throw new ProjectError('mix.exs does not name the application: no `app: :my_app` entry was found in its project/0 keyword list.');
	}

	return {app, appsPath};
}

/** The text with its comments blanked (found by the one Elixir tokenizer, so `#` in strings stays). */
function withoutComments(text: string): string {
	let out = '';
	let from = 0;
	for (const token of tokenize(text).tokens) {
		if (token.kind !== 'comment') continue;
		out += text.slice(from, token.start);
		from = token.end;
	}

	return out + text.slice(from);
}

/** One statement of a config file, in file order. */
export type ConfigStatement =
	| {kind: 'config'; app: string; key?: string; value: Term; line: number}
	| {kind: 'import'; file: string; line: number}
	| {kind: 'unreadable-import'; source: string; line: number};

/**
 * The `config` and `import_config` statements of one config file. `env` resolves
 * `import_config "#{config_env()}.exs"` (Mix tasks such as the generators run in :dev).
 */
export function parseConfigFile(text: string, env = 'dev'): ConfigStatement[] {
	const statements: ConfigStatement[] = [];
	for (const call of topLevelCalls(text, ['config', 'import_config'])) {
		if (call.name === 'import_config') {
			const [target] = call.args;
			if (target?.kind === 'string') statements.push({kind: 'import', file: target.value, line: call.line});
			else if (target?.kind === 'opaque' && /^"#\{\s*(?:config_env|Mix\.env)\(\)\s*\}\.exs"$/.test(target.source)) {
				statements.push({kind: 'import', file: `${env}.exs`, line: call.line});
			} else statements.push({kind: 'unreadable-import', source: target?.kind === 'opaque' ? target.source : '?', line: call.line});
			continue;
		}

		const [first, second, third] = call.args;
		if (first?.kind !== 'atom') continue;
		if (call.args.length === 2 && second) {
			statements.push({kind: 'config', app: first.value, value: second, line: call.line});
		} else if (call.args.length === 3 && second && third && (second.kind === 'atom' || second.kind === 'alias')) {
			statements.push({
				kind: 'config',
				app: first.value,
				key: second.kind === 'alias' ? `Elixir.${second.value}` : second.value,
				value: third,
				line: call.line,
			});
		}
	}

	return statements;
}

/** The merged configuration of one app: top-level keys to values (aliases keyed as "Elixir.Mod"). */
export type ElixirAppConfig = Map<string, Term>;

/** Applies statements in order the way Config does (keyword values deep-merge). */
export function elixirAppConfig(statements: ConfigStatement[], app: string): ElixirAppConfig {
	const config: ElixirAppConfig = new Map();
	const put = (key: string, value: Term) => config.set(key, mergeKeyword(config.get(key), value));
	for (const statement of statements) {
		if (statement.kind !== 'config' || statement.app !== app) continue;
		if (statement.key !== undefined) put(statement.key, statement.value);
		else if (statement.value.kind === 'keyword') for (const [key, value] of statement.value.entries) put(key, value);
	}

	return config;
}

export interface ProjectConfigFacts {
	info: ProjectInfo;
	/** Everything listed in `ecto_repos`. */
	ectoRepos: string[];
	/** :generators settings as read (only the known keys). */
	generators: {timestampType?: string; binaryId: boolean; migration: boolean; migrationDir?: string; contextApp?: string};
	/** Scope entries that could not be used, with the reason. */
	warnings: string[];
}

/** Turns mix.exs facts and the config statements into ProjectInfo and the inspect facts. */
export function projectConfigFacts(mix: MixProjectFacts, statements: ConfigStatement[]): ProjectConfigFacts {
	const app = mix.app;
	const config = elixirAppConfig(statements, app);
	const warnings: string[] = [];
	for (const statement of statements) {
		if (statement.kind === 'unreadable-import') warnings.push(`import_config ${statement.source} (line ${statement.line}) was not followed: its path is computed.`);
	}

	const namespace = config.get('namespace');
	const base = namespace?.kind === 'alias' ? namespace.value : namespace?.kind === 'atom' ? camelize(namespace.value) : camelize(app);
	const repos = config.get('ecto_repos');
	const ectoRepos = repos?.kind === 'list' ? repos.items.flatMap(item => (item.kind === 'alias' ? [item.value] : [])) : [];
	// Phoenix's generators default to <Base>.Repo; follow ecto_repos when it names another one.
	const repo = ectoRepos.length === 0 || ectoRepos.includes(`${base}.Repo`) ? `${base}.Repo` : ectoRepos[0]!;

	const generatorsTerm = config.get('generators');
	const timestampType = atomValue(keywordGet(generatorsTerm, 'timestamp_type'));
	const binaryId = atomValue(keywordGet(generatorsTerm, 'binary_id')) === 'true';
	const migration = atomValue(keywordGet(generatorsTerm, 'migration')) !== 'false';
	const contextAppTerm = keywordGet(generatorsTerm, 'context_app');
	const contextApp = atomValue(contextAppTerm);
	const migrationDirTerm = keywordGet(generatorsTerm, 'migration_dir');
	let migrationDir = migrationDirTerm?.kind === 'string' ? migrationDirTerm.value : undefined;
	if (migrationDir === undefined) {
		// ecto_sql keeps migrations under the repo's `priv:` folder when one is configured.
		const priv = keywordGet(config.get(`Elixir.${repo}`), 'priv');
		if (priv?.kind === 'string') migrationDir = `${priv.value.replace(/\/+$/, '')}/migrations`;
	}

	if (contextApp !== undefined && contextApp !== app) {
		warnings.push(`:generators context_app is ${contextApp}; files are still written into this project (${app}).`);
	}

	const scopes = readScopes(config.get('scopes'), warnings);
	const info: ProjectInfo = {app, base, repo, binaryId, scopes};
	if (timestampType !== undefined) info.timestampType = timestampType;
	if (migrationDir !== undefined) info.migrationDir = migrationDir;
	return {
		info,
		ectoRepos,
		generators: {timestampType, binaryId, migration, migrationDir, contextApp},
		warnings,
	};
}

function atomValue(term: Term | undefined): string | undefined {
	return term?.kind === 'atom' ? term.value : undefined;
}

function readScopes(term: Term | undefined, warnings: string[]): ScopeConfig[] {
	if (term === undefined) return [];
	if (term.kind !== 'keyword') {
		warnings.push('config :scopes is not a keyword list of scopes; scopes are ignored.');
		return [];
	}

	const scopes: ScopeConfig[] = [];
	for (const [name, options] of term.entries) {
		const module = keywordGet(options, 'module');
		const schemaKey = atomValue(keywordGet(options, 'schema_key'));
		const schemaType = atomValue(keywordGet(options, 'schema_type')) ?? 'id';
		const accessPath = keywordGet(options, 'access_path');
		const path = accessPath?.kind === 'list' ? accessPath.items.map(item => atomValue(item)) : [];
		const missing = [
			module?.kind === 'alias' ? undefined : 'module',
			schemaKey ? undefined : 'schema_key',
			path.length > 0 && path.every(part => part !== undefined) ? undefined : 'access_path',
			schemaType === 'id' || schemaType === 'binary_id' ? undefined : 'schema_type (id or binary_id)',
		].filter((part): part is string => part !== undefined);
		if (missing.length > 0 || module?.kind !== 'alias' || !schemaKey) {
			warnings.push(`Scope "${name}" is ignored: it lacks a readable ${missing.join(', ')}.`);
			continue;
		}

		scopes.push({
			name,
			default: atomValue(keywordGet(options, 'default')) === 'true',
			module: module.value,
			assignKey: atomValue(keywordGet(options, 'assign_key')) ?? `current_scope`,
			accessPath: path as string[],
			schemaKey,
			schemaType: schemaType as 'id' | 'binary_id',
			schemaTable: atomValue(keywordGet(options, 'schema_table')) ?? '',
		});
	}

	return scopes;
}
