/** generate_migration and generate_empty_migration: `mix phx.gen.schema`'s migration and `mix ecto.gen.migration`. */
import type {CallToolResult} from '@modelcontextprotocol/sdk/types.js';
import {buildSchemaSpec} from '../generators/schema-spec.js';
import {loadProject} from '../phoenix-project/read-project.js';
import {schemaOptions} from './generate-schema.js';
import type {GenerateEmptyMigrationArgs, GenerateMigrationArgs} from './inputs.js';
import {createTableMigration, emptyMigration, stampReport} from './migration-files.js';
import {generateResult} from './tool-result.js';
import {applyFiles, wroteMigration} from './write/apply-files.js';

export const MIGRATE_STEP = 'Run mix ecto.migrate to apply the migration.';

export async function generateMigration(args: GenerateMigrationArgs, cwd: string, now = new Date()): Promise<CallToolResult> {
	const {root, info} = await loadProject(args.project_path, cwd);
	const spec = buildSchemaSpec(info, schemaOptions(args));
	const overwrite = args.overwrite ?? false;
	const dryRun = args.dry_run ?? false;
	const file = await createTableMigration(root, spec, {overwrite, now, ...(args.migration_stamp === undefined ? {} : {stamp: args.migration_stamp})});
	const applied = await applyFiles(root, info.base, [{path: file.path, content: file.content, kind: 'migration'}], {overwrite, dryRun});
	const nextSteps = wroteMigration(applied, [file.path]) ? [MIGRATE_STEP] : [];
	return generateResult(`Migration creating table "${spec.table}" for ${spec.module} in ${root}:`, applied, nextSteps, dryRun, stampReport(file, dryRun));
}

export async function generateEmptyMigration(args: GenerateEmptyMigrationArgs, cwd: string, now = new Date()): Promise<CallToolResult> {
	const {root, info} = await loadProject(args.project_path, cwd);
	const options: {name: string; repo?: string; migrationDir?: string; stamp?: string} = {name: args.name};
	if (args.repo !== undefined) options.repo = args.repo;
	if (args.migration_dir !== undefined) options.migrationDir = args.migration_dir;
	if (args.migration_stamp !== undefined) options.stamp = args.migration_stamp;
	const file = await emptyMigration(root, info, options, now);
	const dryRun = args.dry_run ?? false;
	const applied = await applyFiles(root, info.base, [{path: file.path, content: file.content, kind: 'migration'}], {overwrite: false, dryRun});
	const nextSteps = [`Fill in the change/0 function of ${file.path}, then run mix ecto.migrate.`];
	return generateResult(`Empty migration "${args.name}" in ${root}:`, applied, nextSteps, dryRun, stampReport(file, dryRun));
}
