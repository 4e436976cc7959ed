/**
 * A reference to a table the description does not describe ("REFERENCES hotels", `belongs_to
 * :telescope`, "author_id:references:users"): the table is planned like an English one, a minimal
 * entity the resolver states (or leaves to the project when it has the table), in the context of
 * the table that names it.
 */
import type {EntityDraft} from './draft.js';
import {singularize} from './words.js';

interface Named {
	draft: EntityDraft;
	plural: string;
	attrs: string[];
}

/** Drafts for the referenced tables none of `entities` describes, once each. */
export function referencedDrafts(entities: readonly Named[]): Array<{draft: EntityDraft; plural: string}> {
	const known = new Set(entities.map(entity => entity.plural));
	const found: Array<{draft: EntityDraft; plural: string}> = [];
	for (const entity of entities) {
		for (const attr of entity.attrs) {
			const target = /:references:([a-z0-9_]+)/.exec(attr)?.[1];
			if (!target || known.has(target)) continue;
			known.add(target);
			const context = entity.draft.generator?.context;
			const draft: EntityDraft = {singular: singularize(target), fields: [], belongsTo: [], hasMany: [], hasOne: [], mentioned: true};
			if (context) draft.generator = {context, plural: target, attrs: []};
			found.push({draft, plural: target});
		}
	}

	return found;
}
