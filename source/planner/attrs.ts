/** Reading the planner's own attribute strings (already checked by the grammar). */
import {parseAttr} from '../grammar/attribute.js';

/** The attribute name: `post_id:references:posts` → `post_id`. */
export function attrName(spec: string): string {
	return spec.split(':')[0]!;
}

/** The referenced table of a references attribute, if it is one. */
export function referencedTable(spec: string): string | undefined {
	const parts = spec.split(':');
	return parts[1] === 'references' ? parts[2] : undefined;
}

export function isUnique(spec: string): boolean {
	return parseAttr(spec).unique;
}
