/**
 * The engine's contract with its callers (what it needs, what a run takes and returns) and what
 * the parts of a run share.
 */
import type {WorkflowConfig} from '../config/types.js';
import type {LlmProvider} from '../llm/provider.js';
import type {Logger} from '../log/types.js';
import type {McpServiceApi} from '../mcp/types.js';
import type {ExecutionRecord, NewExecution, NewMessage, RecordedMessage} from '../records/recorder.js';
import type {ApprovalHook, EngineEvent, FinishedStatus} from './events.js';

/** How a live run ends; INTERRUPTED is only ever set later, on the record of a process that died. */
export type LiveFinishedStatus = Exclude<FinishedStatus, 'INTERRUPTED'>;

/** The part of AppConfig the engine needs. */
export interface WorkflowSource {
	getWorkflow(name: string): Promise<WorkflowConfig>;
	defaultWorkflow(): Promise<WorkflowConfig>;
}

/** The part of Recorder the engine needs. */
export interface EngineRecorder {
	startExecution(execution: NewExecution): Promise<number>;
	addMessage(executionId: number, message: NewMessage): Promise<number>;
	addUsage(executionId: number, usage: {promptTokens: number; outputTokens: number; totalTokens: number}): Promise<void>;
	finishExecution(executionId: number, end: {status: LiveFinishedStatus; finalResponseText?: string; errorMessage?: string; turnCount: number; endTime?: Date}): Promise<void>;
	getExecution(id: number): Promise<ExecutionRecord>;
	listMessages(executionId: number): Promise<RecordedMessage[]>;
	markInterrupted(): Promise<number>;
}

export interface WorkflowEngineOptions {
	config: WorkflowSource;
	recorder: EngineRecorder;
	mcp: McpServiceApi;
	providerFor: (workflow: WorkflowConfig) => LlmProvider;
	logger?: Logger;
	/** Per tool call; undefined leaves the MCP service's own default. */
	toolTimeoutMs?: number;
	/** After a cancel, how long a writing call already under way may take to finish (default 20 s). */
	writeGraceMs?: number;
}

export interface RunOptions {
	/** Workflow name; default: the parent's workflow when continuing, else the default workflow. */
	workflow?: string;
	/** The schema description (or, when continuing, the follow-up message). */
	description: string;
	/** The Phoenix project; default: the parent's project when continuing. */
	projectPath?: string;
	signal?: AbortSignal;
	/** Continue the conversation of this past execution (the new one is linked to it). */
	continueFrom?: number;
	/** Sets dry_run: true on every call to a tool that has a dry_run argument; nothing is asked. */
	dryRun?: boolean;
	/**
	 * Asked before every call to a tool that can write, with the files its dry run plans. None:
	 * every call runs without asking (headless runs, the TUI's --yes).
	 */
	approve?: ApprovalHook;
}

/** How an execution ended, as its row and its execution_finished event keep it. */
export interface RunOutcome {
	status: LiveFinishedStatus;
	finalResponseText?: string;
	errorMessage?: string;
}

export interface RunResult extends RunOutcome {
	executionId: number;
	turns: number;
	/** Set when the execution's end could not be recorded (the database full, gone, locked): why, in one line. */
	recordError?: string;
}

/** What every part of a run works through: the engine's options, its logger and its event stream. */
export interface EngineParts {
	options: WorkflowEngineOptions;
	logger: Logger;
	emit(event: EngineEvent): void;
}

export function errorMessage(error: unknown): string {
	if (error instanceof Error) return error.message || error.name;
	return String(error);
}
