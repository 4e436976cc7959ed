/**
 * The MCP service: one stdio client per server entry, started on demand and in parallel, reused
 * for the life of the process (keyed by name + a hash of command/args/env/cwd: a changed entry gets
 * a new client), restarted after a crash, and closed without leaving a child behind.
 */
import {createHash} from 'node:crypto';
import {abortError} from '../abort-error.js';
import type {McpServerConfig} from '../config/types.js';
import {silentLogger} from '../log/logger.js';
import type {Logger} from '../log/types.js';
import {retry} from '../retry.js';
import {ArgsValidator} from './args-validator.js';
import {type ConnectionOptions, expandedOrNothing, ServerConnection, TOOL_CALL_CANCELLED} from './server-connection.js';
import {exposedNames} from './tool-names.js';
import {type CallOptions, McpServerError, type McpServiceApi, notRunnableReason, ServerNotRunnableError, type ToolBinding, type ToolCallResult} from './types.js';

// A connection that died right after it started: ready() starts it again, then gives up with an McpServerError.
class ExitedAtStart extends Error {
	constructor(readonly connection: ServerConnection) {
		super('the server exited right after it started');
	}
}

export type {McpServiceApi, ToolBinding, ToolCallResult} from './types.js';
export {McpServerError, ServerNotRunnableError} from './types.js';

export interface McpServiceOptions {
	/** Lines are tagged with the server's name under this logger's tag: pass e.g. logger.child('mcp'). */
	logger?: Logger;
	/** Timeout of every request (tools/list, tools/call) unless a call gives its own; default 60000. */
	requestTimeoutMs?: number;
	/** Time a server gets to start and answer initialize; default 20000. */
	startTimeoutMs?: number;
	/** On close: wait after ending stdin before SIGTERM, and after SIGTERM before SIGKILL; default 2000. */
	closeGraceMs?: number;
	/** Stderr lines kept per server for error messages; default 50. */
	stderrLines?: number;
}

interface Entry {
	hash: string;
	config: McpServerConfig;
	current: Promise<ServerConnection> | undefined;
	/** The last connection that finished starting. */
	connection: ServerConnection | undefined;
}

type SecretRegistry = {registerSecret(value: string): void};

export class McpService implements McpServiceApi {
	private readonly entries = new Map<string, Entry>();
	/** Stops of replaced clients still in progress; close() waits for them. */
	private readonly retiring = new Set<Promise<void>>();
	private closed = false;
	private readonly options: ConnectionOptions;
	private readonly logger: Logger;
	private readonly validator: ArgsValidator;

	constructor(options: McpServiceOptions = {}) {
		this.logger = options.logger ?? silentLogger;
		this.options = {
			logger: this.logger,
			requestTimeoutMs: positive('requestTimeoutMs', options.requestTimeoutMs ?? 60_000),
			startTimeoutMs: positive('startTimeoutMs', options.startTimeoutMs ?? 20_000),
			closeGraceMs: positive('closeGraceMs', options.closeGraceMs ?? 2000),
			stderrLines: positive('stderrLines', options.stderrLines ?? 50),
		};
		this.validator = new ArgsValidator(this.options.logger);
	}

	async toolsFor(servers: McpServerConfig[]): Promise<ToolBinding[]> {
		const configs = checkConfigs(servers);
		const settled = await Promise.allSettled(configs.map(async config => this.ready(this.entryFor(config))));
		const failures = settled.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
		if (failures.length > 0) {
			for (const failure of failures.slice(1)) {
				this.options.logger.error('another server failed to start', {error: failure.reason as unknown});
			}

			throw failures[0]!.reason;
		}

		const tools = settled.flatMap((result, index) => (result.status === 'fulfilled' ? this.offered(configs[index]!, result.value.tools).map(tool => ({config: configs[index]!, tool})) : []));
		const names = exposedNames(tools.map(({config, tool}) => ({serverName: config.name, toolName: tool.name})));
		return tools.map(({config, tool}, index) => ({
			exposedName: names[index]!,
			serverName: config.name,
			toolName: tool.name,
			description: tool.description ?? tool.title ?? '',
			inputSchema: tool.inputSchema as Record<string, unknown>,
			readOnly: tool.annotations?.readOnlyHint === true,
			trusted: config.trust === true,
			...(config.timeoutMs === undefined ? {} : {timeoutMs: config.timeoutMs}),
		}));
	}

	/** The entry's tools after its include and exclude lists; names the lists mention that do not exist are logged. */
	private offered<T extends {name: string}>(config: McpServerConfig, tools: T[]): T[] {
		const names = new Set(tools.map(tool => tool.name));
		const missing = [...(config.includeTools ?? []), ...(config.excludeTools ?? [])].filter(name => !names.has(name));
		if (missing.length > 0) {
			this.logger.warn(`server "${config.name}" has no tool(s) ${missing.join(', ')} named in its include/exclude lists`);
		}

		return filterTools(config, tools);
	}

	validateArgs(binding: ToolBinding, args: Record<string, unknown>): string[] {
		return this.validator.validate(`${binding.serverName}/${binding.toolName}`, binding.inputSchema, args);
	}

	async callTool(binding: ToolBinding, args: Record<string, unknown>, options: CallOptions = {}): Promise<ToolCallResult> {
		if (options.timeoutMs !== undefined) {
			positive('timeoutMs', options.timeoutMs);
		}

		const entry = this.entries.get(binding.serverName);
		if (!entry) {
			throw new McpServerError(binding.serverName, 'is not started; list its tools with toolsFor() before calling them');
		}

		if (options.signal?.aborted) {
			throw abortError(options.signal, TOOL_CALL_CANCELLED);
		}

		const connection = await this.ready(entry);
		return connection.callTool(binding.toolName, args, binding.timeoutMs === undefined ? options : {...options, timeoutMs: binding.timeoutMs});
	}

	childPids(): number[] {
		return this.connections()
			.map(connection => connection.pid)
			.filter((pid): pid is number => pid !== undefined);
	}

	/** The last stderr lines of a server (empty when it never started). */
	stderrTail(serverName: string, lines?: number): string[] {
		return (
			this.connections()
				.find(connection => connection.config.name === serverName)
				?.stderrTail(lines) ?? []
		);
	}

	async close(): Promise<void> {
		this.closed = true;
		const entries = [...this.entries.values()];
		this.entries.clear();
		await Promise.all([
			...entries.map(async entry => {
				const connection = await entry.current?.catch(() => undefined);
				await Promise.all([connection?.stop(), entry.connection?.stop()]);
			}),
			...this.retiring,
		]);
	}

	private connections(): ServerConnection[] {
		return [...this.entries.values()].map(entry => entry.connection).filter((connection): connection is ServerConnection => connection !== undefined);
	}

	private entryFor(config: McpServerConfig): Entry {
		// A run still asking for tools once close() began would start servers nothing ever stops.
		if (this.closed) throw new McpServerError(config.name, 'cannot start: ectosmith is shutting down');
		const hash = configHash(config);
		const existing = this.entries.get(config.name);
		if (existing?.hash === hash) {
			return existing;
		}

		if (existing) {
			this.options.logger.info(`server entry "${config.name}" changed; starting a new client`);
			const stopping = (existing.current ?? Promise.resolve(existing.connection)).then(async connection => connection?.stop()).catch(() => undefined);
			this.retiring.add(stopping);
			void stopping.finally(() => this.retiring.delete(stopping));
		}

		const entry: Entry = {hash, config, current: undefined, connection: undefined};
		this.entries.set(config.name, entry);
		return entry;
	}

	/** The entry's live connection: started when missing, restarted (twice at most) when it died. */
	private async ready(entry: Entry): Promise<ServerConnection> {
		try {
			return await retry(async () => this.connect(entry), {
				attempts: 3,
				retries: error => {
					if (!(error instanceof ExitedAtStart)) return false;
					this.options.logger.info(`restarting server "${entry.config.name}" after it exited`);
					return true;
				},
				delayMs: () => 0,
			});
		} catch (error) {
			if (error instanceof ExitedAtStart) throw new McpServerError(entry.config.name, 'keeps exiting right after it starts', error.connection.stderrTail());
			throw error;
		}
	}

	/** One try of ready(): the entry's connection, started when missing; ExitedAtStart when it is dead. */
	private async connect(entry: Entry): Promise<ServerConnection> {
		const current = entry.current ?? this.start(entry);
		entry.current = current;
		let connection: ServerConnection;
		try {
			connection = await current;
		} catch (error) {
			// Forget the failure so the next use tries again.
			if (entry.current === current) {
				entry.current = undefined;
			}

			throw error;
		}

		if (entry.current === current) {
			entry.connection = connection;
		}

		if (connection.alive) {
			return connection;
		}

		if (entry.current === current) {
			entry.current = undefined;
		}

		throw new ExitedAtStart(connection);
	}

	private async start(entry: Entry): Promise<ServerConnection> {
		const registry = this.logger as Partial<SecretRegistry>;
		if (typeof registry.registerSecret === 'function') {
			const allowApiKey = entry.config.allowApiKey === true;
			const headers = entry.config.headers ?? {};
			const values = [
				...Object.values(entry.config.env),
				...Object.values(expandedOrNothing(entry.config.env, {allowApiKey})),
				...Object.values(headers),
				...Object.values(expandedOrNothing(headers, {allowApiKey, label: 'header'})),
			];
			for (const value of values) {
				registry.registerSecret(value);
			}
		}

		const promise = ServerConnection.start(entry.config, this.options);
		const connection = await promise;
		if (this.closed || this.entries.get(entry.config.name) !== entry) {
			// close() ran, or the entry changed, while this one was starting: leave nothing behind.
			await connection.stop();
			throw new McpServerError(entry.config.name, 'was stopped while starting');
		}

		return connection;
	}
}

/** The tools an entry offers: its include list (when given), minus its exclude list. */
export function filterTools<T extends {name: string}>(config: Pick<McpServerConfig, 'includeTools' | 'excludeTools'>, tools: T[]): T[] {
	const include = config.includeTools && config.includeTools.length > 0 ? new Set(config.includeTools) : undefined;
	const exclude = new Set(config.excludeTools ?? []);
	return tools.filter(tool => (include === undefined || include.has(tool.name)) && !exclude.has(tool.name));
}

function positive(name: string, value: number): number {
	if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
		throw new RangeError(`${name} must be a positive number of milliseconds, got ${String(value)}`);
	}

	return value;
}

function configHash(config: McpServerConfig): string {
	const env = Object.entries(config.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return createHash('sha256')
		.update(JSON.stringify([config.command, config.args, env, config.cwd ?? null, config.transport ?? 'stdio', config.url ?? null, config.headers ?? null]))
		.digest('hex');
}

/** Checks the entries' shapes; one name with two different entries is an error. */
function checkConfigs(servers: McpServerConfig[]): McpServerConfig[] {
	if (!Array.isArray(servers)) {
		throw new TypeError('toolsFor expects an array of MCP server entries');
	}

	const byName = new Map<string, McpServerConfig>();
	for (const config of servers) {
		const name = typeof config?.name === 'string' && config.name.trim() !== '' ? config.name : undefined;
		const bad = (problem: string): McpServerError => new McpServerError(name ?? '(unnamed)', `invalid entry: ${problem}`);
		if (name === undefined) {
			throw bad('name must be a non-empty string');
		}

		const notRunnable = notRunnableReason(config);
		if (notRunnable !== undefined) {
			throw new ServerNotRunnableError(name, notRunnable);
		}

		const remote = config.transport !== undefined && config.transport !== 'stdio';
		if (remote && !/^https?:\/\/\S+$/.test(config.url ?? '')) {
			throw bad('url must be an http:// or https:// address');
		}

		if (!remote && (typeof config.command !== 'string' || config.command.trim() === '')) {
			throw bad('command must be a non-empty string');
		}

		if (!Array.isArray(config.args)) {
			throw bad('args must be an array of strings');
		}

		const badArg = config.args.findIndex(arg => typeof arg !== 'string');
		if (badArg >= 0) {
			throw bad(`args[${badArg}] must be a string, got ${typeof config.args[badArg]}`);
		}

		if (typeof config.env !== 'object' || config.env === null || Array.isArray(config.env)) {
			throw bad('env must be an object of string values');
		}

		for (const [key, value] of Object.entries(config.env)) {
			if (typeof value !== 'string') {
				throw bad(`env.${key} must be a string, got ${typeof value}`);
			}
		}

		if (config.cwd !== undefined && typeof config.cwd !== 'string') {
			throw bad('cwd must be a string when given');
		}

		if (config.timeoutMs !== undefined) {
			positive(`timeout of server "${name}"`, config.timeoutMs);
		}

		const previous = byName.get(name);
		if (previous && configHash(previous) !== configHash(config)) {
			throw bad('two different entries share this name');
		}

		byName.set(name, config);
	}

	return [...byName.values()];
}
