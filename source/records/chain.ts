/**
 * A follow-up chain as the record holds it: the executions from the root to a follow-up, each
 * through its parent link. Read by the engine (to continue a conversation), replay and export.
 */
import {EctosmithError} from '../errors.js';
import type {ExecutionRecord, RecordedMessage} from './types.js';

export interface RecordSource {
	getExecution(id: number): Promise<ExecutionRecord>;
	listMessages(executionId: number): Promise<RecordedMessage[]>;
}

/** The recorded parent links of a follow-up loop back on themselves: the records are damaged. */
export class BrokenChainError extends EctosmithError {}

/** The executions of a follow-up chain, root first, ending with `executionId`. */
export async function loadChain(source: Pick<RecordSource, 'getExecution'>, executionId: number): Promise<ExecutionRecord[]> {
	const chain: ExecutionRecord[] = [];
	const seen = new Set<number>();
	let id: number | undefined = executionId;
	while (id !== undefined) {
		if (seen.has(id)) throw new BrokenChainError(`Execution ${executionId} has a cycle in its parent chain at execution ${id}.`);
		seen.add(id);
		const execution: ExecutionRecord = await source.getExecution(id);
		chain.unshift(execution);
		id = execution.parentExecutionId ?? undefined;
	}

	return chain;
}
