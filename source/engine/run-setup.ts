/**
 * A run's set-up. Before the execution row: the parent, the workflow, the project, the provider
 * and the conversation so far (a failure here rejects the run, nothing is recorded). Then the row
 * and its execution_started event. Then, within the row's lifetime (a failure fails the row): the
 * first user message (the workflow's prompt around the description) and the workflow's tools.
 */
import path from 'node:path';
import type {WorkflowConfig} from '../config/types.js';
import {UsageError} from '../errors.js';
import type {ConversationItem, LlmProvider, ToolSpec} from '../llm/provider.js';
import type {Logger} from '../log/types.js';
import type {ToolBinding} from '../mcp/types.js';
import type {ExecutionRecord} from '../records/recorder.js';
import {throwIfCancelled} from './cancel.js';
import {loadConversation} from './conversation-chain.js';
import {checkDescription} from './description.js';
import {takesExecutionFiles} from './execution-files.js';
import {readAppModule, renderPrompt} from './prompt.js';
import type {EngineParts, RunOptions} from './run-types.js';

/** What a run resolved before its row exists. */
export interface PreparedRun {
	query: string;
	parent: ExecutionRecord | undefined;
	workflow: WorkflowConfig;
	projectPath: string;
	provider: LlmProvider;
	/** The parent chain's conversation, for a follow-up. */
	prior: ConversationItem[];
}

export async function prepareRun(parts: EngineParts, options: RunOptions): Promise<PreparedRun> {
	const {recorder} = parts.options;
	const query = checkDescription(options.description);
	const parent = options.continueFrom === undefined ? undefined : await recorder.getExecution(options.continueFrom);
	const workflowName = options.workflow ?? parent?.workflowName;
	const workflow = workflowName === undefined ? await parts.options.config.defaultWorkflow() : await parts.options.config.getWorkflow(workflowName);
	const projectSource = options.projectPath ?? parent?.targetProjectPath;
	if (projectSource === undefined) throw new UsageError('No project path: pass the Phoenix project to write into.');
	const projectPath = path.resolve(projectSource);
	const provider = parts.options.providerFor(workflow);
	const prior: ConversationItem[] = parent ? await loadConversation(recorder, parent.id, {provider: provider.name}) : [];
	return {query, parent, workflow, projectPath, provider, prior};
}

/** Creates the execution row and emits execution_started; returns its id, start and logger. */
export async function startExecution(parts: EngineParts, run: PreparedRun, dryRun: boolean | undefined): Promise<{executionId: number; startedAt: number; maxTurns: number; log: Logger}> {
	const {workflow, provider, parent, projectPath, query} = run;
	const startedAt = Date.now();
	const maxTurns = Math.max(1, workflow.maxConversationTurns);
	const executionId = await parts.options.recorder.startExecution({
		workflowName: workflow.name,
		description: query,
		targetProjectPath: projectPath,
		provider: provider.name,
		model: provider.model,
		...(parent ? {parentExecutionId: parent.id} : {}),
		maxTurns,
		startTime: new Date(startedAt),
		...(dryRun ? {dryRun: true} : {}),
	});
	const log = parts.logger.child(`execution ${executionId}`);
	log.info('execution started', {workflow: workflow.name, provider: provider.name, model: provider.model, projectPath});
	parts.emit({
		type: 'execution_started',
		executionId,
		workflow: workflow.name,
		provider: provider.name,
		model: provider.model,
		projectPath,
		description: query,
		maxTurns,
		startedAt: new Date(startedAt).toISOString(),
		...(parent ? {parentExecutionId: parent.id} : {}),
		...(dryRun ? {dryRun: true} : {}),
	});
	return {executionId, startedAt, maxTurns, log};
}

/**
 * Records the user's message and starts the workflow's tool servers; returns the conversation to
 * send (the user's message last) and the tools offered.
 */
export async function openConversation(
	parts: EngineParts,
	run: PreparedRun,
	executionId: number,
	signal: AbortSignal | undefined,
): Promise<{history: ConversationItem[]; tools: ToolSpec[]; byName: Map<string, ToolBinding>}> {
	const {recorder, mcp} = parts.options;
	const {workflow, projectPath, query} = run;
	// A follow-up is the user's own words; a first message is the workflow's prompt around them.
	const userText = run.parent ? query : renderPrompt(workflow.initialPromptTemplate, {schemaDescription: query, projectPath, appModule: await readAppModule(projectPath)});
	const userMessageId = await recorder.addMessage(executionId, {turnNumber: 1, role: 'user', contentText: userText});
	parts.emit({type: 'user_message', executionId, messageId: userMessageId, turn: 1, text: userText});
	const history: ConversationItem[] = [...run.prior, {role: 'user', text: userText, ...(userText === query ? {} : {description: query})}];

	throwIfCancelled(signal);
	// A server that cannot start fails the run with its own error (it names the server).
	// With checks off, the check tools are not offered (the model cannot call what it is not given).
	const bindings = (await mcp.toolsFor(workflow.servers)).filter(binding => workflow.checks !== 'off' || !takesExecutionFiles(binding));
	const byName = new Map(bindings.map(binding => [binding.exposedName, binding]));
	const tools: ToolSpec[] = bindings.map(binding => ({
		name: binding.exposedName,
		description: binding.description,
		inputSchema: binding.inputSchema,
	}));
	return {history, tools, byName};
}
