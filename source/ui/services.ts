/**
 * What the screens ask of the program, as one interface: the TUI draws before the ORM, the SDKs
 * and the MCP client are loaded, then receives an implementation (app-services.ts) built on the
 * wired app. Tests build the same implementation on a temp database.
 */
import type {ApprovalHook, EngineEvent, FinishedStatus} from '../engine/events.js';
import type {ProviderName} from '../llm/provider.js';
import type {ConfigServices} from './config-services.js';
import type {HistoryServices} from './history-services.js';

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
	| {kind: 'problem'; path: string; message: string; /** Missing or empty: the demo can go right here. */ canCreateDemo: boolean};

export interface SchemaField {
	name: string;
	type: string;
}

export interface SchemaTable {
	table: string;
	module: string;
	fields: SchemaField[];
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
	query: string;
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
	/** The project's data model as inspect_project sees it. */
	readSchema(projectPath: string, workflow?: string): Promise<ProjectSchema>;
	run(request: UiRunRequest, onEvent: (event: EngineEvent) => void): Promise<UiRunResult>;
	/** The Servers and Workflows screens' store and probe (absent in tests that do not need them). */
	config?: ConfigServices;
	/** The History and Replay screens' queries (absent in tests that do not need them). */
	history?: HistoryServices;
	close(): Promise<void>;
}
