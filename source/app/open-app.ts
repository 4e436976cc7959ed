/**
 * The one place that wires the program: the database, the logger, the MCP service, AppConfig, the
 * recorder, the provider factory and the engine. The headless `run`, the TUI and the other
 * commands open the program here, so nothing is wired twice.
 *
 * Only types are imported at the top: the ORM, the SDKs and the engine load inside openApp, so a
 * caller (the TUI) can paint its first screen before they are read from disk.
 *
 *     const app = await openApp({db: flags.db, provider: flags.provider, logLevel: 'info'});
 *     try {
 *       app.engine.on(event => ...);
 *       await app.engine.run({query, projectPath, signal, approve});
 *     } finally {
 *       await app.close();
 *     }
 */
import path from 'node:path';
import type {MikroORM} from '@mikro-orm/core';
import type {AppConfig} from '../config/app-config.js';
import type {WorkflowConfig} from '../config/types.js';
import type {WorkflowEngine} from '../engine/workflow-engine.js';
import {UsageError} from '../errors.js';
import {type LlmProvider, parseProviderName} from '../llm/provider.js';
import type {FileLogger} from '../log/logger.js';
import type {LogLevel} from '../log/types.js';
import type {McpService} from '../mcp/mcp-service.js';
import type {Recorder} from '../records/recorder.js';

export interface AppOptions {
	/** --db; default ECTOSMITH_DB, then the XDG data folder (see resolveDbPath). */
	db?: string;
	/** Where keys, ECTOSMITH_DB and the log folders are read; default process.env. */
	env?: NodeJS.ProcessEnv;
	/** --provider: gemini, offline or scripted; default gemini with a key, else offline. */
	provider?: string;
	/** --model: overrides every workflow's model. */
	model?: string;
	/** --script: the fixture the scripted provider plays (relative to the current folder). */
	script?: string;
	/** --record: save the session as a scripted fixture (refused over a file that is not one, unless force). */
	record?: string;
	/** --force: let --record replace any file. */
	force?: boolean;
	/** --strict: the offline planner refuses a plan that needed an assumption. */
	strict?: boolean;
	/** Log level; default ECTOSMITH_LOG_LEVEL, else info. */
	logLevel?: LogLevel;
	/** The log file; default the XDG state folder (tests pass their own). */
	logFile?: string;
	/** Per tool call; default the MCP service's own (60 s). */
	toolTimeoutMs?: number;
}

export interface WiredApp {
	engine: WorkflowEngine;
	config: AppConfig;
	recorder: Recorder;
	orm: MikroORM;
	mcp: McpService;
	logger: FileLogger;
	/** The database file in use (absolute). */
	dbPath: string;
	/** The provider a workflow runs with, given the options (what engine.run will use). */
	providerFor(workflow: WorkflowConfig): LlmProvider;
	/** The secret values the record is scrubbed of now (a live run's screen scrubs the same). */
	secretValues(): string[];
	/** Stops the tool servers and closes the database; safe to call twice. */
	close(): Promise<void>;
}

/**
 * Checks the options that need no disk or network (provider name, --record target), then opens
 * the database (migrating and seeding it), and wires the rest. Bad options throw UsageError;
 * database problems throw DatabaseError (one line naming the file and what to do).
 */
export async function openApp(options: AppOptions = {}): Promise<WiredApp> {
	const env = options.env ?? process.env;
	const provider = options.provider === undefined ? undefined : parseProviderName(options.provider);
	const recordFile = options.record === undefined ? undefined : path.resolve(options.record);
	const scriptFile = options.script === undefined ? undefined : path.resolve(options.script);
	const [{defaultDbPath, resolveDbPath}, {createLogger}, scriptedRecorder] = await Promise.all([import('../db/db-path.js'), import('../log/logger.js'), import('../llm/scripted-recorder.js')]);
	if (recordFile !== undefined) scriptedRecorder.checkRecordTarget(recordFile, {force: options.force === true});

	let dbPath: string;
	try {
		dbPath = resolveDbPath({...(options.db === undefined ? {} : {db: options.db}), env});
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}

	const logger = createLogger({
		env,
		...(options.logLevel === undefined ? {} : {level: options.logLevel}),
		...(options.logFile === undefined ? {} : {file: options.logFile}),
	});
	const [{openDatabase}, {McpService}, {AppConfig}, {Recorder}, {WorkflowEngine}, {createProvider}, {scrubSecretStrings}, {knownSecretValues}] = await Promise.all([
		import('../db/orm.js'),
		import('../mcp/mcp-service.js'),
		import('../config/app-config.js'),
		import('../records/recorder.js'),
		import('../engine/workflow-engine.js'),
		import('./create-provider.js'),
		import('../log/redact.js'),
		import('../config/known-secrets.js'),
	]);

	// Only the default location's folder is created; a chosen file must be in a folder that exists.
	const orm = await openDatabase({dbPath, createFolder: dbPath === defaultDbPath(env)});
	const mcp = new McpService({logger: logger.child('mcp')});
	const config = new AppConfig(orm.em.fork());
	// What a model or a tool could echo of a secret (the API keys, the servers' secret env and header
	// values) is stored scrubbed; the set is read again at each execution's start, before its servers
	// start, so an entry edited meanwhile counts.
	let secrets = await knownSecretValues(orm.em, env);
	const recorder = new Recorder(orm, {scrub: value => scrubSecretStrings(value, secrets)});
	const providerFor = (workflow: WorkflowConfig): LlmProvider =>
		createProvider({
			...(provider === undefined ? {} : {provider}),
			model: options.model ?? workflow.llmModel,
			env,
			...(scriptFile === undefined ? {} : {scriptFile}),
			...(recordFile === undefined ? {} : {recordFile}),
			...(options.strict ? {strict: true} : {}),
			logger,
		});
	const engine = new WorkflowEngine({
		config,
		recorder,
		mcp,
		logger,
		providerFor,
		...(options.toolTimeoutMs === undefined ? {} : {toolTimeoutMs: options.toolTimeoutMs}),
	});

	engine.on(event => {
		if (event.type !== 'execution_started') return;
		knownSecretValues(orm.em, env).then(
			found => {
				secrets = found;
			},
			(error: unknown) => logger.warn('could not read the secret values to scrub', {error}),
		);
	});

	let closing: Promise<void> | undefined;
	const close = async () => {
		closing ??= (async () => {
			await mcp.close().catch(() => undefined);
			await orm.close(true).catch(() => undefined);
		})();
		return closing;
	};

	return {engine, config, recorder, orm, mcp, logger, dbPath, providerFor, secretValues: () => secrets, close};
}
