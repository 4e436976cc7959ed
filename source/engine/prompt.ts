/**
 * Renders a workflow's initial prompt template. Placeholders: {{schema_description}},
 * {{project_path}}, {{app_module}} (single-brace {name} forms too, as older templates wrote them).
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';

export interface PromptValues {
	schemaDescription: string;
	projectPath: string;
	/** The project's base module, e.g. MyApp; undefined when it cannot be read. */
	appModule?: string;
}

const PLACEHOLDERS = ['schema_description', 'project_path', 'app_module'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

// One pass over the template, so a value that itself contains braces is never expanded again.
const PLACEHOLDER_PATTERN = new RegExp(
	`\\{\\{\\s*(${PLACEHOLDERS.join('|')})\\s*\\}\\}|\\{(${PLACEHOLDERS.join('|')})\\}`,
	'g',
);

export function renderPrompt(template: string, values: PromptValues): string {
	const lookup: Record<Placeholder, string> = {
		schema_description: values.schemaDescription,
		project_path: values.projectPath,
		app_module: values.appModule ?? '(unknown: read it with inspect_project)',
	};
	let sawDescription = false;
	const rendered = template.replace(PLACEHOLDER_PATTERN, (_match, double?: string, single?: string) => {
		const name = (double ?? single) as Placeholder;
		if (name === 'schema_description') sawDescription = true;
		return lookup[name];
	});
	// A template that forgot the description must still carry the user's request to the model.
	return sawDescription ? rendered : `${rendered.trimEnd()}\n\n${values.schemaDescription}`;
}

/** Elixir's Macro.camelize for an app name: my_app -> MyApp. */
export function camelizeApp(app: string): string {
	return app
		.split('_')
		.filter(part => part.length > 0)
		.map(part => part[0]!.toUpperCase() + part.slice(1))
		.join('');
}

/**
 * The project's base module: `config :my_app, namespace: X` when set, else camelize(app) from
 * mix.exs (`app: :my_app`). Undefined when the folder has no readable mix.exs.
 */
export function readAppModule(projectPath: string): string | undefined {
	const mixFile = path.join(projectPath, 'mix.exs');
	if (!existsSync(mixFile)) return undefined;
	let mix: string;
	try {
		mix = readFileSync(mixFile, 'utf8');
	} catch {
		return undefined;
	}

	const app = /\bapp:\s*:([a-z_][a-zA-Z0-9_]*)/.exec(mix)?.[1];
	if (!app) return undefined;
	const configFile = path.join(projectPath, 'config', 'config.exs');
	if (existsSync(configFile)) {
		try {
			const config = readFileSync(configFile, 'utf8');
			// Within this app's own `config :my_app, ...` statement, which may span lines.
			const namespace = new RegExp(`config\\s+:${app}\\s*,(?:(?!\\nconfig\\s)[\\s\\S])*?\\bnamespace:\\s*([A-Z][\\w.]*)`).exec(config)?.[1];
			if (namespace) return namespace;
		} catch {
			// Unreadable config: the mix.exs app name is still a good answer.
		}
	}

	return camelizeApp(app);
}
