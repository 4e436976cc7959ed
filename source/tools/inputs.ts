/**
 * The input schemas of the tools (zod, turned into JSON Schema by the MCP SDK). Descriptions are
 * written for a model that has never seen Phoenix's generators: each says what the value is, its
 * shape and an example.
 */
import {z} from 'zod';
import {ATTRIBUTE_SYNTAX, MAX_ATTRIBUTES} from '../grammar/attribute.js';

const MAX_TEXT = 500;

export const projectPath = z
	.string()
	.min(1)
	.max(4096)
	.describe('Path of the Phoenix project: the folder that holds mix.exs. Absolute, or relative to the tool server\'s working directory. Example: "/home/me/code/my_app".');

const schemaModule = z
	.string()
	.min(1)
	.max(MAX_TEXT)
	.describe('Schema module name relative to the application module, CamelCase segments separated by dots. Example: "Blog.Post" becomes MyApp.Blog.Post in lib/my_app/blog/post.ex.');

const plural = z.string().min(1).max(MAX_TEXT).describe('Plural of the schema in lowercase snake_case; also the table name unless `table` is given. Example: "posts", "blog_posts".');

export const attrs = z.array(z.string().min(1).max(MAX_TEXT)).max(MAX_ATTRIBUTES).describe(ATTRIBUTE_SYNTAX);

const table = z.string().min(1).max(MAX_TEXT).describe('Table name when it differs from the plural. Example: "blog_posts".');
const binaryId = z.boolean().describe("Use UUID (binary_id) primary and foreign keys. Default: the project's `:generators, binary_id:` setting.");
const primaryKey = z.string().min(1).max(MAX_TEXT).describe('Name of the primary key column when it is not "id". Example: "post_id".');
const prefix = z.string().min(1).max(MAX_TEXT).describe('Database schema prefix (PostgreSQL schema) for the table. Example: "cms".');
const repo = z.string().min(1).max(MAX_TEXT).describe('Repo module when it is not the project\'s own. Example: "MyApp.ReadRepo".');
const migrationDir = z
	.string()
	.min(1)
	.max(MAX_TEXT)
	.describe(
		'Folder for the migration, relative to the project root, normally under priv/. Default: priv/repo/migrations (or the repo\'s own folder). Folders inside lib/, test/, config/, deps/, _build/, assets/, priv/static/ or hidden folders are refused. Example: "priv/repo/migrations".',
	);
const scope = z
	.string()
	.min(1)
	.max(MAX_TEXT)
	.describe('Name of a scope configured in `config :my_app, :scopes` (Phoenix 1.8, e.g. "user") to tie records to. Default: the default scope, if one is configured.');
const noScope = z.boolean().describe("Do not apply the project's default scope.");
const overwrite = z
	.boolean()
	.describe('Replace existing files that differ from the generated ones (default false: such files are refused and nothing is written). Identical files are always left unchanged.');
const dryRun = z.boolean().describe('Only report what would be written (action "planned"); write nothing.');
const migrationStamp = z
	.string()
	.regex(/^\d{14}$/)
	.describe(
		'Normally left out. The UTC stamp (YYYYMMDDHHMMSS) for the file name of a new migration, as a dry run reported it in apply_args.migration_stamp, so the real call writes the file that was previewed. Kept only while it sorts after every existing migration; otherwise a fresh stamp is taken and the result says so.',
	);

const uniqueIndexes = z
	.array(z.array(z.string().min(1).max(MAX_TEXT)).min(2).max(16))
	.max(20)
	.describe('Unique indexes over two or more columns, one list of attribute names each (beyond Phoenix): a join table\'s pair. Example: [["post_id", "tag_id"]].');

const schemaFields = {
	project_path: projectPath,
	schema: schemaModule,
	plural,
	attrs: attrs.default([]),
	table: table.optional(),
	binary_id: binaryId.optional(),
	primary_key: primaryKey.optional(),
	prefix: prefix.optional(),
	scope: scope.optional(),
	no_scope: noScope.optional(),
	unique_indexes: uniqueIndexes.optional(),
	overwrite: overwrite.optional(),
	dry_run: dryRun.optional(),
};

export const inspectProjectInput = z.object({project_path: projectPath}).strict();

export const generateSchemaInput = z.object(schemaFields).strict();

export const generateMigrationInput = z.object({...schemaFields, repo: repo.optional(), migration_dir: migrationDir.optional(), migration_stamp: migrationStamp.optional()}).strict();

export const generateEmptyMigrationInput = z
	.object({
		project_path: projectPath,
		name: z
			.string()
			.min(1)
			.max(MAX_TEXT)
			.describe('Migration name, snake_case or CamelCase, as for `mix ecto.gen.migration`. Example: "add_published_at_to_posts". Refused when a migration with that name exists.'),
		repo: repo.optional(),
		migration_dir: migrationDir.optional(),
		migration_stamp: migrationStamp.optional(),
		dry_run: dryRun.optional(),
	})
	.strict();

export const generateAddFieldsMigrationInput = z
	.object({
		project_path: projectPath,
		schema: schemaModule,
		plural,
		attrs: attrs
			.min(1)
			.describe(
				'Only the NEW fields to add to the existing table (not the ones it already has), in the same grammar as generate_schema\'s attrs. Example: ["slug:string:unique", "views:integer", "editor_id:references:users"].',
			),
		table: table.optional(),
		binary_id: binaryId.optional(),
		prefix: prefix.optional(),
		repo: repo.optional(),
		migration_dir: migrationDir.optional(),
		name: z
			.string()
			.min(1)
			.max(MAX_TEXT)
			.describe('Migration name, snake_case or CamelCase. Default: add_<fields joined by _and_>_to_<table> (add_fields_to_<table> for more than three fields). Example: "add_slug_to_posts".')
			.optional(),
		overwrite: z.boolean().describe('Replace an existing migration of the same name (its file name is kept). Default false: a migration with that name is refused.').optional(),
		migration_stamp: migrationStamp.optional(),
		dry_run: dryRun.optional(),
	})
	.strict();

export const generateContextInput = z
	.object({
		...schemaFields,
		context: z.string().min(1).max(MAX_TEXT).describe('Context module relative to the application module. Example: "Blog" gives MyApp.Blog in lib/my_app/blog.ex.'),
		schema: z.string().min(1).max(MAX_TEXT).describe('Schema module relative to the context. Example: "Post" with context "Blog" gives MyApp.Blog.Post.'),
		repo: repo.optional(),
		no_schema: z
			.boolean()
			.optional()
			.describe(
				'Do not write the schema and migration (they exist already); only the context, its tests and fixtures. When the schema module exists, the access functions use it; otherwise they raise "TODO" as with mix phx.gen.context --no-schema.',
			),
		previous_attrs: attrs
			.optional()
			.describe(
				'After fields were added to the schema (generate_add_fields_migration): the attrs the context, its tests and fixtures were generated with. Their code for this schema is replaced with code for attrs (all fields), so the fixtures and test attrs hold the new fields; code edited since is refused.',
			),
		migration_stamp: migrationStamp.optional(),
	})
	.strict();

export type InspectProjectArgs = z.infer<typeof inspectProjectInput>;
export type GenerateSchemaArgs = z.infer<typeof generateSchemaInput>;
export type GenerateMigrationArgs = z.infer<typeof generateMigrationInput>;
export type GenerateEmptyMigrationArgs = z.infer<typeof generateEmptyMigrationInput>;
export type GenerateAddFieldsMigrationArgs = z.infer<typeof generateAddFieldsMigrationInput>;
export type GenerateContextArgs = z.infer<typeof generateContextInput>;
