/**
 * A table that already has a schema is never given a second one (issue 16 item 6): a described
 * entity whose table the conversation or the project already maps becomes a change to that
 * schema. New fields (a reference from "posts belong to authors") are added to it the way a
 * follow-up adds them; no new field, and a schema with no context yet, gets its context (item 4).
 */
import type {ConversationItem} from '../llm/provider.js';
import {attrName} from './attrs.js';
import {isTool, type KnownEntity, type ProjectFacts} from './progress.js';
import type {PlannedEntity} from './types.js';

export interface ExistingSchema {
	/** Relative to the base: `Blog.Post`. */
	schema: string;
	plural: string;
	/** The conversation's attrs for it, or the project's field names. */
	attrs: string[];
	/** Generated in this conversation: its schema may be regenerated (overwrite) with more fields. */
	ours: boolean;
}

/** The newest successful generate_context call of the conversation for `plural`: its arguments. */
export function earlierContextArgs(earlier: ConversationItem[], plural: string): Record<string, unknown> | undefined {
	const calls = earlier.flatMap(item => (item.role === 'model' ? item.functionCalls : []));
	const results = earlier.flatMap(item => (item.role === 'tool' ? item.results : []));
	let found: Record<string, unknown> | undefined;
	calls.forEach((call, i) => {
		const result = (call.id ? results.find(candidate => candidate.id === call.id) : undefined) ?? results[i];
		if (isTool(call.name, 'generate_context') && result && !result.response.isError && call.args['plural'] === plural) found = call.args;
	});
	return found;
}

/** The schema that already maps the entity's table, if one does. */
export function existingSchemaFor(entity: PlannedEntity, known: KnownEntity[], facts: ProjectFacts): ExistingSchema | undefined {
	const ours = known.find(candidate => candidate.plural === entity.plural);
	if (ours) return {schema: ours.schema, plural: ours.plural, attrs: ours.attrs, ours: true};
	const theirs = facts.schemas?.get(entity.plural);
	return theirs ? {schema: theirs.schema, plural: entity.plural, attrs: theirs.fields, ours: false} : undefined;
}

/** The entity's attrs that the existing schema does not have yet. */
export function newAttrs(entity: PlannedEntity, existing: ExistingSchema): string[] {
	const names = new Set(existing.attrs.map(attrName));
	return entity.attrs.filter(attr => !names.has(attrName(attr)));
}
