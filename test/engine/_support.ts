/** Shared set-up for the engine tests: a real temp database, real MCP servers, a test provider. */

import type {MikroORM} from '@mikro-orm/core';
import type {ExecutionContext} from 'ava';
import type {McpServerConfig, WorkflowConfig} from '../../source/config/types.js';
import type {EngineEvent} from '../../source/engine/events.js';
import {WorkflowEngine} from '../../source/engine/workflow-engine.js';
import type {LlmProvider, ModelTurn, NextTurnRequest, ProviderName} from '../../source/llm/provider.js';
import {McpService} from '../../source/mcp/mcp-service.js';
import {Recorder} from '../../source/records/recorder.js';
import {openTempDatabase} from '../helpers/temp-db.js';
import {tsServer} from '../helpers/tool-servers.js';

/** The seeded workflow: executions must name a workflow that exists in the database. */
export const WORKFLOW_NAME = 'elixir_crud_generator';

export const flakyServer = (name = 'flaky') => tsServer(name, 'test/engine/servers/flaky-server.ts');
export const deadServer = (name = 'dead') => tsServer(name, 'test/engine/servers/dead-server.ts');

/** A model turn, or a function of the request, or a turn that streams `text` then waits for abort. */
export type Step = ModelTurn | ((request: NextTurnRequest) => ModelTurn | Promise<ModelTurn>) | {hang: true; text?: string};

/** A provider that plays steps and keeps a copy of every request (the history it was sent). */
export class TestProvider implements LlmProvider {
	readonly requests: NextTurnRequest[] = [];
	readonly model: string = 'test-model';
	private index = 0;
	/** Resolves when a hanging step has streamed its text. */
	hanging: Promise<void>;
	private markHanging!: () => void;

	constructor(
		private readonly steps: Step[],
		readonly name: ProviderName = 'scripted',
	) {
		this.hanging = new Promise(resolve => (this.markHanging = resolve));
	}

	async nextTurn(request: NextTurnRequest): Promise<ModelTurn> {
		this.requests.push(structuredClone({...request, signal: undefined, onTextDelta: undefined}));
		const step = this.steps[this.index++];
		if (step === undefined) throw new Error(`TestProvider: no step ${this.index}`);
		if ('hang' in step) {
			if (step.text) request.onTextDelta?.(step.text);
			this.markHanging();
			return new Promise((_resolve, reject) => {
				const abort = () => reject(Object.assign(new Error('The operation was aborted'), {name: 'AbortError'}));
				if (request.signal?.aborted) abort();
				request.signal?.addEventListener('abort', abort, {once: true});
			});
		}

		const turn = typeof step === 'function' ? await step(request) : step;
		// Stream the text in two pieces, as a real provider would.
		const half = Math.ceil(turn.text.length / 2);
		if (turn.text.length > 0) {
			request.onTextDelta?.(turn.text.slice(0, half));
			if (half < turn.text.length) request.onTextDelta?.(turn.text.slice(half));
		}

		return turn;
	}
}

export const call = (name: string, args: Record<string, unknown> = {}, id?: string): ModelTurn => ({
	text: `Calling ${name}.`,
	functionCalls: [{...(id ? {id} : {}), name, args}],
});
export const answer = (text: string): ModelTurn => ({text, functionCalls: []});

export interface EngineSetup {
	engine: WorkflowEngine;
	orm: MikroORM;
	recorder: Recorder;
	mcp: McpService;
	events: EngineEvent[];
	workflow: WorkflowConfig;
}

export async function setupEngine(
	t: ExecutionContext,
	options: {
		servers: McpServerConfig[];
		provider: LlmProvider | ((workflow: WorkflowConfig) => LlmProvider);
		maxTurns?: number;
		template?: string;
		orm?: MikroORM;
		mcp?: McpService;
		requestTimeoutMs?: number;
		writeGraceMs?: number;
	},
): Promise<EngineSetup> {
	const orm = options.orm ?? (await openTempDatabase(t));
	const mcp = options.mcp ?? new McpService({requestTimeoutMs: options.requestTimeoutMs ?? 30_000, startTimeoutMs: 60_000});
	if (!options.mcp) t.teardown(async () => mcp.close());
	const workflow: WorkflowConfig = {
		name: WORKFLOW_NAME,
		description: 'test workflow',
		llmModel: 'test-model',
		initialPromptTemplate: options.template ?? 'Generate for {{app_module}} in {{project_path}}:\n{{schema_description}}',
		maxConversationTurns: options.maxTurns ?? 10,
		servers: options.servers,
	};
	const recorder = new Recorder(orm);
	const provider = options.provider;
	const engine = new WorkflowEngine({
		config: {
			getWorkflow: async name => {
				if (name !== WORKFLOW_NAME) throw new Error(`Unknown workflow "${name}". Known workflows: ${WORKFLOW_NAME}`);
				return workflow;
			},
			defaultWorkflow: async () => workflow,
		},
		recorder,
		mcp,
		providerFor: typeof provider === 'function' ? provider : () => provider,
		...(options.writeGraceMs === undefined ? {} : {writeGraceMs: options.writeGraceMs}),
	});
	const events: EngineEvent[] = [];
	engine.on(event => events.push(event));
	return {engine, orm, recorder, mcp, events, workflow};
}
