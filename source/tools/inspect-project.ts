/** inspect_project: what the generators will assume about a project, as text and structured data. */
import type {CallToolResult} from '@modelcontextprotocol/sdk/types.js';
import {z} from 'zod';
import type {InspectProjectArgs} from './inputs.js';
import {inspectProject, type ProjectInspection} from '../phoenix-project/read-project.js';

const fileEntry = z.object({module: z.string(), file: z.string()});

export const inspectOutput = z.object({
	project_path: z.string(),
	app: z.string(),
	base_module: z.string(),
	repo: z.string(),
	ecto_repos: z.array(z.string()),
	generators: z.object({
		timestamp_type: z.string().nullable(),
		binary_id: z.boolean(),
		migration: z.boolean(),
		migration_dir: z.string().nullable(),
	}),
	migration_dir: z.string(),
	scopes: z.array(
		z.object({
			name: z.string(),
			default: z.boolean(),
			module: z.string(),
			assign_key: z.string(),
			access_path: z.array(z.string()),
			schema_key: z.string(),
			schema_type: z.string(),
			schema_table: z.string(),
		}),
	),
	default_scope: z.string().nullable(),
	contexts: z.array(fileEntry),
	schemas: z.array(
		fileEntry.extend({
			table: z.string().optional(),
			fields: z.array(z.object({name: z.string(), type: z.string()})),
			references: z.array(z.object({field: z.string(), table: z.string().optional(), module: z.string().optional()})),
		}),
	),
	migrations: z.array(z.string()),
	config_files: z.array(z.string()),
	warnings: z.array(z.string()),
});

export function describeInspection(found: ProjectInspection): string {
	const list = (items: string[]) => (items.length > 0 ? items.join(', ') : 'none');
	const lines = [
		`Phoenix project ${found.app} (base module ${found.base_module}) at ${found.project_path}`,
		`Repo: ${found.repo}${found.ecto_repos.length > 0 ? ` (ecto_repos: ${found.ecto_repos.join(', ')})` : ''}`,
		`Generators: timestamp_type ${found.generators.timestamp_type ?? 'default (naive_datetime)'}, binary_id ${found.generators.binary_id}` +
			(found.generators.migration ? '' : ', migrations disabled'),
		`Migrations folder: ${found.migration_dir}`,
		`Scopes: ${found.scopes.length > 0 ? found.scopes.map((scope) => `${scope.name}${scope.default ? ' (default)' : ''} ${scope.module}, key ${scope.schema_key}`).join('; ') : 'none'}`,
		`Contexts: ${list(found.contexts.map((context) => context.module))}`,
		`Schemas: ${list(found.schemas.map((schema) => (schema.table ? `${schema.module} ("${schema.table}")` : schema.module)))}`,
		`Migrations: ${list(found.migrations)}`,
	];
	if (found.warnings.length > 0) lines.push('Warnings:', ...found.warnings.map((warning) => `  - ${warning}`));
	return lines.join('\n');
}

export async function inspectProjectTool(args: InspectProjectArgs, cwd: string): Promise<CallToolResult> {
	const found = await inspectProject(args.project_path, cwd);
	return {content: [{type: 'text', text: describeInspection(found)}], structuredContent: {...found}};
}
