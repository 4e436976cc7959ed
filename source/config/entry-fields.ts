/**
 * The fields of a server entry and of a workflow as the CLI, the forms, the import and the store
 * handle them, and the one validation of each: a problem per field, so a form can show it beside the
 * field and the command line can name the flag.
 */
// The values module, not the entity: the Servers form is drawn before the ORM is loaded.
import {type ServerTransport, serverTransports, workflowChecks} from '../db/entities/statuses.js';
import type {SeedWorkflow} from '../db/seed.js';
import {EctosmithError} from '../errors.js';
import {envReferences} from './env-references.js';
import {PLACEHOLDERS, templatePlaceholders} from './template-placeholders.js';

/** Names of servers and workflows: letters, digits, "_", "." and "-", starting with a letter or digit. */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const NAME_RULE = 'letters, digits, "_", "." and "-", starting with a letter or digit';
export const ENV_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A day: longer than any tool call should take, short enough to catch a typo of three zeros. */
export const MAX_TIMEOUT_MS = 86_400_000;
export const MAX_TURNS = 1000;

export interface ServerFields {
	name: string;
	command: string;
	args: string[];
	/**
	 * Only the entry's own variables; the MCP service adds a safe base (PATH, HOME, LANG...). Values
	 * may reference our environment (`${GITHUB_TOKEN}`), expanded when the server starts.
	 */
	env: Record<string, string>;
	description: string;
	/** Working directory of the child; null means the current directory. */
	cwd: string | null;
	/** False: kept but never started. */
	enabled: boolean;
	/** Per-call timeout in milliseconds; null means the service's default. */
	timeoutMs: number | null;
	/** Only these tools are offered (null: all). */
	includeTools: string[] | null;
	/** These tools are never offered. */
	excludeTools: string[] | null;
	/** Its writes need no approval. */
	trust: boolean;
	/** Its env may reference our API key (`${GEMINI_API_KEY}`, `${GOOGLE_API_KEY}`); off, the server never gets it. */
	allowApiKey: boolean;
	/** stdio starts `command`; http (streamable HTTP, SSE for older servers) and sse reach `url`. */
	transport: ServerTransport;
	url: string | null;
	headers: Record<string, string> | null;
	/** Other clients' keys we keep and write back. */
	clientKeys: Record<string, unknown> | null;
	/** VS Code `inputs` this entry refers to. */
	clientInputs: Array<Record<string, unknown>> | null;
}

/** A workflow's editable fields: the same shape as an entry of workflows.json, defined once there. */
export type WorkflowFields = SeedWorkflow;
export {type WorkflowChecks, workflowChecks} from '../db/entities/statuses.js';

export type FieldProblems<T> = Partial<Record<keyof T, string>>;

/** A new entry's defaults: enabled, untrusted, stdio. */
export function serverDefaults(name = ''): ServerFields {
	return {
		name,
		command: '',
		args: [],
		env: {},
		description: '',
		cwd: null,
		enabled: true,
		timeoutMs: null,
		includeTools: null,
		excludeTools: null,
		trust: false,
		allowApiKey: false,
		transport: 'stdio',
		url: null,
		headers: null,
		clientKeys: null,
		clientInputs: null,
	};
}

/** Entries or workflows that break the rules; `problems` says which field and why. */
export class ConfigValidationError extends EctosmithError {
	constructor(
		readonly what: string,
		readonly problems: Record<string, string>,
	) {
		super(
			`${what}: ${Object.entries(problems)
				.map(([field, problem]) => `${field} ${problem}`)
				.join('; ')}`,
		);
	}
}

export function nameProblem(name: string, otherNames: Iterable<string> = []): string | undefined {
	if (name.trim() === '') return 'is required';
	if (!NAME_PATTERN.test(name)) return `"${name}" is not allowed: use ${NAME_RULE}`;
	for (const other of otherNames) if (other === name) return `"${name}" is already taken`;
	return undefined;
}

const NUL_PROBLEM = 'holds a NUL character (\\u0000), which a configuration value cannot hold; remove it';

/** The fields (of those given) whose text holds a NUL anywhere (in a list, a key or a value), each with its problem. */
function nulProblems<T extends object>(fields: T, keys: Array<keyof T>): FieldProblems<T> {
	const holdsNul = (value: unknown): boolean =>
		typeof value === 'string'
			? value.includes('\u0000')
			: Array.isArray(value)
				? value.some(holdsNul)
				: value !== null && typeof value === 'object' && Object.entries(value).some(([key, item]) => key.includes('\u0000') || holdsNul(item));
	const problems: FieldProblems<T> = {};
	for (const key of keys) if (holdsNul(fields[key])) problems[key] = NUL_PROBLEM;
	return problems;
}

/** Field-by-field problems of a server entry (empty when it is valid). */
export function serverProblems(fields: ServerFields, otherNames: Iterable<string> = []): FieldProblems<ServerFields> {
	const problems: FieldProblems<ServerFields> = {};
	// Checked first: a NUL makes every other rule moot, and SQLite cannot store it in these columns.
	const nul = nulProblems(fields, ['name', 'command', 'args', 'env', 'description', 'cwd', 'url', 'headers', 'includeTools', 'excludeTools']);
	if (Object.keys(nul).length > 0) return nul;
	const name = nameProblem(fields.name, otherNames);
	if (name) problems.name = name;
	if (!serverTransports.includes(fields.transport)) {
		problems.transport = `must be one of ${serverTransports.join(', ')}`;
	} else if (fields.transport === 'stdio') {
		if (fields.command.trim() === '') problems.command = 'is required (the program that starts the server)';
	} else if (!fields.url || !/^https?:\/\/\S+$/.test(fields.url)) {
		problems.url = 'is required for an HTTP/SSE server (http:// or https://)';
	}

	const badArg = fields.args.findIndex(arg => typeof arg !== 'string');
	if (badArg >= 0) problems.args = `line ${badArg + 1} is not text`;
	const envProblem = envProblems(fields.env);
	if (envProblem) problems.env = envProblem;
	if (fields.cwd !== null && fields.cwd.trim() === '') problems.cwd = 'is empty; leave it out to use the current folder';
	if (fields.timeoutMs !== null && (!Number.isInteger(fields.timeoutMs) || fields.timeoutMs <= 0 || fields.timeoutMs > MAX_TIMEOUT_MS)) {
		problems.timeoutMs = `must be a positive whole number of milliseconds, at most ${MAX_TIMEOUT_MS}`;
	}

	const include = toolListProblem(fields.includeTools);
	if (include) problems.includeTools = include;
	const exclude = toolListProblem(fields.excludeTools);
	if (exclude) problems.excludeTools = exclude;
	const both = (fields.includeTools ?? []).filter(tool => (fields.excludeTools ?? []).includes(tool));
	if (both.length > 0 && !problems.excludeTools) problems.excludeTools = `${both.join(', ')} also included; a tool is either included or excluded`;
	return problems;
}

function envProblems(env: Record<string, string>): string | undefined {
	for (const [key, value] of Object.entries(env)) {
		if (!ENV_KEY_PATTERN.test(key)) return `key "${key}" is not a variable name (letters, digits and "_", not starting with a digit)`;
		if (typeof value !== 'string') return `${key} must be text`;
		const bad = envReferences(value).find(reference => !reference.startsWith('input:') && !ENV_KEY_PATTERN.test(reference));
		if (bad !== undefined) return `${key} references "\${${bad}}", which is not a variable name`;
	}

	return undefined;
}

function toolListProblem(tools: string[] | null): string | undefined {
	if (tools === null) return undefined;
	const bad = tools.find(tool => typeof tool !== 'string' || tool.trim() === '' || /\s/.test(tool));
	return bad === undefined ? undefined : `has "${String(bad)}", which is not a tool name`;
}

/** Field-by-field problems of a workflow; knownServers are the names that exist. */
export function workflowProblems(fields: WorkflowFields, knownServers: Iterable<string>, otherNames: Iterable<string> = []): FieldProblems<WorkflowFields> {
	const nul = nulProblems(fields, ['name', 'description', 'llmModel', 'initialPromptTemplate', 'serverNames']);
	if (Object.keys(nul).length > 0) return nul;
	const problems: FieldProblems<WorkflowFields> = {};
	const name = nameProblem(fields.name, otherNames);
	if (name) problems.name = name;
	if (fields.llmModel.trim() === '') problems.llmModel = 'is required, e.g. gemini-2.5-flash';
	if (fields.initialPromptTemplate.trim() === '') {
		problems.initialPromptTemplate = 'is required';
	} else {
		const {unknown} = templatePlaceholders(fields.initialPromptTemplate);
		if (unknown.length > 0) {
			problems.initialPromptTemplate = `has unknown placeholder(s) ${unknown.map(item => `{{${item}}}`).join(', ')}; known: ${PLACEHOLDERS.map(item => `{{${item}}}`).join(', ')}`;
		}
	}

	if (!Number.isInteger(fields.maxConversationTurns) || fields.maxConversationTurns < 1 || fields.maxConversationTurns > MAX_TURNS) {
		problems.maxConversationTurns = `must be a whole number from 1 to ${MAX_TURNS}`;
	}

	if (fields.checks !== undefined && !(workflowChecks as readonly string[]).includes(fields.checks)) problems.checks = `must be one of ${workflowChecks.join(', ')}`;
	const known = new Set(knownServers);
	if (fields.serverNames.length === 0) {
		problems.serverNames = 'needs at least one MCP server';
	} else {
		const unknown = fields.serverNames.filter(server => !known.has(server));
		if (unknown.length > 0) problems.serverNames = `names unknown server(s) ${unknown.join(', ')}; known: ${[...known].sort().join(', ') || '(none)'}`;
	}

	return problems;
}

/** `KEY=VALUE` lines (or flag values) into an env map; a line without "=" or with a bad key is a problem. */
export function parseEnvLines(lines: string[]): {env: Record<string, string>; problem?: string} {
	const env: Record<string, string> = {};
	for (const [index, raw] of lines.entries()) {
		const line = raw.replace(/\r$/, '');
		if (line.trim() === '') continue;
		const equals = line.indexOf('=');
		if (equals <= 0) return {env, problem: `line ${index + 1} "${line.slice(0, 40)}" is not KEY=VALUE`};
		const key = line.slice(0, equals).trim();
		if (!ENV_KEY_PATTERN.test(key)) return {env, problem: `key "${key}" is not a variable name (letters, digits and "_", not starting with a digit)`};
		env[key] = line.slice(equals + 1);
	}

	return {env};
}
