/**
 * `ectosmith servers list|show|add|edit|remove|enable|disable|test|import|export`: what the Servers
 * screen does, for scripts. Stored env and header values are masked unless --show-secrets.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {createInterface} from 'node:readline/promises';
import {writeFileAtomic} from '../atomic-write.js';
import {toServerConfig} from '../config/app-config.js';
import {CLIENT_FORMATS, type ClientFormat, exportClientFile, parseClientFile} from '../config/client-files.js';
import {fieldsOf, type StoredServer} from '../config/config-store.js';
import {parseEnvLines, type ServerFields, serverDefaults} from '../config/entry-fields.js';
import {maskEntrySecrets} from '../config/secrets.js';
import {UsageError} from '../errors.js';
import {ExitCode} from '../exit-codes.js';
import {sanitizeLine} from '../terminal/sanitize.js';
import {needName, withStore, write, writeJson} from './config-session.js';
import type {CliFlags} from './flags.js';

const SUBCOMMANDS = ['list', 'show', 'add', 'edit', 'remove', 'enable', 'disable', 'test', 'import', 'export'];
const EDIT_FLAGS = ['command', 'arg', 'env', 'cwd', 'url', 'header', 'description', 'timeout', 'includeTool', 'excludeTool', 'trust', 'allowApiKey', 'rename'] as const;
const ONLY_FOR: Partial<Record<keyof CliFlags, string[]>> = {
	...Object.fromEntries(EDIT_FLAGS.map(flag => [flag, flag === 'rename' ? ['edit'] : ['add', 'edit']])),
	detach: ['remove'],
	format: ['export'],
	out: ['export'],
	force: ['import', 'export'],
	showSecrets: ['list', 'show', 'export'],
	yes: ['remove'],
	json: ['list', 'show', 'test', 'import'],
};

export async function serversCommand(args: string[], flags: CliFlags): Promise<number> {
	const [subcommand, ...rest] = args;
	if (subcommand === undefined || !SUBCOMMANDS.includes(subcommand)) {
		const what = subcommand === undefined ? 'Missing servers subcommand' : `Unknown servers subcommand "${subcommand}"`;
		throw new UsageError(`${what}. Use one of: ${SUBCOMMANDS.join(', ')} (ectosmith servers --help)`);
	}

	for (const [flag, allowed] of Object.entries(ONLY_FOR)) {
		if (flags[flag as keyof CliFlags] !== undefined && !allowed!.includes(subcommand)) {
			throw new UsageError(
				`--${flag.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)} means nothing to \`servers ${subcommand}\`; it belongs to: ${allowed!.map(name => `servers ${name}`).join(', ')}`,
			);
		}
	}

	switch (subcommand) {
		case 'list':
			return list(rest, flags);
		case 'show':
			return show(needName(rest, 'server name', 'servers show <name>'), flags);
		case 'add':
			return add(needName(rest, 'server name', 'servers add <name> --command <program>'), flags);
		case 'edit':
			return edit(needName(rest, 'server name', 'servers edit <name> [options]'), flags);
		case 'remove':
			return remove(needName(rest, 'server name', 'servers remove <name> [--detach]'), flags);
		case 'enable':
		case 'disable':
			return enable(needName(rest, 'server name', `servers ${subcommand} <name>`), subcommand === 'enable', flags);
		case 'test':
			return test(needName(rest, 'server name', 'servers test <name>'), flags);
		case 'import':
			return importFile(needName(rest, 'file', 'servers import <file>'), flags);
		default:
			return exportFile(rest, flags);
	}
}

async function list(rest: string[], flags: CliFlags): Promise<number> {
	if (rest.length > 0) throw new UsageError(`Unexpected argument(s): ${rest.join(' ')}. Usage: ectosmith servers list`);
	const servers = await withStore(flags.db, async store => store.listServers());
	if (flags.json) {
		writeJson(servers.map(server => publicView(server, flags.showSecrets === true)));
		return ExitCode.ok;
	}

	if (servers.length === 0) write('No MCP servers. Add one with `ectosmith servers add NAME --command PROGRAM` or `ectosmith servers import FILE`.');
	for (const stored of servers) {
		const server = maskEntrySecrets(stored, flags.showSecrets === true).entry;
		const state = [server.enabled ? '' : 'disabled', server.transport === 'stdio' ? '' : server.transport, server.trust ? 'trusted' : '', server.allowApiKey ? 'gets the API key' : '']
			.filter(Boolean)
			.join(', ');
		write(sanitizeLine(`${server.name}${state ? ` [${state}]` : ''}: ${commandLine(server)}` + `${server.usedBy.length > 0 ? `; used by ${server.usedBy.join(', ')}` : '; used by no workflow'}`));
		if (server.description) write(`  ${sanitizeLine(server.description)}`);
	}

	return ExitCode.ok;
}

async function show(name: string, flags: CliFlags): Promise<number> {
	const view = publicView(await withStore(flags.db, async store => store.getServer(name)), flags.showSecrets === true);
	const server = view;
	if (flags.json) {
		writeJson(view);
		return ExitCode.ok;
	}

	const lines: Array<[string, string]> = [
		['name', server.name],
		['enabled', server.enabled ? 'yes' : 'no'],
		['transport', server.transport === 'stdio' ? 'stdio' : `${server.transport} (streamable HTTP, SSE for older servers)`],
		...(server.url ? [['url', server.url] as [string, string]] : []),
		['command', server.command],
		['args', server.args.length > 0 ? server.args.map(arg => JSON.stringify(arg)).join(' ') : '(none)'],
		[
			'env',
			Object.entries(view.env)
				.map(([key, value]) => `${key}=${value}`)
				.join(' ') || '(none)',
		],
		...(view.headers
			? [
					[
						'headers',
						Object.entries(view.headers)
							.map(([key, value]) => `${key}: ${value}`)
							.join('; '),
					] as [string, string],
				]
			: []),
		['cwd', server.cwd ?? '(the current folder)'],
		['description', server.description || '(none)'],
		['timeout', server.timeoutMs === null ? '(default)' : `${server.timeoutMs} ms`],
		['include tools', server.includeTools?.join(', ') ?? '(all)'],
		['exclude tools', server.excludeTools?.join(', ') ?? '(none)'],
		['trust', server.trust ? 'yes: its writes need no approval' : 'no'],
		['API key', server.allowApiKey ? 'passed: its env may use ${GEMINI_API_KEY} / ${GOOGLE_API_KEY}' : 'never passed (--allow-api-key to let its env use it)'],
		['used by', server.usedBy.join(', ') || '(no workflow)'],
		...(server.clientKeys ? [['other keys', Object.keys(server.clientKeys).join(', ')] as [string, string]] : []),
		['updated', server.updatedAt.toISOString()],
	];
	for (const [label, value] of lines) write(sanitizeLine(`${`${label}:`.padEnd(15)}${value}`));
	return ExitCode.ok;
}

async function add(name: string, flags: CliFlags): Promise<number> {
	const fields = applyFlags(serverDefaults(name), flags);
	const server = await withStore(flags.db, async store => store.addServer(fields));
	write(sanitizeLine(`Added MCP server ${server.name}: ${commandLine(server)}`));
	return ExitCode.ok;
}

async function edit(name: string, flags: CliFlags): Promise<number> {
	if (!EDIT_FLAGS.some(flag => flags[flag] !== undefined)) {
		throw new UsageError(`Nothing to change: give at least one of ${EDIT_FLAGS.map(flag => `--${flag.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}`).join(', ')}`);
	}

	const server = await withStore(flags.db, async store => {
		const current = await store.getServer(name);
		// The edit carries the updated_at it read: a save by someone else in between is reported.
		return store.updateServer(name, applyFlags(fieldsOf(current), flags), {expectedUpdatedAt: current.updatedAt});
	});
	write(sanitizeLine(`Saved MCP server ${server.name}: ${commandLine(server)}`));
	return ExitCode.ok;
}

async function remove(name: string, flags: CliFlags): Promise<number> {
	if (!flags.yes && process.stdin.isTTY === true) {
		const prompt = createInterface({input: process.stdin, output: process.stderr});
		const answer = await prompt.question(`Remove MCP server ${sanitizeLine(name)}? [y/N] `);
		prompt.close();
		if (!/^y(es)?$/i.test(answer.trim())) {
			write('Nothing removed.');
			return ExitCode.failed;
		}
	}

	const {detachedFrom} = await withStore(flags.db, async store => store.removeServer(name, {detach: flags.detach === true}));
	write(sanitizeLine(`Removed MCP server ${name}${detachedFrom.length > 0 ? `; detached from ${detachedFrom.join(', ')}` : ''}.`));
	return ExitCode.ok;
}

async function enable(name: string, enabled: boolean, flags: CliFlags): Promise<number> {
	await withStore(flags.db, async store => store.setServerEnabled(name, enabled));
	write(sanitizeLine(`MCP server ${name} ${enabled ? 'enabled' : 'disabled'}.`));
	return ExitCode.ok;
}

async function test(name: string, flags: CliFlags): Promise<number> {
	const stored = await withStore(flags.db, async store => store.getServer(name));
	const [{probeServer}, {probeLines}, {createLogger}, {geminiSchemaLosses}] = await Promise.all([
		import('../mcp/probe.js'),
		import('../mcp/probe-lines.js'),
		import('../log/logger.js'),
		import('../llm/json-schema.js'),
	]);
	const config = toServerConfig(stored);
	const result = await probeServer(config, {logger: createLogger().child('mcp'), geminiLosses: geminiSchemaLosses});
	if (flags.json) {
		writeJson({name, ...result});
	} else {
		for (const line of probeLines(result, stored.enabled)) write(line);
	}

	return result.ok ? ExitCode.ok : ExitCode.failed;
}

async function importFile(file: string, flags: CliFlags): Promise<number> {
	const resolved = path.resolve(file);
	if (!existsSync(resolved)) throw new UsageError(`${file} does not exist`);
	let text: string;
	try {
		text = readFileSync(resolved, 'utf8');
	} catch (error) {
		throw new UsageError(`${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
	}

	const parsed = parseClientFile(text, file);
	const counts = await withStore(flags.db, async store => store.importServers(parsed.entries, {replace: flags.force === true}));
	if (flags.json) {
		writeJson({...counts, notes: parsed.notes});
		return ExitCode.ok;
	}

	write(sanitizeLine(`Imported ${parsed.entries.length} server(s) from ${file} (${parsed.shape === 'servers' ? 'VS Code' : 'mcpServers'} format):`));
	for (const [label, names] of Object.entries(counts)) if (names.length > 0) write(sanitizeLine(`  ${label}: ${names.join(', ')}`));
	if (counts.skipped.length > 0) write('  (skipped entries exist here with other values; --force replaces them)');
	for (const note of parsed.notes) write(sanitizeLine(`  note: ${note}`));
	return ExitCode.ok;
}

async function exportFile(rest: string[], flags: CliFlags): Promise<number> {
	if (rest.length > 0) throw new UsageError(`Unexpected argument(s): ${rest.join(' ')}. Usage: ectosmith servers export [--format ${CLIENT_FORMATS.join('|')}] [--out FILE]`);
	const format = (flags.format ?? 'claude') as ClientFormat;
	if (!CLIENT_FORMATS.includes(format)) throw new UsageError(`--format "${flags.format}" is not one of ${CLIENT_FORMATS.join(', ')}`);
	if (flags.out !== undefined && existsSync(flags.out) && !flags.force) {
		throw new UsageError(`${flags.out} exists; pass --force to replace it, or choose another --out`);
	}

	const servers = await withStore(flags.db, async store => store.listServers());
	const {json, masked} = exportClientFile(
		servers.map(server => fieldsOf(server)),
		format,
		{showSecrets: flags.showSecrets === true},
	);
	const text = `${JSON.stringify(json, null, 2)}\n`;
	if (flags.out === undefined) {
		process.stdout.write(text);
	} else {
		// Written whole or not at all.
		await writeFileAtomic(flags.out, text, {mode: 0o600});
		process.stderr.write(`Wrote ${servers.length} server(s) to ${sanitizeLine(flags.out)} (${format} format)\n`);
	}

	if (masked > 0) process.stderr.write(`${masked} secret value(s) (env, headers, tokens in args and URLs, secret keys of other clients) were masked; pass --show-secrets to write them.\n`);
	return ExitCode.ok;
}

function commandLine(server: ServerFields): string {
	if (server.transport !== 'stdio') return server.url ?? '(no url)';
	return [server.command, ...server.args.map(arg => (/[\s"']/.test(arg) || arg === '' ? JSON.stringify(arg) : arg))].join(' ');
}

/** A stored entry as printed: secrets (env, headers, args, URL, other clients' keys) masked unless shown. */
function publicView(server: StoredServer, showSecrets: boolean): Omit<StoredServer, 'id'> {
	const {id: _id, ...rest} = maskEntrySecrets(server, showSecrets).entry;
	return rest;
}

/** The flags of add/edit applied over the current fields. */
function applyFlags(base: ServerFields, flags: CliFlags): ServerFields {
	const fields: ServerFields = {...base, env: {...base.env}};
	if (flags.rename !== undefined) fields.name = flags.rename;
	if (flags.url !== undefined) {
		fields.transport = 'http';
		fields.url = flags.url;
	}

	if (flags.command !== undefined) {
		fields.command = flags.command;
		if (flags.url === undefined) fields.transport = 'stdio';
	}

	if (flags.arg !== undefined) fields.args = flags.arg;
	if (flags.env !== undefined) {
		for (const assignment of flags.env) {
			const equals = assignment.indexOf('=');
			if (equals > 0 && equals === assignment.length - 1) {
				// KEY= removes the variable.
				delete fields.env[assignment.slice(0, -1)];
				continue;
			}

			const {env, problem} = parseEnvLines([assignment]);
			if (problem) throw new UsageError(`--env ${problem.replace(/^line 1 /, '')}`);
			Object.assign(fields.env, env);
		}
	}

	if (flags.header !== undefined) fields.headers = applyHeaders(fields.headers, flags.header);
	if (flags.cwd !== undefined) fields.cwd = flags.cwd === '' ? null : flags.cwd;
	if (flags.description !== undefined) fields.description = flags.description;
	if (flags.timeout !== undefined) fields.timeoutMs = flags.timeout === 0 ? null : flags.timeout;
	if (flags.includeTool !== undefined) fields.includeTools = toolList(flags.includeTool);
	if (flags.excludeTool !== undefined) fields.excludeTools = toolList(flags.excludeTool);
	if (flags.trust !== undefined) fields.trust = flags.trust;
	if (flags.allowApiKey !== undefined) fields.allowApiKey = flags.allowApiKey;
	return fields;
}

/** --header Name=value (value may hold ${VARIABLE}s, expanded when the server is reached); Name= removes it. */
function applyHeaders(current: Record<string, string> | null, assignments: string[]): Record<string, string> | null {
	const headers = {...current};
	for (const assignment of assignments) {
		const equals = assignment.indexOf('=');
		const name = assignment.slice(0, Math.max(0, equals)).trim();
		if (equals <= 0 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
			throw new UsageError(`--header needs Name=value with an HTTP header name, for example --header 'Authorization=Bearer \${TOKEN}' (got ${JSON.stringify(assignment)}).`);
		}

		const value = assignment.slice(equals + 1);
		if (value === '') delete headers[name];
		else headers[name] = value;
	}

	return Object.keys(headers).length > 0 ? headers : null;
}

function toolList(values: string[]): string[] | null {
	const tools = values
		.flatMap(value => value.split(','))
		.map(value => value.trim())
		.filter(Boolean);
	return tools.length > 0 ? tools : null;
}
