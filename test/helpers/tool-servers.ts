/** MCP server entries for the tests, run from this package's TypeScript sources (no build needed). */
import path from 'node:path';
import type {McpServerConfig} from '../../source/config/types.js';
import {packageRoot} from '../../source/package-root.js';
import {tsxLoader} from './tsx-loader.js';

/** A server entry running a TypeScript file of this package through tsx. */
export function tsServer(name: string, file: string): McpServerConfig {
	return {
		name,
		command: process.execPath,
		args: ['--import', tsxLoader, path.join(packageRoot(), file)],
		env: {},
		description: `test server ${name}`,
	};
}

/** Our three real tool servers. */
export function realToolServers(): McpServerConfig[] {
	return [
		tsServer('elixir_ecto_gen_tool', 'source/tools/bin/elixir-ecto-gen-tool.ts'),
		tsServer('elixir_migration_gen_tool', 'source/tools/bin/elixir-migration-gen-tool.ts'),
		tsServer('phoenix_context_gen_tool', 'source/tools/bin/phoenix-context-gen-tool.ts'),
	];
}
