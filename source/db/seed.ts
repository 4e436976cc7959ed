import {existsSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import type {EntityManager, MikroORM} from '@mikro-orm/core';
import {EctosmithError} from '../errors.js';
import {isRecord} from '../is-record.js';
import {packageRoot} from '../package-root.js';
import {type IMcpServer, McpServer, Workflow, type WorkflowChecks, workflowChecks} from './entities/index.js';
import {takeWriteLock} from './write-lock.js';

/** One server entry of mcp_servers.json (the `mcpServers` map used by Claude Desktop and friends). */
export interface SeedServer {
	name: string;
	command: string;
	args: string[];
	env: Record<string, string>;
	description: string;
	cwd?: string;
	/** Per-call timeout in milliseconds (the `timeout` key, as Gemini CLI names it). */
	timeoutMs?: number;
}

/** One entry of workflows.json. */
export interface SeedWorkflow {
	name: string;
	description: string;
	llmModel: string;
	initialPromptTemplate: string;
	maxConversationTurns: number;
	serverNames: string[];
	/** Default full. */
	checks?: WorkflowChecks;
}

export interface SeedData {
	servers: SeedServer[];
	workflows: SeedWorkflow[];
}

export interface SeedCounts {
	created: number;
	updated: number;
	unchanged: number;
}

export interface SeedReport {
	servers: SeedCounts;
	workflows: SeedCounts;
}

export class SeedFormatError extends EctosmithError {}

export const serversFileName = 'mcp_servers.json';
export const workflowsFileName = 'workflows.json';

const namePattern = /^[A-Za-z0-9_.-]+$/;

/** The folder of the seed files shipped with the package. */
export function defaultFixturesDir(): string {
	return join(packageRoot(), 'fixtures');
}

/** Read and validate mcp_servers.json and/or workflows.json from a folder (at least one must exist). */
export function loadSeedFiles(dir: string): SeedData {
	const expected = `the folder holding ${serversFileName} and/or ${workflowsFileName}`;
	if (!existsSync(dir)) throw new SeedFormatError(`Seed folder ${dir} does not exist; give ${expected}`);
	if (!statSync(dir).isDirectory()) throw new SeedFormatError(`Seed folder ${dir} is a file; give ${expected}`);
	const serversFile = join(dir, serversFileName);
	const workflowsFile = join(dir, workflowsFileName);
	const hasServers = existsSync(serversFile);
	const hasWorkflows = existsSync(workflowsFile);
	if (!hasServers && !hasWorkflows) {
		throw new SeedFormatError(`Seed folder ${dir} has neither ${serversFileName} nor ${workflowsFileName}`);
	}

	return {
		servers: hasServers ? parseServers(readJson(serversFile), serversFile) : [],
		workflows: hasWorkflows ? parseWorkflows(readJson(workflowsFile), workflowsFile) : [],
	};
}

function readJson(file: string): unknown {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new SeedFormatError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
	}
}

const serverKeys = ['command', 'args', 'env', 'description', 'cwd', 'type', 'timeout'];
const workflowKeys = ['name', 'description', 'llm_model', 'initial_prompt_template', 'max_conversation_turns', 'mcp_servers', 'checks'];

// A misspelt key would otherwise be dropped silently and its default used instead.
function checkKeys(entry: Record<string, unknown>, allowed: string[], where: string): void {
	const unknown = Object.keys(entry).filter(key => !allowed.includes(key));
	if (unknown.length > 0) {
		throw new SeedFormatError(`${where}: unknown key(s) ${unknown.map(key => `"${key}"`).join(', ')}; allowed: ${allowed.join(', ')}`);
	}
}

function checkName(name: string, where: string): void {
	if (!namePattern.test(name)) {
		throw new SeedFormatError(`${where}: name "${name}" is not allowed; use letters, digits, "_", "." and "-"`);
	}
}

function optionalString(entry: Record<string, unknown>, key: string, where: string): string | undefined {
	const value = entry[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw new SeedFormatError(`${where}: "${key}" must be a string`);
	refuseNul(value, `"${key}"`, where);
	return value;
}

/** A NUL cannot be stored in a configuration value (nor passed to a program): refused, naming the field. */
function refuseNul(value: string, field: string, where: string): void {
	if (value.includes('\u0000')) throw new SeedFormatError(`${where}: ${field} holds a NUL character (\\u0000), which a configuration value cannot hold; remove it`);
}

function requiredString(entry: Record<string, unknown>, key: string, where: string): string {
	const value = optionalString(entry, key, where);
	if (value === undefined || value.trim() === '') throw new SeedFormatError(`${where}: "${key}" is required (a non-empty string)`);
	return value;
}

/** `{"mcpServers": {name: {command, args?, env?, description?, cwd?}}}` */
export function parseServers(json: unknown, file = serversFileName): SeedServer[] {
	if (!isRecord(json) || !isRecord(json.mcpServers)) {
		throw new SeedFormatError(`${file}: expected {"mcpServers": {"<name>": {"command": ..., "args": [...], "env": {...}}}}`);
	}

	return Object.entries(json.mcpServers).map(([name, entry]) => {
		const where = `${file}: server "${name}"`;
		checkName(name, `${file}: server`);
		if (!isRecord(entry)) throw new SeedFormatError(`${where} must be an object`);
		checkKeys(entry, serverKeys, where);
		// Configs copied from other MCP clients may say "type": "stdio"; nothing else is spoken here.
		if (entry.type !== undefined && entry.type !== 'stdio') {
			throw new SeedFormatError(`${where}: "type" ${JSON.stringify(entry.type)} is not supported; only "stdio" servers (a command to start) are`);
		}

		const args = entry.args ?? [];
		if (!Array.isArray(args) || !args.every(arg => typeof arg === 'string')) {
			throw new SeedFormatError(`${where}: "args" must be an array of strings`);
		}

		const env = entry.env ?? {};
		if (!isRecord(env) || !Object.values(env).every(value => typeof value === 'string')) {
			throw new SeedFormatError(`${where}: "env" must be an object of string values`);
		}

		for (const [index, arg] of (args as string[]).entries()) refuseNul(arg, `"args"[${index}]`, where);
		for (const [key, value] of Object.entries(env as Record<string, string>)) {
			refuseNul(key, 'an "env" key', where);
			refuseNul(value, `"env".${key}`, where);
		}

		const cwd = optionalString(entry, 'cwd', where);
		const timeout = entry.timeout;
		if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout <= 0)) {
			throw new SeedFormatError(`${where}: "timeout" must be a positive whole number of milliseconds`);
		}

		return {
			name,
			command: requiredString(entry, 'command', where),
			args: args as string[],
			env: env as Record<string, string>,
			description: optionalString(entry, 'description', where) ?? '',
			...(cwd === undefined ? {} : {cwd}),
			...(timeout === undefined ? {} : {timeoutMs: timeout}),
		};
	});
}

/** `{"workflows": [{name, description, llm_model, initial_prompt_template, max_conversation_turns, mcp_servers: [names]}]}` */
export function parseWorkflows(json: unknown, file = workflowsFileName): SeedWorkflow[] {
	if (!isRecord(json) || !Array.isArray(json.workflows)) {
		throw new SeedFormatError(`${file}: expected {"workflows": [{"name": ..., "llm_model": ..., "initial_prompt_template": ..., "mcp_servers": [...]}]}`);
	}

	const seen = new Set<string>();
	return json.workflows.map((entry: unknown, index: number) => {
		if (!isRecord(entry)) throw new SeedFormatError(`${file}: workflows[${index}] must be an object`);
		const name = requiredString(entry, 'name', `${file}: workflows[${index}]`);
		checkName(name, `${file}: workflows[${index}]`);
		if (seen.has(name)) throw new SeedFormatError(`${file}: workflow "${name}" appears twice`);
		seen.add(name);
		const where = `${file}: workflow "${name}"`;
		checkKeys(entry, workflowKeys, where);
		const turns = entry.max_conversation_turns ?? 10;
		if (typeof turns !== 'number' || !Number.isInteger(turns) || turns < 1 || turns > 1000) {
			throw new SeedFormatError(`${where}: "max_conversation_turns" must be an integer from 1 to 1000`);
		}

		const servers = entry.mcp_servers ?? [];
		if (!Array.isArray(servers) || !servers.every(server => typeof server === 'string')) {
			throw new SeedFormatError(`${where}: "mcp_servers" must be an array of server names`);
		}

		for (const server of servers as string[]) refuseNul(server, '"mcp_servers"', where);
		const checks = entry.checks ?? 'full';
		if (typeof checks !== 'string' || !(workflowChecks as readonly string[]).includes(checks)) {
			throw new SeedFormatError(`${where}: "checks" must be one of ${workflowChecks.join(', ')}`);
		}

		return {
			name,
			checks: checks as WorkflowChecks,
			description: optionalString(entry, 'description', where) ?? '',
			llmModel: requiredString(entry, 'llm_model', where),
			initialPromptTemplate: requiredString(entry, 'initial_prompt_template', where),
			maxConversationTurns: turns,
			serverNames: [...new Set(servers as string[])],
		};
	});
}

/**
 * Create or update servers and workflows by name, in one transaction. Entries equal to what is
 * stored are left alone (their updated_at does not move). A workflow naming a server that is neither
 * in the data nor in the database is refused before anything is written.
 */
export async function importSeed(em: EntityManager, data: SeedData): Promise<SeedReport> {
	return em.fork().transactional(async tx => {
		await takeWriteLock(tx);
		const existingServers = await tx.find(McpServer, {});
		const serversByName = new Map<string, IMcpServer>(existingServers.map(server => [server.name, server]));
		const knownNames = new Set([...serversByName.keys(), ...data.servers.map(server => server.name)]);
		for (const workflow of data.workflows) {
			const unknown = workflow.serverNames.filter(name => !knownNames.has(name));
			if (unknown.length > 0) {
				throw new SeedFormatError(
					`Workflow "${workflow.name}" names unknown MCP server(s) ${unknown.map(name => `"${name}"`).join(', ')}; known servers: ${[...knownNames].sort().join(', ') || '(none)'}`,
				);
			}
		}

		const report: SeedReport = {servers: counts(), workflows: counts()};
		for (const entry of data.servers) {
			const existing = serversByName.get(entry.name);
			if (!existing) {
				serversByName.set(entry.name, tx.create(McpServer, {...entry, cwd: entry.cwd ?? null, timeoutMs: entry.timeoutMs ?? null}));
				report.servers.created++;
				continue;
			}

			const changes = serverChanges(existing, entry);
			if (changes) {
				tx.assign(existing, changes);
				report.servers.updated++;
			} else {
				report.servers.unchanged++;
			}
		}

		const existingWorkflows = await tx.find(Workflow, {name: data.workflows.map(workflow => workflow.name)}, {populate: ['servers']});
		const workflowsByName = new Map(existingWorkflows.map(workflow => [workflow.name, workflow]));
		for (const entry of data.workflows) {
			const servers = entry.serverNames.map(name => serversByName.get(name)!);
			const fields = {
				description: entry.description,
				llmModel: entry.llmModel,
				initialPromptTemplate: entry.initialPromptTemplate,
				maxConversationTurns: entry.maxConversationTurns,
				checks: entry.checks ?? 'full',
			};
			const existing = workflowsByName.get(entry.name);
			if (!existing) {
				const workflow = tx.create(Workflow, {name: entry.name, ...fields});
				workflow.servers.set(servers);
				report.workflows.created++;
				continue;
			}

			const scalarChanged = (Object.keys(fields) as Array<keyof typeof fields>).some(key => existing[key] !== fields[key]);
			const currentNames = existing.servers
				.getItems()
				.map(server => server.name)
				.sort();
			const serversChanged = JSON.stringify(currentNames) !== JSON.stringify([...entry.serverNames].sort());
			if (!scalarChanged && !serversChanged) {
				report.workflows.unchanged++;
				continue;
			}

			tx.assign(existing, fields);
			if (serversChanged) existing.servers.set(servers);
			// A change of associations alone does not dirty the row, so bump updated_at ourselves.
			existing.updatedAt = new Date();
			report.workflows.updated++;
		}

		await tx.flush();
		return report;
	});
}

function counts(): SeedCounts {
	return {created: 0, updated: 0, unchanged: 0};
}

type ServerChanges = Omit<SeedServer, 'name' | 'cwd' | 'timeoutMs'> & {cwd: string | null; timeoutMs: number | null};

function serverChanges(existing: IMcpServer, entry: SeedServer): ServerChanges | undefined {
	const cwd = entry.cwd ?? null;
	const timeoutMs = entry.timeoutMs ?? null;
	const same =
		existing.command === entry.command &&
		JSON.stringify(existing.args) === JSON.stringify(entry.args) &&
		JSON.stringify(sortedEntries(existing.env)) === JSON.stringify(sortedEntries(entry.env)) &&
		existing.description === entry.description &&
		(existing.cwd ?? null) === cwd &&
		(existing.timeoutMs ?? null) === timeoutMs;
	return same ? undefined : {command: entry.command, args: entry.args, env: entry.env, description: entry.description, cwd, timeoutMs};
}

function sortedEntries(record: Record<string, string>): Array<[string, string]> {
	return Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
}

/** First run: when there are no workflows and no servers, import the package's own fixtures. */
export async function seedIfEmpty(orm: MikroORM): Promise<SeedReport | undefined> {
	const em = orm.em.fork();
	const [servers, workflows] = await Promise.all([em.count(McpServer), em.count(Workflow)]);
	if (servers > 0 || workflows > 0) return undefined;
	return importSeed(em, loadSeedFiles(defaultFixturesDir()));
}
