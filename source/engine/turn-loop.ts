/**
 * The turn loop: ask the model for a turn, record and emit it, run its function calls in order,
 * and again, until it answers without any calls or the workflow's turn limit is reached.
 */
import type {WorkflowConfig} from '../config/types.js';
import {isRecord} from '../is-record.js';
import type {ConversationItem, FunctionResult, LlmProvider, ModelTurn, ToolSpec} from '../llm/provider.js';
import type {Logger} from '../log/types.js';
import type {ToolBinding} from '../mcp/types.js';
import {notRunText} from '../tool-results/declined.js';
import type {Approvals} from './approval-gate.js';
import {throwIfCancelled} from './cancel.js';
import type {EngineParts, RunOutcome} from './run-types.js';
import {callTool} from './tool-call.js';

export async function runTurns(
	parts: EngineParts,
	context: {
		executionId: number;
		workflow: WorkflowConfig;
		provider: LlmProvider;
		projectPath: string;
		/** The conversation so far, the user's message last; the turns are added to it. */
		history: ConversationItem[];
		tools: ToolSpec[];
		byName: Map<string, ToolBinding>;
		signal: AbortSignal | undefined;
		dryRun: boolean;
		approvals: Approvals;
		log: Logger;
		onTurn: (turn: number) => void;
	},
): Promise<RunOutcome> {
	const {recorder} = parts.options;
	const {executionId, workflow, provider, projectPath, history, tools, byName, signal} = context;
	const checkCancelled = () => throwIfCancelled(signal);

	const maxTurns = Math.max(1, workflow.maxConversationTurns);
	const totals = {promptTokens: 0, outputTokens: 0, totalTokens: 0};
	// What this execution's tools wrote, for the check tool (execution-files.ts).
	const writtenFiles: string[] = [];
	const checks = workflow.checks === 'compile' ? 'compile' : 'full';
	for (let turn = 1; turn <= maxTurns; turn++) {
		checkCancelled();
		context.onTurn(turn);
		parts.emit({type: 'turn_started', executionId, turn, maxTurns});
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
					if (delta.length > 0) parts.emit({type: 'text_delta', executionId, turn, delta});
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
		parts.emit({
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
			parts.emit({type: 'usage', executionId, turn, totals: {...totals}});
		}
		history.push({role: 'model', text: modelTurn.text, functionCalls: calls, ...(modelTurn.raw === undefined ? {} : {raw: modelTurn.raw})});

		if (calls.length === 0) {
			return modelTurn.failure === undefined ? {status: 'COMPLETED', finalResponseText: modelTurn.text} : {status: 'FAILED', finalResponseText: modelTurn.text, errorMessage: modelTurn.failure};
		}

		const results: FunctionResult[] = [];
		history.push({role: 'tool', results});
		// Calls of one turn run in order, and often depend on each other (schema, then migration,
		// then context): once one fails, the rest are answered as not run rather than run blind.
		let failed: string | undefined;
		for (const [callIndex, call] of calls.entries()) {
			// A write that finished after a cancel is recorded; the calls after it are not started.
			checkCancelled();
			const skip = failed === undefined ? undefined : notRunText(failed);
			const result = await callTool(parts, {
				executionId,
				turn,
				callIndex,
				call,
				byName,
				signal,
				projectPath,
				dryRun: context.dryRun,
				approvals: context.approvals,
				writtenFiles,
				checks,
				skip,
			});
			results.push(result);
			if (result.response.isError) failed ??= call.name;
		}
	}

	return {status: 'FAILED', errorMessage: `Stopped after ${maxTurns} turns without a final answer (the workflow's max_conversation_turns).`};
}
