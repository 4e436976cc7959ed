/**
 * A whole description → the entities to generate, in creation order.
 *
 * Clauses are separated by `;` or new lines; each is either generator syntax
 * (`Blog.Post posts title:string`) or English. The context of English entities (and of generator
 * lines without one) is named by an opening "a blog with …" / "a shop: …"; otherwise it is the
 * first entity's context when it is a generator line with one, else its plural camelized
 * (users → `Users`). A context equal to its schema alias (Phoenix refuses `News.News`) gets a
 * `Context` suffix. English mentions of one entity in several clauses are merged.
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

/** Splits on `;`, new lines and sentence ends outside parentheses. */
export function splitClauses(text: string): string[] {
	const clauses: string[] = [];
	let depth = 0;
	let current = '';
	for (const [index, char] of [...text].entries()) {
		if (char === '(') depth++;
		if (char === ')') depth = Math.max(0, depth - 1);
		// A full stop ends a sentence (not the one in 2.5).
		const stop = char === '.' && /^(?:\s|$)/.test(text.slice(index + 1, index + 2));
		if (depth === 0 && (char === ';' || char === '\n' || char === '\r' || stop)) {
			clauses.push(current);
			current = '';
		} else {
			current += char;
		}
	}

	clauses.push(current);
	return clauses.map(clause => clause.trim()).filter(clause => clause.length > 0);
}

const LEADING_VERB =
	/^(?:please\s+)?(?:(?:i|we)\s+(?:need|want|would like)|i'd like|give me|let's build|set up|create|make|build|generate|add)\s+/i;
const INTRO =
	/^(?:(a|an|the|my|our)\s+)?((?:[a-z][a-z0-9_-]*\s+){0,2}[a-z][a-z0-9_-]*)\s*(:|\bwith\b|\bhaving\b|\bthat has\b|\bwhich has\b)\s*(.*)$/s;
/** Adjectives that do not belong in a context name: "a simple blog" → Blog. */
const INTRO_ADJECTIVES = new Set(['simple', 'small', 'basic', 'little', 'tiny', 'minimal', 'new']);
const NOT_AN_ENTITY = new Set(['a', 'an', 'the', 'some', 'many', 'several', 'multiple', 'one']);

/**
 * "a blog with posts (…)" / "a shop: products …" / "blog: posts …" → context `Blog`/`Shop` and the
 * rest. "a user with a name" is an entity, not an intro: after "with" an intro lists plural nouns.
 */
export function readIntro(clause: string): {context: string; rest: string} | undefined {
	const match = INTRO.exec(clause.toLowerCase());
	if (!match) return undefined;
	const [, article, phrase, marker, rest] = match;
	const words = phrase!.split(/\s+/).filter(word => !INTRO_ADJECTIVES.has(word));
	const head = words[words.length - 1];
	if (!head || rest!.trim().length === 0) return undefined;
	if (marker === ':') {
		// "posts: title, body" is an entity with its fields; "blog: posts …" names the domain.
		if (!article && singularize(head) !== head) return undefined;
	} else {
		const first = /^[a-z][a-z0-9_-]*/.exec(rest!)?.[0];
		if (!article || !first || NOT_AN_ENTITY.has(first) || singularize(first) === first) return undefined;
	}

	return {context: camelize(words.join('_').replaceAll('-', '_')), rest: rest!};
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

/** English mentions of one entity across clauses ("lists with a name; … each item belongs to a list") become one draft. */
function mergeEnglish(drafts: Draft[]): Parsed<Draft[]> {
	const merged: Draft[] = [];
	for (const draft of drafts) {
		const same = draft.kind === 'english' ? merged.find(other => other.kind === 'english' && other.entity.plural === draft.entity.plural) : undefined;
		if (!same || same.kind !== 'english' || draft.kind !== 'english') {
			merged.push(draft.kind === 'english' ? {kind: 'english', entity: {...draft.entity, fields: [...draft.entity.fields]}} : draft);
			continue;
		}

		if (same.entity.fields.length > 0 && draft.entity.fields.length > 0) {
			return {ok: false, message: `'${draft.entity.plural}' is described twice; describe each entity once.`};
		}

		same.entity.fields.push(...draft.entity.fields);
		for (const key of ['belongsTo', 'hasMany', 'hasOne'] as const) {
			for (const target of draft.entity[key]) if (!same.entity[key].includes(target)) same.entity[key].push(target);
		}
	}

	return {ok: true, value: merged};
}

/** Phoenix refuses a context named like its schema (`News.News`): such a context gets a suffix. */
function contextFor(context: string, alias: string): string {
	return context === alias ? `${context}Context` : context;
}

/** Turns English drafts into attribute strings once every entity is known (for relations). */
function resolveEnglish(drafts: Draft[], context: string): Parsed<PlannedEntity[]> {
	const entities: PlannedEntity[] = drafts.map(draft => {
		const alias = draft.kind === 'generator' ? draft.entity.alias : camelize(singularize(draft.entity.plural));
		const contextName = draft.kind === 'generator' ? (draft.entity.context ?? context) : contextFor(context, alias);
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
		const owned = [...draft.entity.hasMany.map(target => ({target, one: false})), ...draft.entity.hasOne.map(target => ({target, one: true}))];
		for (const {target, one} of owned) {
			let entity = findEntity(entities, target);
			if (!entity) {
				// "has many posts" with no posts described: posts are created with just the reference.
				const plural = pluralize(target);
				const alias = camelize(singularize(plural));
				const contextName = contextFor(context, alias);
				entity = {context: contextName, alias, schema: `${contextName}.${alias}`, plural, attrs: []};
				entities.push(entity);
			}

			// has one: at most one row per owner, so the reference is unique.
			addAttr(entity, `${referenceTo(owner.plural)}${one ? ':unique' : ''}`);
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
	const merged = mergeEnglish(drafts);
	if (!merged.ok) return merged;
	const firstDraft = merged.value[0]!;
	const fallback = (firstDraft.kind === 'generator' ? firstDraft.entity.context : undefined) ?? camelize(firstDraft.entity.plural);
	const resolved = resolveEnglish(merged.value, context ?? fallback);
	return resolved.ok ? orderEntities(resolved.value) : resolved;
}
