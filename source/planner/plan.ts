/**
 * The whole plan for the newest request: the table stated before any tool runs, and which tools
 * to call, in order, with which arguments. Rebuilt from the history on every turn (the planner
 * keeps no state), so the same history always gives the same plan.
 */
import {addFieldsCalls} from './add-fields-calls.js';
import {attrName, referencedTable} from './attrs.js';
import {onExistingTables} from './existing-plan.js';
import {earlierContextArgs} from './existing-tables.js';
import {planAddFields, readAddFields} from './follow-up.js';
import {planTable} from './plan-table.js';
import {isTool, knownEntities, type Progress, type ProjectFacts, projectFacts} from './progress.js';
import {type DescribeOptions, describe} from './resolve.js';
import type {Described, Parsed, PlannedCall, PlannedEntity} from './types.js';

export type {PlannedCall} from './types.js';

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

function createPlan(described: Described, progress: Progress, projectPath: string, facts: ProjectFacts, inspected: boolean): Plan {
	const notes: string[] = [];
	const resolution: string[] = [];
	// Tables that already have a schema get a change to it, never a second schema (issue 16 item 6).
	const existing = onExistingTables(described.entities, progress.earlier, {projectPath, facts, inspected});
	resolution.push(...existing.resolution);
	notes.push(...existing.notes);
	// Minimal entities the project already has are not generated: its table is used.
	const kept = existing.fresh.filter(entity => {
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

	const generated = adjusted.length > 0 ? [`Generated ${adjusted.map(entity => `${entity.schema} (${entity.plural})`).join(', ')}`] : [];
	const headline = [...generated, ...existing.done].join('; ') || 'nothing to generate';
	return {
		statement: [
			planTable(existing.planned, {binaryId: described.binaryId, ignored: described.ignored, undescribed: described.undescribed, inspected, assumed: described.assumed}),
			...existing.statement,
		].join('\n'),
		resolution,
		headline: `${headline.charAt(0).toUpperCase()}${headline.slice(1)}.`,
		calls: [inspectCall(projectPath), ...adjusted.flatMap(entity => entityCalls(entity, projectPath, described.binaryId)), ...existing.calls],
		notes,
	};
}

function addFieldsPlan(progress: Progress, projectPath: string, facts: ProjectFacts, value: Extract<ReturnType<typeof planAddFields>, {ok: true}>['value'], inspected: boolean): Plan {
	const {entity, added, assumptions} = value;
	const statement = [
		`Offline planner (no language model). Plan: add ${added.join(', ')} to ${entity.schema} (${entity.plural}).`,
		...(assumptions.length > 0 ? [`Assumptions: ${assumptions.join('; ')}.`] : []),
		...(inspected ? [] : ['First I inspect the project: when no migration creates the table yet, I write the create migration instead of an alter-table one.']),
	].join('\n');
	const context = earlierContextArgs(progress.earlier, entity.plural);
	const change = addFieldsCalls(entity, added, {projectPath, facts, inspected, context});
	const done = change.done.charAt(0).toUpperCase() + change.done.slice(1);
	return {statement, resolution: change.resolution, headline: `${done}.`, calls: [inspectCall(projectPath), ...change.calls], notes: change.notes};
}

/** The fields of an entity as the user's decline notes corrected them (steer.ts). */
export type FieldEdit = (plural: string, attrs: string[]) => string[];

/**
 * `strict`: refuse a plan that needed an assumption, naming each (run --strict). `edit`: the
 * corrections of decline notes, applied to the fields before anything is derived from them (calls,
 * their words, the notes and the headline), so what the run says follows what it writes.
 */
export type PlanOptions = DescribeOptions & {edit?: FieldEdit};

/** The plan for the newest request, or a plain message when there is nothing the planner can do. */
export function buildPlan(progress: Progress, projectPath: string, options: PlanOptions = {}): Parsed<Plan> {
	const first = progress.calls[0];
	const inspected = first !== undefined && isTool(first.name, 'inspect_project');
	const facts = projectFacts(inspected ? progress.results[0] : undefined);

	const addRequest = readAddFields(progress.request);
	const add = addRequest ? planAddFields(addRequest, knownEntities(progress.earlier), facts.tables, options) : undefined;
	if (add?.ok) {
		const {edit} = options;
		const value = edit ? {...add.value, added: edit(add.value.entity.plural, add.value.added)} : add.value;
		return {ok: true, value: addFieldsPlan(progress, projectPath, facts, value, inspected)};
	}

	// "add posts with a title" may still be a plain description; if not, the add-fields answer is the better one.
	const described = describe(progress.request, facts.tables, options);
	if (described.ok) {
		const {edit} = options;
		const value = edit ? {...described.value, entities: described.value.entities.map(entity => ({...entity, attrs: edit(entity.plural, entity.attrs)}))} : described.value;
		return {ok: true, value: createPlan(value, progress, projectPath, facts, inspected)};
	}
	return add ?? described;
}
