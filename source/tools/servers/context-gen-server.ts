/** The phoenix_context_gen_tool MCP server: generate_context. */
import {McpServer} from '@modelcontextprotocol/sdk/server/mcp.js';
import {generateOutput} from '../../tool-results/output.js';
import {generateContext} from '../generate-context.js';
import {generateContextInput} from '../inputs.js';
import {guarded} from '../tool-result.js';
import {withProjectPathLock} from '../write/project-lock.js';
import {cwdOf, packageVersion, type ToolServerOptions} from './server-info.js';

export function createContextGenServer(options: ToolServerOptions = {}): McpServer {
	const server = new McpServer({name: 'phoenix_context_gen_tool', version: packageVersion()});
	server.registerTool(
		'generate_context',
		{
			title: 'Generate a Phoenix context',
			description:
				'Writes what `mix phx.gen.context` writes: the context module (lib/<app>/<context>.ex) with list/get!/create/update/delete/change functions for the schema, its tests (test/<app>/<context>_test.exs) and fixtures (test/support/fixtures/<context>_fixtures.ex). When the context, test or fixtures file exists, the new code is injected before its final `end`; calling it twice changes nothing. It also writes the schema and the create-table migration when they are missing (identical existing ones are left unchanged and a create_<table> migration is never duplicated); no_schema skips both (with an existing schema, the functions use it). After generate_add_fields_migration, call it again with all attrs, no_schema and previous_attrs (the attrs it was generated with) to update the fixtures and tests for the new fields. A schema module is never written over a table another schema maps. Scoped access functions are generated when the project configures a default scope (Phoenix 1.8) unless no_scope.',
			inputSchema: generateContextInput,
			outputSchema: generateOutput,
			annotations: {destructiveHint: false, idempotentHint: true},
		},
		async args => guarded(async () => withProjectPathLock(args.project_path, cwdOf(options), async () => generateContext(args, cwdOf(options)))),
	);
	return server;
}
