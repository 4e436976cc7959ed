/** inspect_project: what the generators will assume about a project, as text and structured data. */
import type {CallToolResult} from '@modelcontextprotocol/sdk/types.js';
import {inspectProject, type ProjectInspection} from '../phoenix-project/read-project.js';
import type {InspectResult} from '../tool-results/inspect-result.js';
import type {InspectProjectArgs} from './inputs.js';

export function describeInspection(found: ProjectInspection): string {
	const list = (items: string[]) => (items.length > 0 ? items.join(', ') : 'none');
	const lines = [
		`Phoenix project ${found.app} (base module ${found.base_module}) at ${found.project_path}`,
		`Repo: ${found.repo}${found.ecto_repos.length > 0 ? ` (ecto_repos: ${found.ecto_repos.join(', ')})` : ''}`,
		`Generators: timestamp_type ${found.generators.timestamp_type ?? 'default (naive_datetime)'}, binary_id ${found.generators.binary_id}` +
			(found.generators.migration ? '' : ', migrations disabled'),
		`Migrations folder: ${found.migration_dir}`,
		`Scopes: ${found.scopes.length > 0 ? found.scopes.map(scope => `${scope.name}${scope.default ? ' (default)' : ''} ${scope.module}, key ${scope.schema_key}`).join('; ') : 'none'}`,
		`Contexts: ${list(found.contexts.map(context => context.module))}`,
		`Schemas: ${list(found.schemas.map(schema => (schema.table ? `${schema.module} ("${schema.table}")` : schema.module)))}`,
		`Migrations: ${list(found.migrations)}`,
	];
	if (found.warnings.length > 0) lines.push('Warnings:', ...found.warnings.map(warning => `  - ${warning}`));
	return lines.join('\n');
}

export async function inspectProjectTool(args: InspectProjectArgs, cwd: string): Promise<CallToolResult> {
	const found = await inspectProject(args.project_path, cwd);
	// What the project reader finds is what the result contract says (checked here, at compile time).
	const structured: InspectResult = found;
	return {content: [{type: 'text', text: describeInspection(found)}], structuredContent: {...structured}};
}
