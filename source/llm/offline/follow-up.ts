/**
 * "Also give posts a slug, unique": adding fields to an entity made earlier in the conversation.
 * The schema is regenerated with the union of fields (overwrite: true, the schema is the one this
 * conversation wrote) and generate_add_fields_migration writes the `alter table` migration for the
 * new fields only.
 */
import {addFieldsMigrationName} from '../../generators/migration.js';
import {attrName, formatAttr} from './attr-grammar.js';
import {inferType} from './infer-type.js';
import {pluralize, singularize} from './inflect.js';
import {parseEnglishClause} from './parse-english.js';
import {SYNTAX_HINT} from './parse-description.js';
import type {KnownEntity} from './history.js';
import type {Parsed} from './types.js';

export interface AddFields {
	entity: KnownEntity;
	/** The new attributes only. */
	added: string[];
	/** Existing and new attributes, for the regenerated schema. */
	attrs: string[];
	migrationName: string;
}

const LEAD = String.raw`^(?:(?:also|and|now|please|then|could you|can you)\s+)*`;
const ADD_TO = new RegExp(String.raw`${LEAD}(?:add|give)\s+(.+?),?\s+to\s+(?:the\s+)?([a-z][a-z0-9_]*)$`);
const GIVE = new RegExp(String.raw`${LEAD}(?:give|add)\s+(?:the\s+)?([a-z][a-z0-9_]*)\s+(.+)$`);

/** Recognises an add-fields request; undefined when the text is not one. */
export function readAddFields(text: string): {target: string; fieldText: string} | undefined {
	const clean = text.toLowerCase().trim().replace(/[.!]+$/, '');
	const to = ADD_TO.exec(clean);
	if (to) return {target: to[2]!, fieldText: to[1]!};
	const give = GIVE.exec(clean);
	if (give) return {target: give[1]!, fieldText: give[2]!};
	return undefined;
}

function findKnown(known: KnownEntity[], name: string): KnownEntity | undefined {
	const plural = pluralize(name);
	return known.find(entity => entity.plural === name || entity.plural === plural || singularize(entity.plural) === singularize(name));
}

export function planAddFields(request: {target: string; fieldText: string}, known: KnownEntity[]): Parsed<AddFields> {
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
	const read = parseEnglishClause(`${entity.plural} with ${request.fieldText}`);
	const own = read.entities.find(candidate => candidate.plural === entity.plural);
	const others = read.entities.filter(candidate => candidate !== own).map(candidate => candidate.plural);
	const unreadable = [...read.unreadable, ...others];
	if (unreadable.length > 0 || !own) {
		return {ok: false, message: `I could not read: ${(unreadable.length > 0 ? unreadable : [request.fieldText]).map(words => `'${words}'`).join(', ')}. ${SYNTAX_HINT}`};
	}

	const added = [
		...own.fields.map(field => formatAttr({...field, type: field.type ?? inferType(field.name)})),
		...own.belongsTo.map(target => `${singularize(target)}_id:references:${pluralize(target)}`),
	];
	const existing = new Set(entity.attrs.map(attrName));
	const fresh = added.filter(attr => !existing.has(attrName(attr)));
	if (fresh.length === 0) {
		return {
			ok: false,
			message: added.length === 0 ? `I found no fields to add to ${entity.plural}. ${SYNTAX_HINT}` : `${entity.plural} already has ${added.map(attrName).join(', ')}; nothing to add.`,
		};
	}

	return {
		ok: true,
		value: {
			entity,
			added: fresh,
			attrs: [...entity.attrs, ...fresh],
			// The tool's own default, so the plan can name the file it will write.
			migrationName: addFieldsMigrationName(entity.plural, fresh.map(attrName)),
		},
	};
}
