/** Reading the provider-neutral history: the newest request, and what has happened since. */
import {isRecord} from '../is-record.js';
import type {ConversationItem, FunctionCall, FunctionResult} from '../llm/provider.js';

/** `generate_schema` or `server__generate_schema`. */
export function isTool(name: string, tool: string): boolean {
	return name === tool || name.endsWith(`__${tool}`);
}

export interface Progress {
	/** The newest user message's own words (its query, else its text). */
	request: string;
	/** Items before the newest user message (an earlier conversation, for follow-ups). */
	earlier: ConversationItem[];
	/** Calls the planner made and the results it got since the newest user message. */
	calls: FunctionCall[];
	results: FunctionResult[];
}

export function readProgress(history: ConversationItem[]): Progress | undefined {
	let index = -1;
	history.forEach((item, i) => {
		if (item.role === 'user') index = i;
	});
	if (index === -1) return undefined;
	const user = history[index] as Extract<ConversationItem, {role: 'user'}>;
	const after = history.slice(index + 1);
	return {
		request: user.description ?? user.text,
		earlier: history.slice(0, index),
		calls: after.flatMap(item => (item.role === 'model' ? item.functionCalls : [])),
		results: after.flatMap(item => (item.role === 'tool' ? item.results : [])),
	};
}

export interface KnownEntity {
	schema: string;
	plural: string;
	attrs: string[];
}

/** Schemas generated successfully earlier in the conversation, newest attrs winning, by plural. */
export function knownEntities(earlier: ConversationItem[]): KnownEntity[] {
	const calls = earlier.flatMap(item => (item.role === 'model' ? item.functionCalls : []));
	const results = earlier.flatMap(item => (item.role === 'tool' ? item.results : []));
	const known = new Map<string, KnownEntity>();
	calls.forEach((call, i) => {
		const result = (call.id ? results.find(candidate => candidate.id === call.id) : undefined) ?? results[i];
		if (!isTool(call.name, 'generate_schema') || !result || result.response.isError) return;
		const {schema, plural, attrs} = call.args;
		if (typeof schema !== 'string' || typeof plural !== 'string') return;
		const list = Array.isArray(attrs) ? attrs.filter((attr): attr is string => typeof attr === 'string') : [];
		known.set(plural, {schema, plural, attrs: list});
	});
	return [...known.values()];
}

function record(value: unknown): Record<string, unknown> | undefined {
	return isRecord(value) ? value : undefined;
}

/** What inspect_project said about the project, as far as the planner uses it. */
export interface ProjectFacts {
	/** Tables the project already has (schemas and create_* migrations); undefined when unknown. */
	tables?: Set<string>;
	/** Tables a create_* migration creates: only these can take an alter-table migration. */
	created?: Set<string>;
	/** The project's schemas by table: module relative to the base (`Blog.Post`) and field names. */
	schemas?: Map<string, {schema: string; fields: string[]}>;
	/** The default scope's schema key (`user_id`), which the tools add themselves. */
	scopeKey?: string;
	scopeName?: string;
}

export function projectFacts(result: FunctionResult | undefined): ProjectFacts {
	const content = record(result?.response.structuredContent);
	if (!content) return {};
	const facts: ProjectFacts = {};
	const schemas = content['schemas'];
	const migrations = content['migrations'];
	if (Array.isArray(schemas) || Array.isArray(migrations)) {
		const tables = new Set<string>();
		const created = new Set<string>();
		const base = content['base_module'];
		facts.schemas = new Map();
		for (const schema of Array.isArray(schemas) ? schemas : []) {
			const table = record(schema)?.['table'];
			if (typeof table !== 'string') continue;
			tables.add(table);
			const module = record(schema)?.['module'];
			const fields = record(schema)?.['fields'];
			if (typeof module !== 'string' || typeof base !== 'string' || !module.startsWith(`${base}.`)) continue;
			const names = (Array.isArray(fields) ? fields : []).map(field => record(field)?.['name']).filter((name): name is string => typeof name === 'string');
			facts.schemas.set(table, {schema: module.slice(base.length + 1), fields: names});
		}

		for (const migration of Array.isArray(migrations) ? migrations : []) {
			const creates = typeof migration === 'string' ? /(?:^|_)create_([a-z0-9_]+?)(?:\.exs)?$/.exec(migration) : null;
			if (creates) {
				tables.add(creates[1]!);
				created.add(creates[1]!);
			}
		}

		facts.tables = tables;
		facts.created = created;
	}

	const scopeName = content['default_scope'];
	const scopes = content['scopes'];
	if (typeof scopeName === 'string' && Array.isArray(scopes)) {
		const scope = scopes.map(record).find(candidate => candidate?.['name'] === scopeName);
		const key = scope?.['schema_key'];
		if (typeof key === 'string') {
			facts.scopeKey = key;
			facts.scopeName = scopeName;
		}
	}

	return facts;
}
