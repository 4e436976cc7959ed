/**
 * The context spec of `mix phx.gen.context` (Phoenix 1.8): the options validated and every name
 * the context's templates use computed once, as Phoenix's Mix.Phoenix.Context does.
 */
import {GeneratorError} from './errors.js';
import {underscore} from './naming.js';
import type {ProjectInfo} from './project-info.js';
import {assertContextNames, assertGeneratableModule} from './reserved-names.js';
import {assertModuleName, assertProject, buildSchemaSpec, type SchemaOptions, type SchemaSpec} from './schema-spec.js';

export interface ContextOptions extends Omit<SchemaOptions, 'schema'> {
	/** "Blog" or "Site.Blog", relative to the app's base module */
	context: string;
	/** "Post", relative to the context */
	schema: string;
	/** access functions that raise "TODO" instead of using a schema (mix phx.gen.context --no-schema) */
	noSchema?: boolean;
}

export interface ContextSpec {
	schema: SchemaSpec;
	/** MyApp.Blog */
	module: string;
	/** Blog */
	alias: string;
	/** "Blog" as written */
	name: string;
	/** blog */
	basename: string;
	/** lib/my_app/blog.ex */
	file: string;
	/** test/my_app/blog_test.exs */
	testFile: string;
	/** MyApp.BlogTest */
	testModule: string;
	/** test/support/fixtures/blog_fixtures.ex */
	fixturesFile: string;
	/** MyApp.BlogFixtures */
	fixturesModule: string;
	/** true with the noSchema option: the access functions raise "TODO" */
	noSchema?: boolean;
}

export function buildContextSpec(project: ProjectInfo, options: ContextOptions): ContextSpec {
	assertProject(project);
	if (!options || typeof options !== 'object') throw new GeneratorError('Context options are missing.');
	const {context, schema} = options;
	assertModuleName(context, 'Context', 'Blog');
	assertModuleName(schema, 'Schema', 'Post');
	if (context === schema) {
		throw new GeneratorError(`The context and schema should have different names, both are "${context}"; e.g. context "Blog" with schema "Post".`);
	}
	assertGeneratableModule(project, context, 'Context');
	const alias = context.split('.').pop()!;
	const schemaAlias = schema.split('.').pop()!;
	if (alias === schemaAlias) {
		// Phoenix allows it, but the generated test then aliases both modules to the same name.
		throw new GeneratorError(`The context "${context}" and the schema "${schema}" end with the same name "${alias}", which makes their aliases clash in the generated code; rename one of them.`);
	}
	const {context: _context, schema: _schema, noSchema, ...schemaOptions} = options;
	const schemaSpec = buildSchemaSpec(project, {...schemaOptions, schema: `${context}.${schema}`});
	const module = `${project.base}.${context}`;
	assertContextNames(project, {module, alias, schemaName: schema}, schemaSpec);
	const basedir = underscore(context);
	return {
		schema: schemaSpec,
		module,
		alias,
		name: context,
		basename: basedir.split('/').pop()!,
		file: `lib/${project.app}/${basedir}.ex`,
		testFile: `test/${project.app}/${basedir}_test.exs`,
		testModule: `${module}Test`,
		fixturesFile: `test/support/fixtures/${basedir}_fixtures.ex`,
		fixturesModule: `${module}Fixtures`,
		...(noSchema ? {noSchema: true} : {}),
	};
}

/** Elixir's default-argument operator `\\`, as the access templates write it. */
export const BS = '\\\\';
