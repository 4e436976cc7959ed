/** The elixir_migration_gen_tool MCP server: generate_migration, generate_add_fields_migration and generate_empty_migration. */
import {McpServer} from '@modelcontextprotocol/sdk/server/mcp.js';
import {generateOutput} from '../../tool-results/output.js';
import {generateAddFieldsMigration} from '../generate-alter-migration.js';
import {generateEmptyMigration, generateMigration} from '../generate-migration.js';
import {generateAddFieldsMigrationInput, generateEmptyMigrationInput, generateMigrationInput} from '../inputs.js';
import {guarded} from '../tool-result.js';
import {withJournalOf} from '../write/journal.js';
import {withProjectPathLock} from '../write/project-lock.js';
import {cwdOf, packageVersion, type ToolServerOptions} from './server-info.js';

export function createMigrationGenServer(options: ToolServerOptions = {}): McpServer {
	const server = new McpServer({name: 'elixir_migration_gen_tool', version: packageVersion()});
	server.registerTool(
		'generate_migration',
		{
			title: 'Generate a create-table migration',
			description:
				'Writes the Ecto migration that creates the table of a schema, as `mix phx.gen.schema` does (priv/repo/migrations/<UTC stamp>_create_<table>.exs, with columns, references, timestamps and indexes). Give the same schema, plural and attrs as for generate_schema. A create_<table> migration that already exists is not duplicated: identical → unchanged, different → refused unless overwrite (which replaces it under its existing name).',
			inputSchema: generateMigrationInput,
			outputSchema: generateOutput,
			annotations: {destructiveHint: false},
		},
		async (args, extra) => withJournalOf(extra._meta, async () => guarded(async () => withProjectPathLock(args.project_path, cwdOf(options), async () => generateMigration(args, cwdOf(options))))),
	);
	server.registerTool(
		'generate_add_fields_migration',
		{
			title: 'Generate a migration adding fields to an existing table',
			description:
				'Use after adding fields to an existing schema (regenerate the schema with generate_schema, ALL fields and overwrite: true, then call this). attrs are only the NEW fields. Writes priv/repo/migrations/<UTC stamp>_add_<fields>_to_<table>.exs: `alter table(:<table>) do add ... end` with the same column types as generate_migration, then unique and reference indexes. Refused (nothing written) when no migration creates the table (a schema file alone is not enough: call generate_migration to create the table), when a field is already a column of the table in its migrations, or when a migration with that name exists (unless overwrite).',
			inputSchema: generateAddFieldsMigrationInput,
			outputSchema: generateOutput,
			annotations: {destructiveHint: false},
		},
		async (args, extra) =>
			withJournalOf(extra._meta, async () => guarded(async () => withProjectPathLock(args.project_path, cwdOf(options), async () => generateAddFieldsMigration(args, cwdOf(options))))),
	);
	server.registerTool(
		'generate_empty_migration',
		{
			title: 'Generate an empty migration',
			description:
				'Writes what `mix ecto.gen.migration NAME` writes: <UTC stamp>_<name>.exs with an empty change/0, to alter tables, add indexes and the like. Refused when a migration with that name already exists.',
			inputSchema: generateEmptyMigrationInput,
			outputSchema: generateOutput,
			annotations: {destructiveHint: false},
		},
		async (args, extra) =>
			withJournalOf(extra._meta, async () => guarded(async () => withProjectPathLock(args.project_path, cwdOf(options), async () => generateEmptyMigration(args, cwdOf(options))))),
	);
	return server;
}
