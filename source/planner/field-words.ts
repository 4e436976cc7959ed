/** The word lists a field is read with: articles, modifiers, stops, enum heads. */
import type {Word} from './words.js';

export const ARTICLES = new Set(['a', 'an', 'the', 'some', 'its', 'their', 'his', 'her', 'my', 'our', 'your', 'each', 'every', 'own', 'any']);
// biome-ignore format: a word list, one line
export const COPULA = new Set(['which', 'that', 'is', 'are', 'must', 'should', 'be', 'will', 'always', 'can', 'could', 'may', 'has', 'have']);
// biome-ignore format: a word list, one line
export const UNIQUE = new Set(['unique', 'distinct']);
// biome-ignore format: a word list, one line
export const REDACT = new Set(['redacted', 'redact', 'sensitive', 'hidden_in_logs']);
// biome-ignore format: a word list, one line
export const OPTIONAL = new Set(['optional', 'nullable', 'null', 'blank', 'empty']);
// biome-ignore format: a word list, one line
export const REQUIRED = new Set(['required', 'mandatory', 'needed']);
/** Words never part of a field's name. */
// biome-ignore format: a word list, one line
export const NAME_STOPS = new Set(['and', 'or', 'to', 'with', 'for', 'in', 'as', 'has', 'have', 'many', 'belongs', 'belong', 'from', 'which', 'that', 'be', 'is', 'are', 'per', 'if', 'when', 'where', 'not', 'no', 'every', 'should', 'must', 'will']);
/** Connectors a name may hold: "placed at", "issued on", "uploaded by", "date of birth". */
// biome-ignore format: a word list, one line
export const TAIL_CONNECTORS = new Set(['at', 'on', 'by', 'of']);
export const MAX_NAME_WORDS = 4;
/** Names that announce values after them with no "is"/"of": "status pending, paid or void". */
// biome-ignore format: a word list, one line
export const ENUM_HEADS = new Set(['status', 'state', 'kind', 'type', 'role', 'priority', 'level', 'stage', 'phase', 'tier', 'mode', 'category', 'severity', 'visibility', 'direction', 'arm', 'gender', 'size', 'plan']);
/** Words about behaviour, not data: "make it fast", "cached in redis", "soft deletable". */
// biome-ignore format: a word list, one line
export const BEHAVIOUR = new Set(['it', 'them', 'they', 'this', 'these', 'those', 'we', 'i', 'you', 'me', 'ensure', 'validate', 'validated', 'cached', 'cache', 'synced', 'sync', 'fast', 'deletable', 'searchable', 'indexed', 'paginated', 'realtime', 'encrypted', 'should', 'would', 'could', 'once', 'per']);
// biome-ignore format: a word list, one line
export const MARKS = new Set([',', '/', '|', 'or', 'and', '&']);

export function low(tokens: Word[]): string[] {
	return tokens.map(token => token.low);
}
