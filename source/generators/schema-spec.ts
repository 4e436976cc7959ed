/**
 * Turns the options of `mix phx.gen.schema` into a validated SchemaSpec: every name, path and
 * flag the schema, migration and context templates need, computed once.
 */

import {type Attr, assertFieldName, assertTableName, MAX_IDENTIFIER_LENGTH, MAX_NAME_LENGTH, parseAttrs, RESERVED_WORDS} from './attributes.js';
import {GeneratorError} from './errors.js';
import {humanize, isValidModuleName, underscore} from './naming.js';
import type {ProjectInfo, ScopeConfig} from './project-info.js';
import {type LinkedParent, linkParents, type ParentSchema} from './references.js';
import {assertGeneratableModule, ectoReservedField} from './reserved-names.js';

export interface SchemaOptions {
	/** e.g. "Blog.Post", relative to the app's base module */
	schema: string;
	plural: string;
	attrs: string[];
	table?: string;
	binaryId?: boolean;
	primaryKey?: string;
	prefix?: string;
	repo?: string;
	migrationDir?: string;
	/** name of a configured scope to apply */
	scope?: string;
	/** skip the default scope */
	noScope?: boolean;
	/** Column groups that get one unique index each (a join table's pair): [["post_id", "tag_id"]]. */
	uniqueIndexes?: string[][];
	/** The project's schema and fixture for each referenced table (the tools find them); see references.ts. */
	parents?: ParentSchema[];
}

export interface SchemaSpec {
	project: ProjectInfo;
	/** MyApp.Blog.Post */
	module: string;
	/** Post */
	alias: string;
	/** post */
	singular: string;
	plural: string;
	table: string;
	humanSingular: string;
	humanPlural: string;
	attrs: Attr[];
	/** Multi-column unique indexes, each naming attributes of this schema. */
	uniqueIndexes: string[][];
	/** Set when the program sets the references from parent structs (references.ts); else Phoenix's output. */
	parents?: LinkedParent[];
	binaryId: boolean;
	primaryKey?: string;
	prefix?: string;
	/** MyApp.Repo */
	repo: string;
	/**
	 * The argument of the context's alias line, so `alias ${repoAlias}` gives Repo:
	 * "MyApp.Repo", or "Foo.CustomRepo, as: Repo" for a repo whose module does not end in `.Repo`.
	 */
	repoAlias: string;
	/** the project's :generators timestamp_type, if set; 'naive_datetime' renders as `timestamps()` */
	timestampType?: string;
	scope?: ScopeConfig;
	/** lib/my_app/blog/post.ex */
	file: string;
	/** priv/repo/migrations */
	migrationDir: string;
}

export interface GeneratedFile {
	/** relative to the project root, '/' separated */
	path: string;
	content: string;
}

export const MAX_MODULE_NESTING = 10;
export const TIMESTAMP_TYPES: readonly string[] = ['naive_datetime', 'naive_datetime_usec', 'utc_datetime', 'utc_datetime_usec'];
const APP_NAME = /^[a-z][a-z0-9_]*$/;
const PLURAL = /^[a-z_][a-z0-9_]*$/;

/** Throws unless `value` is a module name Phoenix accepts and of a sane size. */
export function assertModuleName(value: unknown, what: string, example: string): asserts value is string {
	if (typeof value !== 'string' || !isValidModuleName(value)) {
		throw new GeneratorError(
			`${what} ${JSON.stringify(value)} is not a valid module name: use dot-separated segments that each start with an uppercase letter followed by letters, digits or underscores (e.g. "${example}").`,
		);
	}
	const segments = value.split('.');
	if (segments.length > MAX_MODULE_NESTING) {
		throw new GeneratorError(`${what} "${value}" nests ${segments.length} modules deep; at most ${MAX_MODULE_NESTING} segments are allowed.`);
	}
	const long = segments.find(segment => segment.length > MAX_NAME_LENGTH);
	if (long) throw new GeneratorError(`${what} segment "${long.slice(0, 20)}..." is ${long.length} characters long; at most ${MAX_NAME_LENGTH} are allowed.`);
}

/** Checks the project facts the generators rely on (they come from parsing user files). */
export function assertProject(project: ProjectInfo): void {
	if (!project || typeof project !== 'object') throw new GeneratorError('Project information is missing.');
	if (typeof project.app !== 'string' || !APP_NAME.test(project.app)) {
		throw new GeneratorError(`Project app ${JSON.stringify(project.app)} is not a valid OTP app name: use lowercase snake_case such as "my_app".`);
	}
	assertModuleName(project.base, 'Project base module', 'MyApp');
	assertModuleName(project.repo, 'Project repo', 'MyApp.Repo');
	if (project.timestampType !== undefined && !TIMESTAMP_TYPES.includes(project.timestampType)) {
		throw new GeneratorError(`Project timestamp type "${project.timestampType}" is not supported; allowed: ${TIMESTAMP_TYPES.join(', ')}.`);
	}
}

/** `alias X` vs `alias X, as: Repo`, as Phoenix's context generator writes it. */
export function repoAliasFor(repo: string): string {
	// Phoenix tests the inspected name ("Elixir.Repo" for a bare Repo) for a ".Repo" ending.
	return repo === 'Repo' || repo.endsWith('.Repo') ? repo : `${repo}, as: Repo`;
}

/** A migrations folder relative to the project root, '/' separated, without `..`. */
export function normaliseMigrationDir(dir: string, what: string): string {
	const trimmed = dir.replace(/^\.\//, '').replace(/\/+$/, '');
	const segments = trimmed.split('/');
	const bad =
		trimmed === '' ||
		trimmed.startsWith('/') ||
		/^[a-zA-Z]:/.test(trimmed) ||
		trimmed.includes('\\') ||
		trimmed.includes('\0') ||
		segments.some(segment => segment === '' || segment === '.' || segment === '..');
	if (bad) {
		throw new GeneratorError(`${what} "${dir}" is not allowed: give a relative folder inside the project, '/' separated, without "..", e.g. "priv/repo/migrations".`);
	}
	return trimmed;
}

/** ecto_sql's default: priv/<underscored last segment of the repo>/migrations. */
export function defaultMigrationDir(repo: string): string {
	const last = repo.split('.').pop()!;
	return `priv/${underscore(last)}/migrations`;
}

/** The folder migrations go to: explicit option, then the project's :generators migration_dir, then the repo's. */
export function resolveMigrationDir(project: ProjectInfo, repo: string, explicit?: string): string {
	if (explicit !== undefined) return normaliseMigrationDir(explicit, 'Migration dir');
	if (project.migrationDir !== undefined) return normaliseMigrationDir(project.migrationDir, 'Project migration dir');
	return defaultMigrationDir(repo);
}

function assertScope(scope: ScopeConfig): void {
	const what = `Scope "${scope.name}"`;
	if (!/^[a-z_][a-zA-Z0-9_]*$/.test(scope.name)) throw new GeneratorError(`Scope name ${JSON.stringify(scope.name)} is not valid: use snake_case such as "user".`);
	assertModuleName(scope.module, `${what} module`, 'MyApp.Accounts.Scope');
	assertFieldName(scope.schemaKey, `${what} schema_key`);
	if (scope.schemaType !== 'id' && scope.schemaType !== 'binary_id') {
		throw new GeneratorError(`${what} schema_type ${JSON.stringify(scope.schemaType)} is not supported; allowed: id, binary_id.`);
	}
	if (scope.schemaTable !== '') assertTableName(scope.schemaTable, `${what} schema_table`);
	if (!Array.isArray(scope.accessPath) || scope.accessPath.length === 0 || scope.accessPath.some(part => !/^[a-z_][a-zA-Z0-9_]*$/.test(part))) {
		throw new GeneratorError(`${what} access_path ${JSON.stringify(scope.accessPath)} is not valid: give a non-empty list of field names such as ["user", "id"].`);
	}
}

/** Phoenix 1.8's scope choice: none with noScope, the named one, else the single default one. */
export function resolveScope(project: ProjectInfo, options: {scope?: string; noScope?: boolean}): ScopeConfig | undefined {
	const scopes = project.scopes ?? [];
	if (options.scope !== undefined && options.noScope) {
		throw new GeneratorError(`Both scope "${options.scope}" and noScope were given; use one of them.`);
	}
	if (options.noScope) return undefined;
	let scope: ScopeConfig | undefined;
	if (options.scope !== undefined) {
		scope = scopes.find(candidate => candidate.name === options.scope);
		if (!scope) {
			const names = scopes.map(candidate => candidate.name);
			throw new GeneratorError(
				`Scope "${options.scope}" is not configured in config :${project.app}, :scopes; ${names.length ? `configured scopes: ${names.join(', ')}` : 'no scopes are configured (run mix phx.gen.auth or omit the scope)'}.`,
			);
		}
	} else {
		const defaults = scopes.filter(candidate => candidate.default);
		if (defaults.length > 1) {
			throw new GeneratorError(`Only one default scope may be configured, found: ${defaults.map(candidate => candidate.name).join(', ')}. Name one with the scope option or use noScope.`);
		}
		scope = defaults[0];
	}
	if (scope) assertScope(scope);
	return scope;
}

export function buildSchemaSpec(project: ProjectInfo, options: SchemaOptions): SchemaSpec {
	assertProject(project);
	if (!options || typeof options !== 'object') throw new GeneratorError('Schema options are missing.');
	assertModuleName(options.schema, 'Schema', 'Blog.Post');
	const schema = options.schema;
	assertGeneratableModule(project, schema, 'Schema');
	const module = `${project.base}.${schema}`;

	const plural = options.plural;
	if (typeof plural !== 'string' || !PLURAL.test(plural) || plural.length > MAX_NAME_LENGTH) {
		throw new GeneratorError(
			`Plural ${JSON.stringify(plural)} must be all lowercase using the snake_case convention (letters, digits, underscores; at most ${MAX_NAME_LENGTH} characters), e.g. "posts" or "blog_posts".`,
		);
	}
	const table = options.table ?? plural;
	assertTableName(table, options.table === undefined ? 'Table (the plural)' : 'Table');

	const alias = schema.split('.').pop()!;
	const singular = underscore(alias);
	if (RESERVED_WORDS.includes(singular) || singular === 'attrs') {
		throw new GeneratorError(`Schema "${schema}" gives the variable name "${singular}", which Elixir cannot use in the changeset; choose another schema name.`);
	}

	const attrs = parseAttrs(options.attrs);
	const binaryId = options.binaryId ?? project.binaryId ?? false;

	let primaryKey: string | undefined;
	if (options.primaryKey !== undefined) {
		assertFieldName(options.primaryKey, 'Primary key');
		primaryKey = options.primaryKey;
	}
	let prefix: string | undefined;
	if (options.prefix !== undefined) {
		if (!/^[a-z_][a-zA-Z0-9_]*$/.test(options.prefix) || options.prefix.length > MAX_IDENTIFIER_LENGTH) {
			throw new GeneratorError(
				`Prefix ${JSON.stringify(options.prefix)} is not valid: give a database schema name in snake_case (letters, digits, underscores, at most ${MAX_IDENTIFIER_LENGTH} characters), e.g. "cms".`,
			);
		}
		prefix = options.prefix;
	}
	const repo = options.repo ?? project.repo;
	assertModuleName(repo, 'Repo', 'MyApp.Repo');
	const scope = resolveScope(project, options);
	if (scope && singular === `${scope.name}_scope`) {
		throw new GeneratorError(`Schema "${schema}" gives the variable name "${singular}", which clashes with the scope argument of the changeset; choose another schema name.`);
	}

	// Names Ecto defines itself, or the scope adds, cannot also be attributes.
	const taken = new Map<string, string>([
		[primaryKey ?? 'id', 'the primary key'],
		['inserted_at', 'a timestamps() column'],
		['updated_at', 'a timestamps() column'],
	]);
	if (scope) taken.set(scope.schemaKey, `the key of scope "${scope.name}" (added automatically; use noScope to define it yourself)`);
	for (const attr of attrs) {
		const owner = taken.get(attr.name) ?? ectoReservedField(attr.name);
		if (owner) throw new GeneratorError(`Attribute "${attr.name}" clashes with ${owner}; rename the attribute.`);
	}

	const uniqueIndexes = (options.uniqueIndexes ?? []).map(columns => {
		if (!Array.isArray(columns) || columns.length < 2 || new Set(columns).size !== columns.length) {
			throw new GeneratorError(`Unique index ${JSON.stringify(columns)} must name two or more distinct attributes, e.g. ["post_id", "tag_id"]; a single column takes the :unique flag instead.`);
		}
		for (const column of columns) {
			if (!attrs.some(attr => attr.name === column)) {
				throw new GeneratorError(`Unique index column "${column}" is not one of the attributes (${attrs.map(attr => attr.name).join(', ') || 'none'}).`);
			}
		}
		return columns;
	});

	// A scope sets its own key; its templates stay Phoenix's.
	const parents = scope ? undefined : linkParents(attrs, singular, options.parents);
	return {
		project,
		module,
		alias,
		singular,
		plural,
		table,
		humanSingular: humanize(singular),
		humanPlural: humanize(plural),
		attrs,
		uniqueIndexes,
		...(parents ? {parents} : {}),
		binaryId,
		...(primaryKey !== undefined ? {primaryKey} : {}),
		...(prefix !== undefined ? {prefix} : {}),
		repo,
		repoAlias: repoAliasFor(repo),
		...(project.timestampType !== undefined ? {timestampType: project.timestampType} : {}),
		...(scope ? {scope} : {}),
		file: `lib/${project.app}/${underscore(schema)}.ex`,
		migrationDir: resolveMigrationDir(project, repo, options.migrationDir),
	};
}
