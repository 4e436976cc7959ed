/**
 * The generators' attribute grammar (`name[:type][:unique][:redact]`, `name:array:inner`,
 * `name:references:table`, `name:enum:a:b`), checked here so a bad description is refused
 * before any tool runs, with a message naming the bad part.
 */
import type {FieldDraft, Parsed} from './types.js';

export const TYPES = [
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
	'datetime',
] as const;

const FLAGS = new Set(['unique', 'redact']);
const NAME = /^[a-z_][a-z0-9_]*$/;

/** Checks one attribute string; returns it unchanged when valid. */
export function checkAttr(spec: string): Parsed<string> {
	const parts = spec.split(':');
	const name = parts[0]!;
	if (!NAME.test(name)) {
		return {ok: false, message: `attribute '${spec}': the name '${name}' must be lowercase snake_case (a-z, 0-9, _)`};
	}

	const rest = parts.slice(1);
	while (rest.length > 0 && FLAGS.has(rest[rest.length - 1]!)) rest.pop();
	if (rest.length === 0) return {ok: true, value: spec};
	const type = rest[0]!;
	if (!(TYPES as readonly string[]).includes(type)) {
		return {ok: false, message: `attribute '${spec}': unknown type '${type}'; allowed types: ${TYPES.join(', ')}`};
	}

	if (type === 'references' && (rest.length !== 2 || !NAME.test(rest[1]!))) {
		return {ok: false, message: `attribute '${spec}': references needs a table, as in user_id:references:users`};
	}

	if (type === 'array' && (rest.length !== 2 || !(TYPES as readonly string[]).includes(rest[1]!))) {
		return {ok: false, message: `attribute '${spec}': array needs an inner type, as in tags:array:string`};
	}

	if (type === 'enum' && (rest.length < 2 || rest.slice(1).some(value => value.length === 0))) {
		return {ok: false, message: `attribute '${spec}': enum needs values, as in status:enum:draft:published`};
	}

	if (!['references', 'array', 'enum'].includes(type) && rest.length > 1) {
		return {ok: false, message: `attribute '${spec}': unexpected '${rest.slice(1).join(':')}' after the type ${type}`};
	}

	return {ok: true, value: spec};
}

/** The attribute name: `post_id:references:posts` → `post_id`. */
export function attrName(spec: string): string {
	return spec.split(':')[0]!;
}

/** The referenced table of a references attribute, if it is one. */
export function referencedTable(spec: string): string | undefined {
	const parts = spec.split(':');
	return parts[1] === 'references' ? parts[2] : undefined;
}

/** Writes a field as an attribute string, flags last: `slug:string:unique`. */
export function formatAttr(field: FieldDraft & {type: string}): string {
	return [field.name, field.type, ...(field.unique ? ['unique'] : []), ...(field.redact ? ['redact'] : [])].join(':');
}
