/**
 * The result of inspect_project, as a zod schema: the tool's declared outputSchema and the one
 * parser of its structuredContent (the UI's schema pane reads it through this too).
 */
import {z} from 'zod';

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

export type InspectResult = z.infer<typeof inspectOutput>;
