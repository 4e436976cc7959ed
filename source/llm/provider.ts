/**
 * One interface for every model provider: given the history and the tools, produce the next turn.
 * The history is provider-neutral; `raw` keeps a provider's own message parts (for Gemini the
 * `Content.parts`, thought signatures included) so a recorded conversation can be sent back as is.
 */
import {EctosmithError, UsageError} from '../errors.js';

export type ProviderName = 'gemini' | 'offline' | 'scripted';

export const PROVIDER_NAMES: readonly ProviderName[] = ['gemini', 'offline', 'scripted'];

/** A provider name as typed (any case, spaces around); a bad one is a UsageError listing the names. */
export function parseProviderName(value: string): ProviderName {
	const name = value.trim().toLowerCase();
	if ((PROVIDER_NAMES as readonly string[]).includes(name)) return name as ProviderName;
	throw new UsageError(`Unknown provider "${value}". Use one of: ${PROVIDER_NAMES.join(', ')}.`);
}

export interface ToolSpec {
	/** The name the model sees (may be `server__tool` when two servers share a tool name). */
	name: string;
	description: string;
	/** JSON Schema of the arguments, as the MCP server declared it. */
	inputSchema: Record<string, unknown>;
}

export interface FunctionCall {
	/** Provider-given call id when there is one. */
	id?: string;
	name: string;
	args: Record<string, unknown>;
}

export interface FunctionResult {
	id?: string;
	name: string;
	/** What the tool answered: its text, its structured content, and whether it is an error. */
	response: {text: string; structuredContent?: unknown; isError: boolean};
}

export type ConversationItem =
	/** `query` is the user's own words when `text` is a rendered prompt template around them. */
	| {role: 'user'; text: string; description?: string; raw?: unknown}
	| {role: 'model'; text: string; functionCalls: FunctionCall[]; raw?: unknown}
	| {role: 'tool'; results: FunctionResult[]; raw?: unknown};

export interface TokenUsage {
	promptTokens: number;
	outputTokens: number;
	totalTokens: number;
}

export interface ModelTurn {
	text: string;
	functionCalls: FunctionCall[];
	/** The provider's own parts for this turn, stored with the model message. */
	raw?: unknown;
	usage?: TokenUsage;
	finishReason?: string;
	/**
	 * Set on a final answer that says the task could not be done. Only a provider that knows it
	 * (the deterministic planner) sets it; the engine then ends the run FAILED with this reason.
	 */
	failure?: string;
}

export interface NextTurnRequest {
	history: ConversationItem[];
	tools: ToolSpec[];
	signal?: AbortSignal;
	/** The target project; models read it from the prompt, deterministic planners take it here. */
	projectPath?: string;
	/** Called with each piece of model text as it streams in. */
	onTextDelta?: (delta: string) => void;
}

export interface LlmProvider {
	readonly name: ProviderName;
	readonly model: string;
	nextTurn(request: NextTurnRequest): Promise<ModelTurn>;
}

/** A provider error that ends the run (after the provider's own retries). */
export class ProviderError extends EctosmithError {
	constructor(
		message: string,
		readonly status?: number,
	) {
		super(message);
		this.name = 'ProviderError';
	}
}
