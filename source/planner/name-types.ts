/**
 * The field names that say their type on their own (capacity, salary, birthday, issued_on). Each
 * inference carries its reason, so the plan can state it ("capacity: integer, from the name").
 */

const TEXT = new Set([
	'body',
	'summary',
	'description',
	'content',
	'bio',
	'notes',
	'instructions',
	'instruction',
	'text',
	'comment',
	'biography',
	'details',
	'about',
	'message_body',
	'transcript',
	'memo_text',
	'abstract',
	'synopsis',
]);
const BOOLEAN = new Set([
	'published',
	'active',
	'enabled',
	'archived',
	'verified',
	'visible',
	'completed',
	'done',
	'featured',
	'pinned',
	'locked',
	'anonymous',
	'billable',
	'confirmed',
	'present',
	'available',
	'approved',
	'private',
	'public',
	'read',
	'spicy',
	'remote',
	'covered',
	'fulfilled',
	'succeeded',
	'vegetarian',
	'vegan',
	'checked',
	'reimbursed',
	'paid',
	'deleted',
	'hidden',
	'draft',
	'admin',
	'blocked',
	'banned',
	'subscribed',
	'default',
	'primary',
	'open',
	'closed',
	'resolved',
	'starred',
	'favorite',
	'favourite',
	'in_stock',
	'taxable',
	'refundable',
	'recurring',
	'urgent',
	'online',
]);
const DECIMAL = new Set([
	'price',
	'amount',
	'total',
	'cost',
	'fee',
	'salary',
	'budget',
	'balance',
	'rate',
	'goal',
	'subtotal',
	'tax',
	'wage',
	'revenue',
	'income',
	'paid',
	'tip',
	'discount',
	'deposit',
	'fare',
	'charge',
	'spend',
	'spent',
	'worth',
	'rent',
	'premium',
	'payout',
]);
const INTEGER = new Set([
	'count',
	'age',
	'quantity',
	'qty',
	'capacity',
	'stock',
	'position',
	'rating',
	'priority',
	'rank',
	'score',
	'year',
	'servings',
	'seats',
	'pages',
	'copies',
	'credits',
	'points',
	'sets',
	'reps',
	'floor',
	'bedrooms',
	'bathrooms',
	'sqft',
	'mileage',
	'population',
	'calories',
	'attempts',
	'stars',
	'views',
	'likes',
	'votes',
	'index',
	'level',
	'size',
	'guests',
	'number',
	'duration',
	'length',
	'rooms',
	'beds',
	'steps',
	'laps',
	'rate_limit',
	'retries',
	'version_number',
	'room_number',
	'track_number',
	'table_number',
	'house_number',
	'page_number',
	'heart_rate',
	'weight_grams',
	'minutes',
	'seconds',
	'hours',
	'days',
]);
const FLOAT = new Set(['latitude', 'longitude', 'lat', 'lng', 'lon', 'weight', 'height', 'width', 'depth', 'distance', 'temperature', 'ratio', 'percentage_float']);
const MAP = new Set(['metadata', 'meta', 'data', 'payload', 'settings', 'preferences', 'attributes', 'options', 'config', 'configuration', 'extra', 'params', 'properties_map']);
const DATE = new Set(['date', 'birthday', 'birthdate', 'dob', 'date_of_birth', 'week_of', 'month', 'deadline', 'anniversary']);
const DATETIME = new Set(['datetime', 'timestamp', 'time', 'start_time', 'end_time']);
/** `X_number` is a string (passport_number, tracking_number) unless it counts or orders something. */
const INTEGER_NUMBERS = new Set([
	'room',
	'track',
	'table',
	'house',
	'version',
	'floor',
	'episode',
	'season',
	'chapter',
	'lap',
	'step',
	'line',
	'issue',
	'build',
	'jersey',
	'shirt',
	'squad',
	'bib',
	'uniform',
]);
/** Entities that are places in a row: their bare `number` counts (room 12, table 4). */
// biome-ignore format: a word list, one line
const NUMBERED_PLACES = new Set(['room', 'table', 'spot', 'seat', 'locker', 'court', 'lane', 'floor', 'page', 'chapter', 'episode', 'season', 'track', 'level', 'step', 'lap', 'round', 'week', 'day', 'hole', 'stage', 'station', 'bed', 'desk', 'cabin', 'berth', 'stall', 'pitch', 'booth', 'platform', 'apartment', 'unit', 'suite']);
/** Entities that are people: their `position` is a role ("goalkeeper", "CTO"), not a place in an order. */
const PEOPLE = new Set(['player', 'employee', 'member', 'staff', 'staff_member', 'candidate', 'applicant', 'worker', 'person', 'user', 'contact', 'volunteer', 'athlete', 'officer', 'hire']);
export interface Inferred {
	type: string;
	/** Why, for the plan: "from the name". */
	why?: string;
}

function last(name: string): string {
	const parts = name.split('_');
	return parts[parts.length - 1]!;
}

/** "an invoice", "a flight": the entity with its article, for the plan's lines. */
function an(singular: string): string {
	const words = singular.replace(/_/g, ' ');
	return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`;
}

/** The type a field's name implies when the words give none; `why` is absent for plain strings. */
export function inferType(name: string, owner?: string): Inferred {
	const tail = last(name);
	const named = (type: string): Inferred => ({type, why: 'from the name'});
	// A bare number identifies a record (invoice, flight, slip): letters and leading zeros happen; places in a row count.
	if (name === 'number' && owner) return NUMBERED_PLACES.has(owner) ? named('integer') : {type: 'string', why: `from the name: ${an(owner)}'s number identifies it and may hold letters`};
	if ((name === 'position' || name === 'rank') && owner && PEOPLE.has(owner)) return {type: 'string', why: `from the name: ${an(owner)}'s ${name} is a role`};
	if (name === 'email' || name.endsWith('_email') || name.endsWith('_url') || name === 'url' || name === 'slug' || name.endsWith('_name') || name === 'name' || name === 'title')
		return {type: 'string'};
	if (TEXT.has(name) || (name.includes('_') && TEXT.has(tail) && tail !== 'text')) return named('text');
	if (name.endsWith('_at') || DATETIME.has(name) || name.endsWith('_time') || name.endsWith('_datetime') || name.endsWith('_timestamp')) return named('utc_datetime');
	if (name.endsWith('_on') || name.endsWith('_date') || DATE.has(name) || name.startsWith('date_of_')) return named('date');
	if (/^(?:is|has|can|should|was|allow|allows)_/.test(name) || BOOLEAN.has(name)) return named('boolean');
	if (name.endsWith('_number')) return INTEGER_NUMBERS.has(name.slice(0, -'_number'.length)) ? named('integer') : {type: 'string'};
	if (/(?:^|_)(?:start|end|starts|ends|begin|finish)$/.test(name) && name.includes('_')) return named('date');
	if (
		INTEGER.has(name) ||
		/^(?:max|min|num|number|total_number)_/.test(name) ||
		/_(?:count|cents|seconds|minutes|hours|days|ms|bytes|size|index|year|percent|points|level|rate_bpm)$/.test(name) ||
		name.endsWith('_heart_rate')
	)
		return named('integer');
	if (DECIMAL.has(tail) || DECIMAL.has(name) || name.endsWith('_value') || name.endsWith('_price')) return named('decimal');
	if (INTEGER.has(tail) && !['number', 'order', 'level', 'index', 'size', 'length', 'duration', 'time'].includes(tail)) return named('integer');
	if (FLOAT.has(name)) return named('float');
	if (MAP.has(name)) return named('map');
	if (name === 'uuid' || name.endsWith('_uuid')) return named('uuid');
	return {type: 'string'};
}
