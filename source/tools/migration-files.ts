/**
 * Where a new migration goes: a fresh stamp past every existing one (so two migrations made in the
 * same second stay distinct and ordered), and no second migration with an existing name — Phoenix
 * writes such a duplicate and `mix ecto.migrate` then fails. A dry run reports the stamp it chose
 * (apply_args.migration_stamp), so the approved real call writes the very file that was previewed.
 */

import {migrationStamp, renderEmptyMigration, renderMigration} from '../generators/migration.js';
import type {ProjectInfo} from '../generators/project-info.js';
import type {SchemaSpec} from '../generators/schema-spec.js';
import {listMigrations, migrationName, migrationStamps} from '../phoenix-project/read-project.js';
import {type FileToWrite, readExisting, WriteRefusedError} from './write/safe-writer.js';

/** A migration with the same name exists already (ecto refuses two); `path` is that migration. */
export class MigrationNameTakenError extends WriteRefusedError {}

function splitPath(path: string): {dir: string; name: string} {
	const slash = path.lastIndexOf('/');
	return {dir: path.slice(0, slash), name: migrationName(path.slice(slash + 1))};
}

/** Project folders that hold code, config, dependencies, build output or served files: never migrations. */
const NOT_FOR_MIGRATIONS: Record<string, string> = {
	lib: "the application's code",
	test: 'the tests',
	config: "the project's configuration",
	deps: 'the dependencies',
	_build: 'build output',
	assets: 'the front-end assets',
	node_modules: 'JavaScript dependencies',
	'priv/static': 'files served publicly by the web endpoint',
};

/**
 * Refuses a migration folder a model might invent that is not one: inside lib/, test/, config/,
 * deps/, _build/, assets/, priv/static/ or a hidden folder (.git/hooks...). ecto_sql itself would
 * take any folder, but a migration there is at best lost and at worst picked up as something else.
 */
export function assertMigrationFolder(dir: string): void {
	if (/[\u0000-\u001f\u007f]/.test(dir)) {
		throw new WriteRefusedError(`Migration folder ${JSON.stringify(dir)} is not allowed: it contains a control character (newline, tab...).`);
	}

	const segments = dir.split('/');
	const hidden = segments.find(segment => segment.startsWith('.'));
	if (hidden !== undefined) {
		throw new WriteRefusedError(`Migration folder "${dir}" is not allowed: "${hidden}" is a hidden folder. Use a folder under priv/, e.g. "priv/repo/migrations".`);
	}

	for (const [folder, holds] of Object.entries(NOT_FOR_MIGRATIONS)) {
		// Lowercased: on case-insensitive file systems Lib/ is lib/.
		const lower = dir.toLowerCase();
		if (lower === folder || lower.startsWith(`${folder}/`)) {
			throw new WriteRefusedError(`Migration folder "${dir}" is not allowed: ${folder}/ holds ${holds}. Use a folder under priv/, e.g. "priv/repo/migrations".`);
		}
	}
}

/**
 * Where a rendered migration would go: its folder (checked) and name, the folder's migrations, and
 * the one already named so, if any.
 */
export async function migrationSlot(root: string, renderedPath: string): Promise<{dir: string; name: string; taken: string[]; existing?: string}> {
	const {dir, name} = splitPath(renderedPath);
	assertMigrationFolder(dir);
	const taken = await listMigrations(root, dir);
	const existing = taken.find(candidate => migrationName(candidate) === name);
	return {dir, name, taken, ...(existing === undefined ? {} : {existing})};
}

/** A stamp for the probe render that only tells a migration's folder and name. */
export const PROBE_STAMP = '00000000000000';

/** The stamp a new migration gets, and, when the stamp asked for could not be kept, why. */
export interface ChosenStamp {
	stamp: string;
	notice?: string;
}

/**
 * The stamp of a new migration in `dir`: the one asked for (a dry run's, passed back to the real
 * call) while it still sorts after every migration there, else a fresh one past them all, with a
 * notice saying so (the project changed since the preview).
 */
export function newMigrationStamp(dir: string, taken: string[], now: Date, requested?: string): ChosenStamp {
	const stamps = migrationStamps(taken);
	if (requested === undefined) return {stamp: migrationStamp(now, stamps)};
	// ecto orders migrations by their number.
	if (/^\d{14}$/.test(requested) && stamps.every(stamp => BigInt(stamp) < BigInt(requested))) return {stamp: requested};
	const stamp = migrationStamp(now, stamps);
	return {
		stamp,
		notice: `The migration stamp ${requested} (from the preview) no longer sorts after every migration in ${dir}, so the migration was written with the fresh stamp ${stamp} instead.`,
	};
}

/** A migration file to write, with the stamp choice that named it (none for an existing file kept under its name). */
export type MigrationFile = FileToWrite & {stamp?: ChosenStamp};

/**
 * The create-table migration for a schema. When a migration of the same name exists: identical
 * content → that file (left unchanged); different → refused unless overwrite, which replaces it
 * under its existing file name.
 */
export async function createTableMigration(root: string, spec: SchemaSpec, options: {overwrite: boolean; now: Date; stamp?: string}): Promise<MigrationFile> {
	const {dir, name, taken, existing} = await migrationSlot(root, renderMigration(spec, PROBE_STAMP).path);
	const chosen = newMigrationStamp(dir, taken, options.now, options.stamp);
	const file = renderMigration(spec, chosen.stamp);
	if (existing === undefined) return {...file, stamp: chosen};
	const existingPath = `${dir}/${existing}`;
	const current = await readExisting(root, existingPath);
	if (current !== file.content && !options.overwrite) {
		throw new MigrationNameTakenError(
			`A migration named ${name} already exists (${existingPath}) with different content; a second one would make mix ecto.migrate fail on the duplicate name. Pass overwrite: true to replace it (its file name is kept), or use generate_add_fields_migration to add columns to the existing table.`,
			{path: existingPath},
		);
	}

	return {path: existingPath, content: file.content};
}

/** What `mix ecto.gen.migration NAME` writes; refused when a migration with that name exists. */
export async function emptyMigration(root: string, project: ProjectInfo, options: {name: string; repo?: string; migrationDir?: string; stamp?: string}, now: Date): Promise<MigrationFile> {
	// Render once to learn the folder, then again with a stamp past the folder's migrations.
	const {dir, name, taken, existing} = await migrationSlot(root, renderEmptyMigration(project, options, PROBE_STAMP).path);
	if (existing !== undefined) {
		throw new MigrationNameTakenError(
			`A migration named ${name} already exists (${dir}/${existing}); ecto refuses duplicate migration names. Choose another name, e.g. ${name}_2 or a more specific one.`,
			{path: `${dir}/${existing}`},
		);
	}

	const chosen = newMigrationStamp(dir, taken, now, options.stamp);
	return {...renderEmptyMigration(project, options, chosen.stamp), stamp: chosen};
}

/** What a tool result says of a new migration's stamp: apply_args for a dry run, the notice of a replaced one. */
export function stampReport(file: MigrationFile, dryRun: boolean): {applyArgs?: {migration_stamp: string}; notices: string[]} {
	if (file.stamp === undefined) return {notices: []};
	return {
		...(dryRun ? {applyArgs: {migration_stamp: file.stamp.stamp}} : {}),
		notices: file.stamp.notice === undefined ? [] : [file.stamp.notice],
	};
}
