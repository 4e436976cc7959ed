/** The elixir_ecto_gen_tool MCP server: inspect_project and generate_schema. */
import {McpServer} from '@modelcontextprotocol/sdk/server/mcp.js';
import {inspectOutput} from '../../tool-results/inspect-result.js';
import {generateOutput} from '../../tool-results/output.js';
import {generateSchema} from '../generate-schema.js';
import {generateSchemaInput, inspectProjectInput} from '../inputs.js';
import {inspectProjectTool} from '../inspect-project.js';
import {guarded} from '../tool-result.js';
import {withProjectPathLock} from '../write/project-lock.js';
import {cwdOf, packageVersion, type ToolServerOptions} from './server-info.js';

export function createEctoGenServer(options: ToolServerOptions = {}): McpServer {
	const server = new McpServer({name: 'elixir_ecto_gen_tool', version: packageVersion()});
	server.registerTool(
		'inspect_project',
		{
			title: 'Inspect a Phoenix project',
			description:
				'Reads a Phoenix/Mix project without changing it: app name and base module, the Repo, the :generators config (timestamp_type, binary_id), configured scopes (Phoenix 1.8), the migrations folder, and the existing contexts, schemas (module and table) and migrations. Call it first to learn names and avoid clashing with what exists.',
			inputSchema: inspectProjectInput,
			outputSchema: inspectOutput,
			annotations: {readOnlyHint: true},
		},
		async args => guarded(async () => inspectProjectTool(args, cwdOf(options))),
	);
	server.registerTool(
		'generate_schema',
		{
			title: 'Generate an Ecto schema',
			description:
				"Writes the Ecto schema module that `mix phx.gen.schema` writes (lib/<app>/<schema path>.ex with fields, timestamps and a changeset), following the project's generator config. It does not write the migration: call generate_migration with the same schema, plural and attrs for that. Refuses to replace a differing existing file unless overwrite is true; an identical file is left unchanged. Refuses a second schema module over a table another schema maps: regenerate that schema instead.",
			inputSchema: generateSchemaInput,
			outputSchema: generateOutput,
			annotations: {destructiveHint: false, idempotentHint: true},
		},
		async args => guarded(async () => withProjectPathLock(args.project_path, cwdOf(options), async () => generateSchema(args, cwdOf(options)))),
	);
	return server;
}
