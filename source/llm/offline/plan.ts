/**
 * The whole plan for the newest request: which tools to call, in order, with which arguments.
 * Rebuilt from the history on every turn (the planner keeps no state), so the same history
 * always gives the same plan.
 */
import {attrName, referencedTable} from './attr-grammar.js';
import {planAddFields, readAddFields} from './follow-up.js';
import {isTool, knownEntities, projectFacts, type ProjectFacts, type Progress} from './history.js';
import {parseDescription} from './parse-description.js';
import type {Parsed, PlannedEntity} from './types.js';

export interface PlannedCall {
	/** The tool's own name (`generate_schema`); matched to `server__generate_schema` too. */
	tool: string;
	args: Record<string, unknown>;
	/** The sentence said before the call. */
	say: string;
}

export interface Plan {
	/** One line saying what was made, for the summary. */
	headline: string;
	calls: PlannedCall[];
	/** Extra paragraphs for the summary (instructions, warnings). */
	notes: string[];
}

function inspectCall(projectPath: string): PlannedCall {
	return {tool: 'inspect_project', args: {project_path: projectPath}, say: `Offline planner (no language model): inspecting the Phoenix project at ${projectPath}.`};
}

/** The default scope adds its own key (user_id); a reference of that name would clash. */
function withoutScopeKey(entity: PlannedEntity, facts: ProjectFacts, notes: string[]): PlannedEntity {
	const key = facts.scopeKey;
	if (!key || !entity.attrs.some(attr => attrName(attr) === key && referencedTable(attr) !== undefined)) return entity;
	notes.push(`${entity.plural}: left out ${key}, the project's ${facts.scopeName} scope adds it.`);
	return {...entity, attrs: entity.attrs.filter(attr => attrName(attr) !== key)};
}

function entityCalls(entity: PlannedEntity, projectPath: string): PlannedCall[] {
	const {schema, plural, attrs, context, alias} = entity;
	return [
		{tool: 'generate_schema', args: {project_path: projectPath, schema, plural, attrs}, say: `Creating the ${schema} schema (${plural}).`},
		{tool: 'generate_migration', args: {project_path: projectPath, schema, plural, attrs}, say: `Writing the migration that creates ${plural}.`},
		{
			tool: 'generate_context',
			args: {project_path: projectPath, context, schema: alias, plural, attrs},
			say: `Adding ${alias} to the ${context} context.`,
		},
	];
}

function missingTableNotes(entities: PlannedEntity[], facts: ProjectFacts): string[] {
	if (!facts.tables) return [];
	const planned = new Set(entities.map(entity => entity.plural));
	return entities.flatMap(entity =>
		entity.attrs
			.map(attr => referencedTable(attr))
			.filter((table): table is string => table !== undefined && !planned.has(table) && !facts.tables!.has(table))
			.map(table => `${entity.plural} references ${table}, which the project does not have yet: create ${table} before running mix ecto.migrate.`),
	);
}

function createPlan(entities: PlannedEntity[], projectPath: string, facts: ProjectFacts): Plan {
	const notes: string[] = [];
	const adjusted = entities.map(entity => withoutScopeKey(entity, facts, notes));
	notes.push(...missingTableNotes(adjusted, facts));
	const empty = adjusted.filter(entity => entity.attrs.length === 0).map(entity => entity.plural);
	if (empty.length > 0) {
		notes.push(
			`${empty.join(', ')} ${empty.length > 1 ? 'have' : 'has'} no fields yet (only id and timestamps): add some with a follow-up like 'also give ${empty[0]} a title'.`,
		);
	}

	return {
		headline: `Generated ${adjusted.map(entity => `${entity.schema} (${entity.plural})`).join(', ')}.`,
		calls: [inspectCall(projectPath), ...adjusted.flatMap(entity => entityCalls(entity, projectPath))],
		notes,
	};
}

/** What the add-fields migration does, for the summary. */
function addedNote(migrationName: string, table: string, added: string[]): string {
	const names = added.map(attrName);
	const unique = added.filter(attr => attr.split(':').includes('unique')).map(attrName);
	const referencing = added.filter(attr => !attr.split(':').includes('unique') && referencedTable(attr) !== undefined).map(attrName);
	const parts = [
		...(unique.length > 0 ? [`${unique.length > 1 ? 'unique indexes' : 'a unique index'} on ${unique.join(', ')}`] : []),
		...(referencing.length > 0 ? [`${referencing.length > 1 ? 'indexes' : 'an index'} on ${referencing.join(', ')}`] : []),
	];
	const indexes = parts.length > 0 ? ` and ${parts.join(' and ')}` : '';
	return `The ${migrationName} migration adds the ${names.join(', ')} column${names.length > 1 ? 's' : ''} to ${table}${indexes}: run mix ecto.migrate to apply it.`;
}

/** The plan for the newest request, or a plain message when there is nothing the planner can do. */
export function buildPlan(progress: Progress, projectPath: string): Parsed<Plan> {
	const inspected = progress.calls[0] && isTool(progress.calls[0].name, 'inspect_project') ? progress.results[0] : undefined;
	const facts = projectFacts(inspected);

	const addRequest = readAddFields(progress.request);
	const add = addRequest ? planAddFields(addRequest, knownEntities(progress.earlier)) : undefined;
	if (add?.ok) {
		const {entity, attrs, added, migrationName} = add.value;
		return {
			ok: true,
			value: {
				headline: `Added ${added.map(attrName).join(', ')} to ${entity.schema} (${entity.plural}).`,
				calls: [
					inspectCall(projectPath),
					{
						tool: 'generate_schema',
						args: {project_path: projectPath, schema: entity.schema, plural: entity.plural, attrs, overwrite: true},
						say: `Regenerating the ${entity.schema} schema with ${added.map(attrName).join(', ')}.`,
					},
					{
						tool: 'generate_add_fields_migration',
						args: {project_path: projectPath, schema: entity.schema, plural: entity.plural, attrs: added},
						say: `Writing the ${migrationName} migration, which adds ${added.map(attrName).join(', ')} to ${entity.plural}.`,
					},
				],
				notes: [
					addedNote(migrationName, entity.plural, added),
					`The context, its tests and fixtures were not updated: add ${added.map(attrName).join(', ')} to them by hand (the test attrs and the fixture's defaults).`,
				],
			},
		};
	}

	// "add posts with a title" may still be a plain description; if not, the add-fields answer is the better one.
	const parsed = parseDescription(progress.request);
	if (parsed.ok) return {ok: true, value: createPlan(parsed.value, projectPath, facts)};
	return add ?? parsed;
}
