/**
 * generate_context: what `mix phx.gen.context` writes — the context module with the six access
 * functions (injected before the final `end` of an existing context), its test file and fixtures
 * file (created or injected the same way), plus the schema and the create-table migration unless
 * no_schema.
 *
 * Our agent usually calls generate_schema and generate_migration first, so the schema and the
 * migration are written only when missing: identical ones are reported `unchanged`, and an
 * existing create_<table> migration is never duplicated. A schema or migration that exists with
 * different content is refused unless overwrite (or no_schema, to leave them alone).
 * Sample values in tests/fixtures use the generators' fixed date, so a second identical call is a
 * no-op on any day.
 */
import type {CallToolResult} from '@modelcontextprotocol/sdk/types.js';
import {buildContextSpec, type ContextOptions, renderContextFiles} from '../generators/context.js';
import {updateContextFiles} from '../generators/context-update.js';
import {scopeAlias} from '../generators/project-info.js';
import {renderSchema} from '../generators/schema.js';
import {loadProject} from '../phoenix-project/read-project.js';
import {MIGRATE_STEP} from './generate-migration.js';
import {schemaOptions} from './generate-schema.js';
import type {GenerateContextArgs} from './inputs.js';
import {createTableMigration, type MigrationFile, MigrationNameTakenError, stampReport} from './migration-files.js';
import {hasPhoenixForm, referenceParents} from './reference-parents.js';
import {generateResult} from './tool-result.js';
import {applyFiles, type GeneratedWrite, wroteMigration} from './write/apply-files.js';
import {readExisting, WriteRefusedError} from './write/safe-writer.js';
import {assertOneSchemaPerTable, schemasOfTable} from './write/table-guard.js';

export async function generateContext(args: GenerateContextArgs, cwd: string, now = new Date()): Promise<CallToolResult> {
	const {root, info, facts} = await loadProject(args.project_path, cwd);
	const options: ContextOptions = {...schemaOptions(args), context: args.context, schema: args.schema};
	// no_schema over a schema that exists (issue 16 item 4): real access functions against it, not "TODO" stubs.
	const schemaModule = `${info.base}.${args.context}.${args.schema}`;
	const existingSchema = args.no_schema ? (await schemasOfTable(root, info.base, args.table ?? args.plural)).some(found => found.module === schemaModule) : false;
	if (args.no_schema && !existingSchema) options.noSchema = true;
	// The same parents generate_schema finds, so the schema written here is the same file; over an
	// existing schema of ours (a follow-up's update), so the context keeps taking the parents.
	// An existing schema of Phoenix's form keeps it (hasPhoenixForm).
	if ((!args.no_schema || existingSchema) && !(await hasPhoenixForm(root, buildContextSpec(info, options).schema.file))) {
		options.parents = await referenceParents(root, info.base, info.app, args.attrs ?? [], args.table ?? args.plural);
	}
	const spec = buildContextSpec(info, options);
	if (!args.no_schema) await assertOneSchemaPerTable(root, info.base, spec.schema);
	const overwrite = args.overwrite ?? false;
	const dryRun = args.dry_run ?? false;

	const files: GeneratedWrite[] = [];
	let migration: MigrationFile | undefined;
	if (!args.no_schema) {
		files.push({...renderSchema(spec.schema), kind: 'schema'});
		// `config :my_app, :generators, migration: false` turns migrations off, as in Phoenix.
		if (facts.generators.migration) {
			const stamp = args.migration_stamp === undefined ? {} : {stamp: args.migration_stamp};
			migration = await withNoSchemaHint(createTableMigration(root, spec.schema, {overwrite, now, ...stamp}), error => error instanceof MigrationNameTakenError);
			files.push({path: migration.path, content: migration.content, kind: 'migration'});
		}
	}

	const existing = {
		context: await readExisting(root, spec.file),
		test: await readExisting(root, spec.testFile),
		fixtures: await readExisting(root, spec.fixturesFile),
	};
	const rendered = args.previous_attrs === undefined ? renderContextFiles(spec, existing) : updateContextFiles(spec, buildContextSpec(info, {...options, attrs: args.previous_attrs}), existing);
	for (const [change, kind] of [
		[rendered.context, 'context'],
		[rendered.test, 'test'],
		[rendered.fixtures, 'fixtures'],
	] as const) {
		files.push({path: change.path, content: change.content, derivedFromExisting: change.action === 'injected', kind});
	}

	const ours = args.no_schema ? [] : [spec.schema.file, ...(migration ? [migration.path] : [])];
	const written = await withNoSchemaHint(applyFiles(root, info.base, files, {overwrite, dryRun}), error => error.path !== undefined && ours.includes(error.path));
	const nextSteps: string[] = [];
	if (migration !== undefined && wroteMigration(written, [migration.path])) nextSteps.push(MIGRATE_STEP);
	nextSteps.push(`Run mix test ${spec.testFile} to check the new functions.`);
	const parents = spec.noSchema ? [] : (spec.schema.parents ?? []);
	if (parents.length > 0) {
		const taken = parents.map(parent => `%${parent.alias}{} ${parent.variable}`).join(', ');
		const ids = parents.map(parent => parent.field).join(', ');
		nextSteps.push(`create_${spec.schema.singular} takes the ${taken} first and sets ${ids} from ${parents.length > 1 ? 'them' : 'it'}; ids are never cast from attrs.`);
	}
	if (spec.schema.scope) {
		nextSteps.push(
			`The functions take a %${scopeAlias(spec.schema.scope)}{} scope (${spec.schema.scope.module}) as first argument; pass socket.assigns.${spec.schema.scope.assignKey} or conn.assigns.${spec.schema.scope.assignKey}.`,
		);
	}

	return generateResult(`Context ${spec.module} with ${spec.schema.module} in ${root}:`, written, nextSteps, dryRun, migration ? stampReport(migration, dryRun) : {});
}

/** A refused schema/migration here is often one written earlier on purpose: say how to keep it. */
async function withNoSchemaHint<T>(work: Promise<T>, about: (error: WriteRefusedError) => boolean): Promise<T> {
	try {
		return await work;
	} catch (error) {
		if (error instanceof WriteRefusedError && about(error)) {
			throw new WriteRefusedError(`${error.message} To keep an existing schema and migration as they are, pass no_schema: true.`, error.path === undefined ? {} : {path: error.path});
		}

		throw error;
	}
}
