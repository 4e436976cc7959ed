/**
 * The whole plan for the newest request: the table stated before any tool runs, and which tools
 * to call, in order, with which arguments. Rebuilt from the history on every turn (the planner
 * keeps no state), so the same history always gives the same plan.
 */
import {addFieldsMigrationName} from '../generators/migration.js';
import {attrName, isUnique, referencedTable} from './attrs.js';
import {planAddFields, readAddFields} from './follow-up.js';
import {planTable} from './plan-table.js';
import {isTool, knownEntities, type Progress, type ProjectFacts, projectFacts} from './progress.js';
import {type DescribeOptions, describe} from './resolve.js';
import type {Described, Parsed, PlannedEntity} from './types.js';

export interface PlannedCall {
	/** The tool's own name (`generate_schema`); matched to `server__generate_schema` too. */
	tool: string;
	args: Record<string, unknown>;
	/** The sentence said before the call. */
	say: string;
}

export interface Plan {
	/** What the planner understood, said in its first turn before any tool runs. */
	statement: string;
	/** What the inspection changed (existing tables used), said with the generating calls. */
	resolution: string[];
	/** One line saying what was made, for the summary. */
	headline: string;
	calls: PlannedCall[];
	/** Extra paragraphs for the summary (instructions, warnings). */
	notes: string[];
}

function inspectCall(projectPath: string): PlannedCall {
	return {tool: 'inspect_project', args: {project_path: projectPath}, say: `Inspecting the Phoenix project at ${projectPath}.`};
}

/** The default scope adds its own key (user_id); a reference of that name would clash. */
function withoutScopeKey(entity: PlannedEntity, facts: ProjectFacts, notes: string[]): PlannedEntity {
	const key = facts.scopeKey;
	if (!key || !entity.attrs.some(attr => attrName(attr) === key && referencedTable(attr) !== undefined)) return entity;
	notes.push(`${entity.plural}: left out ${key}, the project's ${facts.scopeName} scope adds it.`);
	return {...entity, attrs: entity.attrs.filter(attr => attrName(attr) !== key), uniquePairs: entity.uniquePairs.filter(pair => !pair.includes(key))};
}

function entityCalls(entity: PlannedEntity, projectPath: string, binaryId: boolean): PlannedCall[] {
	const {schema, plural, attrs, context, alias, uniquePairs} = entity;
	const extra = {...(binaryId ? {binary_id: true} : {}), ...(uniquePairs.length > 0 ? {unique_indexes: uniquePairs} : {})};
	return [
		{tool: 'generate_schema', args: {project_path: projectPath, schema, plural, attrs, ...extra}, say: `Creating the ${schema} schema (${plural}).`},
		{tool: 'generate_migration', args: {project_path: projectPath, schema, plural, attrs, ...extra}, say: `Writing the migration that creates ${plural}.`},
		{
			tool: 'generate_context',
			args: {project_path: projectPath, context, schema: alias, plural, attrs, ...extra},
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

function createPlan(described: Described, projectPath: string, facts: ProjectFacts, inspected: boolean): Plan {
	const notes: string[] = [];
	const resolution: string[] = [];
	// Minimal entities the project already has are not generated: its table is used.
	const kept = described.entities.filter(entity => {
		if (entity.minimal && facts.tables?.has(entity.plural)) {
			resolution.push(`${entity.plural} is not described: using the project's ${entity.plural} table.`);
			return false;
		}

		return true;
	});
	for (const table of described.undescribed) resolution.push(`${table} is not described: using the project's ${table} table.`);
	const adjusted = kept.map(entity => withoutScopeKey(entity, facts, notes));
	notes.push(...missingTableNotes(adjusted, facts));
	const empty = adjusted.filter(entity => entity.attrs.length === 0).map(entity => entity.plural);
	if (empty.length > 0) {
		notes.push(`${empty.join(', ')} ${empty.length > 1 ? 'have' : 'has'} no fields yet (only id and timestamps): add some with a follow-up like 'also give ${empty[0]} a title'.`);
	}

	return {
		statement: planTable(described.entities, {binaryId: described.binaryId, ignored: described.ignored, undescribed: described.undescribed, inspected, assumed: described.assumed}),
		resolution,
		headline: `Generated ${adjusted.map(entity => `${entity.schema} (${entity.plural})`).join(', ')}.`,
		calls: [inspectCall(projectPath), ...adjusted.flatMap(entity => entityCalls(entity, projectPath, described.binaryId))],
		notes,
	};
}

/** What the add-fields migration does, for the summary. */
function addedNote(migrationName: string, table: string, added: string[]): string {
	const names = added.map(attrName);
	const unique = added.filter(attr => isUnique(attr)).map(attrName);
	const referencing = added.filter(attr => !isUnique(attr) && referencedTable(attr) !== undefined).map(attrName);
	const parts = [
		...(unique.length > 0 ? [`${unique.length > 1 ? 'unique indexes' : 'a unique index'} on ${unique.join(', ')}`] : []),
		...(referencing.length > 0 ? [`${referencing.length > 1 ? 'indexes' : 'an index'} on ${referencing.join(', ')}`] : []),
	];
	const indexes = parts.length > 0 ? ` and ${parts.join(' and ')}` : '';
	return `The ${migrationName} migration adds the ${names.join(', ')} column${names.length > 1 ? 's' : ''} to ${table}${indexes}: run mix ecto.migrate to apply it.`;
}

function addFieldsPlan(_progress: Progress, projectPath: string, facts: ProjectFacts, value: Extract<ReturnType<typeof planAddFields>, {ok: true}>['value'], inspected: boolean): Plan {
	const {entity, attrs, added, assumptions} = value;
	const names = added.map(attrName).join(', ');
	const statement = [
		`Offline planner (no language model). Plan: add ${added.join(', ')} to ${entity.schema} (${entity.plural}).`,
		...(assumptions.length > 0 ? [`Assumptions: ${assumptions.join('; ')}.`] : []),
		...(inspected ? [] : ['First I inspect the project: when no migration creates the table yet, I write the create migration instead of an alter-table one.']),
	].join('\n');
	const schemaCall: PlannedCall = {
		tool: 'generate_schema',
		args: {project_path: projectPath, schema: entity.schema, plural: entity.plural, attrs, overwrite: true},
		say: `Regenerating the ${entity.schema} schema with ${names}.`,
	};
	// A table exists for a migration only when a migration creates it (not because a schema file does).
	if (inspected && facts.created && !facts.created.has(entity.plural)) {
		return {
			statement,
			resolution: [`No migration creates ${entity.plural} yet, so the migration creates the table with all its fields.`],
			headline: `Added ${names} to ${entity.schema} (${entity.plural}); no migration created ${entity.plural} yet, so it is created with all its fields.`,
			calls: [
				inspectCall(projectPath),
				schemaCall,
				{
					tool: 'generate_migration',
					args: {project_path: projectPath, schema: entity.schema, plural: entity.plural, attrs},
					say: `Writing the migration that creates ${entity.plural} with all its fields.`,
				},
			],
			notes: [`The context, its tests and fixtures were not updated: add ${names} to them by hand (the test attrs and the fixture's defaults), or generate the context again.`],
		};
	}

	const migrationName = addFieldsMigrationName(entity.plural, added.map(attrName));
	return {
		statement,
		resolution: [],
		headline: `Added ${names} to ${entity.schema} (${entity.plural}).`,
		calls: [
			inspectCall(projectPath),
			schemaCall,
			{
				tool: 'generate_add_fields_migration',
				args: {project_path: projectPath, schema: entity.schema, plural: entity.plural, attrs: added},
				say: `Writing the ${migrationName} migration, which adds ${names} to ${entity.plural}.`,
			},
		],
		notes: [addedNote(migrationName, entity.plural, added), `The context, its tests and fixtures were not updated: add ${names} to them by hand (the test attrs and the fixture's defaults).`],
	};
}

/** `strict`: refuse a plan that needed an assumption, naming each (run --strict). */
export type PlanOptions = DescribeOptions;

/** The plan for the newest request, or a plain message when there is nothing the planner can do. */
export function buildPlan(progress: Progress, projectPath: string, options: PlanOptions = {}): Parsed<Plan> {
	const first = progress.calls[0];
	const inspected = first !== undefined && isTool(first.name, 'inspect_project');
	const facts = projectFacts(inspected ? progress.results[0] : undefined);

	const addRequest = readAddFields(progress.request);
	const add = addRequest ? planAddFields(addRequest, knownEntities(progress.earlier), facts.tables, options) : undefined;
	if (add?.ok) return {ok: true, value: addFieldsPlan(progress, projectPath, facts, add.value, inspected)};

	// "add posts with a title" may still be a plain description; if not, the add-fields answer is the better one.
	const described = describe(progress.request, facts.tables, options);
	if (described.ok) return {ok: true, value: createPlan(described.value, projectPath, facts, inspected)};
	return add ?? described;
}
