/**
 * Renders a workflow's initial prompt template. Placeholders: {{schema_description}},
 * {{project_path}}, {{app_module}}, {{attribute_grammar}} (the one grammar's syntax and types, so a
 * model is told exactly what the tools accept); single-brace {name} forms too, as older templates wrote them.
 */

import {PLACEHOLDERS, type Placeholder} from '../config/template-placeholders.js';
import {ATTRIBUTE_SYNTAX} from '../grammar/attribute.js';
import {loadProject} from '../phoenix-project/read-project.js';

export interface PromptValues {
	schemaDescription: string;
	projectPath: string;
	/** The project's base module, e.g. MyApp; undefined when it cannot be read. */
	appModule?: string;
}

// One pass over the template, so a value that itself contains braces is never expanded again.
const PLACEHOLDER_PATTERN = new RegExp(`\\{\\{\\s*(${PLACEHOLDERS.join('|')})\\s*\\}\\}|\\{(${PLACEHOLDERS.join('|')})\\}`, 'g');

export function renderPrompt(template: string, values: PromptValues): string {
	const lookup: Record<Placeholder, string> = {
		schema_description: values.schemaDescription,
		project_path: values.projectPath,
		app_module: values.appModule ?? '(unknown: read it with inspect_project)',
		attribute_grammar: ATTRIBUTE_SYNTAX,
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

/**
 * The project's base module as the tool servers read it (`config :my_app, namespace: X`, else
 * camelize of mix.exs's `app:`). Undefined when the folder is not a readable Mix project.
 */
export async function readAppModule(projectPath: string): Promise<string | undefined> {
	try {
		return (await loadProject(projectPath)).info.base;
	} catch {
		return undefined;
	}
}
