/** The typed events the engine emits; the TUI and the headless renderer consume them. */
import type {ProviderName} from '../llm/provider.js';

export type ExecutionStatus = 'STARTED' | 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'INTERRUPTED';

export type EngineEvent =
	| {
			type: 'execution_started';
			executionId: number;
			workflow: string;
			provider: ProviderName;
			model: string;
			projectPath: string;
			query: string;
			parentExecutionId?: number;
	  }
	| {type: 'user_message'; executionId: number; turn: number; text: string}
	| {type: 'text_delta'; executionId: number; turn: number; delta: string}
	| {type: 'model_message_done'; executionId: number; turn: number; text: string; functionCallCount: number}
	| {
			type: 'tool_call_started';
			executionId: number;
			turn: number;
			callIndex: number;
			name: string;
			server?: string;
			args: Record<string, unknown>;
	  }
	| {
			type: 'tool_call_finished';
			executionId: number;
			turn: number;
			callIndex: number;
			name: string;
			isError: boolean;
			text: string;
			structuredContent?: unknown;
			durationMs: number;
	  }
	| {
			type: 'execution_finished';
			executionId: number;
			status: Exclude<ExecutionStatus, 'STARTED'>;
			finalResponseText?: string;
			errorMessage?: string;
			turns: number;
			durationMs: number;
	  };

export type EngineEventListener = (event: EngineEvent) => void;
