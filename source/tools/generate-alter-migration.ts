/**
 * generate_add_fields_migration: the `alter table` migration for fields added to an existing
 * schema. Refused when no migration creates the table, when a new field is already a column
 * of it (as far as the migrations show), or when a migration of that name exists (unless overwrite).
 */
import type {CallToolResult} from '@modelcontextprotocol/sdk/types.js';
import {renderAlterMigration} from '../generators/migration.js';
import {buildSchemaSpec, type SchemaSpec} from '../generators/schema-spec.js';
import {loadProject} from '../phoenix-project/read-project.js';
import {tableColumns} from '../phoenix-project/table-columns.js';
import {MIGRATE_STEP} from './generate-migration.js';
import {schemaOptions} from './generate-schema.js';
import type {GenerateAddFieldsMigrationArgs} from './inputs.js';
import {type MigrationFile, MigrationNameTakenError, migrationSlot, newMigrationStamp, PROBE_STAMP, stampReport} from './migration-files.js';
import {generateResult} from './tool-result.js';
import {applyFiles, wroteMigration} from './write/apply-files.js';
import {readExisting, WriteRefusedError} from './write/safe-writer.js';

async function alterMigrationFile(root: string, spec: SchemaSpec, options: {name?: string; overwrite: boolean; now: Date; stamp?: string}): Promise<MigrationFile> {
	const nameOption = options.name === undefined ? {} : {name: options.name};
	const {dir, name, taken, existing: sameName} = await migrationSlot(root, renderAlterMigration(spec, nameOption, PROBE_STAMP).path);
	if (sameName !== undefined && !options.overwrite) {
		throw new MigrationNameTakenError(
			`A migration named ${name} already exists (${dir}/${sameName}); ecto refuses duplicate migration names. Give another name, or pass overwrite: true to replace it (its file name is kept).`,
			{path: `${dir}/${sameName}`},
		);
	}

	const others = taken.filter(candidate => candidate !== sameName);
	const texts = await Promise.all(others.map(async file => ({path: `${dir}/${file}`, text: (await readExisting(root, `${dir}/${file}`)) ?? ''})));
	const known = tableColumns(spec.table, texts);
	// A schema file proves nothing: it may have been written a moment ago, its table never created.
	if (known.creators.length === 0) {
		throw new WriteRefusedError(
			`Table "${spec.table}" does not exist for the migrations: no migration in ${dir} creates it (a create_${spec.table} migration with \`create table(:${spec.table})\`). Call generate_migration with the schema, plural and all its attrs to create the table instead, or check plural/table.`,
		);
	}

	const existing = spec.attrs.filter(attr => known.columns.has(attr.name));
	if (existing.length > 0) {
		const where = existing.map(attr => `${attr.name} (added by ${known.columns.get(attr.name)!})`).join(', ');
		throw new WriteRefusedError(`Table "${spec.table}" already has ${where}. Give only the new fields in attrs.`);
	}

	const chosen = newMigrationStamp(dir, taken, options.now, options.stamp);
	const file = renderAlterMigration(spec, nameOption, chosen.stamp);
	return sameName === undefined ? {...file, stamp: chosen} : {path: `${dir}/${sameName}`, content: file.content};
}

export async function generateAddFieldsMigration(args: GenerateAddFieldsMigrationArgs, cwd: string, now = new Date()): Promise<CallToolResult> {
	const {root, info} = await loadProject(args.project_path, cwd);
	// No scope: its key column came with the create migration; an alter adds only what is listed.
	const spec = buildSchemaSpec(info, {...schemaOptions(args), noScope: true});
	const overwrite = args.overwrite ?? false;
	const dryRun = args.dry_run ?? false;
	const file = await alterMigrationFile(root, spec, {
		...(args.name === undefined ? {} : {name: args.name}),
		...(args.migration_stamp === undefined ? {} : {stamp: args.migration_stamp}),
		overwrite,
		now,
	});
	const applied = await applyFiles(root, info.base, [{path: file.path, content: file.content, kind: 'migration'}], {overwrite, dryRun});
	const nextSteps = wroteMigration(applied, [file.path]) ? [MIGRATE_STEP] : [];
	const fields = spec.attrs.map(attr => attr.name).join(', ');
	return generateResult(`Migration adding ${fields} to table "${spec.table}" in ${root}:`, applied, nextSteps, dryRun, stampReport(file, dryRun));
}
