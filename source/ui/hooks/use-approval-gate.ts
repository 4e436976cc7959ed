/**
 * The approval hook the Run screen hands the engine: each write waits here until the approval view
 * decides; Ctrl-C (the run's signal) drops the wait, so the engine records a cancel, never a decline.
 */
import {useCallback, useRef} from 'react';
import type {ApprovalDecision, ApprovalHook} from '../../engine/events.js';

export function useApprovalGate(): {approve: ApprovalHook; decide(decision: ApprovalDecision): void} {
	const pending = useRef<((decision: ApprovalDecision) => void) | undefined>(undefined);
	const approve: ApprovalHook = useCallback(
		(_request, signal) =>
			new Promise<ApprovalDecision>(resolve => {
				pending.current = decision => {
					pending.current = undefined;
					resolve(decision);
				};

				signal?.addEventListener('abort', () => (pending.current = undefined), {once: true});
			}),
		[],
	);
	return {approve, decide: decision => pending.current?.(decision)};
}
