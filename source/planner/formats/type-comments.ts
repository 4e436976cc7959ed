/**
 * A trailing comment on a pasted member is the author's type hint: `issuedOn: string // ISO date`
 * is a date, `id: string // uuid` a UUID key, `clientId: number // -> Client` a reference. Read
 * only what the comment names plainly; anything else in it is left as a remark.
 */
import {pluralize, singularize, underscore} from '../words.js';

export interface CommentHint {
	/** A grammar type the comment names: `date`, `utc_datetime`, `text`, `integer`, ... */
	type?: string;
	/** The comment says the value is a UUID. */
	uuid?: boolean;
	/** The table a reference points at (`-> Client`, `FK clients`, `references users`). */
	references?: string;
	/** The words of the comment, for the stated assumption. */
	words: string;
}

/** Kinds of value a comment may name, most specific first: `ISO datetime` before `date`. */
const KINDS: Array<[RegExp, string]> = [
	[/\b(?:date[- ]?time|timestamp(?:tz)?|iso[- ]?8601|instant)\b|T\d\d:\d\d|\bhh:mm/i, 'utc_datetime'],
	[/\bdate\b|\bday\b|yyyy-mm-dd|\d{4}-\d\d-\d\d\b/i, 'date'],
	[/\btime of day\b|^\s*time\b/i, 'time'],
	[/\b(?:long text|markdown|html|multi-?line|paragraphs?)\b/i, 'text'],
	[/\b(?:int|integer|whole number|cents|pence|minor units)\b/i, 'integer'],
	[/\b(?:decimal|money|currency amount)\b/i, 'decimal'],
	[/\b(?:float|double)\b/i, 'float'],
];

export function readComment(comment: string | undefined): CommentHint | undefined {
	const words = comment?.replace(/^\s*(?:\/\/+|#|--)\s*/, '').trim();
	if (!words) return undefined;
	const hint: CommentHint = {words};
	if (/\buuid\b|\bguid\b/i.test(words)) hint.uuid = true;
	const target = /(?:->|→|=>|\bfk\b:?|\bforeign key (?:to )?|\breferences?\b:?|\bref\b:?)\s*([A-Za-z_][\w.]*)/i.exec(words)?.[1];
	if (target) hint.references = pluralize(singularize(underscore(target.split('.').pop()!.replace(/\(.*$/, ''))));
	const kind = KINDS.find(([pattern]) => pattern.test(words));
	if (kind && !hint.uuid) hint.type = kind[1];
	return hint;
}
