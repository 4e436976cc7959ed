/**
 * "Also give posts a slug, unique": adding fields to an entity made earlier in the conversation.
 * The schema is regenerated with the union of fields (overwrite: true, the schema is the one this
 * conversation wrote). When a migration already creates the table, generate_add_fields_migration
 * writes the `alter table` for the new fields only; when none does (the earlier run was a dry run,
 * or its migration is gone), the table is new and generate_migration writes the create migration.
 */
import {attrName} from './attrs.js';
import type {KnownEntity} from './progress.js';
import {type DescribeOptions, describe, SYNTAX_HINT} from './resolve.js';
import type {Parsed} from './types.js';
import {pluralize, singularize} from './words.js';

export interface AddFields {
	entity: KnownEntity;
	/** The new attributes only. */
	added: string[];
	/** Existing and new attributes, for the regenerated schema. */
	attrs: string[];
	/** Words read and left out, with why. */
	assumptions: string[];
}

const LEAD = String.raw`^(?:(?:also|and|now|please|then|could you|can you)\s+)*`;
const ADD_TO = new RegExp(String.raw`${LEAD}(?:add|give)\s+(.+?),?\s+to\s+(?:the\s+)?([a-z][a-z0-9_ ]*?)$`);
const GIVE = new RegExp(String.raw`${LEAD}(?:give|add)\s+(?:the\s+)?([a-z][a-z0-9_]*)\s+(.+)$`);

/** Recognises an add-fields request; undefined when the text is not one. */
export function readAddFields(text: string): {target: string; fieldText: string} | undefined {
	const clean = text
		.toLowerCase()
		.trim()
		.replace(/[.!]+$/, '');
	const to = ADD_TO.exec(clean);
	if (to) return {target: to[2]!.replace(/ /g, '_'), fieldText: to[1]!};
	const give = GIVE.exec(clean);
	if (give) return {target: give[1]!, fieldText: give[2]!};
	return undefined;
}

function findKnown(known: KnownEntity[], name: string): KnownEntity | undefined {
	const plural = pluralize(name);
	return known.find(entity => entity.plural === name || entity.plural === plural || singularize(entity.plural) === singularize(name));
}

export function planAddFields(request: {target: string; fieldText: string}, known: KnownEntity[], existingTables?: Set<string>, options: DescribeOptions = {}): Parsed<AddFields> {
	const entity = findKnown(known, request.target);
	if (!entity) {
		const names = known.map(candidate => candidate.plural);
		return {
			ok: false,
			message:
				`I can only add fields to entities created earlier in this conversation (${names.length > 0 ? names.join(', ') : 'none so far'}); ` +
				`'${request.target}' is not one of them. Edit that schema and write its migration by hand, or describe a new entity. ${SYNTAX_HINT}`,
		};
	}

	// The same reader as for descriptions, as if the fields were listed after the entity's name.
	const tables = new Set([...(existingTables ?? []), ...known.map(candidate => candidate.plural)]);
	const read = describe(`${entity.plural} with ${request.fieldText}`, tables, options);
	if (!read.ok) return read;
	const own = read.value.entities.find(candidate => candidate.plural === entity.plural);
	const others = read.value.entities.filter(candidate => candidate !== own && !candidate.minimal);
	if (!own || others.length > 0) {
		return {ok: false, message: `I could not read '${request.fieldText}' as fields of ${entity.plural}. ${SYNTAX_HINT}`};
	}

	const missing = read.value.entities.filter(candidate => candidate.minimal).map(candidate => candidate.plural);
	if (missing.length > 0) {
		return {
			ok: false,
			message: `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not in the project or this conversation: describe ${missing.length > 1 ? 'them' : 'it'} first, then add the reference.`,
		};
	}

	const existing = new Set(entity.attrs.map(attrName));
	const fresh = own.attrs.filter(attr => !existing.has(attrName(attr)));
	if (fresh.length === 0) {
		return {
			ok: false,
			message: own.attrs.length === 0 ? `I found no fields to add to ${entity.plural}. ${SYNTAX_HINT}` : `${entity.plural} already has ${own.attrs.map(attrName).join(', ')}; nothing to add.`,
		};
	}

	// Words left out unread are said with the plan, as for a description.
	const unread = read.value.ignored.filter(line => line.includes(': not read, so left out'));
	return {ok: true, value: {entity, added: fresh, attrs: [...entity.attrs, ...fresh], assumptions: [...own.assumptions, ...unread]}};
}
