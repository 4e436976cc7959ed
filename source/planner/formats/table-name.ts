/**
 * The words around a paste that name its table outright: "table should be called garments",
 * "call the table orders", "table name: orders", "goes in the `orders` table". A name said this
 * way outranks what the paste only suggests ("a sample record from the API").
 */

const QUOTE = '[`"\']?';
const NAME = '([A-Za-z][A-Za-z0-9_]*)';
const SAID: RegExp[] = [
	new RegExp(`\\btable\\s+(?:should|shall|will|would|must|can|could)?\\s*(?:be\\s+)?(?:is\\s+)?(?:called|named)\\s+${QUOTE}${NAME}`, 'i'),
	new RegExp(`\\b(?:call|name)\\s+(?:it|them|the\\s+table|this\\s+table|that\\s+table)\\s+(?:as\\s+)?${QUOTE}${NAME}`, 'i'),
	new RegExp(`\\btable(?:\\s+name)?\\s*[:=]\\s*${QUOTE}${NAME}`, 'i'),
	new RegExp(`\\b(?:in|into|to|for)\\s+(?:the|a|our)\\s+${QUOTE}${NAME}${QUOTE}\\s+table\\b`, 'i'),
];

/** Words that stand before "table" without naming it: "the new table", "the same table". */
const NOT_NAMES = new Set(['new', 'same', 'old', 'main', 'other', 'existing', 'following', 'whole', 'one', 'this', 'that', 'join', 'database', 'db', 'sql', 'legacy', 'current']);

/** The table the words name outright, as written (snake it before use), or undefined. */
export function saidTableName(words: string): string | undefined {
	for (const pattern of SAID) {
		const name = pattern.exec(words)?.[1];
		if (name && !NOT_NAMES.has(name.toLowerCase())) return name;
	}

	return undefined;
}
