/**
 * The part of a plan for described entities whose table already has a schema (issue 16 item 6):
 * never a second schema. A schema this conversation wrote gets the new fields (schema, alter
 * migration, context code, tests and fixtures); a schema of the project that has every field
 * described gets its context (issue 16 item 4); one that lacks some is left for a hand edit.
 */
import type {ConversationItem} from '../llm/provider.js';
import {type AddFieldsOptions, addFieldsCalls} from './add-fields-calls.js';
import {attrName} from './attrs.js';
import {earlierContextArgs, existingSchemaFor, newAttrs} from './existing-tables.js';
import {knownEntities} from './progress.js';
import type {PlannedCall, PlannedEntity} from './types.js';

export interface ExistingPart {
	/** The entities to generate as new. */
	fresh: PlannedEntity[];
	/** Every entity for the plan table, an existing one under its schema's names. */
	planned: PlannedEntity[];
	calls: PlannedCall[];
	/** Lines after the plan table saying what happens to the existing ones. */
	statement: string[];
	resolution: string[];
	notes: string[];
	/** For the headline. */
	done: string[];
}

function contextOf(schema: string): {context: string; alias: string} | undefined {
	const at = schema.lastIndexOf('.');
	return at === -1 ? undefined : {context: schema.slice(0, at), alias: schema.slice(at + 1)};
}

export function onExistingTables(entities: PlannedEntity[], earlier: ConversationItem[], options: Omit<AddFieldsOptions, 'context'>): ExistingPart {
	const part: ExistingPart = {fresh: [], planned: [], calls: [], statement: [], resolution: [], notes: [], done: []};
	const known = knownEntities(earlier);
	for (const entity of entities) {
		const existing = entity.minimal ? undefined : existingSchemaFor(entity, known, options.facts);
		const names = existing ? contextOf(existing.schema) : undefined;
		if (!existing) {
			part.fresh.push(entity);
			part.planned.push(entity);
			continue;
		}

		part.planned.push({...entity, schema: existing.schema, ...(names ?? {})});
		const added = newAttrs(entity, existing);
		const list = added.map(attrName).join(', ');
		if (existing.ours && added.length > 0) {
			const change = addFieldsCalls({schema: existing.schema, plural: existing.plural, attrs: existing.attrs}, added, {...options, context: earlierContextArgs(earlier, entity.plural)});
			part.statement.push(
				`${entity.plural} already has a schema, ${existing.schema}: ${list} ${added.length > 1 ? 'are' : 'is'} added to it (no second schema), with its context, tests and fixtures.`,
			);
			part.calls.push(...change.calls);
			part.resolution.push(...change.resolution);
			part.notes.push(...change.notes);
			part.done.push(change.done);
		} else if (added.length > 0) {
			part.notes.push(
				`${entity.plural} already has a schema, ${existing.schema}, that this conversation did not write: it is left as it is. Add ${list} to it by hand (generate_add_fields_migration writes the migration), never a second schema.`,
			);
		} else if (!existing.ours && names) {
			part.statement.push(`${entity.plural} already has a schema, ${existing.schema}: only its ${names.context} context, tests and fixtures are written, against it.`);
			part.calls.push({
				tool: 'generate_context',
				args: {
					project_path: options.projectPath,
					context: names.context,
					schema: names.alias,
					plural: entity.plural,
					attrs: entity.attrs,
					no_schema: true,
					...(entity.uniquePairs.length > 0 ? {unique_indexes: entity.uniquePairs} : {}),
				},
				say: `Adding ${names.alias} to the ${names.context} context, against the existing ${existing.schema} schema.`,
			});
			part.done.push(`wrote the ${names.context} context for the existing ${existing.schema} (${entity.plural})`);
		} else {
			part.notes.push(`${entity.plural} already has a schema, ${existing.schema}, with all of these fields: nothing to change.`);
		}
	}

	return part;
}
