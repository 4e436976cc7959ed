/**
 * Reads a user's Mix project from disk: locates its root, reads mix.exs and config (following
 * simple import_config calls) and lists schemas, contexts and migrations. Parsing is delegated to
 * project-config.ts; this module only touches files.
 */
import {readdir, realpath} from 'node:fs/promises';
import {isAbsolute, join, relative, resolve, sep} from 'node:path';
import type {ProjectInfo, ScopeConfig} from '../generators/project-info.js';
import {resolveMigrationDir} from '../generators/schema-spec.js';
import {mixProjectProblem} from './mix-project.js';
import {type DefinedModule, modulesOf} from './module-kind.js';
import {type ConfigStatement, type ProjectConfigFacts, ProjectError, parseConfigFile, parseMixExs, projectConfigFacts} from './project-config.js';
import {readRegularFile, UnreadableFileError} from './read-regular.js';
import {migrationReferences, type SchemaField, type SchemaReference, schemaFileFields} from './schema-fields.js';

export {ProjectError} from './project-config.js';

export interface LoadedProject {
	/** Real path of the project root (symlinks resolved). */
	root: string;
	info: ProjectInfo;
	facts: ProjectConfigFacts;
	/** Config files read, relative to the root. */
	configFiles: string[];
}

/** Resolves `project_path` (absolute, or relative to `cwd`) to the real path of a Mix project root. */
export async function resolveProjectRoot(projectPath: string, cwd = process.cwd()): Promise<string> {
	if (typeof projectPath !== 'string' || projectPath.trim() === '' || projectPath.includes('\0')) {
		throw new ProjectError('project_path must be a non-empty path to the Phoenix project folder (the one with mix.exs).');
	}

	const absolute = resolve(cwd, projectPath);
	let root: string;
	try {
		root = await realpath(absolute);
	} catch {
		throw new ProjectError(`project_path "${projectPath}" does not exist (resolved to ${absolute}).`);
	}

	const problem = mixProjectProblem(root);
	if (problem === 'not-a-folder') throw new ProjectError(`project_path "${projectPath}" is not a folder.`);
	if (problem) {
		throw new ProjectError(`"${projectPath}" is not a Mix project: it has no mix.exs. Give the root folder of the Phoenix application (the folder that holds mix.exs, config/ and lib/).`);
	}

	return root;
}

const MAX_CONFIG_FILES = 20;

/** Reads mix.exs and config into ProjectInfo. Throws ProjectError for a project we cannot use. */
export async function loadProject(projectPath: string, cwd = process.cwd()): Promise<LoadedProject> {
	const root = await resolveProjectRoot(projectPath, cwd);
	const mixText = await readText(join(root, 'mix.exs'), 'mix.exs').catch((error: unknown) => {
		throw error instanceof UnreadableFileError ? new ProjectError(error.message) : error;
	});
	if (mixText === undefined) throw new ProjectError(`"${projectPath}" is not a Mix project: its mix.exs disappeared while it was being read.`);
	const mix = parseMixExs(mixText);
	const configFiles: string[] = [];
	const statements: ConfigStatement[] = [];
	const warnings: string[] = [];

	const readConfig = async (file: string): Promise<void> => {
		if (configFiles.includes(file) || configFiles.length >= MAX_CONFIG_FILES) return;
		const absolute = join(root, file);
		const {text, problem} = await readInsideRoot(root, absolute, file);
		if (text === undefined) {
			if (problem !== undefined) warnings.push(problem);
			else if (file !== 'config/config.exs') warnings.push(`${file} is imported by the config but could not be read.`);
			return;
		}

		configFiles.push(file);
		for (const statement of parseConfigFile(text)) {
			if (statement.kind === 'import') {
				const target = relative(root, resolve(root, 'config', statement.file))
					.split(sep)
					.join('/');
				if (target.startsWith('..') || isAbsolute(target)) {
					warnings.push(`import_config "${statement.file}" in ${file} points outside the project and was not followed.`);
				} else {
					await readConfig(target);
				}
			} else {
				statements.push(statement);
			}
		}
	};

	await readConfig('config/config.exs');
	if (configFiles.length === 0)
		warnings.push(`config/config.exs ${warnings.some(warning => warning.startsWith('config/config.exs')) ? 'could not be read' : 'was not found'}; Phoenix defaults are assumed.`);
	const facts = projectConfigFacts(mix, statements);
	facts.warnings.unshift(...warnings);
	return {root, info: facts.info, facts, configFiles};
}

/** Reads a file that must resolve inside root: its text, or nothing (with the problem when it is a special or huge file). */
async function readInsideRoot(root: string, absolute: string, shown: string): Promise<{text?: string; problem?: string}> {
	try {
		const real = await realpath(absolute);
		if (!isInside(root, real)) return {};
		const text = await readText(real, shown);
		return text === undefined ? {} : {text};
	} catch (error) {
		return error instanceof UnreadableFileError ? {problem: error.message} : {};
	}
}

/** A project file's text through the one regular-file reader; a problem with it is the project's. */
async function readText(file: string, shown: string): Promise<string | undefined> {
	return readRegularFile(file, shown);
}

export function isInside(root: string, candidate: string): boolean {
	const rel = relative(root, candidate);
	return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Migration file names (`<digits>_<name>.exs`) in a folder relative to root, sorted; [] when absent. */
export async function listMigrations(root: string, migrationDir: string): Promise<string[]> {
	const folder = join(root, migrationDir);
	try {
		const real = await realpath(folder);
		if (!isInside(root, real)) return [];
		const names = await readdir(real);
		return names.filter(name => /^\d+_.+\.exs$/.test(name)).sort();
	} catch {
		return [];
	}
}

/** The stamps (leading digits) of migration file names. */
export function migrationStamps(names: string[]): string[] {
	return names.map(name => /^(\d+)_/.exec(name)![1]!);
}

/** The name part of a migration file (`20250101000000_create_posts.exs` → `create_posts`). */
export function migrationName(fileName: string): string {
	return fileName.replace(/^\d+_/, '').replace(/\.exs$/, '');
}

export interface SchemaFileInfo {
	module: string;
	/** The table of `schema "posts"`; absent for embedded schemas. */
	table?: string;
	file: string;
	/** The fields the file declares (belongs_to as its foreign key). */
	fields: SchemaField[];
	/** Foreign keys: to a table (its migrations' references) or a module (belongs_to). */
	references: SchemaReference[];
}

export interface ContextFileInfo {
	module: string;
	file: string;
}

export interface ProjectInspection {
	project_path: string;
	app: string;
	base_module: string;
	repo: string;
	ecto_repos: string[];
	generators: {timestamp_type: string | null; binary_id: boolean; migration: boolean; migration_dir: string | null};
	migration_dir: string;
	scopes: Array<{
		name: string;
		default: boolean;
		module: string;
		assign_key: string;
		access_path: string[];
		schema_key: string;
		schema_type: string;
		schema_table: string;
	}>;
	default_scope: string | null;
	contexts: ContextFileInfo[];
	schemas: SchemaFileInfo[];
	migrations: string[];
	config_files: string[];
	warnings: string[];
}

const MAX_SOURCE_FILES = 5000;

/** Everything inspect_project reports. */
export async function inspectProject(projectPath: string, cwd = process.cwd()): Promise<ProjectInspection> {
	const loaded = await loadProject(projectPath, cwd);
	const {root, info, facts} = loaded;
	const migrationDir = resolveMigrationDir(info, info.repo);
	const {modules, skipped} = await projectModules(root, info.base, `lib/${info.app}`);
	const schemas: SchemaFileInfo[] = [];
	const contexts: ContextFileInfo[] = [];
	for (const found of modules) {
		if (found.kind === 'schema') {
			const model = schemaFileFields(found.source);
			schemas.push(found.table === undefined ? {module: found.module, file: found.file, ...model} : {module: found.module, table: found.table, file: found.file, ...model});
		}
		// A plain module that talks to the Repo: a context.
		else if (found.kind === 'plain' && found.usesRepo) contexts.push({module: found.module, file: found.file});
	}

	const migrations = await listMigrations(root, migrationDir);
	const references = migrationReferences(await readMigrations(root, migrationDir, migrations));
	for (const schema of schemas) {
		for (const [column, target] of schema.table === undefined ? [] : (references.get(schema.table) ?? [])) {
			const known = schema.references.find(reference => reference.field === column);
			if (known) known.table = target;
			else schema.references.push({field: column, table: target});
		}
	}

	const defaultScope = info.scopes.find((scope: ScopeConfig) => scope.default);
	return {
		project_path: root,
		app: info.app,
		base_module: info.base,
		repo: info.repo,
		ecto_repos: facts.ectoRepos,
		generators: {
			timestamp_type: facts.generators.timestampType ?? null,
			binary_id: facts.generators.binaryId,
			migration: facts.generators.migration,
			migration_dir: facts.generators.migrationDir ?? null,
		},
		migration_dir: migrationDir,
		scopes: info.scopes.map(scope => ({
			name: scope.name,
			default: scope.default,
			module: scope.module,
			assign_key: scope.assignKey,
			access_path: scope.accessPath,
			schema_key: scope.schemaKey,
			schema_type: scope.schemaType,
			schema_table: scope.schemaTable,
		})),
		default_scope: defaultScope?.name ?? null,
		contexts,
		schemas,
		migrations,
		config_files: loaded.configFiles,
		warnings: [...facts.warnings, ...skipped],
	};
}

const MAX_MIGRATIONS_READ = 500;

/** The texts of the project's migrations (the newest MAX_MIGRATIONS_READ), unreadable ones left out. */
async function readMigrations(root: string, migrationDir: string, names: string[]): Promise<string[]> {
	const texts: string[] = [];
	for (const name of names.slice(-MAX_MIGRATIONS_READ)) {
		const file = join(root, migrationDir, name);
		// Only regular files (readInsideRoot): a FIFO named like a migration would block the read forever.
		const {text} = await readInsideRoot(root, file, `${migrationDir}/${name}`);
		if (text !== undefined) texts.push(text);
	}

	return texts;
}

/**
 * The modules defined by the .ex files under a folder of the project (no symlinked folders
 * followed), and what could not be read: special files are reported, never opened for reading.
 */
export async function projectModules(root: string, base: string, folder: string): Promise<{modules: DefinedModule[]; skipped: string[]}> {
	const modules: DefinedModule[] = [];
	const skipped: string[] = [];
	let files = 0;
	const walk = async (relativeFolder: string): Promise<void> => {
		let entries;
		try {
			entries = await readdir(join(root, relativeFolder), {withFileTypes: true});
		} catch {
			return;
		}

		entries.sort((a, b) => a.name.localeCompare(b.name));
		for (const entry of entries) {
			if (files >= MAX_SOURCE_FILES) return;
			const file = `${relativeFolder}/${entry.name}`;
			if (entry.isDirectory()) await walk(file);
			else if (entry.name.endsWith('.ex') && !entry.isSymbolicLink()) {
				files++;
				const text = await readText(join(root, file), file).catch((error: unknown) => {
					if (error instanceof UnreadableFileError) skipped.push(error.message);
					return undefined;
				});
				if (text !== undefined) modules.push(...modulesOf(file, text, base));
			}
		}
	};

	const real = await realpath(join(root, folder)).catch(() => undefined);
	if (real && isInside(root, real)) await walk(folder);
	return {modules, skipped};
}
