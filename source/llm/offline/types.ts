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
	/** Attributes in the generators' grammar: `title:string`, `post_id:references:posts`. */
	attrs: string[];
}

/** A field read from English before it becomes an attribute string. */
export interface FieldDraft {
	name: string;
	/** Everything after the name's colon (`text`, `array:string`, `references:users`); absent → inferred. */
	type?: string;
	unique: boolean;
	redact: boolean;
}

export type Parsed<T> = {ok: true; value: T} | {ok: false; message: string};
