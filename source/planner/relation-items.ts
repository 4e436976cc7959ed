/**
 * Field-list items that are relations in prose, not values: "is nested under a parent category",
 * "a child of another folder", "the approver is another employee", "(the mother,) which is
 * another animal", "an owner who is a user". A type word after "is a" ("which is a decimal") is not one.
 */
import {TYPE_WORDS} from './type-words.js';
import {singularize} from './words.js';

/** `plain` when only "is (a) Y" says so: a reference only when Y is an entity ("an owner who is a user", not "status is draft"). */
export type RelationItem = {kind: 'belongsTo'; target: string; as: 'parent'} | {kind: 'named'; name?: string; target: string; plain: boolean};

const PLACE = '(?:nested|placed|filed|kept|grouped|listed|sits?|sitting|lives?|living|located|stored|organi[sz]ed)';
const UNDER = '(?:under|inside|within|in|below|beneath|into)';
const BE = '(?:(?:is|are|can be|may be|gets?|get|must be|will be) )?';
const NESTED = new RegExp(`^${BE}(?:${PLACE} )?${UNDER} (?:a |an |the |its |their )?(?:parent|another|other|one other) (\\w+)$`);
const CHILD = new RegExp(`^${BE}(?:a |an |the )?(?:child|sub\\w*|descendant|part) of (?:a |an |the |its )?(?:parent |another |other )(\\w+)$`);
const HAS_PARENT = /^(?:has|have|with|can have|may have) (?:a |an |one |its )?(?:optional )?parent (\w+)$/;
const ANOTHER =
	/^(?:((?!(?:which|who|that)\b)\w+(?: (?!(?:which|who|that|is|are)\b)\w+)?) )?(?:(?:which|who|that) )?(?:is|are|is also|are also) (another |also an? |one other |a different |an? )?(\w+)$/;

/** The relation an item states, when it states one; `self` is the singular of the entity described. */
export function relationItem(words: string[], self: string): RelationItem | undefined {
	const text = words.filter(word => word !== ',').join(' ');
	const nested = NESTED.exec(text) ?? CHILD.exec(text) ?? HAS_PARENT.exec(text);
	if (nested) return {kind: 'belongsTo', target: singularize(nested[1]!), as: 'parent'};
	const another = ANOTHER.exec(text);
	if (another) {
		const name = another[1]?.replace(/^(?:the|a|an|its|their) /, '').replace(/ /g, '_');
		const target = singularize(another[3]!);
		// "a price which is a decimal" names a type, not an entity.
		if (name === self || TYPE_WORDS[another[3]!] || TYPE_WORDS[target]) return undefined;
		const plain = !another[2] || /^an? $/.test(another[2]);
		return {kind: 'named', ...(name ? {name} : {}), target, plain};
	}

	return undefined;
}
