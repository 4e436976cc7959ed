/**
 * The server files of the MCP clients people use, read and written: the `mcpServers` map of Claude
 * Desktop, Cursor (~/.cursor/mcp.json) and Gemini CLI settings (cwd, timeout, trust, includeTools,
 * excludeTools, headers, url, httpUrl), and VS Code's `servers` map (with `type`) and `inputs`.
 * HTTP/SSE entries are kept with their url and headers, keys we do not use are kept and written
 * back, and a malformed file is one line naming the place. Comments and trailing commas (VS Code and
 * Gemini allow them) are accepted.
 */
import {createScanner, type ParseError, parse, printParseErrorCode, SyntaxKind} from 'jsonc-parser';
import {EctosmithError} from '../errors.js';
import {isRecord} from '../is-record.js';
import {expandPackage} from './app-config.js';
import {nameProblem, type ServerFields, serverDefaults, serverProblems} from './entry-fields.js';
import {envReferences, isApiKeyVariable} from './env-references.js';
import {maskEntrySecrets, maskInText} from './secrets.js';

export const CLIENT_FORMATS = ['claude', 'cursor', 'vscode', 'gemini'] as const;
export type ClientFormat = (typeof CLIENT_FORMATS)[number];

/** A client file that cannot be read: the message names the file and the place in it. */
export class ClientFileError extends EctosmithError {}

export interface ClientFile {
	/** The shape found: "mcpServers" (Claude Desktop, Cursor, Gemini CLI) or "servers" (VS Code). */
	shape: 'mcpServers' | 'servers';
	entries: ServerFields[];
	/** What the user should know: keys kept, entries not runnable, inputs to fill in. */
	notes: string[];
}

/** Keys of an entry we read into fields; anything else is kept as a client key. */
const KNOWN_KEYS = new Set(['type', 'command', 'args', 'env', 'cwd', 'description', 'timeout', 'trust', 'includeTools', 'excludeTools', 'headers', 'url', 'httpUrl', 'disabled', 'enabled']);

export function parseClientFile(text: string, file: string): ClientFile {
	const json = parseJsonc(text, file);
	if (!isRecord(json)) throw new ClientFileError(`${file}: expected a JSON object with "mcpServers" or "servers"`);
	let map: unknown;
	let shape: ClientFile['shape'];
	let prefix: string;
	if (json.mcpServers !== undefined) {
		[map, shape, prefix] = [json.mcpServers, 'mcpServers', 'mcpServers'];
	} else if (json.servers !== undefined) {
		[map, shape, prefix] = [json.servers, 'servers', 'servers'];
	} else if (isRecord(json.mcp) && json.mcp.servers !== undefined) {
		// VS Code's user settings.json holds the same map under "mcp".
		[map, shape, prefix] = [json.mcp.servers, 'servers', 'mcp.servers'];
	} else {
		throw new ClientFileError(`${file}: no server map found; expected "mcpServers" (Claude Desktop, Cursor, Gemini CLI) or "servers" (VS Code)`);
	}

	if (!isRecord(map)) throw new ClientFileError(`${file}: "${prefix}" must be an object of server entries`);
	const inputs = readInputs(isRecord(json.mcp) && json.inputs === undefined ? json.mcp.inputs : json.inputs, file);
	const notes: string[] = [];
	const others = Object.keys(json).filter(key => !['mcpServers', 'servers', 'inputs', 'mcp'].includes(key));
	if (others.length > 0) notes.push(`ignored the file's other settings: ${others.join(', ')}`);
	const entries = Object.entries(map).map(([name, entry]) => readEntry(name, entry, `${file}: ${prefix}.${name}`, inputs, notes));
	return {shape, entries, notes};
}

function readInputs(value: unknown, file: string): Map<string, Record<string, unknown>> {
	if (value === undefined) return new Map();
	if (!Array.isArray(value) || !value.every(item => isRecord(item) && typeof item.id === 'string')) {
		throw new ClientFileError(`${file}: "inputs" must be an array of objects with an "id"`);
	}

	return new Map((value as Array<Record<string, unknown>>).map(input => [input.id as string, input]));
}

function readEntry(name: string, entry: unknown, where: string, inputs: Map<string, Record<string, unknown>>, notes: string[]): ServerFields {
	const problem = nameProblem(name);
	if (problem) throw new ClientFileError(`${where}: the name ${problem}`);
	if (!isRecord(entry)) throw new ClientFileError(`${where} must be an object`);
	const fields = serverDefaults(name);
	const kept = Object.fromEntries(Object.entries(entry).filter(([key]) => !KNOWN_KEYS.has(key)));
	if (Object.keys(kept).length > 0) {
		fields.clientKeys = kept;
		notes.push(`${name}: kept key(s) we do not use: ${Object.keys(kept).join(', ')} (written back on export)`);
	}

	const type = optionalString(entry, 'type', where);
	const httpUrl = optionalString(entry, 'httpUrl', where);
	const url = optionalString(entry, 'url', where);
	if (type !== undefined && !['stdio', 'http', 'sse', 'streamable-http', 'streamableHttp'].includes(type)) {
		throw new ClientFileError(`${where}: "type" "${type}" is not one of stdio, http, sse`);
	}

	if (type === 'http' || type === 'streamable-http' || type === 'streamableHttp' || (type === undefined && httpUrl !== undefined)) {
		fields.transport = 'http';
	} else if (type === 'sse' || (type === undefined && url !== undefined && entry.command === undefined)) {
		fields.transport = 'sse';
	}

	if (fields.transport === 'stdio') {
		const command = optionalString(entry, 'command', where);
		if (command === undefined || command.trim() === '') throw new ClientFileError(`${where}: has neither "command" nor "url"`);
		fields.command = command;
	} else {
		fields.url = httpUrl ?? url ?? null;
		if (!fields.url) throw new ClientFileError(`${where}: an ${fields.transport} entry needs "url"`);
		if (entry.command !== undefined) fields.command = optionalString(entry, 'command', where) ?? '';
		notes.push(`${name}: ${fields.transport.toUpperCase()} server at ${maskInText(fields.url ?? '').value}, reached over the network (its headers are masked like env values)`);
	}

	fields.args = stringList(entry, 'args', where) ?? [];
	fields.env = stringMap(entry, 'env', where) ?? {};
	fields.headers = stringMap(entry, 'headers', where) ?? null;
	fields.cwd = optionalString(entry, 'cwd', where) ?? null;
	fields.description = optionalString(entry, 'description', where) ?? '';
	fields.includeTools = stringList(entry, 'includeTools', where) ?? null;
	fields.excludeTools = stringList(entry, 'excludeTools', where) ?? null;
	if (entry.timeout !== undefined) {
		if (typeof entry.timeout !== 'number' || !Number.isInteger(entry.timeout) || entry.timeout <= 0) {
			throw new ClientFileError(`${where}: "timeout" must be a positive whole number of milliseconds`);
		}

		fields.timeoutMs = entry.timeout;
	}

	fields.trust = optionalBoolean(entry, 'trust', where) ?? false;
	const disabled = optionalBoolean(entry, 'disabled', where);
	const enabled = optionalBoolean(entry, 'enabled', where);
	fields.enabled = enabled ?? (disabled === undefined ? true : !disabled);

	const referenced = [...Object.values(fields.env), ...fields.args, ...Object.values(fields.headers ?? {})]
		.flatMap(value => envReferences(value))
		.filter(reference => reference.startsWith('input:'))
		.map(reference => reference.slice('input:'.length));
	if (referenced.length > 0) {
		const ids = [...new Set(referenced)];
		const found = ids.map(id => inputs.get(id)).filter((input): input is Record<string, unknown> => input !== undefined);
		if (found.length > 0) fields.clientInputs = found;
		notes.push(`${name}: asks for VS Code input(s) ${ids.join(', ')}; before running it here, replace them with a value or a \${VARIABLE} (ectosmith servers edit ${name} --env KEY=...)`);
	}

	const bare = Object.entries(fields.env).filter(([, value]) => /(^|[^$])\$[A-Za-z_][A-Za-z0-9_]*/.test(value.replace(/\$\{[^}]*\}/g, '')));
	if (bare.length > 0) {
		notes.push(`${name}: env ${bare.map(([key]) => key).join(', ')} use $NAME; ectosmith expands only \${NAME}, so it is passed as written`);
	}

	const apiKey = Object.entries(fields.env).filter(([, value]) => envReferences(value).some(isApiKeyVariable));
	if (apiKey.length > 0) {
		notes.push(`${name}: env ${apiKey.map(([key]) => key).join(', ')} references ectosmith's API key, which it gets only once allowed (ectosmith servers edit ${name} --allow-api-key)`);
	}

	const problems = Object.entries(serverProblems(fields));
	if (problems.length > 0) {
		const [field, message] = problems[0]!;
		throw new ClientFileError(`${where}: ${field} ${message}`);
	}

	return fields;
}

function optionalString(entry: Record<string, unknown>, key: string, where: string): string | undefined {
	const value = entry[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw new ClientFileError(`${where}: "${key}" must be a string`);
	return value;
}

function optionalBoolean(entry: Record<string, unknown>, key: string, where: string): boolean | undefined {
	const value = entry[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'boolean') throw new ClientFileError(`${where}: "${key}" must be true or false`);
	return value;
}

function stringList(entry: Record<string, unknown>, key: string, where: string): string[] | undefined {
	const value = entry[key];
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value) || !value.every(item => typeof item === 'string')) {
		throw new ClientFileError(`${where}: "${key}" must be an array of strings`);
	}

	return value as string[];
}

/** An object of strings; numbers and booleans (common in hand-written env blocks) become strings. */
function stringMap(entry: Record<string, unknown>, key: string, where: string): Record<string, string> | undefined {
	const value = entry[key];
	if (value === undefined || value === null) return undefined;
	if (!isRecord(value)) throw new ClientFileError(`${where}: "${key}" must be an object of strings`);
	return Object.fromEntries(
		Object.entries(value).map(([name, item]) => {
			if (typeof item === 'string') return [name, item];
			if (typeof item === 'number' || typeof item === 'boolean') return [name, String(item)];
			throw new ClientFileError(`${where}: "${key}.${name}" must be a string`);
		}),
	);
}

/** What each parse error says, in words. */
const PARSE_PROBLEMS: Record<string, string> = {
	InvalidSymbol: 'unexpected character',
	InvalidNumberFormat: 'a malformed number',
	PropertyNameExpected: 'expected a property name in double quotes',
	ValueExpected: 'expected a value',
	ColonExpected: "expected ':' after the property name",
	CommaExpected: "expected ','",
	CloseBraceExpected: "expected '}'",
	CloseBracketExpected: "expected ']'",
	EndOfFileExpected: 'unexpected text after the end',
	InvalidCommentToken: 'a malformed comment',
	UnexpectedEndOfComment: 'a comment that is never closed',
	UnexpectedEndOfString: 'a string that is never closed',
	UnexpectedEndOfNumber: 'a number cut short',
	InvalidUnicode: 'a malformed \\u escape',
	InvalidEscapeCharacter: 'an unknown escape in a string',
	InvalidCharacter: 'a control character in a string',
};

/** JSON with // and /* comments and trailing commas (jsonc-parser); errors name the line and column. */
export function parseJsonc(text: string, file: string): unknown {
	const clean = text.replace(/^\uFEFF/, '');
	if (clean.trim() === '') throw new ClientFileError(`${file}: the file is empty; expected a JSON object`);
	const tooDeep = nestingBeyond(clean, MAX_NESTING);
	if (tooDeep !== undefined) {
		throw new ClientFileError(`${file}: nested more than ${MAX_NESTING} levels deep at ${place(clean, tooDeep)}; a client file is a few levels deep`);
	}

	const errors: ParseError[] = [];
	const value: unknown = parse(clean, errors, {allowTrailingComma: true, disallowComments: false});
	const first = errors[0];
	if (first === undefined) return value;
	const code = printParseErrorCode(first.error);
	throw new ClientFileError(`${file}: not valid JSON at ${place(clean, first.offset)}: ${PARSE_PROBLEMS[code] ?? code}`);
}

/** Far more than any client file needs, far less than would exhaust the parser's stack. */
const MAX_NESTING = 64;

/** The offset of the first bracket that opens level `limit + 1`, found without recursion (the parser recurses). */
function nestingBeyond(text: string, limit: number): number | undefined {
	const scanner = createScanner(text, false);
	let depth = 0;
	for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
		if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
			depth++;
			if (depth > limit) return scanner.getTokenOffset();
		} else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
			depth--;
		}
	}

	return undefined;
}

function place(text: string, offset: number): string {
	const before = text.slice(0, offset);
	return `line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`;
}

export interface ExportResult {
	json: Record<string, unknown>;
	/** Env and header values hidden because --show-secrets was not given. */
	masked: number;
}

/**
 * Entries in a client's format. `${ECTOSMITH_PACKAGE}` becomes this package's folder, so our own
 * tool servers run as exported; keys kept from other clients go back; secrets are masked unless shown.
 */
export function exportClientFile(servers: ServerFields[], format: ClientFormat, options: {showSecrets?: boolean} = {}): ExportResult {
	const show = options.showSecrets === true;
	let masked = 0;
	const inputs = new Map<string, Record<string, unknown>>();
	const map: Record<string, Record<string, unknown>> = {};
	for (const stored of servers) {
		const {entry: server, masked: hidden} = maskEntrySecrets({...stored, env: Object.fromEntries(Object.entries(stored.env).map(([key, value]) => [key, expandPackage(value)]))}, show);
		masked += hidden;
		const entry: Record<string, unknown> = {...server.clientKeys};
		if (format === 'vscode') entry.type = server.transport;
		if (server.transport === 'stdio') {
			entry.command = expandPackage(server.command);
			entry.args = server.args.map(arg => expandPackage(arg));
		} else if (format === 'gemini') {
			entry[server.transport === 'http' ? 'httpUrl' : 'url'] = server.url;
		} else {
			if (format !== 'vscode' && server.transport === 'http') entry.type = 'http';
			entry.url = server.url;
		}

		if (Object.keys(server.env).length > 0) entry.env = server.env;
		if (server.headers && Object.keys(server.headers).length > 0) entry.headers = server.headers;

		if (server.cwd !== null) entry.cwd = expandPackage(server.cwd);
		if (server.description !== '') entry.description = server.description;
		if (server.timeoutMs !== null) entry.timeout = server.timeoutMs;
		if (server.trust) entry.trust = true;
		if (server.includeTools !== null) entry.includeTools = server.includeTools;
		if (server.excludeTools !== null) entry.excludeTools = server.excludeTools;
		if (!server.enabled) entry.disabled = true;
		for (const input of server.clientInputs ?? []) inputs.set(String(input.id), input);
		map[server.name] = entry;
	}

	if (format === 'vscode') return {json: {...(inputs.size > 0 ? {inputs: [...inputs.values()]} : {}), servers: map}, masked};
	return {json: {mcpServers: map}, masked};
}
