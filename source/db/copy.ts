/**
 * `ectosmith db copy`: the configuration and the history of one database written into another (a
 * laptop's SQLite into the team's PostgreSQL, or back), in one transaction of the target under its
 * write lock, read from one snapshot of the source. Every column is copied as stored (secrets in
 * server entries too: they are the user's own, moving between their databases); ids are the
 * target's, and the links between rows (a follow-up's parent, a message's execution, a workflow's
 * servers) follow them. Entries and executions already there are left as they are, so copying
 * again copies only what is new.
 */
import {type EntityManager, type EntityMetadata, IsolationLevel, ReferenceKind} from '@mikro-orm/core';
import type {Database} from './database-type.js';
import {dialectOfOrm} from './dialect.js';
import {Execution, type IExecution, type IMcpServer, type IWorkflow, McpServer, Message, Workflow} from './entities/index.js';
import {takeWriteLock} from './write-lock.js';

export interface NamedCopy {
	/** Names created in the target. */
	created: string[];
	/** Names the target already had: its entry was kept as it is. */
	kept: string[];
}

export interface CopyReport {
	servers: NamedCopy;
	workflows: NamedCopy;
	/** Source id -> target id of each execution copied, in order. */
	copied: Array<{from: number; to: number}>;
	messages: number;
	/** Executions the target already held (same start, workflow, query, user and host, or the same import). */
	alreadyThere: number;
	/** Executions still running in the source (and their follow-ups): left for a later copy. */
	running: number;
}

const PAGE = 200;
const MESSAGE_PAGE = 500;

/** The stored columns of an entity, but its id and its relations (those are remapped). */
function columns(meta: EntityMetadata, entity: object): Record<string, unknown> {
	const data: Record<string, unknown> = {};
	for (const prop of meta.props) {
		if (prop.primary || prop.kind !== ReferenceKind.SCALAR || prop.persist === false) continue;
		data[prop.name] = (entity as Record<string, unknown>)[prop.name];
	}

	return data;
}

/** What makes an execution the same one in two databases: recorded by one process, once. */
function identity(row: Pick<IExecution, 'startTime' | 'userQuery' | 'userName' | 'hostName'>, workflow: string | undefined): string {
	return JSON.stringify([row.startTime.getTime(), workflow, row.userQuery, row.userName ?? null, row.hostName ?? null]);
}

export async function copyDatabase(from: Database, to: Database): Promise<CopyReport> {
	// A snapshot of the source: rows written meanwhile by a run there are not half copied. Begun on
	// a fork of its own, not through transactional(): the ORM keys the transaction of a callback by
	// context name, and both databases' would be "default", so the target's would answer the source's reads.
	const source = from.em.fork();
	await source.begin(dialectOfOrm(from) === 'postgresql' ? {isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true} : {});
	try {
		return await to.em.fork().transactional(async target => {
			await takeWriteLock(target);
			return new Copier(source, target).run();
		});
	} finally {
		// Nothing was written there: the snapshot is let go either way.
		await source.rollback();
	}
}

class Copier {
	private readonly serverIds = new Map<number, number>();
	private readonly workflowIds = new Map<number, number>();
	private readonly workflowNames = new Map<number, string>();
	/** Source execution id -> target id, for those copied and those already there. */
	private readonly executionIds = new Map<number, number>();
	private readonly leftOut = new Set<number>();
	private readonly report: CopyReport = {servers: {created: [], kept: []}, workflows: {created: [], kept: []}, copied: [], messages: 0, alreadyThere: 0, running: 0};

	constructor(
		private readonly source: EntityManager,
		private readonly target: EntityManager,
	) {}

	async run(): Promise<CopyReport> {
		await this.copyServers();
		await this.copyWorkflows();
		let after = 0;
		for (;;) {
			const page = await this.source.find(Execution, {id: {$gt: after}}, {orderBy: {id: 'asc'}, limit: PAGE});
			if (page.length === 0) break;
			await this.copyExecutions(page);
			after = page.at(-1)!.id;
			this.source.clear();
			this.target.clear();
		}

		return this.report;
	}

	private meta(name: string): EntityMetadata {
		return this.target.getMetadata().get(name);
	}

	private async copyServers(): Promise<void> {
		const existing = new Map((await this.target.find(McpServer, {})).map(server => [server.name, server]));
		const created: Array<[number, IMcpServer]> = [];
		for (const server of await this.source.find(McpServer, {}, {orderBy: {id: 'asc'}})) {
			const there = existing.get(server.name);
			if (there) {
				this.serverIds.set(server.id, there.id);
				this.report.servers.kept.push(server.name);
				continue;
			}

			created.push([server.id, this.target.create(McpServer, columns(this.meta(McpServer.meta.className), server) as IMcpServer)]);
			this.report.servers.created.push(server.name);
		}

		await this.target.flush();
		for (const [id, server] of created) this.serverIds.set(id, server.id);
	}

	private async copyWorkflows(): Promise<void> {
		const existing = new Map((await this.target.find(Workflow, {})).map(workflow => [workflow.name, workflow]));
		const created: Array<[number, IWorkflow]> = [];
		for (const workflow of await this.source.find(Workflow, {}, {populate: ['servers'], orderBy: {id: 'asc'}})) {
			this.workflowNames.set(workflow.id, workflow.name);
			const there = existing.get(workflow.name);
			if (there) {
				this.workflowIds.set(workflow.id, there.id);
				this.report.workflows.kept.push(workflow.name);
				continue;
			}

			const copy = this.target.create(Workflow, columns(this.meta(Workflow.meta.className), workflow) as IWorkflow);
			for (const server of workflow.servers.getItems()) copy.servers.add(this.target.getReference(McpServer, this.serverIds.get(server.id)!));
			created.push([workflow.id, copy]);
			this.report.workflows.created.push(workflow.name);
		}

		await this.target.flush();
		for (const [id, workflow] of created) this.workflowIds.set(id, workflow.id);
	}

	/** The page's executions the target already has, by identity and by import fingerprint: source id -> target id. */
	private async alreadyThere(page: IExecution[]): Promise<Map<number, number>> {
		const found = new Map<number, number>();
		const targetNames = new Map((await this.target.find(Workflow, {}, {fields: ['name']})).map(workflow => [workflow.id, workflow.name]));
		const times = [...new Set(page.map(row => row.startTime.getTime()))].map(time => new Date(time));
		const candidates = await this.target.find(Execution, {startTime: {$in: times}});
		const byIdentity = new Map(candidates.map(row => [identity(row, targetNames.get(row.workflow.id)), row.id]));
		const fingerprints = page.map(row => row.importFingerprint).filter((value): value is string => typeof value === 'string');
		const imported = fingerprints.length === 0 ? [] : await this.target.find(Execution, {importFingerprint: {$in: fingerprints}}, {fields: ['importFingerprint']});
		const byFingerprint = new Map(imported.map(row => [row.importFingerprint, row.id]));
		for (const row of page) {
			const id = (row.importFingerprint ? byFingerprint.get(row.importFingerprint) : undefined) ?? byIdentity.get(identity(row, this.workflowNames.get(row.workflow.id)));
			if (id !== undefined) found.set(row.id, id);
		}

		return found;
	}

	private async copyExecutions(page: IExecution[]): Promise<void> {
		const there = await this.alreadyThere(page);
		const meta = this.meta(Execution.meta.className);
		const pending = new Map<number, IExecution>();
		for (const row of page) {
			const existing = there.get(row.id);
			if (existing !== undefined) {
				this.executionIds.set(row.id, existing);
				this.report.alreadyThere++;
				continue;
			}

			const parentId = row.parentExecution?.id;
			// Still running (no end recorded yet), or continuing one that is: copied once it has ended.
			if (row.status === 'STARTED' || (parentId !== undefined && this.leftOut.has(parentId))) {
				this.leftOut.add(row.id);
				this.report.running++;
				continue;
			}

			// A parent created in this page must have its id before its follow-up refers to it.
			if (parentId !== undefined && pending.has(parentId)) await this.flushPending(pending);
			const parent = parentId === undefined ? undefined : this.executionIds.get(parentId);
			const copy = this.target.create(Execution, {
				...(columns(meta, row) as IExecution),
				workflow: this.target.getReference(Workflow, this.workflowIds.get(row.workflow.id)!),
				parentExecution: parent === undefined ? null : this.target.getReference(Execution, parent),
			});
			pending.set(row.id, copy);
		}

		await this.flushPending(pending);
		await this.copyMessages(page.filter(row => !there.has(row.id) && !this.leftOut.has(row.id)).map(row => row.id));
	}

	private async flushPending(pending: Map<number, IExecution>): Promise<void> {
		await this.target.flush();
		for (const [from, copy] of pending) {
			this.executionIds.set(from, copy.id);
			this.report.copied.push({from, to: copy.id});
		}

		pending.clear();
	}

	private async copyMessages(executions: number[]): Promise<void> {
		if (executions.length === 0) return;
		const meta = this.meta(Message.meta.className);
		let after = 0;
		for (;;) {
			const messages = await this.source.find(Message, {execution: {$in: executions}, id: {$gt: after}}, {orderBy: {id: 'asc'}, limit: MESSAGE_PAGE});
			if (messages.length === 0) return;
			for (const message of messages) {
				this.target.create(Message, {...(columns(meta, message) as object), execution: this.target.getReference(Execution, this.executionIds.get(message.execution.id)!)} as never);
			}

			await this.target.flush();
			this.report.messages += messages.length;
			after = messages.at(-1)!.id;
			// The messages are written: only their ids were needed, and a long history must not pile up in memory.
			this.source.clear();
			this.target.clear();
		}
	}
}
