/**
 * From a reading to planned entities: fields become attributes of the one grammar, names that
 * point at entities become references, join entities and many-to-many pairs get both references
 * and a unique pair, referenced-but-undescribed entities are planned minimal (or left to the
 * project when it has the table), and every entity gets a context.
 */
import {type Attr, checkAttr, formatAttr} from '../grammar/attribute.js';
import {entitiesOrValues, pluralNoun, twoReadingsMessage} from './ambiguity.js';
import type {EntityDraft, FieldDraft, Reading} from './draft.js';
import {readStructured} from './formats/index.js';
import {inferType} from './name-types.js';
import {orderEntities} from './order.js';
import {readDescription} from './reader.js';
import {REFERENCE_NOUNS} from './reference-nouns.js';
import {referencedDrafts} from './referenced-tables.js';
import type {Described, Parsed, PlannedEntity} from './types.js';
import {camelize, pluralize, singularize, underscore} from './words.js';

export const SYNTAX_HINT =
	"Write entities like 'posts with a title, a body as text and a unique slug', 'comments belong to posts', 'tags on posts (many to many)', or in generator syntax `Blog.Post posts title:string views:integer:default:0 notes:text:optional`.";

/** Qualifiers that make "from account" a reference named from_account_id. */
const REF_QUALIFIERS = new Set([
	'from',
	'to',
	'parent',
	'child',
	'source',
	'target',
	'home',
	'away',
	'primary',
	'secondary',
	'main',
	'current',
	'previous',
	'next',
	'original',
	'assigned',
	'default',
	'other',
]);

/** Domains for descriptions that do not name one: the context most of their entities belong to. */
const DOMAINS: Record<string, string> = {
	post: 'Blog',
	comment: 'Blog',
	article: 'Blog',
	tag: 'Blog',
	product: 'Shop',
	order: 'Shop',
	cart: 'Shop',
	customer: 'Shop',
	order_item: 'Shop',
	line_item: 'Shop',
	coupon: 'Shop',
	doctor: 'Clinic',
	patient: 'Clinic',
	appointment: 'Clinic',
	student: 'School',
	teacher: 'School',
	course: 'School',
	enrollment: 'School',
	lesson: 'School',
	grade: 'School',
	book: 'Library',
	author: 'Library',
	loan: 'Library',
	shelf: 'Library',
	user: 'Accounts',
	account: 'Accounts',
	profile: 'Accounts',
	organization: 'Accounts',
	membership: 'Accounts',
	team: 'Accounts',
	invoice: 'Billing',
	payment: 'Billing',
	subscription: 'Billing',
	task: 'Tasks',
	todo: 'Tasks',
	project: 'Tasks',
	list: 'Tasks',
	item: 'Tasks',
	room: 'Chat',
	message: 'Chat',
	channel: 'Chat',
	poll: 'Polls',
	vote: 'Polls',
	option: 'Polls',
	choice: 'Polls',
	recipe: 'Recipes',
	ingredient: 'Recipes',
	workout: 'Fitness',
	exercise: 'Fitness',
	event: 'Events',
	ticket: 'Events',
	booking: 'Bookings',
	reservation: 'Bookings',
};

interface Working {
	draft: EntityDraft;
	plural: string;
	attrs: string[];
	assumptions: string[];
	uniquePairs: string[][];
}

/** What the planner could not read, quoted, with a phrasing that works: a refusal that steers. */
export function unreadMessage(unread: string[]): string {
	return `I could not place these words: ${unread.map(words => `'${words}'`).join(', ')}. Leave them out, or write them as fields or relations. ${SYNTAX_HINT}`;
}

function refusal(reading: Reading, strict: boolean): string | undefined {
	if (reading.errors.length > 0) return `${reading.errors.join('; ')}. ${SYNTAX_HINT}`;
	// Without entities there is nothing to plan; with strict, nothing is left out unread.
	if (reading.unreadable.length > 0 && (strict || !reading.entities.some(entity => !entity.mentioned))) return unreadMessage(reading.unreadable);
	return undefined;
}

function fieldAttr(field: FieldDraft, type: string): Parsed<string> {
	const attr = [
		field.name,
		type,
		...(field.default === undefined ? [] : ['default', field.default]),
		...(field.optional ? ['optional'] : []),
		...(field.unique ? ['unique'] : []),
		...(field.redact ? ['redact'] : []),
	].join(':');
	const checked = checkAttr(attr);
	if (!checked.ok) return {ok: false, message: `'${field.words}' would be ${attr}: ${checked.message}`};
	return {ok: true, value: formatAttr(checked.attr)};
}

function findEntity(entities: Working[], name: string): Working | undefined {
	const singular = singularize(name);
	const exact = entities.find(entity => entity.draft.singular === singular || entity.plural === name);
	if (exact) return exact;
	// "a from account" where the description has bank accounts: the one entity the name ends.
	const longer = entities.filter(entity => entity.draft.singular.endsWith(`_${singular}`) && !entity.draft.mentioned);
	return longer.length === 1 ? longer[0] : undefined;
}

export interface DescribeOptions {
	/** Refuse words that fit nowhere instead of leaving them out (run --strict). */
	strict?: boolean;
}

export function describe(text: string, existingTables?: Set<string>, options: DescribeOptions = {}): Parsed<Described> {
	const reading = readStructured(text) ?? readDescription(text);
	if ('ok' in reading) return reading;
	const refused = refusal(reading, options.strict === true);
	if (refused) return {ok: false, message: refused};
	const ambiguous = [...reading.ambiguous];
	const drafts = reading.entities;
	if (drafts.length === 0) {
		return {ok: false, message: `I found no entities in '${text.trim().slice(0, 200)}'. ${SYNTAX_HINT}`};
	}

	const entities: Working[] = drafts.map(draft => ({
		draft,
		plural: draft.generator?.plural ?? pluralize(draft.singular),
		attrs: draft.generator ? [...draft.generator.attrs] : [],
		assumptions: [...(draft.structured?.assumptions ?? [])],
		uniquePairs: (draft.structured?.uniquePairs ?? []).map(pair => [...pair]),
	}));
	const ensure = (singular: string): Working => {
		let found = findEntity(entities, singular);
		if (!found) {
			found = {
				draft: {singular, fields: [], belongsTo: [], hasMany: [], hasOne: [], mentioned: true},
				plural: pluralize(singular),
				attrs: [],
				assumptions: [],
				uniquePairs: [],
			};
			entities.push(found);
		}

		return found;
	};

	const add = (entity: Working, attr: string): Parsed<void> => {
		const name = attr.split(':')[0]!;
		if (entity.attrs.some(existing => existing.split(':')[0] === name)) {
			return {ok: false, message: `${entity.plural}: the field '${name}' is given twice.`};
		}

		entity.attrs.push(attr);
		return {ok: true, value: undefined};
	};

	const reference = (entity: Working, target: string, as?: string, unique = false): Parsed<void> => {
		const owner = ensure(target);
		const column = `${as ?? singularize(owner.plural)}_id`;
		if (entity.attrs.some(existing => existing.split(':')[0] === column)) return {ok: true, value: undefined};
		return add(entity, `${column}:references:${owner.plural}${unique ? ':unique' : ''}`);
	};

	// Fields first, so a field naming an entity ("product" in an order) becomes its reference.
	for (const entity of [...entities]) {
		for (const field of entity.draft.fields) {
			if (field.twoReadings) ambiguous.push(field.twoReadings);
			let target = field.ref;
			let as: string | undefined;
			if (!target && !field.type) {
				const bare = field.name.endsWith('_id') ? field.name.slice(0, -3) : field.name;
				const found = findEntity(entities, bare);
				// "polls with a question and options" where options are described too: the poll has many options.
				if (found && found !== entity && bare !== singularize(bare) && !found.draft.mentioned) {
					const added = reference(found, entity.draft.singular);
					if (!added.ok) return added;
					continue;
				}

				// A field named like its own entity ("budgets with a budget") is a value.
				const known = found === entity ? undefined : found;
				const parts = bare.split('_');
				if (known) {
					target = known.draft.singular;
				} else if (REFERENCE_NOUNS.has(bare) && found !== entity && inferType(bare).type === 'string') {
					// A noun that also names a value ("an optional comment" is text) is a reference only when its entity is described.
					target = bare;
					entity.assumptions.push(`${bare}: a reference to ${pluralize(bare)}, from the name`);
				} else if (pluralNoun(bare) && !found && inferType(bare).why === undefined && !field.words.includes('(')) {
					// "orders have a customer and products": products are another entity, or values.
					ambiguous.push(entitiesOrValues(`${pluralize(entity.draft.singular)} have ${field.words}`, entity.draft.singular, bare));
					continue;
				} else if (parts[0] === 'parent' && parts.length > 1 && findEntity(entities, parts.slice(1).join('_'))) {
					target = parts.slice(1).join('_');
					as = 'parent';
				} else if (parts.length > 1 && REF_QUALIFIERS.has(parts[0]!) && findEntity(entities, parts.slice(1).join('_'))) {
					target = parts.slice(1).join('_');
					as = bare;
				}
			} else if (target) {
				const name = field.name.endsWith('_id') ? field.name.slice(0, -3) : field.name;
				as = name === singularize(target) ? undefined : name;
			}

			if (target) {
				const owner = ensure(target);
				if (owner === entity && !as) as = 'parent';
				const added = reference(entity, owner.draft.singular, as);
				if (!added.ok) return added;
				continue;
			}

			for (const said of field.said ?? []) entity.assumptions.push(`${field.name}: ${said}`);
			const named = field.type ? undefined : inferType(field.name, entity.draft.singular);
			const inferred = field.type ? {type: field.type, why: field.why} : named!.type === 'string' ? (typeOfDefault(field.default) ?? named!) : named!;
			const attr = fieldAttr(field, inferred.type);
			if (!attr.ok) return attr;
			const added = add(entity, attr.value);
			if (!added.ok) return added;
			// Types the words named are not assumptions; types read from a name, a unit or a range are.
			if (inferred.why?.startsWith('from ')) entity.assumptions.push(`${field.name}: ${inferred.type.split(':')[0]}, ${inferred.why}`);
		}
	}

	if (ambiguous.length > 0) return {ok: false, message: twoReadingsMessage(ambiguous)};
	for (const entity of [...entities]) {
		const draft = entity.draft;
		if (draft.joins) {
			const [a, b] = draft.joins;
			for (const target of [a, b]) {
				const added = reference(entity, target);
				if (!added.ok) return added;
			}

			entity.uniquePairs.push([`${singularize(ensure(a).plural)}_id`, `${singularize(ensure(b).plural)}_id`]);
		}

		for (const relation of draft.belongsTo) {
			const added = reference(entity, relation.target, relation.as ?? (relation.target === draft.singular ? 'parent' : undefined), relation.unique);
			if (!added.ok) return added;
		}
	}

	for (const entity of [...entities]) {
		for (const [list, unique] of [
			[entity.draft.hasMany, false],
			[entity.draft.hasOne, true],
		] as const) {
			for (const target of list) {
				const added = reference(ensure(target), entity.draft.singular, undefined, unique);
				if (!added.ok) return added;
			}
		}
	}

	for (const entity of entities) {
		for (const pair of entity.draft.uniqueTogether ?? []) {
			const columns = pair.map(name => entity.attrs.map(attr => attr.split(':')[0]!).find(column => column === `${name}_id` || column === name));
			if (columns.every(column => column !== undefined)) entity.uniquePairs.push(columns as string[]);
			else entity.assumptions.push(`left out 'unique per ${pair.join(' and ')}': ${entity.plural} has no such fields`);
		}
	}

	for (const [owner, thing] of reading.manyToMany) {
		const first = ensure(owner);
		const second = ensure(thing);
		const join = ensure(`${singularize(first.plural)}_${singularize(second.plural)}`);
		join.draft.mentioned = false;
		for (const target of [first, second]) {
			const added = reference(join, target.draft.singular);
			if (!added.ok) return added;
		}

		join.uniquePairs.push([`${singularize(first.plural)}_id`, `${singularize(second.plural)}_id`]);
		join.assumptions.push(`join table for ${first.plural} and ${second.plural} (many to many), unique on the pair`);
	}

	// A reference to a table nothing describes: minimal, stated, like an English one.
	for (const {draft, plural} of referencedDrafts(entities)) entities.push({draft, plural, attrs: [], assumptions: [], uniquePairs: []});

	// Referenced or named entities the description does not describe.
	const undescribed: string[] = [];
	const kept = entities.filter(entity => {
		if (entity.draft.existing || (entity.draft.mentioned && entity.attrs.length === 0 && existingTables?.has(entity.plural))) {
			undescribed.push(entity.plural);
			return false;
		}

		return true;
	});
	const domain = reading.context ?? domainFor(kept);
	// Phoenix refuses a context named like its schema (Recipe.Recipe): the plural names the domain then.
	const context = kept.some(entity => camelize(singularize(entity.plural)) === domain) ? camelize(pluralize(underscore(domain))) : domain;
	const planned: PlannedEntity[] = kept.map(entity => {
		const generator = entity.draft.generator;
		const alias = generator?.alias ?? camelize(singularize(entity.plural));
		const contextName = generator?.context ?? (context === alias ? camelize(pluralize(underscore(context))) : context);
		const referenced = entities.some(other => other !== entity && other.attrs.some(attr => attr.endsWith(`:references:${entity.plural}`) || attr.includes(`:references:${entity.plural}:`)));
		const minimal = entity.draft.mentioned && entity.attrs.length === 0 && referenced;
		const assumptions = [...entity.assumptions];
		if (minimal) assumptions.unshift(`${entity.plural} is not described: a minimal table (id and timestamps), unless the project has ${entity.plural}`);
		else if (entity.draft.mentioned && entity.attrs.length === 0) assumptions.unshift(`${entity.plural} is named without fields: id and timestamps only`);
		return {
			context: contextName,
			alias,
			schema: `${contextName}.${alias}`,
			plural: entity.plural,
			attrs: entity.attrs,
			uniquePairs: entity.uniquePairs,
			assumptions,
			minimal,
		};
	});

	const ordered = orderEntities(planned);
	if (!ordered.ok) return ordered;
	if (options.strict) {
		const refused = strictRefusal([...reading.assumed, ...ordered.value.flatMap(entity => entity.assumptions.map(text => (text.startsWith(entity.plural) ? text : `${entity.plural}.${text}`)))]);
		if (refused) return refused;
	}

	const unread = reading.unreadable.map(words => `'${words}': not read, so left out (write it as a field or a relation to keep it)`);
	return {ok: true, value: {entities: ordered.value, binaryId: reading.binaryId, ignored: [...reading.ignored, ...unread], undescribed, assumed: reading.assumed}};
}

/** A field with no type cue but a default: the default's kind ("a value (starting at 0)" is an integer). */
function typeOfDefault(value: string | undefined): {type: string; why: string} | undefined {
	if (value === undefined) return undefined;
	if (/^-?\d+$/.test(value)) return {type: 'integer', why: `from the default ${value}`};
	if (/^-?\d+\.\d+$/.test(value)) return {type: 'float', why: `from the default ${value}`};
	if (value === 'true' || value === 'false') return {type: 'boolean', why: `from the default ${value}`};
	return undefined;
}

/** With strict: a refusal naming every assumption, and how to say it instead. */
function strictRefusal(assumptions: string[]): {ok: false; message: string} | undefined {
	if (assumptions.length === 0) return undefined;
	const count = assumptions.length > 1 ? `${assumptions.length} assumptions` : 'an assumption';
	return {
		ok: false,
		message: `--strict: this plan needs ${count}: ${assumptions.join('; ')}. Say each in the description (e.g. 'capacity as integer', 'notes (optional)'), or run without --strict to plan with them stated.`,
	};
}

/** The domain most entities belong to, else the first entity's plural (`users` → `Users`). */
function domainFor(entities: Working[]): string {
	const votes = new Map<string, number>();
	for (const entity of entities) {
		const domain = DOMAINS[entity.draft.singular];
		if (domain) votes.set(domain, (votes.get(domain) ?? 0) + 1);
	}

	const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
	if (best) return best[0];
	const first = entities.find(entity => !entity.draft.mentioned) ?? entities[0]!;
	return camelize(first.plural);
}

export type {Attr};
