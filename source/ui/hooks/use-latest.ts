/**
 * The value of the latest render, for key handlers: Ink re-subscribes a handler in a passive
 * effect, so on a busy machine a key can reach the handler of the render before; handlers read
 * state through this ref instead of their closure.
 */
import {useRef} from 'react';

export function useLatest<T>(value: T): {readonly current: T} {
	const ref = useRef(value);
	ref.current = value;
	return ref;
}
