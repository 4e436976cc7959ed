/**
 * The placeholders of a workflow's prompt template ({{schema_description}}, {{project_path}},
 * {{app_module}}, {{attribute_grammar}}; single-brace {name} forms too, as older templates wrote
 * them): the one list, read by the store's checks and by the engine's rendering.
 */
export const PLACEHOLDERS = ['schema_description', 'project_path', 'app_module', 'attribute_grammar'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/**
 * The `{{name}}` placeholders a template uses, split into the known ones and the rest (a typo such as
 * `{{project_dir}}` would otherwise reach the model as it is). Single-brace forms are only read when
 * known: templates may hold Elixir maps such as `%{title: ...}`.
 */
export function templatePlaceholders(template: string): {known: Placeholder[]; unknown: string[]} {
	const known = new Set<Placeholder>();
	const unknown = new Set<string>();
	for (const [, name] of template.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)) {
		if ((PLACEHOLDERS as readonly string[]).includes(name!)) known.add(name as Placeholder);
		else unknown.add(name!);
	}

	for (const [, name] of template.matchAll(new RegExp(`(?<!\\{)\\{(${PLACEHOLDERS.join('|')})\\}(?!\\})`, 'g'))) known.add(name as Placeholder);
	return {known: PLACEHOLDERS.filter(name => known.has(name)), unknown: [...unknown]};
}
