/** What the reader makes of a description, before references are resolved into attributes. */
import type {TwoReadings} from './ambiguity.js';

export interface FieldDraft {
	/** snake_case name as read: `stock_count`, `actor` (a reference gets `_id` when resolved). */
	name: string;
	/** The grammar's type part: `text`, `enum:A:B`, `array:string`, `references:users`; absent → inferred. */
	type?: string;
	/** Why the type was chosen, for the plan: "from the name", "from 'in cents'". */
	why?: string;
	/** The entity this field points at (singular snake_case), when the words say so: "actor (a user)". */
	ref?: string;
	default?: string;
	optional: boolean;
	unique: boolean;
	redact: boolean;
	/** The user's words for this field. */
	words: string;
	/** What was guessed from the words, for the plan: "read '(like 21.1)' as float". */
	said?: string[];
	/** Words that give two schemas ("amount (in dollars or in cents)"): the plan is refused naming both. */
	twoReadings?: TwoReadings;
}

export interface Relation {
	/** Target entity, singular snake_case. */
	target: string;
	/** Column name without `_id` when it is not the target's name: `assignee`, `parent`. */
	as?: string;
	unique?: boolean;
}

export interface EntityDraft {
	/** Singular snake_case: `order_item`. */
	singular: string;
	fields: FieldDraft[];
	belongsTo: Relation[];
	/** Entities this one owns ("has many X"): X gets the reference. */
	hasMany: string[];
	hasOne: string[];
	/** A join entity ("memberships join users and organizations"): both references and a unique pair. */
	joins?: [string, string];
	/** From generator syntax: module and verbatim attrs. */
	generator?: {context?: string; alias?: string; plural: string; attrs: string[]};
	/** Read from a pasted structure (SQL, Prisma, ...): its unique pairs and what it assumed. */
	structured?: {format: string; uniquePairs: string[][]; assumptions: string[]};
	/** "unique per organization and user", "a user votes once per poll": names of fields unique together. */
	uniqueTogether?: Array<[string, string]>;
	/** Named without a description of its own (only mentioned or referenced). */
	mentioned: boolean;
	/** The project has it already ("where users already exist"). */
	existing?: boolean;
}

export interface Reading {
	entities: EntityDraft[];
	context?: string;
	binaryId: boolean;
	/** Words read and deliberately left out, with why ("with timestamps: Phoenix adds them"). */
	ignored: string[];
	/** Words that fit nowhere: left out and said so (refused with `strict`, or when no entity is found). */
	unreadable: string[];
	/** What the reader guessed outside any one field ("read 'belogns' as 'belongs'"), for the plan. */
	assumed: string[];
	/** Grammar errors in generator syntax, quoted as they are. */
	errors: string[];
	/** Many-to-many pairs without a named join entity: [owner, thing] singulars. */
	manyToMany: Array<[string, string]>;
	/** Words with two readings that give different schemas: refused, naming both. */
	ambiguous: TwoReadings[];
}
