/**
 * The offline provider: a deterministic planner (source/planner/), not a language model, behind
 * the provider interface. The planner and its English libraries load on the first turn, so the
 * CLI's --help and the TUI's first paint do not pay for them.
 */
import type {LlmProvider, ModelTurn, NextTurnRequest} from '../llm/provider.js';

export class OfflineProvider implements LlmProvider {
	readonly name = 'offline' as const;
	readonly model = 'offline-planner';

	/** `strict`: refuse a plan that needed an assumption (run --strict). */
	constructor(private readonly options: {strict?: boolean} = {}) {}

	async nextTurn(request: NextTurnRequest): Promise<ModelTurn> {
		const {nextPlannerTurn} = await import('./turn.js');
		const turn = nextPlannerTurn(request, this.options);
		request.signal?.throwIfAborted();
		if (turn.text) request.onTextDelta?.(turn.text);
		return turn;
	}
}
