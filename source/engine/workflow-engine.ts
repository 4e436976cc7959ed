/**
 * The conversation loop: load a workflow, start its tool servers, render the prompt, then ask the
 * model for turns and run its function calls until it answers without any, recording every step
 * and emitting typed events. It knows nothing of the terminal.
 */
import path from 'node:path';
import type {WorkflowConfig} from '../config/types.js';
import type {ConversationItem, FunctionCall, FunctionResult, LlmProvider, ModelTurn, ToolSpec} from '../llm/provider.js';
import {silentLogger} from '../log/logger.js';
import type {Logger} from '../log/types.js';
import type {McpServiceApi, ToolBinding, ToolCallResult} from '../mcp/types.js';
import type {
	ApprovalDecision,
	ApprovalHook,
	ApprovalOutcome,
	ApprovalRequest,
	EngineEvent,
	EngineEventListener,
	ExecutionStatus,
} from './events.js';
import type {PlannedFile} from '../tool-results/output.js';
import {recordApproval, type ApprovalShown} from './approval-record.js';
import {checkDescription} from './description.js';
import {pinProjectPath, takesProjectPath} from './project-pin.js';
import {loadConversation, type CallRawParts, type StoredToolResponse} from './conversation-chain.js';
import {readAppModule, renderPrompt} from './prompt.js';
import type {ExecutionRecord, NewExecution, NewMessage, RecordedMessage} from '../records/recorder.js';
import {UsageError} from '../errors.js';
import {isRecord} from '../is-record.js';
import {applyArgs, reportedFiles} from '../tool-results/read-result.js';

export type FinalStatus = Exclude<ExecutionStatus, 'STARTED' | 'INTERRUPTED'>;

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
	finishExecution(
		executionId: number,
		end: {status: FinalStatus; finalResponseText?: string; errorMessage?: string; turnCount: number; endTime?: Date},
	): Promise<void>;
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
	query: string;
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

export interface RunResult {
	executionId: number;
	status: FinalStatus;
	finalResponseText?: string;
	errorMessage?: string;
	turns: number;
}

export const CANCELLED_MESSAGE = 'Cancelled by the user.';
const CANCELLED_TOOL_TEXT = 'Cancelled by the user before the tool answered.';
const CANCELLED_APPROVAL_TEXT = 'Cancelled by the user before the change was approved; nothing was written.';
export const DECLINED_TEXT = 'The user declined this change.';
export const DEFAULT_WRITE_GRACE_MS = 20_000;

/** The user's answers so far in one execution. */
interface Approvals {
	hook: ApprovalHook | undefined;
	/** "Approve all" was chosen: later calls are approved without asking. */
	all: boolean;
}

class Cancelled extends Error {
	constructor() {
		super(CANCELLED_MESSAGE);
		this.name = 'Cancelled';
	}
}

function errorMessage(error: unknown): string {
	if (error instanceof Error) return error.message || error.name;
	return String(error);
}


/** The files of a dry run's structured result, as the approval hook sees them. */
function plannedFiles(structuredContent: unknown): PlannedFile[] {
	return reportedFiles(structuredContent).flatMap((file): PlannedFile[] => {
		if (file.content === undefined || file.action === 'written') return [];
		const current = file.previousContent;
		return [{path: file.path, action: file.action, content: file.content, ...(current === undefined ? {} : {currentContent: current})}];
	});
}

/** A signal that aborts `graceMs` after `signal` does (a bounded wait for a write under way). */
function graceSignal(signal: AbortSignal | undefined, graceMs: number): {signal: AbortSignal; dispose(): void} | undefined {
	if (!signal) return undefined;
	const controller = new AbortController();
	let timer: NodeJS.Timeout | undefined;
	const start = () => {
		timer = setTimeout(() => controller.abort(signal.reason), graceMs);
	};

	if (signal.aborted) start();
	else signal.addEventListener('abort', start, {once: true});
	return {
		signal: controller.signal,
		dispose() {
			clearTimeout(timer);
			signal.removeEventListener('abort', start);
		},
	};
}

/** The promise, or a rejection as soon as the signal aborts (a hook that ignores the signal). */
async function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
	if (!signal) return promise;
	signal.throwIfAborted();
	let onAbort: (() => void) | undefined;
	const aborted = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(new Cancelled());
		signal.addEventListener('abort', onAbort, {once: true});
	});
	try {
		return await Promise.race([promise, aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort!);
	}
}

function hasDryRun(binding: ToolBinding): boolean {
	const properties = binding.inputSchema['properties'];
	return isRecord(properties) && 'dry_run' in properties;
}

export class WorkflowEngine {
	private readonly listeners = new Set<EngineEventListener>();
	private readonly logger: Logger;
	private recovered: Promise<number> | undefined;

	constructor(private readonly options: WorkflowEngineOptions) {
		this.logger = options.logger ?? silentLogger;
	}

	/** Subscribes to the event stream; returns the unsubscribe function. */
	on(listener: EngineEventListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/**
	 * Marks executions left STARTED by processes that no longer run as INTERRUPTED. Runs once per
	 * engine (the first run calls it); returns how many were marked.
	 */
	async recoverInterrupted(): Promise<number> {
		this.recovered ??= this.options.recorder.markInterrupted().then(count => {
			if (count > 0) this.logger.info('marked interrupted executions', {count});
			return count;
		});
		return this.recovered;
	}

	/**
	 * Runs one execution. Rejects only before the execution row exists (unknown workflow or parent,
	 * empty description, provider set-up); afterwards every path finishes the row and resolves.
	 */
	async run(options: RunOptions): Promise<RunResult> {
		const {recorder} = this.options;
		await this.recoverInterrupted();

		const query = checkDescription(options.query);
		const parent = options.continueFrom === undefined ? undefined : await recorder.getExecution(options.continueFrom);
		const workflowName = options.workflow ?? parent?.workflowName;
		const workflow =
			workflowName === undefined ? await this.options.config.defaultWorkflow() : await this.options.config.getWorkflow(workflowName);
		const projectSource = options.projectPath ?? parent?.targetProjectPath;
		if (projectSource === undefined) throw new UsageError('No project path: pass the Phoenix project to write into.');
		const projectPath = path.resolve(projectSource);
		const provider = this.options.providerFor(workflow);
		const prior: ConversationItem[] = parent ? await loadConversation(recorder, parent.id, {provider: provider.name}) : [];
		const signal = options.signal;

		const startedAt = Date.now();
		const maxTurns = Math.max(1, workflow.maxConversationTurns);
		const executionId = await recorder.startExecution({
			workflowName: workflow.name,
			userQuery: query,
			targetProjectPath: projectPath,
			provider: provider.name,
			model: provider.model,
			...(parent ? {parentExecutionId: parent.id} : {}),
			maxTurns,
			startTime: new Date(startedAt),
		});
		const log = this.logger.child(`execution ${executionId}`);
		log.info('execution started', {workflow: workflow.name, provider: provider.name, model: provider.model, projectPath});
		this.emit({
			type: 'execution_started',
			executionId,
			workflow: workflow.name,
			provider: provider.name,
			model: provider.model,
			projectPath,
			query,
			maxTurns,
			startedAt: new Date(startedAt).toISOString(),
			...(parent ? {parentExecutionId: parent.id} : {}),
			...(options.dryRun ? {dryRun: true} : {}),
		});

		let turns = 0;
		let outcome: {status: FinalStatus; finalResponseText?: string; errorMessage?: string};
		try {
			const approvals: Approvals = {hook: options.dryRun ? undefined : options.approve, all: false};
			outcome = await this.loop({executionId, workflow, provider, projectPath, query, prior, parent, signal, dryRun: options.dryRun === true, approvals, log, onTurn: n => (turns = n)});
		} catch (error) {
			if (signal?.aborted || error instanceof Cancelled) {
				outcome = {status: 'CANCELLED', errorMessage: CANCELLED_MESSAGE};
			} else {
				outcome = {status: 'FAILED', errorMessage: errorMessage(error)};
				log.error('execution failed', {error: errorMessage(error)});
			}
		}

		// One instant for the row and the event, so a replay rebuilds the same duration.
		const endTime = new Date();
		try {
			await recorder.finishExecution(executionId, {...outcome, turnCount: turns, endTime});
		} catch (error) {
			// The row stays STARTED; the next start marks it INTERRUPTED. The caller still gets the outcome.
			log.error('could not finish the execution row', {error: errorMessage(error)});
		}

		log.info('execution finished', {status: outcome.status, turns});
		this.emit({type: 'execution_finished', executionId, ...outcome, turns, durationMs: endTime.getTime() - startedAt});
		return {executionId, ...outcome, turns};
	}

	private async loop(context: {
		executionId: number;
		workflow: WorkflowConfig;
		provider: LlmProvider;
		projectPath: string;
		query: string;
		prior: ConversationItem[];
		parent: ExecutionRecord | undefined;
		signal: AbortSignal | undefined;
		dryRun: boolean;
		approvals: Approvals;
		log: Logger;
		onTurn: (turn: number) => void;
	}): Promise<{status: FinalStatus; finalResponseText?: string; errorMessage?: string}> {
		const {recorder, mcp} = this.options;
		const {executionId, workflow, provider, projectPath, query, signal} = context;
		const checkCancelled = () => {
			if (signal?.aborted) throw new Cancelled();
		};

		// A follow-up is the user's own words; a first message is the workflow's prompt around them.
		const userText = context.parent
			? query
			: renderPrompt(workflow.initialPromptTemplate, {schemaDescription: query, projectPath, appModule: await readAppModule(projectPath)});
		const userMessageId = await recorder.addMessage(executionId, {turnNumber: 1, role: 'user', contentText: userText});
		this.emit({type: 'user_message', executionId, messageId: userMessageId, turn: 1, text: userText});
		const history: ConversationItem[] = [...context.prior, {role: 'user', text: userText, ...(userText === query ? {} : {query})}];

		checkCancelled();
		// A server that cannot start fails the run with its own error (it names the server).
		const bindings = await mcp.toolsFor(workflow.servers);
		const byName = new Map(bindings.map(binding => [binding.exposedName, binding]));
		const tools: ToolSpec[] = bindings.map(binding => ({
			name: binding.exposedName,
			description: binding.description,
			inputSchema: binding.inputSchema,
		}));

		const maxTurns = Math.max(1, workflow.maxConversationTurns);
		const totals = {promptTokens: 0, outputTokens: 0, totalTokens: 0};
		for (let turn = 1; turn <= maxTurns; turn++) {
			checkCancelled();
			context.onTurn(turn);
			this.emit({type: 'turn_started', executionId, turn, maxTurns});
			const started = Date.now();
			let streamed = '';
			let modelTurn: ModelTurn;
			try {
				modelTurn = await provider.nextTurn({
					history,
					tools,
					projectPath,
					...(signal ? {signal} : {}),
					onTextDelta: delta => {
						streamed += delta;
						if (delta.length > 0) this.emit({type: 'text_delta', executionId, turn, delta});
					},
				});
			} catch (error) {
				// What the user saw stream before a cancel or a failure stays in the record, marked as cut short.
				if (streamed.length > 0) {
					await recorder.addMessage(executionId, {turnNumber: turn, role: 'model', contentText: streamed, durationMs: Date.now() - started, isError: true});
				}

				throw error;
			}

			const durationMs = Date.now() - started;
			checkCancelled();
			const calls = modelTurn.functionCalls ?? [];
			// One line per model turn whatever the provider (Gemini also logs each HTTP attempt).
			context.log.info('model turn', {
				turn,
				provider: provider.name,
				model: provider.model,
				durationMs,
				functionCalls: calls.length,
				...(modelTurn.finishReason === undefined ? {} : {finishReason: modelTurn.finishReason}),
			});
			if (modelTurn.usage) await recorder.addUsage(executionId, modelTurn.usage);
			const modelMessageId = await recorder.addMessage(executionId, {
				turnNumber: turn,
				role: 'model',
				contentText: modelTurn.text,
				...(modelTurn.raw === undefined ? {} : {rawParts: modelTurn.raw}),
				...(modelTurn.usage ? {usage: modelTurn.usage} : {}),
				durationMs,
			});
			this.emit({
				type: 'model_message_done',
				executionId,
				messageId: modelMessageId,
				turn,
				text: modelTurn.text,
				functionCalls: calls.map(call => ({name: call.name, args: isRecord(call.args) ? call.args : {}})),
				durationMs,
				...(modelTurn.usage ? {usage: modelTurn.usage} : {}),
			});
			if (modelTurn.usage) {
				totals.promptTokens += modelTurn.usage.promptTokens;
				totals.outputTokens += modelTurn.usage.outputTokens;
				totals.totalTokens += modelTurn.usage.totalTokens;
				this.emit({type: 'usage', executionId, turn, totals: {...totals}});
			}
			history.push({role: 'model', text: modelTurn.text, functionCalls: calls, ...(modelTurn.raw === undefined ? {} : {raw: modelTurn.raw})});

			if (calls.length === 0) {
				return modelTurn.failure === undefined
					? {status: 'COMPLETED', finalResponseText: modelTurn.text}
					: {status: 'FAILED', finalResponseText: modelTurn.text, errorMessage: modelTurn.failure};
			}

			const results: FunctionResult[] = [];
			history.push({role: 'tool', results});
			// Calls of one turn run in order, and often depend on each other (schema, then migration,
			// then context): once one fails, the rest are answered as not run rather than run blind.
			let failed: string | undefined;
			for (const [callIndex, call] of calls.entries()) {
				// A write that finished after a cancel is recorded; the calls after it are not started.
				checkCancelled();
				const skip =
					failed === undefined ? undefined : `Not run: the earlier call ${failed} in this turn failed or was declined. Deal with that first, then call this again.`;
				const result = await this.callTool({
					executionId,
					turn,
					callIndex,
					call,
					byName,
					signal,
					projectPath,
					dryRun: context.dryRun,
					approvals: context.approvals,
					skip,
				});
				results.push(result);
				if (result.response.isError) failed ??= call.name;
			}
		}

		return {status: 'FAILED', errorMessage: `Stopped after ${maxTurns} turns without a final answer (the workflow's max_conversation_turns).`};
	}

	/**
	 * Runs one function call; the model's mistakes, tool failures and declined changes become
	 * results it sees. Order: pin to the project, check the arguments, ask for approval (writing
	 * tools only, with the files of a dry run), then the real call.
	 */
	private async callTool(context: {
		executionId: number;
		turn: number;
		callIndex: number;
		call: FunctionCall;
		byName: Map<string, ToolBinding>;
		signal: AbortSignal | undefined;
		projectPath: string;
		dryRun: boolean;
		approvals: Approvals;
		/** Answer the call with this error instead of running it. */
		skip?: string;
	}): Promise<FunctionResult> {
		const {recorder, mcp} = this.options;
		const {executionId, turn, callIndex, call, byName, signal} = context;
		const binding = byName.get(call.name);
		const modelArgs: Record<string, unknown> = isRecord(call.args) ? call.args : {};
		let args = modelArgs;
		let pinError: string | undefined;
		if (binding && isRecord(call.args) && takesProjectPath(binding)) {
			const pinned = pinProjectPath(args, context.projectPath);
			if (pinned.ok) args = pinned.args;
			else pinError = pinned.error;
		}

		if (context.dryRun && binding && hasDryRun(binding)) args = {...args, dry_run: true};
		const idParts: CallRawParts | undefined = call.id === undefined ? undefined : {callId: call.id};
		// The request row keeps what ran; the model's own arguments go beside it when they differ.
		const requestParts: CallRawParts = {...idParts, ...(JSON.stringify(args) === JSON.stringify(modelArgs) ? {} : {modelArgs})};

		const requestId = await recorder.addMessage(executionId, {
			turnNumber: turn,
			role: 'tool_request',
			functionCallName: call.name,
			functionCallArgs: args,
			...(Object.keys(requestParts).length > 0 ? {rawParts: requestParts} : {}),
			...(binding ? {toolServer: binding.serverName} : {}),
			readOnly: binding?.readOnly === true,
		});
		this.emit({
			type: 'tool_call_started',
			executionId,
			messageId: requestId,
			turn,
			callIndex,
			name: call.name,
			...(binding ? {server: binding.serverName} : {}),
			args,
			readOnly: binding?.readOnly === true,
		});

		const started = Date.now();
		let result: ToolCallResult;
		let cancelled = false;
		let approval: ApprovalOutcome | undefined;
		/** The approval request the user was shown, and their note, to record. */
		let shown: ApprovalShown | undefined;
		if (context.skip !== undefined) {
			result = {isError: true, text: context.skip};
		} else if (!binding) {
			const known = [...byName.keys()].join(', ') || '(none)';
			result = {isError: true, text: `Unknown tool "${call.name}". The available tools are: ${known}.`};
		} else if (!isRecord(call.args)) {
			result = {isError: true, text: `The arguments of ${call.name} must be a JSON object.`};
		} else if (pinError !== undefined) {
			result = {isError: true, text: pinError};
		} else {
			const problems = mcp.validateArgs(binding, args);
			if (problems.length > 0) {
				result = {
					isError: true,
					text: `Invalid arguments for ${call.name}: ${problems.join('; ')}. Fix them and call the tool again.`,
				};
			} else {
				// A call that writes nothing (read-only, or a dry run) is never asked about.
				const writes = !binding.readOnly && !context.dryRun && args['dry_run'] !== true;
				const gate = writes ? await this.approve({...context, binding, args, requestId}) : undefined;
				if (gate !== undefined && gate.kind !== 'answer' && gate.shown) shown = gate.shown;
				if (gate?.kind === 'cancelled') {
					cancelled = true;
					result = {isError: true, text: CANCELLED_APPROVAL_TEXT};
				} else if (gate?.kind === 'answer') {
					result = gate.result;
				} else {
					approval = gate?.outcome;
					if (gate?.outcome === 'declined' || gate?.outcome === 'declined_with_note') {
						result = {isError: true, text: gate.note === undefined ? DECLINED_TEXT : `The user declined: ${gate.note}`};
					} else {
						// The dry run's apply_args (a migration's stamp) make the real call write what was shown.
						const invoked = await this.invoke(binding, gate?.applyArgs ? {...args, ...gate.applyArgs} : args, signal);
						cancelled = invoked.cancelled;
						result = invoked.result;
					}
				}
			}
		}

		const durationMs = Date.now() - started;
		const stored: StoredToolResponse = {
			text: result.text,
			...(result.structuredContent === undefined ? {} : {structuredContent: result.structuredContent}),
		};
		const responseId = await recorder.addMessage(executionId, {
			turnNumber: turn,
			role: 'tool_response',
			contentText: result.text,
			functionResponseName: call.name,
			functionResponseContent: stored,
			...(idParts ? {rawParts: idParts} : {}),
			durationMs,
			isError: result.isError,
			...(approval === undefined ? {} : {approval}),
			...(shown === undefined ? {} : {approvalRequest: recordApproval(shown, result.structuredContent)}),
		});
		this.emit({
			type: 'tool_call_finished',
			executionId,
			messageId: responseId,
			turn,
			callIndex,
			name: call.name,
			...(binding ? {server: binding.serverName} : {}),
			isError: result.isError,
			text: result.text,
			...(result.structuredContent === undefined ? {} : {structuredContent: result.structuredContent}),
			durationMs,
			...(approval === undefined ? {} : {approval}),
		});
		if (cancelled) throw new Cancelled();
		return {
			...(call.id === undefined ? {} : {id: call.id}),
			name: call.name,
			response: {text: result.text, ...(result.structuredContent === undefined ? {} : {structuredContent: result.structuredContent}), isError: result.isError},
		};
	}

	/**
	 * The real call. A read-only call is abandoned on cancel; a writing call already sent is let
	 * finish (up to writeGraceMs after the cancel), so what it wrote is what gets recorded.
	 */
	private async invoke(
		binding: ToolBinding,
		args: Record<string, unknown>,
		signal: AbortSignal | undefined,
	): Promise<{result: ToolCallResult; cancelled: boolean}> {
		if (signal?.aborted) return {result: {isError: true, text: CANCELLED_TOOL_TEXT}, cancelled: true};
		const timeoutMs = this.options.toolTimeoutMs;
		const graceMs = this.options.writeGraceMs ?? DEFAULT_WRITE_GRACE_MS;
		const grace = binding.readOnly ? undefined : graceSignal(signal, graceMs);
		const callSignal = binding.readOnly ? signal : grace?.signal;
		try {
			const result = await this.options.mcp.callTool(binding, args, {
				...(callSignal ? {signal: callSignal} : {}),
				...(timeoutMs === undefined ? {} : {timeoutMs}),
			});
			return {result, cancelled: signal?.aborted === true};
		} catch (error) {
			const cancelled = signal?.aborted === true;
			// A crashed or stuck server is reported to the model; the service restarts it on next use.
			let text = `The tool ${binding.exposedName} failed: ${errorMessage(error)}`;
			if (cancelled && binding.readOnly) text = CANCELLED_TOOL_TEXT;
			else if (grace?.signal.aborted) {
				const wait = graceMs >= 1000 ? `${Math.round(graceMs / 1000)} s` : `${graceMs} ms`;
				text = `Cancelled by the user; the tool did not answer within ${wait} of the cancel, so some of its files may have been written.`;
			}

			return {result: {isError: true, text}, cancelled};
		} finally {
			grace?.dispose();
		}
	}

	/**
	 * Asks the run's approval hook about one writing call. Returns the outcome to record, an answer
	 * for the model in place of the call (the dry run failed: the real call would too), or
	 * cancelled (the user cancelled the run while it was being decided).
	 */
	private async approve(context: {
		executionId: number;
		turn: number;
		callIndex: number;
		call: FunctionCall;
		binding: ToolBinding;
		args: Record<string, unknown>;
		requestId: number;
		signal: AbortSignal | undefined;
		approvals: Approvals;
	}): Promise<
		| {kind: 'decided'; outcome: ApprovalOutcome; note?: string; shown?: ApprovalShown; applyArgs?: Record<string, unknown>}
		| {kind: 'answer'; result: ToolCallResult}
		| {kind: 'cancelled'; shown?: ApprovalShown}
		| undefined
	> {
		const {approvals, binding, args, signal, executionId, turn, callIndex} = context;
		if (!approvals.hook) return undefined;
		if (approvals.all) {
			this.emit({type: 'approval_decided', executionId, turn, callIndex, outcome: 'auto_approved'});
			return {kind: 'decided', outcome: 'auto_approved'};
		}

		// A server entry marked `trust` (issue 11): its writes need no approval.
		if (binding.trusted) {
			this.emit({type: 'approval_decided', executionId, turn, callIndex, outcome: 'auto_approved'});
			return {kind: 'decided', outcome: 'auto_approved'};
		}

		let files: PlannedFile[] = [];
		let dryRunText = `${binding.exposedName} has no dry run: it will run with the arguments shown.`;
		let applyWith: Record<string, unknown> | undefined;
		if (hasDryRun(binding)) {
			// The preview writes nothing, so it may be abandoned on cancel like a read-only call.
			const timeoutMs = this.options.toolTimeoutMs;
			let preview: ToolCallResult;
			try {
				preview = await this.options.mcp.callTool(binding, {...args, dry_run: true}, {
					...(signal ? {signal} : {}),
					...(timeoutMs === undefined ? {} : {timeoutMs}),
				});
			} catch (error) {
				if (signal?.aborted) return {kind: 'cancelled'};
				return {kind: 'answer', result: {isError: true, text: `The tool ${binding.exposedName} failed: ${errorMessage(error)}`}};
			}

			if (preview.isError) return {kind: 'answer', result: preview};
			files = plannedFiles(preview.structuredContent);
			dryRunText = preview.text;
			applyWith = this.applyArgsOf(binding, args, preview.structuredContent);
		}

		const request: ApprovalRequest = {
			executionId,
			turn,
			callIndex,
			messageId: context.requestId,
			name: context.call.name,
			server: binding.serverName,
			args,
			files,
			dryRunText,
		};
		this.emit({type: 'approval_requested', ...request});
		let decision: ApprovalDecision;
		try {
			decision = await untilAborted(approvals.hook(request, signal), signal);
		} catch (error) {
			if (signal?.aborted) return {kind: 'cancelled', shown: {files, dryRunText}};
			throw error;
		}

		const note = decision.kind === 'decline' ? decision.note?.trim() || undefined : undefined;
		const outcome: ApprovalOutcome = decision.kind === 'decline' ? (note === undefined ? 'declined' : 'declined_with_note') : 'approved';
		if (decision.kind === 'approve_all') approvals.all = true;
		this.emit({type: 'approval_decided', executionId, turn, callIndex, outcome, ...(note === undefined ? {} : {note})});
		return {
			kind: 'decided',
			outcome,
			...(note === undefined ? {} : {note}),
			shown: {files, dryRunText, ...(note === undefined ? {} : {note})},
			...(applyWith === undefined ? {} : {applyArgs: applyWith}),
		};
	}

	/**
	 * A dry run's apply_args, when the tool takes each of them and the call stays valid with them;
	 * undefined otherwise (the real call then runs with the model's arguments alone).
	 */
	private applyArgsOf(binding: ToolBinding, args: Record<string, unknown>, structuredContent: unknown): Record<string, unknown> | undefined {
		const extra = applyArgs(structuredContent);
		const properties = binding.inputSchema['properties'];
		if (!isRecord(properties)) return undefined;
		const keys = Object.keys(extra);
		// Only additions: never a changed argument the user saw (the pinned project_path, dry_run...).
		const adds = (key: string) => key in properties && key !== 'dry_run' && (!(key in args) || args[key] === extra[key]);
		if (keys.length === 0 || !keys.every(adds)) return undefined;
		return this.options.mcp.validateArgs(binding, {...args, ...extra}).length === 0 ? extra : undefined;
	}

	private emit(event: EngineEvent): void {
		for (const listener of this.listeners) {
			try {
				listener(event);
			} catch (error) {
				// A broken renderer must not break the run (or its record).
				this.logger.warn('event listener failed', {type: event.type, error: errorMessage(error)});
			}
		}
	}
}
