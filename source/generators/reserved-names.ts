/**
 * The one rule for module names a generator may not take: the project's own framework modules
 * (Repo, Application, Endpoint, Router, Mailer, Gettext, Telemetry, Web, the test cases), the
 * configured repo and scope modules, the application module itself, and, for a context, names
 * whose alias would shadow a module the generated code uses. The tool servers add the on-disk half
 * (source/tools/write/module-guard.ts: an existing file is replaced or injected into only when it holds
 * a module of the kind the tool generates).
 */
import {GeneratorError} from './errors.js';
import {underscore} from './naming.js';
import {type ProjectInfo, scopeAlias} from './project-info.js';

/** Modules a Phoenix project defines under its base module (MyApp.Repo...) or beside it (MyAppWeb.Router). */
export const FRAMEWORK_MODULES: readonly string[] = ['Repo', 'Application', 'Endpoint', 'Router', 'Mailer', 'Gettext', 'Telemetry', 'Web', 'DataCase', 'ConnCase'];

/**
 * Field names Ecto.Schema takes for itself (the struct's `__meta__` and `__struct__`, the
 * `__schema__`/`__changeset__` reflection functions): a schema with such a field does not compile.
 * Every `__name__` is Elixir's and Ecto's reserved form, so all of them are refused.
 */
export const ECTO_RESERVED_FIELDS: readonly string[] = ['__meta__', '__struct__', '__schema__', '__changeset__'];

/** Why an attribute may not be named so in a schema, or undefined. */
export function ectoReservedField(name: string): string | undefined {
	return ECTO_RESERVED_FIELDS.includes(name) || /^__\w*__$/.test(name) ? `a name Ecto.Schema reserves (${ECTO_RESERVED_FIELDS.join(', ')} and every __name__)` : undefined;
}

/**
 * Modules the generated context, test and fixtures code names by their short alias: aliasing the
 * context or schema to one of them breaks that code (Phoenix writes it anyway; we refuse).
 */
export const ALIASES_IN_USE: readonly string[] = ['Repo', 'Ecto', 'Phoenix', 'Decimal', 'Enum', 'System'];

/**
 * Throws unless `relative` (a schema or context name relative to the base module, such as
 * "Blog.Post") may be generated: it must not be the application module nor one of the project's
 * framework, repo or scope modules.
 */
export function assertGeneratableModule(project: ProjectInfo, relative: string, what: 'Schema' | 'Context'): void {
	const module = `${project.base}.${relative}`;
	const reason =
		relative === project.base
			? `has the same name as the application module ${project.base}`
			: module === project.repo || relative === 'Repo'
				? `would be the project's repo module ${project.repo === module ? module : `${project.base}.Repo`}`
				: FRAMEWORK_MODULES.includes(relative)
					? `would be ${module}, a module Phoenix generates for the project itself (${FRAMEWORK_MODULES.join(', ')})`
					: project.scopes.some(scope => scope.module === module)
						? `would be the scope module ${module}`
						: undefined;
	if (reason !== undefined) {
		const example = what === 'Schema' ? '"Blog.Post"' : '"Blog"';
		const file = `lib/${project.app}/${underscore(relative)}.ex`;
		throw new GeneratorError(`${what} "${relative}" ${reason} (${file}); a generator never replaces it. Choose another name, e.g. ${example}.`);
	}
}

/** Throws when a context's names would make the generated code fail to compile (Phoenix does not check). */
export function assertContextNames(
	project: ProjectInfo,
	context: {module: string; alias: string; schemaName: string},
	schema: {repo: string; alias: string; singular: string; scope?: {module: string} | undefined},
): void {
	const {module, alias} = context;
	if (context.schemaName === project.base) {
		throw new GeneratorError(`Schema "${context.schemaName}" has the same name as the application module ${project.base}; choose another name such as "Post".`);
	}
	if (module === schema.repo) {
		throw new GeneratorError(`Context "${module}" is the repo module ${schema.repo}; choose another context name such as "Blog".`);
	}
	for (const [what, name] of [
		['context', alias],
		['schema', schema.alias],
	] as const) {
		if (ALIASES_IN_USE.includes(name)) {
			throw new GeneratorError(
				`The ${what} name "${name}" would shadow ${name === 'Repo' ? 'the Repo alias' : `the ${name} module`} in the generated code; names ending in ${ALIASES_IN_USE.join(', ')} are not allowed, choose another (e.g. "${name}Entry").`,
			);
		}
	}
	const scope = schema.scope;
	if (scope) {
		const scopeAliasName = scopeAlias(scope);
		if (schema.alias === scopeAliasName || alias === scopeAliasName) {
			throw new GeneratorError(
				`The name "${scopeAliasName}" is taken by the scope module ${scope.module}, which the scoped code aliases; rename the ${schema.alias === scopeAliasName ? 'schema' : 'context'} or use noScope.`,
			);
		}
		if (schema.singular === 'scope' || schema.singular === 'other_scope') {
			throw new GeneratorError(`Schema "${schema.alias}" gives the variable name "${schema.singular}", which the scoped code already uses for the scope; choose another schema name or use noScope.`);
		}
	}
}
