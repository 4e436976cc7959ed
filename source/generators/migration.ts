/**
 * Migration files: Phoenix 1.8's priv/templates/phx.gen.schema/migration.exs for a schema, and
 * ecto_sql's `mix ecto.gen.migration` template for an empty one.
 */
import type {Attr} from './attributes.js';
import {GeneratorError} from './errors.js';
import {camelize, inspectAtom, underscore} from './naming.js';
import type {ProjectInfo} from './project-info.js';
import {defaultLiteral, plainAttrs, referenceAttrs, timestampsCall} from './schema.js';
import {assertModuleName, assertProject, type GeneratedFile, resolveMigrationDir, type SchemaSpec} from './schema-spec.js';

const STAMP = /^\d{14}$/;

/** The type of a migration column (enum is :string, text and uuid keep their names). */
function columnType(attr: Attr): string {
	if (attr.type === 'enum') return ':string';
	if (attr.type === 'array') return `{:array, :${attr.inner!}}`;
	return ':' + attr.type;
}

export function migrationModuleName(spec: SchemaSpec): string {
	return `${spec.repo}.Migrations.Create${camelize(spec.table)}`;
}

/**
 * Unique indexes (reverse input order) then reference indexes (input order); one per column.
 * `options` is appended inside each call (", prefix: :cms" for an alter migration).
 */
function indexLines(spec: SchemaSpec, options = ''): string[] {
	const keys: Array<{name: string; unique: boolean}> = [
		...spec.attrs
			.filter(attr => attr.unique)
			.map(attr => ({name: attr.name, unique: true}))
			.reverse(),
		...referenceAttrs(spec).map(attr => ({name: attr.name, unique: false})),
	];
	const seen = new Set<string>();
	const lines: string[] = [];
	for (const key of keys) {
		if (seen.has(key.name)) continue;
		seen.add(key.name);
		lines.push(`create ${key.unique ? 'unique_index' : 'index'}(:${spec.table}, [:${key.name}]${options})`);
	}
	for (const columns of spec.uniqueIndexes) lines.push(`create unique_index(:${spec.table}, [${columns.map(column => `:${column}`).join(', ')}]${options})`);
	return lines;
}

function tableOptions(spec: SchemaSpec): string {
	let out = '';
	if (spec.binaryId || spec.primaryKey !== undefined) out += ', primary_key: false';
	if (spec.prefix !== undefined) out += `, prefix: :${spec.prefix}`;
	return out;
}

/** The `add` lines of the spec's own attributes: plain columns, then references. */
function attrColumnLines(spec: SchemaSpec): string[] {
	const lines: string[] = [];
	for (const attr of plainAttrs(spec)) {
		const literal = defaultLiteral(attr, 'migration');
		const defaults = literal === undefined ? '' : `, default: ${literal}${attr.type === 'boolean' ? ', null: false' : ''}`;
		lines.push(`      add ${inspectAtom(attr.name)}, ${columnType(attr)}${defaults}`);
	}
	for (const attr of referenceAttrs(spec)) {
		const type = spec.binaryId ? ', type: :binary_id' : '';
		lines.push(`      add ${inspectAtom(attr.name)}, references(:${attr.table!}, on_delete: :nothing${type})`);
	}
	return lines;
}

function columnLines(spec: SchemaSpec): string[] {
	const lines: string[] = [];
	if (spec.binaryId) lines.push(`      add :${spec.primaryKey ?? 'id'}, :binary_id, primary_key: true`);
	else if (spec.primaryKey !== undefined) lines.push(`      add :${spec.primaryKey}, :id, primary_key: true`);
	lines.push(...attrColumnLines(spec));
	const scope = spec.scope;
	if (scope) {
		// Phoenix's scope struct defaults schema_migration_type to schema_type, so `type:` is always written.
		lines.push(
			scope.schemaTable !== ''
				? `      add :${scope.schemaKey}, references(:${scope.schemaTable}, type: :${scope.schemaType}, on_delete: :delete_all)`
				: `      add :${scope.schemaKey}, :${scope.schemaType}`,
		);
	}
	return lines;
}

export function renderMigration(spec: SchemaSpec, stamp: string): GeneratedFile {
	assertStamp(stamp);
	const columns = columnLines(spec);
	const scopeIndex = spec.scope ? `\n\n    create index(:${spec.table}, [:${spec.scope.schemaKey}])` : '';
	const indexes = indexLines(spec);
	const indexBlock = indexes.length > 0 ? indexes.map(line => `\n    ${line}`).join('') + '\n' : '';
	const content =
		`defmodule ${migrationModuleName(spec)} do\n` +
		'  use Ecto.Migration\n' +
		'\n' +
		'  def change do\n' +
		`    create table(:${spec.table}${tableOptions(spec)}) do\n` +
		// Phoenix's template writes the blank line before timestamps even without columns; mix format
		// removes a blank line that opens a block, so it goes with them.
		(columns.length > 0 ? columns.map(line => `${line}\n`).join('') + '\n' : '') +
		`      ${timestampsCall(spec)}\n` +
		'    end' +
		scopeIndex +
		'\n' +
		indexBlock +
		'  end\n' +
		'end\n';
	return {path: `${spec.migrationDir}/${stamp}_create_${spec.table}.exs`, content};
}

const MIGRATION_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const MAX_MIGRATION_NAME = 100;
/** Beyond this many fields the default name says `add_fields_to_<table>`. */
const MAX_NAMED_FIELDS = 3;

function assertMigrationName(name: unknown): asserts name is string {
	if (typeof name !== 'string' || !MIGRATION_NAME.test(name) || name.length > MAX_MIGRATION_NAME) {
		throw new GeneratorError(
			`Migration name ${JSON.stringify(name)} is not valid: use snake_case or CamelCase starting with a letter (letters, digits, underscores; at most ${MAX_MIGRATION_NAME} characters), e.g. "add_posts_table" or "AddPostsTable".`,
		);
	}
}

/**
 * `add_slug_to_posts`, `add_slug_and_views_to_posts`; `add_fields_to_posts` for more than three
 * fields, or when the names would make it longer than a migration name may be.
 */
export function addFieldsMigrationName(table: string, fields: string[]): string {
	const named = `add_${fields.join('_and_')}_to_${table}`;
	if (fields.length > 0 && fields.length <= MAX_NAMED_FIELDS && named.length <= MAX_MIGRATION_NAME && MIGRATION_NAME.test(named)) return named;
	return `add_fields_to_${table}`;
}

/**
 * The migration that adds the spec's attributes (only the new ones) to its existing table: an
 * `alter table` with the same column lines as the create migration, then its indexes. Indexes
 * carry the table's prefix, so they are created beside the table and not in the default schema.
 */
export function renderAlterMigration(spec: SchemaSpec, options: {name?: string}, stamp: string): GeneratedFile {
	assertStamp(stamp);
	if (!spec || !Array.isArray(spec.attrs) || spec.attrs.length === 0) {
		throw new GeneratorError('An add-fields migration needs at least one new attribute: give only the fields to add, e.g. ["slug:string:unique"].');
	}
	const name =
		options?.name ??
		addFieldsMigrationName(
			spec.table,
			spec.attrs.map(attr => attr.name),
		);
	assertMigrationName(name);
	const prefix = spec.prefix !== undefined ? `, prefix: :${spec.prefix}` : '';
	const indexes = indexLines(spec, prefix);
	const content =
		`defmodule ${spec.repo}.Migrations.${camelize(name)} do\n` +
		'  use Ecto.Migration\n' +
		'\n' +
		'  def change do\n' +
		`    alter table(:${spec.table}${prefix}) do\n` +
		attrColumnLines(spec)
			.map(line => `${line}\n`)
			.join('') +
		'    end\n' +
		(indexes.length > 0 ? '\n' + indexes.map(line => `    ${line}\n`).join('') : '') +
		'  end\n' +
		'end\n';
	return {path: `${spec.migrationDir}/${stamp}_${underscore(name)}.exs`, content};
}

/** `mix ecto.gen.migration add_posts_table`: the file with an empty change/0. */
export function renderEmptyMigration(project: ProjectInfo, options: {name: string; repo?: string; migrationDir?: string}, stamp: string): GeneratedFile {
	assertProject(project);
	assertStamp(stamp);
	const name = options?.name;
	assertMigrationName(name);
	const repo = options.repo ?? project.repo;
	assertModuleName(repo, 'Repo', 'MyApp.Repo');
	const dir = resolveMigrationDir(project, repo, options.migrationDir);
	// ecto_sql names the file with underscore(name) and the module with camelize(name).
	// ecto_sql's template has a blank line in the empty body; mix format removes it, and so do we.
	const content = `defmodule ${repo}.Migrations.${camelize(name)} do\n` + '  use Ecto.Migration\n' + '\n' + '  def change do\n' + '  end\n' + 'end\n';
	return {path: `${dir}/${stamp}_${underscore(name)}.exs`, content};
}

function assertStamp(stamp: string): void {
	if (typeof stamp !== 'string' || !STAMP.test(stamp)) {
		throw new GeneratorError(`Migration stamp ${JSON.stringify(stamp)} is not valid: expected 14 digits, YYYYMMDDHHMMSS in UTC.`);
	}
}

function formatStamp(date: Date): string {
	const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
	return pad(date.getUTCFullYear(), 4) + pad(date.getUTCMonth() + 1) + pad(date.getUTCDate()) + pad(date.getUTCHours()) + pad(date.getUTCMinutes()) + pad(date.getUTCSeconds());
}

function parseStamp(stamp: string): Date {
	const n = (from: number, to: number): number => Number(stamp.slice(from, to));
	return new Date(Date.UTC(n(0, 4), n(4, 6) - 1, n(6, 8), n(8, 10), n(10, 12), n(12, 14)));
}

/**
 * The UTC stamp for `now`, moved one second past the newest taken stamp when needed, so that
 * migrations written in the same second stay distinct and ordered (Phoenix repeats the stamp).
 * Entries of `taken` that are not 14-digit stamps are ignored.
 */
export function migrationStamp(now: Date, taken: string[]): string {
	if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new GeneratorError('migrationStamp needs a valid Date for now.');
	const candidate = formatStamp(now);
	const newest = taken
		.filter(stamp => STAMP.test(stamp))
		.sort()
		.pop();
	if (newest === undefined || candidate > newest) return candidate;
	// Calendar arithmetic, so 20240101235959 is followed by 20240102000000, not ...235960.
	const next = new Date(parseStamp(newest).getTime() + 1000);
	const stamp = formatStamp(next);
	// A taken stamp that is not a real date (month 13) still must be exceeded.
	return stamp > newest ? stamp : String(BigInt(newest) + 1n);
}
