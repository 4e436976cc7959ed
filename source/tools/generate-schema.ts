/** generate_schema: the Ecto schema module of `mix phx.gen.schema` (the migration is generate_migration's job). */
import type {CallToolResult} from '@modelcontextprotocol/sdk/types.js';
import {renderSchema} from '../generators/schema.js';
import {buildSchemaSpec, type SchemaOptions} from '../generators/schema-spec.js';
import {loadProject} from '../phoenix-project/read-project.js';
import type {GenerateMigrationArgs, GenerateSchemaArgs} from './inputs.js';
import {hasPhoenixForm, referenceParents} from './reference-parents.js';
import {generateResult} from './tool-result.js';
import {applyFiles} from './write/apply-files.js';
import {assertOneSchemaPerTable} from './write/table-guard.js';

/** Tool arguments (snake_case) to the generators' SchemaOptions, leaving absent options absent. */
export function schemaOptions(args: GenerateSchemaArgs & Partial<Pick<GenerateMigrationArgs, 'repo' | 'migration_dir'>>): SchemaOptions {
	const options: SchemaOptions = {schema: args.schema, plural: args.plural, attrs: args.attrs ?? []};
	if (args.table !== undefined) options.table = args.table;
	if (args.binary_id !== undefined) options.binaryId = args.binary_id;
	if (args.primary_key !== undefined) options.primaryKey = args.primary_key;
	if (args.prefix !== undefined) options.prefix = args.prefix;
	if (args.repo !== undefined) options.repo = args.repo;
	if (args.migration_dir !== undefined) options.migrationDir = args.migration_dir;
	if (args.scope !== undefined) options.scope = args.scope;
	if (args.no_scope !== undefined) options.noScope = args.no_scope;
	if (args.unique_indexes !== undefined) options.uniqueIndexes = args.unique_indexes;
	return options;
}

export async function generateSchema(args: GenerateSchemaArgs, cwd: string): Promise<CallToolResult> {
	const {root, info} = await loadProject(args.project_path, cwd);
	const plain = buildSchemaSpec(info, schemaOptions(args));
	const parents = (await hasPhoenixForm(root, plain.file)) ? [] : await referenceParents(root, info.base, info.app, args.attrs ?? [], args.table ?? args.plural);
	const spec = buildSchemaSpec(info, {...schemaOptions(args), parents});
	await assertOneSchemaPerTable(root, info.base, spec);
	const file = renderSchema(spec);
	const dryRun = args.dry_run ?? false;
	const files = await applyFiles(root, info.base, [{...file, kind: 'schema'}], {overwrite: args.overwrite ?? false, dryRun});
	const nextSteps = [`Create the table with generate_migration (same schema "${args.schema}", plural "${args.plural}" and attrs), then run mix ecto.migrate.`];
	return generateResult(`Schema ${spec.module} (table "${spec.table}") in ${root}:`, files, nextSteps, dryRun);
}
