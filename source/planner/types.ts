/** One entity the planner will generate: a schema, its create-table migration and its context. */
export interface PlannedEntity {
	/** Context module, relative to the app base: `Blog`, `Site.Blog`. */
	context: string;
	/** Last segment of the schema module: `Post`. */
	alias: string;
	/** Schema module as the tools take it: `Blog.Post`. */
	schema: string;
	/** Plural and table name: `posts`. */
	plural: string;
	/** Attributes in the one grammar: `title:string`, `post_id:references:posts`. */
	attrs: string[];
	/** Column pairs that get a unique index (join tables). */
	uniquePairs: string[][];
	/** Assumptions, one per field or entity, for the plan table: "capacity: integer, from the name". */
	assumptions: string[];
	/** Planned only because something references it and the description does not describe it. */
	minimal: boolean;
}

export type Parsed<T> = {ok: true; value: T} | {ok: false; message: string};

/** A description read and resolved: what to generate, and what was left out or assumed. */
export interface Described {
	entities: PlannedEntity[];
	binaryId: boolean;
	/** Words deliberately left out, with why. */
	ignored: string[];
	/** Entities referenced but not described: the project's table is used when it has one. */
	undescribed: string[];
}

/** One tool call of a plan. */
export interface PlannedCall {
	/** The tool's own name (`generate_schema`); matched to `server__generate_schema` too. */
	tool: string;
	args: Record<string, unknown>;
	/** The sentence said before the call. */
	say: string;
}
