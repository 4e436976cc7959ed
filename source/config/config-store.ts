/**
 * Validated writes of server entries and workflows: each edit is one transaction that takes the
 * write lock first (waiting, as the recorder does, while another process holds it), updated_at
 * moves, and an edit that carries the updated_at it started from is refused when someone else saved
 * the row meanwhile (nothing is silently lost). Reads give the stored values (placeholders
 * unexpanded); AppConfig stays what the engine reads.
 */
import type {EntityManager} from '@mikro-orm/core';
import {Execution, type IMcpServer, type IWorkflow, McpServer, Workflow} from '../db/entities/index.js';
import {writeWaitMs} from '../db/limits.js';
import {retryWhileBusy} from '../db/retry-busy.js';
import {takeWriteLock} from '../db/write-lock.js';
import {EctosmithError} from '../errors.js';
import {UnknownNameError} from './app-config.js';
import {ConfigValidationError, type ServerFields, serverDefaults, serverProblems, type WorkflowFields, workflowProblems} from './entry-fields.js';

export interface StoredServer extends ServerFields {
	id: number;
	createdAt: Date;
	updatedAt: Date;
	/** Names of the workflows that use it. */
	usedBy: string[];
}

export interface StoredWorkflow extends WorkflowFields {
	id: number;
	createdAt: Date;
	updatedAt: Date;
}

export interface EditOptions {
	/** The updated_at the edit started from; a different stored one means someone else saved meanwhile. */
	expectedUpdatedAt?: Date;
}

/** Someone else saved the row after this edit started. */
export class EditConflictError extends EctosmithError {
	constructor(
		readonly kind: 'MCP server' | 'workflow',
		readonly entryName: string,
		readonly storedUpdatedAt: Date,
	) {
		super(`The ${kind} "${entryName}" was changed elsewhere at ${storedUpdatedAt.toISOString()} after you started editing it; nothing was saved. Reload it and make your change again.`);
	}
}

/** A server still used by workflows and not detached. */
export class ServerInUseError extends EctosmithError {
	constructor(
		readonly serverName: string,
		readonly workflows: string[],
		detachBlockedBy: string[] = [],
	) {
		super(
			detachBlockedBy.length > 0
				? `MCP server "${serverName}" is the only server of workflow(s) ${detachBlockedBy.join(', ')}; give them another server or remove them first.`
				: `MCP server "${serverName}" is used by workflow(s) ${workflows.join(', ')}; detach it from them (--detach, or Detach in the form) or edit those workflows first.`,
		);
	}
}

/** Recorded executions refer to the workflow; removing it would orphan its history. */
export class WorkflowHasHistoryError extends EctosmithError {
	constructor(workflowName: string, executions: number) {
		super(`Workflow "${workflowName}" has ${executions} recorded execution(s); it is kept so that its history stays readable. Rename it or edit it instead.`);
	}
}

export interface ImportCounts {
	created: string[];
	updated: string[];
	unchanged: string[];
	/** Names that exist with different values and were left alone (no replace). */
	skipped: string[];
}

export class ConfigStore {
	private readonly waitMs: number;

	/** `waitMs`: how long an edit waits for another process's write lock; default ECTOSMITH_DB_WAIT_SECONDS, else 30 s. */
	constructor(
		private readonly root: EntityManager,
		options: {waitMs?: number} = {},
	) {
		this.waitMs = options.waitMs ?? writeWaitMs();
	}

	async listServers(): Promise<StoredServer[]> {
		const em = this.root.fork();
		const [servers, usage] = await Promise.all([em.find(McpServer, {}, {orderBy: {name: 'asc'}}), this.usage(em)]);
		return servers.map(server => toStoredServer(server, usage.get(server.id) ?? []));
	}

	async getServer(name: string): Promise<StoredServer> {
		const em = this.root.fork();
		const server = await em.findOne(McpServer, {name});
		if (!server) throw new UnknownNameError('MCP server', name, await this.names(em, McpServer));
		return toStoredServer(server, (await this.usage(em)).get(server.id) ?? []);
	}

	async addServer(given: ServerFields): Promise<StoredServer> {
		const fields = onlyServerFields(given);
		return this.write(async tx => {
			const names = await this.names(tx, McpServer);
			check(`MCP server "${fields.name}"`, serverProblems(fields, names));
			const server = tx.create(McpServer, fields);
			await tx.flush();
			return toStoredServer(server, []);
		});
	}

	/** Replaces the entry's fields (a rename included); associations follow the row. */
	async updateServer(name: string, given: ServerFields, options: EditOptions = {}): Promise<StoredServer> {
		const fields = onlyServerFields(given);
		return this.write(async tx => {
			const server = await this.serverRow(tx, name);
			checkNotChanged('MCP server', server, options);
			const others = (await this.names(tx, McpServer)).filter(other => other !== name);
			check(`MCP server "${name}"`, serverProblems(fields, others));
			tx.assign(server, fields);
			await tx.flush();
			return toStoredServer(server, (await this.usage(tx)).get(server.id) ?? []);
		});
	}

	async setServerEnabled(name: string, enabled: boolean): Promise<StoredServer> {
		const current = await this.getServer(name);
		return current.enabled === enabled ? current : this.updateServer(name, {...fieldsOf(current), enabled});
	}

	/** Removes an entry; while workflows use it, refused unless detach (never leaving a workflow without servers). */
	async removeServer(name: string, options: EditOptions & {detach?: boolean} = {}): Promise<{detachedFrom: string[]}> {
		return this.write(async tx => {
			const server = await this.serverRow(tx, name);
			checkNotChanged('MCP server', server, options);
			const users = await tx.find(Workflow, {servers: server.id}, {populate: ['servers'], orderBy: {name: 'asc'}});
			const names = users.map(workflow => workflow.name);
			if (users.length > 0) {
				if (!options.detach) throw new ServerInUseError(name, names);
				const lonely = users.filter(workflow => workflow.servers.length <= 1).map(workflow => workflow.name);
				if (lonely.length > 0) throw new ServerInUseError(name, names, lonely);
				for (const workflow of users) {
					workflow.servers.remove(server);
					workflow.updatedAt = new Date();
				}
			}

			tx.remove(server);
			await tx.flush();
			return {detachedFrom: names};
		});
	}

	/**
	 * Creates entries that are new; an existing name with the same fields is unchanged, with different
	 * ones it is replaced when `replace`, else skipped (and named in the counts). One transaction.
	 */
	async importServers(entries: ServerFields[], options: {replace?: boolean} = {}): Promise<ImportCounts> {
		return this.write(async tx => {
			const counts: ImportCounts = {created: [], updated: [], unchanged: [], skipped: []};
			const existing = new Map((await tx.find(McpServer, {})).map(server => [server.name, server]));
			for (const entry of entries) {
				const fields = onlyServerFields(entry);
				const others = [...existing.keys()].filter(other => other !== fields.name);
				check(`MCP server "${fields.name}"`, serverProblems(fields, others));
				const row = existing.get(fields.name);
				if (!row) {
					existing.set(fields.name, tx.create(McpServer, fields));
					counts.created.push(fields.name);
				} else if (sameServer(fieldsOf(toStoredServer(row, [])), fields)) {
					counts.unchanged.push(fields.name);
				} else if (options.replace) {
					tx.assign(row, fields);
					counts.updated.push(fields.name);
				} else {
					counts.skipped.push(fields.name);
				}
			}

			await tx.flush();
			return counts;
		});
	}

	async listWorkflows(): Promise<StoredWorkflow[]> {
		const workflows = await this.root.fork().find(Workflow, {}, {populate: ['servers'], orderBy: {name: 'asc'}});
		return workflows.map(workflow => toStoredWorkflow(workflow));
	}

	async getWorkflow(name: string): Promise<StoredWorkflow> {
		const em = this.root.fork();
		return toStoredWorkflow(await this.workflowRow(em, name));
	}

	async addWorkflow(fields: WorkflowFields): Promise<StoredWorkflow> {
		return this.write(async tx => {
			const servers = await tx.find(McpServer, {});
			check(
				`workflow "${fields.name}"`,
				workflowProblems(
					fields,
					servers.map(server => server.name),
					await this.names(tx, Workflow),
				),
			);
			const {serverNames, ...scalars} = fields;
			const workflow = tx.create(Workflow, scalars);
			workflow.servers.set(serverNames.map(serverName => servers.find(server => server.name === serverName)!));
			await tx.flush();
			return toStoredWorkflow(workflow);
		});
	}

	async updateWorkflow(name: string, fields: WorkflowFields, options: EditOptions = {}): Promise<StoredWorkflow> {
		return this.write(async tx => {
			const workflow = await this.workflowRow(tx, name);
			checkNotChanged('workflow', workflow, options);
			const servers = await tx.find(McpServer, {});
			const others = (await this.names(tx, Workflow)).filter(other => other !== name);
			check(
				`workflow "${name}"`,
				workflowProblems(
					fields,
					servers.map(server => server.name),
					others,
				),
			);
			const {serverNames, ...scalars} = fields;
			tx.assign(workflow, scalars);
			workflow.servers.set(serverNames.map(serverName => servers.find(server => server.name === serverName)!));
			// A change of associations alone does not dirty the row.
			workflow.updatedAt = new Date();
			await tx.flush();
			return toStoredWorkflow(workflow);
		});
	}

	async removeWorkflow(name: string, options: EditOptions = {}): Promise<void> {
		await this.write(async tx => {
			const workflow = await this.workflowRow(tx, name);
			checkNotChanged('workflow', workflow, options);
			const executions = await tx.count(Execution, {workflow: workflow.id});
			if (executions > 0) throw new WorkflowHasHistoryError(name, executions);
			tx.remove(workflow);
			await tx.flush();
		});
	}

	/** One transaction on a fresh fork, tried again while another process holds the lock (a busy try rolled back). */
	private async write<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
		return retryWhileBusy(
			async () =>
				this.root.fork().transactional(async tx => {
					await takeWriteLock(tx);
					return work(tx);
				}),
			{waitMs: this.waitMs},
		);
	}

	private async serverRow(em: EntityManager, name: string): Promise<IMcpServer> {
		const server = await em.findOne(McpServer, {name});
		if (!server) throw new UnknownNameError('MCP server', name, await this.names(em, McpServer));
		return server;
	}

	private async workflowRow(em: EntityManager, name: string): Promise<IWorkflow> {
		const workflow = await em.findOne(Workflow, {name}, {populate: ['servers']});
		if (!workflow) throw new UnknownNameError('workflow', name, await this.names(em, Workflow));
		return workflow;
	}

	private async names(em: EntityManager, entity: typeof McpServer | typeof Workflow): Promise<string[]> {
		const rows: Array<{name: string}> = await em.find(entity as typeof McpServer, {}, {fields: ['name'], orderBy: {name: 'asc'}});
		return rows.map(row => row.name);
	}

	/** Server id -> names of the workflows using it. */
	private async usage(em: EntityManager): Promise<Map<number, string[]>> {
		const workflows = await em.find(Workflow, {}, {populate: ['servers'], orderBy: {name: 'asc'}});
		const usage = new Map<number, string[]>();
		for (const workflow of workflows) {
			for (const server of workflow.servers.getItems()) usage.set(server.id, [...(usage.get(server.id) ?? []), workflow.name]);
		}

		return usage;
	}
}

function check(what: string, problems: Record<string, string | undefined>): void {
	const found = Object.fromEntries(Object.entries(problems).filter((entry): entry is [string, string] => entry[1] !== undefined));
	if (Object.keys(found).length > 0) throw new ConfigValidationError(what, found);
}

function checkNotChanged(kind: 'MCP server' | 'workflow', row: {name: string; updatedAt: Date}, options: EditOptions): void {
	if (options.expectedUpdatedAt !== undefined && row.updatedAt.getTime() !== options.expectedUpdatedAt.getTime()) {
		throw new EditConflictError(kind, row.name, row.updatedAt);
	}
}

const SERVER_KEYS = Object.keys(serverDefaults()) as Array<keyof ServerFields>;

/** Exactly the entry's fields, whatever else the object carries (a stored entry's id, dates...). */
function onlyServerFields(fields: ServerFields): ServerFields {
	return Object.fromEntries(SERVER_KEYS.map(key => [key, fields[key]])) as unknown as ServerFields;
}

/** The editable fields of a stored entry. */
export function fieldsOf(server: StoredServer): ServerFields {
	const {id: _id, createdAt: _created, updatedAt: _updated, usedBy: _usedBy, ...fields} = server;
	return fields;
}

export function workflowFieldsOf(workflow: StoredWorkflow): WorkflowFields {
	const {id: _id, createdAt: _created, updatedAt: _updated, ...fields} = workflow;
	return fields;
}

/** Equal as entries: env, headers and client keys compared regardless of key order. */
export function sameServer(a: ServerFields, b: ServerFields): boolean {
	return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, item: unknown) =>
		item !== null && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : item,
	);
}

function toStoredServer(server: IMcpServer, usedBy: string[]): StoredServer {
	return {
		id: server.id,
		name: server.name,
		command: server.command,
		args: [...server.args],
		env: {...server.env},
		description: server.description,
		cwd: server.cwd ?? null,
		enabled: server.enabled,
		timeoutMs: server.timeoutMs ?? null,
		includeTools: server.includeTools ? [...server.includeTools] : null,
		excludeTools: server.excludeTools ? [...server.excludeTools] : null,
		trust: server.trust,
		allowApiKey: server.allowApiKey,
		transport: server.transport,
		url: server.url ?? null,
		headers: server.headers ? {...server.headers} : null,
		clientKeys: server.clientKeys ? {...server.clientKeys} : null,
		clientInputs: server.clientInputs ? [...server.clientInputs] : null,
		createdAt: server.createdAt,
		updatedAt: server.updatedAt,
		usedBy,
	};
}

function toStoredWorkflow(workflow: IWorkflow): StoredWorkflow {
	return {
		id: workflow.id,
		name: workflow.name,
		description: workflow.description,
		llmModel: workflow.llmModel,
		initialPromptTemplate: workflow.initialPromptTemplate,
		maxConversationTurns: workflow.maxConversationTurns,
		checks: workflow.checks,
		serverNames: [...workflow.servers.getItems()].sort((a, b) => a.id - b.id).map(server => server.name),
		createdAt: workflow.createdAt,
		updatedAt: workflow.updatedAt,
	};
}
