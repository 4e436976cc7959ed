/**
 * Cleans an MCP tool's JSON Schema into what Gemini's `parametersJsonSchema` accepts.
 * Gemini rejects a whole request for one keyword it does not know (`$schema` is the classic),
 * so the schema is rebuilt from a list of keywords known to work rather than by deleting bad ones:
 * local `$ref`s are inlined (a recursive one becomes a plain object), `definitions`/`$defs` dropped,
 * `oneOf` read as `anyOf`, `const` as a one-value `enum`, `type: [X, "null"]` as X + `nullable`,
 * single-schema `allOf` merged, and `additionalProperties` kept only as a schema (a map's values).
 * The input is never modified.
 */

type Schema = Record<string, unknown>;

/** Keywords copied as they are (values are not schemas). */
const PLAIN_KEYWORDS = new Set([
	'type',
	'title',
	'description',
	'nullable',
	'enum',
	'format',
	'minItems',
	'maxItems',
	'minimum',
	'maximum',
	'minLength',
	'maxLength',
	'pattern',
	'minProperties',
	'maxProperties',
	'default',
	'propertyOrdering',
]);

/** String formats Gemini understands; others are dropped (and mentioned in the description). */
const STRING_FORMATS = new Set(['date-time', 'date', 'time', 'enum', 'email', 'uri', 'uuid']);
const NUMBER_FORMATS = new Set(['int32', 'int64', 'float', 'double']);

/** How deep `$ref` inlining may nest before a reference is treated as recursive. */
const MAX_REF_DEPTH = 8;

/**
 * Keywords left out without loss of meaning: annotations, the definitions `$ref`s are inlined from,
 * and `additionalProperties: false` (arguments are checked against the full schema before a call).
 */
const HARMLESS_KEYWORDS = new Set(['$schema', '$id', '$comment', '$anchor', 'definitions', '$defs', 'examples', 'readOnly', 'writeOnly', 'deprecated', 'additionalProperties']);
/** Keywords this module converts (their meaning survives in another form). */
const CONVERTED_KEYWORDS = new Set(['$ref', 'allOf', 'anyOf', 'oneOf', 'const', 'properties', 'required', 'items', 'prefixItems']);

export function cleanSchemaForGemini(schema: Record<string, unknown>): Record<string, unknown> {
	return convert(schema, undefined);
}

/**
 * What the conversion drops that Gemini's function-declaration format cannot express, one line per
 * place: `attrs[]: uniqueItems`, `name: format "hostname"`. Empty when nothing of meaning is lost.
 */
export function geminiSchemaLosses(schema: Record<string, unknown>): string[] {
	const losses: string[] = [];
	convert(schema, losses);
	return [...new Set(losses)];
}

function convert(schema: Record<string, unknown>, losses: string[] | undefined): Record<string, unknown> {
	const root = isObject(schema) ? schema : {};
	const cleaned = cleanNode(root, {root, refStack: [], path: '', ...(losses ? {losses} : {})});
	// Function parameters must be an object schema.
	if (cleaned['type'] === undefined && cleaned['anyOf'] === undefined) cleaned['type'] = 'object';
	if (cleaned['type'] === 'object' && cleaned['properties'] === undefined) cleaned['properties'] = {};
	return cleaned;
}

interface Context {
	root: Schema;
	/** The `$ref`s being inlined above this node, to stop recursion. */
	refStack: string[];
	/** Where this node is, for loss reports: `attrs[]`, `options.scope`; '' at the root. */
	path: string;
	/** Collects what is dropped, when asked (geminiSchemaLosses). */
	losses?: string[];
}

function lose(context: Context, what: string): void {
	context.losses?.push(`${context.path || '(arguments)'}: ${what}`);
}

function at(context: Context, segment: string): Context {
	return {...context, path: segment.startsWith('[') || context.path === '' ? `${context.path}${segment}` : `${context.path}.${segment}`};
}

function cleanNode(node: unknown, context: Context): Schema {
	if (node === true || !isObject(node)) return {};
	let source: Schema = node;

	if (typeof source['$ref'] === 'string') {
		const ref = source['$ref'];
		const target = resolveLocalRef(context.root, ref);
		const siblings = withoutKeys(source, ['$ref']);
		if (!target || context.refStack.includes(ref) || context.refStack.length >= MAX_REF_DEPTH) {
			// Unknown or recursive: a loose object keeps the request valid; the description says what it was.
			const name = ref.split('/').at(-1) ?? ref;
			lose(context, target ? `recursive $ref ${ref} (sent as a loose object)` : `unresolvable $ref ${ref} (sent as a loose object)`);
			return cleanNode({type: 'object', description: `A ${name} (recursive schema, not expanded).`, ...siblings}, context);
		}
		return cleanNode({...target, ...siblings}, {...context, refStack: [...context.refStack, ref]});
	}

	source = mergeAllOf(source);
	const out: Schema = {};
	for (const [key, value] of Object.entries(source)) {
		if (PLAIN_KEYWORDS.has(key)) out[key] = structuredClone(value);
		else if (!HARMLESS_KEYWORDS.has(key) && !CONVERTED_KEYWORDS.has(key)) lose(context, key);
	}

	if (typeof source['format'] === 'string') {
		const allowed = source['type'] === 'string' ? STRING_FORMATS : NUMBER_FORMATS;
		if (!allowed.has(source['format'])) lose(context, `format "${source['format']}"`);
	}

	if (Array.isArray(source['enum']) && source['enum'].some(value => value !== null && !['string', 'number', 'boolean'].includes(typeof value))) {
		lose(context, 'enum values that are not strings, numbers or booleans');
	}

	if ('const' in source && out['enum'] === undefined) out['enum'] = [structuredClone(source['const'])];
	normaliseType(out);
	normaliseFormat(out);
	normaliseEnum(out);

	if (isObject(source['properties'])) {
		const properties: Schema = {};
		for (const [name, child] of Object.entries(source['properties'])) properties[name] = cleanNode(child, at(context, name));
		out['properties'] = properties;
		if (out['type'] === undefined) out['type'] = 'object';
	}
	if (Array.isArray(source['required'])) {
		const known = isObject(out['properties']) ? out['properties'] : {};
		const required = source['required'].filter((name): name is string => typeof name === 'string' && name in known);
		if (required.length > 0) out['required'] = required;
	}
	if (isObject(source['additionalProperties'])) {
		out['additionalProperties'] = cleanNode(source['additionalProperties'], at(context, '{}'));
	}

	if (source['items'] !== undefined) {
		// Tuple-style `items: [a, b]` (draft 4-7) becomes prefixItems' first entry as the element type.
		const items = Array.isArray(source['items']) ? source['items'][0] : source['items'];
		if (Array.isArray(source['items']) && source['items'].length > 1) lose(context, 'tuple items (only the first position is kept)');
		out['items'] = cleanNode(items, at(context, '[]'));
	} else if (Array.isArray(source['prefixItems']) && source['prefixItems'].length > 0) {
		if (source['prefixItems'].length > 1) lose(context, 'prefixItems (only the first position is kept)');
		out['items'] = cleanNode(source['prefixItems'][0], at(context, '[]'));
	}
	if (out['type'] === 'array' && out['items'] === undefined) out['items'] = {};

	const union = Array.isArray(source['anyOf']) ? source['anyOf'] : Array.isArray(source['oneOf']) ? source['oneOf'] : undefined;
	if (union) applyUnion(out, union, context);

	return out;
}

/** `type: ["string", "null"]` → `type: "string", nullable: true`; several real types → anyOf. */
function normaliseType(out: Schema): void {
	const type = out['type'];
	if (!Array.isArray(type)) return;
	const real = type.filter((entry): entry is string => typeof entry === 'string' && entry !== 'null');
	if (real.length < type.length) out['nullable'] = true;
	if (real.length === 0) {
		delete out['type'];
	} else if (real.length === 1) {
		out['type'] = real[0];
	} else {
		delete out['type'];
		out['anyOf'] = real.map(entry => ({type: entry}));
	}
}

function normaliseFormat(out: Schema): void {
	const format = out['format'];
	if (format === undefined) return;
	const allowed = out['type'] === 'string' ? STRING_FORMATS : NUMBER_FORMATS;
	if (typeof format === 'string' && allowed.has(format)) return;
	delete out['format'];
	if (typeof format === 'string') {
		const description = typeof out['description'] === 'string' ? `${out['description']} ` : '';
		out['description'] = `${description}(format: ${format})`.trim();
	}
}

/** Gemini wants enum values of one scalar kind; an enum of strings keeps `type: string`. */
function normaliseEnum(out: Schema): void {
	const values = out['enum'];
	if (!Array.isArray(values)) return;
	const kept = values.filter(value => value !== null && ['string', 'number', 'boolean'].includes(typeof value));
	if (kept.length < values.length && values.includes(null)) out['nullable'] = true;
	if (kept.length === 0) {
		delete out['enum'];
		return;
	}
	out['enum'] = kept;
	if (out['type'] === undefined && kept.every(value => typeof value === 'string')) out['type'] = 'string';
}

function applyUnion(out: Schema, union: unknown[], context: Context): void {
	const branches = union.filter(branch => !(isObject(branch) && branch['type'] === 'null'));
	if (branches.length < union.length) out['nullable'] = true;
	const cleaned = branches.map(branch => cleanNode(branch, context));
	if (cleaned.length === 1) {
		// One real branch: fold it in instead of keeping a one-entry union.
		for (const [key, value] of Object.entries(cleaned[0]!)) if (out[key] === undefined) out[key] = value;
	} else if (cleaned.length > 1) {
		const existing = Array.isArray(out['anyOf']) ? (out['anyOf'] as Schema[]) : [];
		out['anyOf'] = [...existing, ...cleaned];
	}
}

/** allOf: the members' keywords merged into the node (properties and required unioned). */
function mergeAllOf(node: Schema): Schema {
	const members = node['allOf'];
	if (!Array.isArray(members)) return node;
	const merged: Schema = withoutKeys(node, ['allOf']);
	for (const member of members) {
		if (!isObject(member)) continue;
		const flat = mergeAllOf(member);
		for (const [key, value] of Object.entries(flat)) {
			if (key === 'properties' && isObject(value)) {
				merged['properties'] = {...(isObject(merged['properties']) ? merged['properties'] : {}), ...value};
			} else if (key === 'required' && Array.isArray(value)) {
				const current = Array.isArray(merged['required']) ? merged['required'] : [];
				merged['required'] = [...new Set([...current, ...value])];
			} else if (merged[key] === undefined) {
				merged[key] = value;
			}
		}
	}
	return merged;
}

/** `#`, `#/definitions/X`, `#/$defs/X` or any local JSON pointer; undefined when it is remote or missing. */
function resolveLocalRef(root: Schema, ref: string): Schema | undefined {
	if (ref === '#') return root;
	if (!ref.startsWith('#/')) return undefined;
	let current: unknown = root;
	for (const rawSegment of ref.slice(2).split('/')) {
		const segment = decodeURIComponent(rawSegment).replaceAll('~1', '/').replaceAll('~0', '~');
		if (!isObject(current)) return undefined;
		current = current[segment];
	}
	return isObject(current) ? current : undefined;
}

function withoutKeys(node: Schema, keys: string[]): Schema {
	return Object.fromEntries(Object.entries(node).filter(([key]) => !keys.includes(key)));
}

function isObject(value: unknown): value is Schema {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
