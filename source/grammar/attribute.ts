/**
 * The one attribute grammar: the syntax of Phoenix's generators (`name:type`, `name:array:inner`,
 * `name:references:table`, `name:enum:a:b`, trailing `unique` / `redact` flags), validated more
 * strictly than Phoenix (names Elixir cannot use as a field, duplicates), plus two documented
 * extensions Phoenix cannot say: `:default:VALUE` after the type (`quantity:integer:default:0`)
 * and the `optional` flag (`notes:text:optional`, left out of validate_required). An input Phoenix
 * accepts means what it means to Phoenix. The generators, the tool input schemas, the offline
 * planner and the prompt's list of types all read it from here.
 */
import {EctosmithError} from '../errors.js';

/** A bad attribute; the message names the bad part and what is allowed. */
export class AttributeError extends EctosmithError {}
const GeneratorError = AttributeError;

export const ATTRIBUTE_TYPES: readonly string[] = [
	'integer',
	'float',
	'decimal',
	'boolean',
	'map',
	'string',
	'array',
	'references',
	'text',
	'date',
	'time',
	'time_usec',
	'naive_datetime',
	'naive_datetime_usec',
	'utc_datetime',
	'utc_datetime_usec',
	'uuid',
	'binary',
	'enum',
];

/** Types allowed inside `array:` (the plain ones: no nested array, references or enum). */
export const ARRAY_INNER_TYPES: readonly string[] = ATTRIBUTE_TYPES.filter(type => type !== 'array' && type !== 'references' && type !== 'enum');

export interface Attr {
	name: string;
	/** one of ATTRIBUTE_TYPES; 'datetime' is normalised to 'naive_datetime' */
	type: string;
	/** array inner type */
	inner?: string;
	/** references: the referenced table */
	table?: string;
	/** enum values, in the order given */
	values?: string[];
	/** The `:default:VALUE` extension, as written (checked against the type). */
	default?: string;
	/** The `:optional` extension: not in validate_required. */
	optional?: true;
	unique: boolean;
	redact: boolean;
}

/** Types that may take `:default:VALUE`. */
export const DEFAULT_TYPES: readonly string[] = ['string', 'text', 'integer', 'float', 'decimal', 'boolean', 'enum'];

export const MAX_ATTRIBUTES = 200;
export const MAX_NAME_LENGTH = 100;
export const MAX_ENUM_VALUES = 200;
export const MAX_IDENTIFIER_LENGTH = 63; // PostgreSQL's limit for table and column names

/** Words Elixir reserves: a field so named breaks `post.end`, `%{do: ...}` and the like. */
export const RESERVED_WORDS: readonly string[] = ['and', 'or', 'not', 'when', 'fn', 'do', 'end', 'catch', 'rescue', 'after', 'else', 'true', 'false', 'nil', 'in'];

/**
 * A field name: a lowercase-or-underscore start, then letters, digits, underscores. `?` and `!`
 * are refused although Elixir atoms allow them: they are not valid column names, and
 * `post.title?` reads as a function call in the generated tests.
 */
export const FIELD_NAME = /^[a-z_][a-zA-Z0-9_]*$/;
/** A table name as it appears raw in `table(:posts)` and `references(:users)`. */
export const TABLE_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const TYPE_LIST = ATTRIBUTE_TYPES.join(', ');

/** Throws unless `name` can be a schema field or column; `what` names it in the message. */
export function assertFieldName(name: string, what: string): void {
	if (name === '') throw new GeneratorError(`${what} is empty: give a name such as "title".`);
	if (name.length > MAX_NAME_LENGTH) {
		throw new GeneratorError(`${what} "${name.slice(0, 20)}..." is ${name.length} characters long; at most ${MAX_NAME_LENGTH} are allowed.`);
	}
	if (!FIELD_NAME.test(name)) {
		throw new GeneratorError(
			`${what} ${JSON.stringify(name)} is not a valid field name: use a lowercase letter or underscore followed by letters, digits or underscores (snake_case, e.g. "published_at"); "?" and "!" are not allowed.`,
		);
	}
	if (RESERVED_WORDS.includes(name)) {
		throw new GeneratorError(
			`${what} ${JSON.stringify(name)} is an Elixir reserved word; reserved words (${RESERVED_WORDS.join(', ')}) cannot be field names. Choose another name, e.g. "${name}_value".`,
		);
	}
}

/** Throws unless `table` can be written raw as an atom in a migration. */
export function assertTableName(table: string, what: string): void {
	if (!TABLE_NAME.test(table) || table.length > MAX_IDENTIFIER_LENGTH) {
		throw new GeneratorError(
			`${what} "${table}" is not a valid table name: use letters, digits and underscores, starting with a letter or underscore, at most ${MAX_IDENTIFIER_LENGTH} characters (e.g. "blog_posts").`,
		);
	}
}

/**
 * Strips the trailing flags in any order, as Phoenix's extract_attr_flags does for unique and
 * redact; `optional` is our extension (so an enum cannot have a value named optional).
 */
function splitFlags(spec: string): {body: string[]; unique: boolean; redact: boolean; optional: boolean} {
	const parts = spec.split(':');
	let unique = false;
	let redact = false;
	let optional = false;
	while (parts.length > 1) {
		const last = parts[parts.length - 1];
		if (last === 'unique') unique = true;
		else if (last === 'redact') redact = true;
		else if (last === 'optional') optional = true;
		else break;
		parts.pop();
	}
	return {body: parts, unique, redact, optional};
}

/**
 * Takes `default:VALUE` off the end of the body. For an enum it is the extension only when VALUE
 * is one of the values before it, so `status:enum:on:default` keeps Phoenix's meaning (a value
 * named default).
 */
function splitDefault(body: string[]): {body: string[]; value?: string} {
	if (body.length < 4 || body[body.length - 2] !== 'default') return {body};
	const value = body[body.length - 1]!;
	const rest = body.slice(0, -2);
	if (rest[1] === 'enum' && !rest.slice(2).includes(value)) return {body};
	return {body: rest, value};
}

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

function checkDefault(attr: Attr, value: string, spec: string): void {
	const bad = (allowed: string): never => {
		throw new GeneratorError(`Default ${JSON.stringify(value)} in attribute "${spec}" is not ${allowed}.`);
	};
	if (!DEFAULT_TYPES.includes(attr.type)) {
		throw new GeneratorError(`Attribute "${spec}" has a default, but ${attr.type} fields cannot take one here; defaults work for ${DEFAULT_TYPES.join(', ')} (e.g. "quantity:integer:default:0").`);
	}
	if (value === '') bad('a value: write it after "default:", e.g. "quantity:integer:default:0"');
	if (attr.type === 'integer' && !INTEGER.test(value)) bad('an integer, e.g. 0 or -1');
	if ((attr.type === 'float' || attr.type === 'decimal') && !NUMBER.test(value)) bad('a number, e.g. 0 or 9.99');
	if (attr.type === 'boolean' && value !== 'true' && value !== 'false') bad('true or false');
	if (attr.type === 'enum' && !attr.values!.includes(value)) bad(`one of the enum's values (${attr.values!.join(', ')})`);
	if (/[\p{Cc}]/u.test(value) || value.length > MAX_NAME_LENGTH) bad(`a plain value of at most ${MAX_NAME_LENGTH} characters without control characters`);
}

function normaliseType(type: string): string {
	return type === 'datetime' ? 'naive_datetime' : type;
}

/** Parses one attribute spec such as "title:string:unique"; throws GeneratorError. */
export function parseAttr(spec: string): Attr {
	if (typeof spec !== 'string') throw new GeneratorError(`Attribute ${JSON.stringify(spec)} is not a string; write attributes as "name:type".`);
	const {body: flagged, unique, redact, optional} = splitFlags(spec.trim());
	const {body, value} = splitDefault(flagged);
	const attr = parseBody(spec, body, unique, redact);
	if (optional) attr.optional = true;
	if (value !== undefined) {
		checkDefault(attr, value, spec);
		attr.default = value;
	}
	return attr;
}

function parseBody(spec: string, body: string[], unique: boolean, redact: boolean): Attr {
	const [name = '', rawType, ...rest] = body;
	assertFieldName(name, name === spec.trim() ? 'Attribute name' : `Attribute name in ${JSON.stringify(spec)}`);
	const base = {name, unique, redact};
	if (rawType === undefined) return {...base, type: 'string'};
	if (rawType === '') throw new GeneratorError(`Attribute "${spec}" has an empty type; supported types are: ${TYPE_LIST}.`);
	const type = normaliseType(rawType);
	if (!ATTRIBUTE_TYPES.includes(type)) {
		throw new GeneratorError(`Unknown type "${rawType}" in attribute "${spec}". The supported types are: ${TYPE_LIST} (and datetime, an alias of naive_datetime).`);
	}
	switch (type) {
		case 'array': {
			if (rest.length === 0 || rest[0] === '') {
				throw new GeneratorError(`Attribute "${spec}" needs the type of the array's items, e.g. "${name}:array:string". Allowed item types: ${ARRAY_INNER_TYPES.join(', ')}.`);
			}
			const inner = normaliseType(rest.join(':'));
			if (!ARRAY_INNER_TYPES.includes(inner)) {
				throw new GeneratorError(`Unknown array item type "${rest.join(':')}" in attribute "${spec}". Allowed item types: ${ARRAY_INNER_TYPES.join(', ')}.`);
			}
			return {...base, type, inner};
		}
		case 'references': {
			if (rest.length === 0 || rest[0] === '') {
				throw new GeneratorError(`Attribute "${spec}" needs the referenced table, e.g. "${name}:references:users".`);
			}
			const table = rest.join(':');
			assertTableName(table, `Referenced table in attribute "${spec}"`);
			return {...base, type, table};
		}
		case 'enum': {
			if (rest.length === 0) {
				throw new GeneratorError(`Enum attribute "${spec}" needs at least one value, e.g. "${name}:enum:draft:published".`);
			}
			if (rest.length > MAX_ENUM_VALUES) {
				throw new GeneratorError(`Enum attribute "${name}" has ${rest.length} values; at most ${MAX_ENUM_VALUES} are allowed.`);
			}
			const seen = new Set<string>();
			for (const value of rest) {
				if (value === '') throw new GeneratorError(`Enum attribute "${spec}" has an empty value; separate non-empty values with ":", e.g. "${name}:enum:draft:published".`);
				if (value.length > MAX_NAME_LENGTH) throw new GeneratorError(`Enum value "${value.slice(0, 20)}..." of "${name}" is ${value.length} characters long; at most ${MAX_NAME_LENGTH} are allowed.`);
				if (/[\s\p{Cc}]/u.test(value))
					throw new GeneratorError(`Enum value ${JSON.stringify(value)} of "${name}" contains whitespace or a control character; use snake_case values such as "in_progress".`);
				// :nil, :true and :false are not atoms Ecto.Enum can cast to and from strings usefully.
				if (['nil', 'true', 'false'].includes(value)) {
					throw new GeneratorError(`Enum value "${value}" of "${name}" is an Elixir literal (nil, true, false), not a usable Ecto.Enum value; choose another word, e.g. "none", "yes" or "no".`);
				}
				if (seen.has(value)) throw new GeneratorError(`Enum attribute "${name}" lists the value "${value}" twice; each value must be distinct.`);
				seen.add(value);
			}
			return {...base, type, values: rest};
		}
		default:
			if (rest.length > 0) {
				throw new GeneratorError(
					`Attribute "${spec}" has extra parts after the type "${rawType}": only array, references and enum take a third part (name:array:inner, name:references:table, name:enum:a:b); modifiers are ":default:VALUE", then the flags "optional", "unique" and "redact".`,
				);
			}
			return {...base, type};
	}
}

/** Parses the attribute specs in order; throws GeneratorError on the first bad one or a duplicate. */
export function parseAttrs(specs: string[]): Attr[] {
	if (!Array.isArray(specs)) throw new GeneratorError('Attributes must be a list of strings such as ["title:string", "views:integer"].');
	if (specs.length > MAX_ATTRIBUTES) {
		throw new GeneratorError(`${specs.length} attributes given; at most ${MAX_ATTRIBUTES} are allowed in one schema.`);
	}
	const attrs = specs.map(parseAttr);
	const seen = new Set<string>();
	for (const attr of attrs) {
		if (seen.has(attr.name)) throw new GeneratorError(`Attribute "${attr.name}" is given twice; each attribute name must be distinct.`);
		seen.add(attr.name);
	}
	return attrs;
}

/** Writes an attribute back in canonical form: type always given, modifiers in the order default, optional, unique, redact. */
export function formatAttr(attr: Attr): string {
	const extra = attr.type === 'array' ? [attr.inner!] : attr.type === 'references' ? [attr.table!] : attr.type === 'enum' ? attr.values! : [];
	return [
		attr.name,
		attr.type,
		...extra,
		...(attr.default === undefined ? [] : ['default', attr.default]),
		...(attr.optional ? ['optional'] : []),
		...(attr.unique ? ['unique'] : []),
		...(attr.redact ? ['redact'] : []),
	].join(':');
}

/** Whether `spec` parses; the error message when it does not. */
export function checkAttr(spec: string): {ok: true; attr: Attr} | {ok: false; message: string} {
	try {
		return {ok: true, attr: parseAttr(spec)};
	} catch (error) {
		if (error instanceof AttributeError) return {ok: false, message: error.message};
		throw error;
	}
}

/** The types, as the tool descriptions and the prompt list them. */
export const TYPE_LIST_TEXT = `${TYPE_LIST} (datetime is an alias of naive_datetime)`;

/** The grammar in one paragraph, for tool input descriptions and the prompt. */
export const ATTRIBUTE_SYNTAX = [
	"Fields, one string each, in the grammar of Phoenix's generators: name[:type[:extra...]][:default:VALUE][:optional][:unique][:redact].",
	'No type means string. Examples: "title", "body:text", "views:integer", "price:decimal", "published:boolean",',
	'"slug:string:unique", "secret:string:redact", "tags:array:string", "status:enum:draft:published",',
	'"user_id:references:users", "published_at:utc_datetime".',
	`Types: ${TYPE_LIST_TEXT}.`,
	'array needs an inner type (tags:array:string), references needs the referenced table (author_id:references:users),',
	'enum needs at least one value (status:enum:draft:published). Trailing :unique adds a unique index and constraint;',
	':redact hides the value in inspect output. Extensions beyond Phoenix: :default:VALUE sets a default in the schema and the migration',
	`(quantity:integer:default:0, status:enum:open:closed:default:open; for ${DEFAULT_TYPES.join(', ')}), and :optional leaves the field out of validate_required (notes:text:optional).`,
	'Timestamps (inserted_at, updated_at) and the id are added automatically: do not list them.',
].join(' ');
