/** One running tool server: its child process (or its url, for an HTTP entry), MCP client, tool list and stderr tail. */
import type {ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import {performance} from 'node:perf_hooks';
import {Client} from '@modelcontextprotocol/sdk/client/index.js';
import {StdioClientTransport} from '@modelcontextprotocol/sdk/client/stdio.js';
import {ErrorCode, McpError, type Tool} from '@modelcontextprotocol/sdk/types.js';
import {abortError} from '../abort-error.js';
import {type ExpandOptions, expandEnvReferences} from '../config/env-references.js';
import type {McpServerConfig} from '../config/types.js';
import {redact, SECRET_ENV_VARS} from '../log/redact.js';
import type {Logger} from '../log/types.js';
import {childEnv} from './child-env.js';
import {toToolCallResult} from './flatten-result.js';
import {connectOverHttp, httpFailure} from './http-transport.js';
import {StderrTail} from './stderr-tail.js';
import {type CallOptions, McpServerError, type ToolCallResult} from './types.js';

export interface ConnectionOptions {
	logger: Logger;
	startTimeoutMs: number;
	requestTimeoutMs: number;
	/** Wait after closing stdin before SIGTERM, and after SIGTERM before SIGKILL. */
	closeGraceMs: number;
	stderrLines: number;
}

const CLIENT_INFO = {name: 'ectosmith', version: '0.1.0'};
const MAX_TOOL_PAGES = 100;
export const TOOL_CALL_CANCELLED = 'The tool call was cancelled';

export class ServerConnection {
	/** Starts the child, initializes MCP and lists the tools; on failure nothing is left running. */
	static async start(config: McpServerConfig, options: ConnectionOptions): Promise<ServerConnection> {
		const connection = new ServerConnection(config, options);
		await connection.connect();
		return connection;
	}

	tools: Tool[] = [];
	private readonly logger: Logger;
	private readonly secrets: string[];
	private readonly stderr: StderrTail;
	private client = new Client(CLIENT_INFO, {capabilities: {}});
	private child: ChildProcess | undefined;
	private pidValue: number | undefined;
	private exitText = '';
	private closed = false;
	private stopping: Promise<void> | undefined;
	private readonly exited: Promise<void>;
	private markExited!: () => void;

	private constructor(
		readonly config: McpServerConfig,
		private readonly options: ConnectionOptions,
	) {
		this.logger = options.logger.child(config.name);
		// The entry's env and header values and our API keys never reach an error message or the log.
		const secrets = [
			...Object.values(config.env),
			...Object.values(expandedOrNothing(config.env, {allowApiKey: config.allowApiKey === true})),
			...Object.values(config.headers ?? {}),
			...Object.values(expandedOrNothing(config.headers ?? {}, {allowApiKey: config.allowApiKey === true, label: 'header'})),
			...SECRET_ENV_VARS.map(name => process.env[name]).filter((value): value is string => Boolean(value)),
		];
		this.secrets = secrets;
		this.stderr = new StderrTail(
			options.stderrLines,
			line => {
				this.logger.info(line, {stream: 'stderr'});
			},
			line => redact(line, secrets),
		);
		this.exited = new Promise(resolve => {
			this.markExited = resolve;
		});
	}

	get alive(): boolean {
		return !this.closed && this.stopping === undefined;
	}

	get pid(): number | undefined {
		return this.closed ? undefined : this.pidValue;
	}

	stderrTail(lines?: number): string[] {
		return this.stderr.tail(lines);
	}

	async callTool(toolName: string, args: Record<string, unknown>, options: CallOptions = {}): Promise<ToolCallResult> {
		const timeout = options.timeoutMs ?? this.options.requestTimeoutMs;
		if (!this.alive) {
			throw new McpServerError(this.config.name, `is not running (tool "${toolName}")`, this.stderr.tail());
		}

		const started = performance.now();
		const elapsed = (): number => Math.round(performance.now() - started);
		try {
			const result = await this.client.callTool({name: toolName, arguments: args, ...(options.meta === undefined ? {} : {_meta: options.meta})}, undefined, {timeout, signal: options.signal});
			const toolResult = toToolCallResult(toolName, result as Parameters<typeof toToolCallResult>[1]);
			this.logger.info(`tool ${toolName} ${toolResult.isError ? 'returned an error' : 'done'} in ${elapsed()} ms`, {
				tool: toolName,
				durationMs: elapsed(),
				isError: toolResult.isError,
			});
			return toolResult;
		} catch (error) {
			if (options.signal?.aborted) {
				this.logger.info(`tool ${toolName} cancelled after ${elapsed()} ms`, {tool: toolName, durationMs: elapsed()});
				throw abortError(options.signal, TOOL_CALL_CANCELLED);
			}

			const failure = await this.callFailure(toolName, timeout, error);
			if (failure instanceof McpServerError) {
				const summary = failure.message.split('\n')[0];
				this.logger.warn(`tool ${toolName} failed after ${elapsed()} ms: ${summary}`, {tool: toolName, durationMs: elapsed()});
				throw failure;
			}

			this.logger.info(`tool ${toolName} returned a protocol error in ${elapsed()} ms`, {tool: toolName, durationMs: elapsed()});
			return failure;
		}
	}

	/** Ends stdin, then SIGTERM, then SIGKILL, each after the grace period; resolves once the child is gone. */
	async stop(): Promise<void> {
		this.stopping ??= this.shutdown();
		return this.stopping;
	}

	private async shutdown(): Promise<void> {
		const grace = this.options.closeGraceMs;
		// Ends stdin: a well-behaved server exits by itself.
		const closing = this.client.close().catch(() => undefined);
		const pid = this.pidValue;
		if (pid !== undefined && !this.closed) {
			for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
				if (await settlesWithin(this.exited, grace)) {
					break;
				}

				this.logger.debug(`did not exit within ${grace} ms; sending ${signal}`);
				try {
					process.kill(pid, signal);
				} catch {
					// Already gone.
				}
			}

			await settlesWithin(this.exited, grace * 2);
		}

		await settlesWithin(closing, grace);
	}

	private async connect(): Promise<void> {
		const {config} = this;
		if (config.url !== undefined && config.transport !== undefined && config.transport !== 'stdio') {
			await this.connectHttp({...config, url: config.url});
			return;
		}

		if (config.cwd !== undefined && !isDirectory(config.cwd)) {
			throw new McpServerError(config.name, `working directory "${config.cwd}" does not exist or is not a folder`);
		}

		let env: Record<string, string>;
		try {
			env = childEnv(config.env, process.env, config.allowApiKey === true);
		} catch (error) {
			throw new McpServerError(config.name, `could not start: ${messageOf(error)}`);
		}

		const transport = new StdioClientTransport({
			command: config.command,
			args: config.args,
			env,
			cwd: config.cwd,
			// Never inherited: the child's stderr would scribble over the TUI.
			stderr: 'pipe',
		});
		transport.stderr?.on('data', (chunk: Buffer) => {
			this.stderr.push(chunk);
		});
		transport.stderr?.on('end', () => {
			this.stderr.end();
		});
		this.client.onclose = () => {
			this.onExit();
		};
		this.client.onerror = error => {
			this.logger.debug('transport error', {error});
		};

		this.logger.debug('starting', {command: config.command, args: config.args, cwd: config.cwd});
		// connect() spawns synchronously before its first await, so the child is known right after.
		const connecting = this.client.connect(transport, {timeout: this.options.startTimeoutMs});
		this.pidValue = transport.pid ?? undefined;
		this.child = childProcessOf(transport);
		this.child?.once('exit', (code, signal) => {
			this.exitText = signal ? ` (killed by ${signal})` : code === null ? '' : ` (exit code ${code})`;
		});

		try {
			await connecting;
		} catch (error) {
			// Judge before stopping: our own SIGKILL must not read as "exited during startup".
			const exitedByItself = this.closed || this.exitText !== '';
			await this.stop();
			await flushStreams();
			throw new McpServerError(config.name, this.startFailure(error, exitedByItself), this.stderr.tail());
		}

		try {
			this.tools = await this.listTools();
		} catch (error) {
			await this.stop();
			await flushStreams();
			throw new McpServerError(config.name, `could not list its tools: ${messageOf(error)}`, this.stderr.tail());
		}

		this.logger.info(`started (pid ${this.pidValue ?? '?'}) with ${this.tools.length} tools`, {tools: this.tools.map(tool => tool.name)});
	}

	/** An entry with a url: no child; headers' ${VARIABLE}s expanded; the start timeout as for stdio. */
	private async connectHttp(config: McpServerConfig & {url: string}): Promise<void> {
		let headers: Record<string, string>;
		try {
			headers = expandEnvReferences(config.headers ?? {}, process.env, {allowApiKey: config.allowApiKey === true, label: 'header'});
		} catch (error) {
			throw new McpServerError(config.name, `could not connect: ${messageOf(error)}`);
		}

		this.logger.debug('connecting', {url: config.url, transport: config.transport});
		try {
			const {client, via} = await connectOverHttp(config, headers, {
				timeoutMs: this.options.startTimeoutMs,
				newClient: () => new Client(CLIENT_INFO, {capabilities: {}}),
			});
			this.client = client;
			this.client.onclose = () => {
				this.onExit();
			};
			this.client.onerror = error => {
				this.logger.debug('transport error', {error});
			};
			this.tools = await this.listTools();
			this.logger.info(`connected to ${config.url} over ${via} with ${this.tools.length} tools`, {tools: this.tools.map(tool => tool.name)});
		} catch (error) {
			await this.client.close().catch(() => undefined);
			this.closed = true;
			this.markExited();
			throw new McpServerError(config.name, redact(httpFailure(error, config.url, this.options.startTimeoutMs), this.secrets));
		}
	}

	private async listTools(): Promise<Tool[]> {
		const tools: Tool[] = [];
		let cursor: string | undefined;
		for (let page = 0; page < MAX_TOOL_PAGES; page++) {
			const result = await this.client.listTools(cursor === undefined ? undefined : {cursor}, {timeout: this.options.requestTimeoutMs});
			tools.push(...result.tools);
			cursor = result.nextCursor;
			if (cursor === undefined) {
				break;
			}
		}

		return tools;
	}

	private onExit(): void {
		const wasAlive = this.alive;
		this.closed = true;
		this.markExited();
		if (wasAlive && this.tools.length > 0) {
			// Flush first so the warning carries the last words of the server.
			void flushStreams().then(() => {
				this.logger.warn(`exited unexpectedly${this.exitText}; it will be restarted on next use`, {stderrTail: this.stderr.tail(10)});
			});
		}
	}

	private startFailure(error: unknown, exitedByItself: boolean): string {
		const code = (error as NodeJS.ErrnoException | undefined)?.code;
		if (code === 'ENOENT') {
			return `could not start: command "${this.config.command}" was not found (is it installed and on PATH?)`;
		}

		if (code === 'EACCES') {
			return `could not start: command "${this.config.command}" is not executable`;
		}

		if (error instanceof McpError && error.code === Number(ErrorCode.RequestTimeout) && !exitedByItself) {
			return `did not answer the MCP initialize request within ${this.options.startTimeoutMs} ms (is "${this.config.command}" an MCP stdio server?)`;
		}

		if (exitedByItself || (error instanceof McpError && error.code === Number(ErrorCode.ConnectionClosed))) {
			return `exited during startup${this.exitText}`;
		}

		return `could not start: ${messageOf(error)}`;
	}

	/** A transport failure as McpServerError, or a JSON-RPC error answer as a result the model sees. */
	private async callFailure(toolName: string, timeout: number, error: unknown): Promise<McpServerError | ToolCallResult> {
		if (error instanceof McpError && error.code === Number(ErrorCode.RequestTimeout)) {
			return new McpServerError(this.config.name, `tool "${toolName}" did not answer within ${timeout} ms`, this.stderr.tail());
		}

		if (this.closed || (error instanceof McpError && error.code === Number(ErrorCode.ConnectionClosed))) {
			await settlesWithin(this.exited, this.options.closeGraceMs);
			await flushStreams();
			return new McpServerError(this.config.name, `exited while running tool "${toolName}"${this.exitText}; it will be restarted on the next call`, this.stderr.tail());
		}

		if (error instanceof McpError) {
			return {isError: true, text: `Tool "${toolName}" failed: ${error.message}`};
		}

		return new McpServerError(this.config.name, `gave an invalid answer to tool "${toolName}": ${messageOf(error)}`, this.stderr.tail());
	}
}

/**
 * The SDK keeps the ChildProcess private; we read it (pinned SDK 1.32.2) only for the exit code and
 * signal in error messages. Everything else works without it.
 */
function childProcessOf(transport: StdioClientTransport): ChildProcess | undefined {
	const child = (transport as unknown as {_process?: unknown})._process;
	return child && typeof (child as ChildProcess).once === 'function' ? (child as ChildProcess) : undefined;
}

/** The entry's env with references expanded, or nothing when one cannot be (start reports that). */
export function expandedOrNothing(env: Record<string, string>, options: ExpandOptions = {}): Record<string, string> {
	try {
		return expandEnvReferences(env, process.env, options);
	} catch {
		return {};
	}
}

function isDirectory(folder: string): boolean {
	try {
		return fs.statSync(folder).isDirectory();
	} catch {
		return false;
	}
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Lets piped stderr chunks still in flight reach the tail. */
async function flushStreams(): Promise<void> {
	await new Promise(resolve => {
		setImmediate(resolve);
	});
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<boolean>(resolve => {
		timer = setTimeout(resolve, ms, false);
	});
	try {
		return await Promise.race([promise.then(() => true), timeout]);
	} finally {
		clearTimeout(timer);
	}
}
