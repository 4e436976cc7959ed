/**
 * Engine events arrive faster than a terminal can be redrawn (a stream of text deltas); they are
 * queued and handed to the reducer together at most every `intervalMs`, so React renders a few
 * times a second whatever the model's speed.
 */
import {useCallback, useEffect, useRef} from 'react';
import type {EngineEvent} from '../../engine/events.js';

export const FLUSH_INTERVAL_MS = 50;

export function useEventBatch(flush: (events: EngineEvent[]) => void, intervalMs = FLUSH_INTERVAL_MS): (event: EngineEvent) => void {
	const queue = useRef<EngineEvent[]>([]);
	const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
	const latest = useRef(flush);
	latest.current = flush;

	const drain = useCallback(() => {
		timer.current = undefined;
		const events = queue.current;
		queue.current = [];
		if (events.length > 0) latest.current(events);
	}, []);

	useEffect(
		() => () => {
			if (timer.current) clearTimeout(timer.current);
		},
		[],
	);

	return useCallback(
		(event: EngineEvent) => {
			queue.current.push(event);
			timer.current ??= setTimeout(drain, intervalMs);
		},
		[drain, intervalMs],
	);
}
