/**
 * Type inference from common field names, for descriptions that give no type.
 * Rules are checked in order; the first match wins; anything else is a string.
 */

const TEXT_NAMES = new Set(['body', 'description', 'content', 'bio', 'notes', 'summary']);
const BOOLEAN_NAMES = new Set(['published', 'active', 'enabled', 'archived', 'verified', 'visible', 'completed', 'done']);
const DECIMAL_NAMES = new Set(['price', 'amount', 'total', 'cost']);
const INTEGER_NAMES = new Set(['count', 'age', 'quantity', 'stock', 'position', 'rating', 'priority', 'rank', 'score', 'year', 'servings', 'cents']);
const FLOAT_NAMES = new Set(['latitude', 'longitude', 'lat', 'lng', 'lon']);

function lastWord(name: string): string {
	const parts = name.split('_');
	return parts[parts.length - 1]!;
}

/** The type for a field named `name` (snake_case) when the description gives none. */
export function inferType(name: string): string {
	const last = lastWord(name);
	if (name === 'email') return 'string';
	if (TEXT_NAMES.has(name) || (name.includes('_') && TEXT_NAMES.has(last) && last !== 'summary')) return 'text';
	// "a start time" of an event is a moment, not a time of day (write "as time" for that).
	if (name.endsWith('_at') || /_(?:time|datetime|timestamp)$/.test(name) || name === 'datetime' || name === 'timestamp') return 'utc_datetime';
	if (name.endsWith('_on') || name.endsWith('_date') || name === 'date') return 'date';
	if (/^(?:is|has|can)_/.test(name) || BOOLEAN_NAMES.has(name)) return 'boolean';
	if (DECIMAL_NAMES.has(last)) return 'decimal';
	if (INTEGER_NAMES.has(name) || /_(?:count|cents|seconds|minutes|hours|days|ms|bytes)$/.test(name)) return 'integer';
	if (FLOAT_NAMES.has(name)) return 'float';
	if (name === 'uuid' || name.endsWith('_uuid')) return 'uuid';
	return 'string';
}
