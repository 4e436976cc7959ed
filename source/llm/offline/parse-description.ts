/**
 * A whole description → the entities to generate, in creation order.
 *
 * Clauses are separated by `;` or new lines; each is either generator syntax
 * (`Blog.Post posts title:string`) or English. The context of English entities (and of generator
 * lines without one) is named by an opening "a blog with …" / "a shop: …"; otherwise it is the
 * first entity's context when it is a generator line with one, else its plural camelized
 * (users → `Users`).
 */
import {attrName, formatAttr} from './attr-grammar.js';
import {inferType} from './infer-type.js';
import {camelize, pluralize, singularize, underscore} from './inflect.js';
import {orderEntities} from './order.js';
import {looksLikeGeneratorLine, parseGeneratorLine, type GeneratorEntity} from './parse-generator-syntax.js';
import {parseEnglishClause, type EnglishEntity} from './parse-english.js';
import type {Parsed, PlannedEntity} from './types.js';

export const SYNTAX_HINT = "Write entities like `Blog.Post posts title:string body:text` or 'posts with a title and a body'.";

type Draft = {kind: 'generator'; entity: GeneratorEntity} | {kind: 'english'; entity: EnglishEntity};

/** Splits on `;` and new lines outside parentheses. */
export function splitClauses(text: string): string[] {
	const clauses: string[] = [];
	let depth = 0;
	let current = '';
	for (const char of text) {
		if (char === '(') depth++;
		if (char === ')') depth = Math.max(0, depth - 1);
		if (depth === 0 && (char === ';' || char === '\n' || char === '\r')) {
			clauses.push(current);
			current = '';
		} else {
			current += char;
		}
	}

	clauses.push(current);
	return clauses.map(clause => clause.trim()).filter(clause => clause.length > 0);
}

const LEADING_VERB = /^(?:please\s+)?(?:create|make|build|generate|add|i need|i want|we need)\s+/i;
const INTRO = /^(?:a|an|the|my|our)\s+([a-z][a-z0-9_]*(?:\s+[a-z][a-z0-9_]*)?)\s*(:|\bwith\b)\s*(.*)$/s;
const ENTITY_START = /^(?:(?:a|an|the)\s+)?(?:[a-z][a-z0-9_]*\s+)?[a-z][a-z0-9_]*\s*(?:\(|with\b|that\b|which\b|having\b)/;

/** "a blog with posts (…)" / "a shop: products …" → context `Blog`/`Shop` and the rest. */
export function readIntro(clause: string): {context: string; rest: string} | undefined {
	const match = INTRO.exec(clause.toLowerCase());
	if (!match) return undefined;
	const [, words, marker, rest] = match;
	if (marker === 'with' && !ENTITY_START.test(rest!)) return undefined;
	return {context: camelize(words!.split(/\s+/).join('_')), rest: rest!};
}

/** The planned entity a relation names: by plural, singular, or schema name (post → blog_posts of Blog.Post). */
function findEntity(entities: PlannedEntity[], name: string): PlannedEntity | undefined {
	const plural = pluralize(name);
	const singular = singularize(name);
	return (
		entities.find(entity => entity.plural === plural || entity.plural === name) ??
		entities.find(entity => singularize(entity.plural) === singular) ??
		entities.find(entity => underscore(entity.alias) === singular)
	);
}

/** The reference attribute pointing at `table`: `post_id:references:posts`. */
function referenceTo(table: string): string {
	return `${singularize(table)}_id:references:${table}`;
}

function addAttr(entity: PlannedEntity, attr: string): void {
	if (!entity.attrs.some(existing => attrName(existing) === attrName(attr))) entity.attrs.push(attr);
}

/** Turns English drafts into attribute strings once every entity is known (for relations). */
function resolveEnglish(drafts: Draft[], context: string): Parsed<PlannedEntity[]> {
	const entities: PlannedEntity[] = drafts.map(draft => {
		const contextName = draft.kind === 'generator' ? (draft.entity.context ?? context) : context;
		const alias = draft.kind === 'generator' ? draft.entity.alias : camelize(singularize(draft.entity.plural));
		return {
			context: contextName,
			alias,
			schema: `${contextName}.${alias}`,
			plural: draft.entity.plural,
			attrs: draft.kind === 'generator' ? [...draft.entity.attrs] : [],
		};
	});

	const seen = new Set<string>();
	for (const entity of entities) {
		if (seen.has(entity.plural)) return {ok: false, message: `'${entity.plural}' is described twice; describe each entity once.`};
		seen.add(entity.plural);
	}

	for (const [index, draft] of drafts.entries()) {
		if (draft.kind !== 'english') continue;
		const entity = entities[index]!;
		for (const field of draft.entity.fields) {
			if (entity.attrs.some(attr => attrName(attr) === field.name)) {
				return {ok: false, message: `${entity.plural}: the field '${field.name}' is given twice.`};
			}

			let type = field.type;
			if (!type && field.name.endsWith('_id')) {
				const target = findEntity(entities, field.name.slice(0, -3));
				type = target ? `references:${target.plural}` : 'integer';
			}

			entity.attrs.push(formatAttr({...field, type: type ?? inferType(field.name)}));
		}

		for (const target of draft.entity.belongsTo) addAttr(entity, referenceTo(findEntity(entities, target)?.plural ?? pluralize(target)));
	}

	for (const [index, draft] of drafts.entries()) {
		if (draft.kind !== 'english') continue;
		const owner = entities[index]!;
		for (const target of draft.entity.hasMany) {
			let owned = findEntity(entities, target);
			if (!owned) {
				// "has many posts" with no posts described: posts are created with just the reference.
				const plural = pluralize(target);
				const alias = camelize(singularize(plural));
				owned = {context, alias, schema: `${context}.${alias}`, plural, attrs: []};
				entities.push(owned);
			}

			addAttr(owned, referenceTo(owner.plural));
		}
	}

	return {ok: true, value: entities};
}

/** Parses a description; the entities come back ordered so referenced tables are created first. */
export function parseDescription(text: string): Parsed<PlannedEntity[]> {
	const clauses = splitClauses(text);
	if (clauses.length === 0) return {ok: false, message: `The description is empty. ${SYNTAX_HINT}`};

	let context: string | undefined;
	const first = clauses[0]!.replace(LEADING_VERB, '');
	clauses[0] = first;
	if (!looksLikeGeneratorLine(first)) {
		const intro = readIntro(first);
		if (intro) {
			context = intro.context;
			clauses[0] = intro.rest;
		}
	}

	const drafts: Draft[] = [];
	const unreadable: string[] = [];
	for (const clause of clauses) {
		if (clause.trim().length === 0) continue;
		if (looksLikeGeneratorLine(clause)) {
			const parsed = parseGeneratorLine(clause);
			if (!parsed.ok) return {ok: false, message: `${parsed.message}.`};
			drafts.push({kind: 'generator', entity: parsed.value});
			continue;
		}

		const english = parseEnglishClause(clause);
		unreadable.push(...english.unreadable);
		drafts.push(...english.entities.map(entity => ({kind: 'english' as const, entity})));
	}

	if (unreadable.length > 0) {
		return {ok: false, message: `I could not read: ${unreadable.map(words => `'${words}'`).join(', ')}. ${SYNTAX_HINT}`};
	}

	if (drafts.length === 0) return {ok: false, message: `I found no entities in the description. ${SYNTAX_HINT}`};
	const firstDraft = drafts[0]!;
	const fallback = (firstDraft.kind === 'generator' ? firstDraft.entity.context : undefined) ?? camelize(firstDraft.entity.plural);
	const resolved = resolveEnglish(drafts, context ?? fallback);
	return resolved.ok ? orderEntities(resolved.value) : resolved;
}
