/**
 * `mix phx.gen.context` (Phoenix 1.8): the context module with its access functions, the context
 * test and the fixtures, each created or injected before the module's final `end`. The names come
 * from the spec (context-spec.ts); each file Phoenix writes has its own template module.
 */

import {accessNoSchema} from './access-no-schema.js';
import {accessNoSchemaScoped} from './access-no-schema-scope.js';
import {renderContextModule} from './context-module.js';
import type {ContextSpec} from './context-spec.js';
import {DEFAULT_SAMPLE_NOW, renderContextTestModule, renderTestCases} from './context-test.js';
import {renderLinkedTestCases} from './context-test-linked.js';
import {GeneratorError} from './errors.js';
import {renderFixtures, renderFixturesModule} from './fixtures.js';
import {createOrInject, type InjectOutcome} from './inject.js';
import {schemaAccess} from './schema-access.js';
import {schemaAccessLinked} from './schema-access-linked.js';
import {schemaAccessScoped} from './schema-access-scope.js';
import type {GeneratedFile} from './schema-spec.js';

export {renderContextModule} from './context-module.js';
export {buildContextSpec, type ContextOptions, type ContextSpec} from './context-spec.js';

export interface ContextFile extends GeneratedFile {
	action: InjectOutcome;
}

export interface RenderContextOptions {
	/** the clock for date and datetime sample values (Phoenix uses today); defaults to a fixed instant */
	now?: Date;
}

/**
 * The access block injected into the context for this schema (the template Phoenix picks, or
 * ours when the program sets the references); `existing` is the context's current text.
 */
export function renderSchemaAccess(context: ContextSpec, existing = ''): string {
	const scope = context.schema.scope;
	if (context.noSchema) return scope ? accessNoSchemaScoped(context, scope) : accessNoSchema(context);
	if (context.schema.parents) return schemaAccessLinked(context, existing);
	return scope ? schemaAccessScoped(context, scope) : schemaAccess(context);
}

/**
 * The three files of phx.gen.context for this schema: each created (starting template plus block)
 * when missing, injected before the final `end` when present, or left unchanged when it already
 * has the block. `existing` holds the current text of each file that exists.
 */
export function renderContextFiles(
	spec: ContextSpec,
	existing: {context?: string; test?: string; fixtures?: string},
	options: RenderContextOptions = {},
): {context: ContextFile; test: ContextFile; fixtures: ContextFile} {
	const now = options.now ?? DEFAULT_SAMPLE_NOW;
	if (Number.isNaN(now.getTime())) throw new GeneratorError('The "now" given for sample dates is not a valid date.');
	const change = (path: string, module: string, current: string | undefined, fresh: string, block: string): ContextFile => ({
		path,
		...createOrInject(current, fresh, block, `The file ${path}`, module),
	});
	return {
		context: change(spec.file, spec.module, existing.context, renderContextModule(spec), renderSchemaAccess(spec, existing.context)),
		test: change(spec.testFile, spec.testModule, existing.test, renderContextTestModule(spec), renderTestBlock(spec, now)),
		fixtures: change(spec.fixturesFile, spec.fixturesModule, existing.fixtures, renderFixturesModule(spec), renderFixturesBlock(spec, now)),
	};
}

/** The `describe` block injected into the context test for this schema (ours when the program sets the references). */
export function renderTestBlock(spec: ContextSpec, now: Date = DEFAULT_SAMPLE_NOW): string {
	return spec.schema.parents && !spec.noSchema ? renderLinkedTestCases(spec, now) : renderTestCases(spec, now);
}

/** The fixture injected into the fixtures module for this schema. */
export function renderFixturesBlock(spec: ContextSpec, now: Date = DEFAULT_SAMPLE_NOW): string {
	return renderFixtures(spec.noSchema ? {...spec, schema: withoutParents(spec.schema)} : spec, now);
}

/** A no_schema context keeps Phoenix's fixtures: the references are not ours to set there. */
function withoutParents(schema: ContextSpec['schema']): ContextSpec['schema'] {
	const {parents: _parents, ...rest} = schema;
	return rest;
}
