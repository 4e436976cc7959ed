/**
 * What the screens ask of the program, as one interface: the TUI draws before the ORM, the SDKs
 * and the MCP client are loaded, then receives an implementation (source/app/ui-services.ts) built on the
 * wired app. Tests build the same implementation on a temp database.
 */

import type {EditOptions, StoredServer, StoredWorkflow} from '../config/config-store.js';
import type {ServerFields, WorkflowFields} from '../config/entry-fields.js';
import type {ApprovalHook, EngineEvent, FinishedStatus} from '../engine/events.js';
import type {Deletion} from '../history/delete.js';
import type {HistoryCursor, HistoryFilter, HistoryPage} from '../history/queries.js';
import type {StatsReport} from '../history/stats.js';
import type {UndoPlan, UndoStep} from '../history/undo.js';
import type {ProviderName} from '../llm/provider.js';
import type {ProbeResult} from '../mcp/probe.js';
import type {ExecutionRecord} from '../records/recorder.js';

export interface WorkflowChoice {
	name: string;
	description: string;
	model: string;
	servers: string[];
	maxTurns: number;
	/** The provider and model a run of it uses now (flags and keys applied). */
	provider: ProviderName;
	providerModel: string;
}

export type ProjectStatus =
	| {kind: 'mix'; path: string; appModule?: string}
	/** Not usable: missing, not a folder, or no mix.exs (message: which, in a few words). */
	| {kind: 'problem'; path: string; message: string /** Missing or empty: the demo can go right here. */; canCreateDemo: boolean};

export interface SchemaPaneField {
	name: string;
	type: string;
}

export interface SchemaTable {
	table: string;
	module: string;
	fields: SchemaPaneField[];
	/** belongs_to links: field -> the table it points at (or the module when the table is unknown). */
	references: Array<{field: string; target: string}>;
}

export interface ProjectSchema {
	tables: SchemaTable[];
	/** Why the schema could not be read (the pane says so). */
	problem?: string;
}

export interface UiRunRequest {
	workflow?: string;
	description: string;
	projectPath: string;
	continueFrom?: number;
	signal: AbortSignal;
	/** Undefined: every write approved (--yes). */
	approve?: ApprovalHook;
}

export interface UiRunResult {
	executionId: number;
	status: FinishedStatus;
}

export interface UiServices {
	listWorkflows(): Promise<WorkflowChoice[]>;
	/** The user's earlier descriptions, newest first, without repeats. */
	recentDescriptions(limit?: number): Promise<string[]>;
	checkProject(folder: string): Promise<ProjectStatus>;
	/** Copies the demo Phoenix project into an empty or new folder. */
	createDemoProject(folder: string): Promise<void>;
	/** The project's data model as inspect_project sees it (read in this process: no tool server needed). */
	readSchema(projectPath: string): Promise<ProjectSchema>;
	run(request: UiRunRequest, onEvent: (event: EngineEvent) => void): Promise<UiRunResult>;
	/** The Servers and Workflows screens' store and probe (absent in tests that do not need them). */
	config?: ConfigServices;
	/** The History and Replay screens' queries (absent in tests that do not need them). */
	history?: HistoryServices;
	close(): Promise<void>;
}

/** What the Servers and Workflows screens ask of the program (built in source/app/config-services.ts). */
export interface ConfigServices {
	listServers(): Promise<StoredServer[]>;
	/** Creates (original undefined) or replaces the entry first read as `original`. */
	saveServer(original: string | undefined, fields: ServerFields, options?: EditOptions): Promise<StoredServer>;
	removeServer(name: string, detach: boolean): Promise<{detachedFrom: string[]}>;
	setServerEnabled(name: string, enabled: boolean): Promise<StoredServer>;
	/** Starts the entry as given (saved or not), lists its tools, stops it. */
	testServer(fields: ServerFields): Promise<ProbeResult>;
	listWorkflows(): Promise<StoredWorkflow[]>;
	saveWorkflow(original: string | undefined, fields: WorkflowFields, options?: EditOptions): Promise<StoredWorkflow>;
	removeWorkflow(name: string): Promise<void>;
}

/** What the History, Replay and Stats screens ask of the program (built in source/app/history-services.ts). */
export interface HistoryServices {
	listPage(filter: HistoryFilter, after: HistoryCursor | undefined, limit: number): Promise<HistoryPage>;
	replay(executionId: number): Promise<EngineEvent[]>;
	/** One execution's row (status, undone or not). */
	execution(executionId: number): Promise<ExecutionRecord>;
	/** A file of a project as it is now (undefined: missing, unreadable, or outside the project). */
	currentFile(projectPath: string, relativePath: string): Promise<string | undefined>;
	/** Checks every file first: a plan, or why not (naming the file in the way; force skips what it can). */
	planUndo(executionId: number, options?: {force?: boolean}): Promise<{plan: UndoPlan} | {refused: string; forceable: boolean}>;
	applyUndo(plan: UndoPlan): Promise<UndoStep[]>;
	/** What deleting it removes and the question to ask ("Delete execution #12 and its 40 messages?…"), or why it may not be deleted. */
	planDeletion(executionId: number): Promise<Refusable<{deletion: Deletion; question: string}>>;
	deleteExecution(executionId: number): Promise<Deletion>;
	/**
	 * Writes its export to `file` (relative to the working folder; format from the extension; an
	 * existing file only with overwrite): the absolute path written, or why not.
	 */
	exportTo(executionId: number, file: string, options?: {overwrite?: boolean}): Promise<Refusable<{file: string; executions: number}> | {exists: string}>;
	/** The Stats screen's figures since a date (all time without one), costed with the user's price table. */
	stats(since?: Date): Promise<StatsReport>;
	/** The price table's file for $EDITOR, written with the built-in prices first when missing. */
	priceFile(): Promise<string>;
}

/**
 * A result or the one-line reason it was refused. The screens load before the ORM, so they cannot
 * import the error classes to match them: the refusals are matched here, by class.
 */
export type Refusable<T> = T | {refused: string};
