/**
 * Two readings that give different schemas: the planner refuses rather than guess, naming both
 * readings (one line each) and how to say which. Where one reading is the usual one, the planner
 * plans it and states the assumption instead; these are the places where neither is.
 */
import {pluralize, singularize} from './words.js';

export interface TwoReadings {
	/** The words as written: "comments on posts". */
	words: string;
	/** Each reading: what it plans, and the wording that says it. */
	readings: [{plan: string; say: string}, {plan: string; say: string}];
}

/** "comments on posts", "tags for posts": comments belong to one post, or comments and posts are many to many. */
export function ownedOrShared(words: string, thing: string, owner: string): TwoReadings {
	const things = pluralize(thing);
	const owners = pluralize(owner);
	return {
		words,
		readings: [
			{plan: `each of the ${things} belongs to one of the ${owners} (${things} get ${owner}_id)`, say: `${things} belong to ${owners}`},
			{plan: `${owners} and ${things} are many to many (a join table ${owner}_${things})`, say: `${owners} and ${things} are many to many`},
		],
	};
}

/** A plural field with no type and no entity of its name ("orders have products"): another entity, or values. */
export function entitiesOrValues(words: string, owner: string, field: string): TwoReadings {
	const owners = pluralize(owner);
	return {
		words,
		readings: [
			{plan: `${field} name another entity: ${owners} and ${field} are many to many (a join table ${owner}_${field})`, say: `${owners} and ${field} are many to many`},
			{plan: `${field} are values stored in ${owners} (${field}:array:string)`, say: `${field} as an array of strings`},
		],
	};
}

/** Whether a field's name is a plain plural noun ("products", "tags") that could name an entity. */
export function pluralNoun(name: string): boolean {
	return /^[a-z]+$/.test(name) && singularize(name) !== name && pluralize(singularize(name)) === name;
}

export function twoReadingsMessage(list: TwoReadings[]): string {
	const lines = list.flatMap(item => [
		`'${item.words}' can be read two ways that give different schemas:`,
		`  read as A: ${item.readings[0].plan}`,
		`  read as B: ${item.readings[1].plan}`,
		`  say which: write '${item.readings[0].say}' for A, or '${item.readings[1].say}' for B.`,
	]);
	return lines.join('\n');
}

/** "amount (in dollars or in cents)": two units that store the field differently, neither said to be the one. */
export function twoUnits(words: string, field: string, units: [{word: string; column: string; type: string}, {word: string; column: string; type: string}]): TwoReadings {
	const [a, b] = units;
	return {
		words,
		readings: [
			{plan: `${field} is stored in ${a.word} (${a.column}:${a.type})`, say: `${field} in ${a.word}`},
			{plan: `${field} is stored in ${b.word} (${b.column}:${b.type})`, say: `${field} in ${b.word}`},
		],
	};
}
