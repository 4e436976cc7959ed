import type {EntityManager} from '@mikro-orm/core';
import {type IMcpServer, type IWorkflow, McpServer, Workflow} from '../db/entities/index.js';
import {EctosmithError} from '../errors.js';
import {packageRoot} from '../package-root.js';
import {defaultWorkflowOf, NoDefaultWorkflowError, noDefaultWorkflowMessage} from './default-workflow.js';
import type {ServerFields} from './entry-fields.js';
import type {McpServerConfig, WorkflowConfig} from './types.js';

/** The placeholder seeded server entries use for this package's own folder. */
export const packagePlaceholder = '${ECTOSMITH_PACKAGE}';

/** A workflow or server name that is not in the database; the message lists the known ones. */
export class UnknownNameError extends EctosmithError {
	constructor(
		readonly kind: 'workflow' | 'MCP server',
		readonly requested: string,
		readonly known: string[],
	) {
		super(`Unknown ${kind} "${requested}". Known ${kind}s: ${known.length > 0 ? known.join(', ') : '(none; run `ectosmith db seed`)'}`);
		this.name = 'UnknownNameError';
	}
}

/**
 * Workflows and MCP servers, read from the database into the engine's shapes. Every read uses a
 * fresh fork of the entity manager, so an edit saved meanwhile (by the form or another process) is
 * what the next run sees, without a restart.
 */
export class AppConfig {
	constructor(private readonly root: EntityManager) {}

	private get em(): EntityManager {
		return this.root.fork();
	}

	async listWorkflows(): Promise<WorkflowConfig[]> {
		const workflows = await this.em.find(Workflow, {}, {populate: ['servers'], orderBy: {name: 'asc'}});
		return workflows.map(workflow => toWorkflowConfig(workflow));
	}

	async getWorkflow(name: string): Promise<WorkflowConfig> {
		const workflow = await this.em.findOne(Workflow, {name}, {populate: ['servers']});
		if (!workflow) throw new UnknownNameError('workflow', name, await this.workflowNames());
		return toWorkflowConfig(workflow);
	}

	/** The workflow taken when none is named (config/default-workflow.ts), else an error naming them. */
	async defaultWorkflow(): Promise<WorkflowConfig> {
		const workflows = await this.listWorkflows();
		const chosen = defaultWorkflowOf(workflows);
		if (chosen) return chosen;
		throw new NoDefaultWorkflowError(
			noDefaultWorkflowMessage(
				workflows.map(workflow => workflow.name),
				'pick one with --workflow',
			),
		);
	}

	async listServers(): Promise<McpServerConfig[]> {
		const servers = await this.em.find(McpServer, {}, {orderBy: {name: 'asc'}});
		return servers.map(server => toServerConfig(server));
	}

	async getServer(name: string): Promise<McpServerConfig> {
		const server = await this.em.findOne(McpServer, {name});
		if (!server) throw new UnknownNameError('MCP server', name, await this.serverNames());
		return toServerConfig(server);
	}

	private async workflowNames(): Promise<string[]> {
		const rows = await this.em.find(Workflow, {}, {fields: ['name'], orderBy: {name: 'asc'}});
		return rows.map(row => row.name);
	}

	private async serverNames(): Promise<string[]> {
		const rows = await this.em.find(McpServer, {}, {fields: ['name'], orderBy: {name: 'asc'}});
		return rows.map(row => row.name);
	}
}

function toWorkflowConfig(workflow: IWorkflow): WorkflowConfig {
	// Association order: the order the servers were created in (their ids).
	const servers = [...workflow.servers.getItems()].sort((a, b) => a.id - b.id);
	return {
		name: workflow.name,
		description: workflow.description,
		llmModel: workflow.llmModel,
		initialPromptTemplate: workflow.initialPromptTemplate,
		maxConversationTurns: workflow.maxConversationTurns,
		checks: workflow.checks,
		servers: servers.map(server => toServerConfig(server)),
	};
}

/**
 * Expand ${ECTOSMITH_PACKAGE} to where this package is now (so a moved install keeps working) and
 * run `node` entries with the node that runs us.
 */
export function toServerConfig(server: IMcpServer | ServerFields): McpServerConfig {
	const config: McpServerConfig = {
		name: server.name,
		command: server.command === 'node' ? process.execPath : expandPackage(server.command),
		args: server.args.map(arg => expandPackage(arg)),
		env: Object.fromEntries(Object.entries(server.env ?? {}).map(([key, value]) => [key, expandPackage(value)])),
		description: server.description,
		enabled: server.enabled,
		trust: server.trust,
		allowApiKey: server.allowApiKey,
		transport: server.transport,
	};
	if (server.cwd) config.cwd = expandPackage(server.cwd);
	if (server.timeoutMs !== null && server.timeoutMs !== undefined) config.timeoutMs = server.timeoutMs;
	if (server.includeTools) config.includeTools = [...server.includeTools];
	if (server.excludeTools) config.excludeTools = [...server.excludeTools];
	if (server.url) config.url = server.url;
	if (server.headers && Object.keys(server.headers).length > 0) config.headers = {...server.headers};
	return config;
}

/** ${ECTOSMITH_PACKAGE} -> this package's folder (the one authority for the placeholder's meaning). */
export function expandPackage(value: string): string {
	return value.includes(packagePlaceholder) ? value.split(packagePlaceholder).join(packageRoot()) : value;
}
