/**
 * The one reader of the keyboard. Ink hands a chunk of input to its handlers as one event, so a
 * burst (three Downs, four Backspaces, text then Enter) reached each handler as one "key" read
 * against one render's state. Here every chunk is split into keys (split-keys.ts) and the keys go
 * to the handlers one at a time, with React's render in between: each key sees the state the key
 * before it left. Every screen, field and the shell listen through `useKeys`.
 */
import {useStdin} from 'ink';
import {type ReactNode, useEffect, useLayoutEffect, useRef, useState} from 'react';
import {type Key, type Keypress, parseKey, splitKeys} from './split-keys.js';

export type {Key, Keypress};
export type KeyHandler = (input: string, key: Key) => void;

interface Listener {
	handler: {current: KeyHandler};
	active: {current: boolean};
}

const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));

class KeyBus {
	private readonly listeners: Listener[] = [];
	private readonly queue: string[] = [];
	private draining = false;
	users = 0;
	readonly onInput = (chunk: string) => this.push(chunk);
	/** Resolves once React has rendered what the last key did (the provider's render; else a turn). */
	settle: () => Promise<void> = nextTurn;

	add(listener: Listener): () => void {
		this.listeners.push(listener);
		return () => {
			const at = this.listeners.indexOf(listener);
			if (at >= 0) this.listeners.splice(at, 1);
		};
	}

	push(chunk: string): void {
		this.queue.push(...splitKeys(chunk));
		if (!this.draining) void this.drain();
	}

	private async drain(): Promise<void> {
		this.draining = true;
		try {
			while (this.queue.length > 0) {
				const {input, key} = parseKey(this.queue.shift()!);
				// A copy: a handler may mount or unmount others.
				for (const listener of [...this.listeners]) if (listener.active.current) listener.handler.current(input, key);
				// React renders the updates of this key (and runs its effects) before the next key, which
				// may already be on its way (Ink emits the keys of one read one after another).
				await this.settle();
			}
		} finally {
			this.draining = false;
		}
	}
}

/** One bus per Ink instance (its input emitter): the App's provider or, for a component drawn alone, the first listener subscribes it. */
const buses = new WeakMap<object, KeyBus>();

function useBus(): KeyBus {
	const {internal_eventEmitter: events, setRawMode, isRawModeSupported} = useStdin();
	let bus = buses.get(events);
	if (!bus) {
		bus = new KeyBus();
		buses.set(events, bus);
	}

	const subscribed = bus;
	useEffect(() => {
		if (subscribed.users++ === 0) events.on('input', subscribed.onInput);
		if (isRawModeSupported) setRawMode(true);
		return () => {
			if (--subscribed.users === 0) events.removeListener('input', subscribed.onInput);
			if (isRawModeSupported) setRawMode(false);
		};
	}, [subscribed, events, setRawMode, isRawModeSupported]);
	return bus;
}

/** The App's: lets the bus wait for React's render between keys. */
export function KeyBusProvider({children}: {children: ReactNode}) {
	const bus = useBus();
	// A render of the provider batches with the updates a key made: its effect runs after theirs.
	const [renders, setRenders] = useState(0);
	const settled = useRef<(() => void) | undefined>(undefined);
	useLayoutEffect(() => {
		bus.settle = () =>
			new Promise(resolve => {
				settled.current = resolve;
				setRenders(count => count + 1);
			});
		return () => {
			bus.settle = nextTurn;
		};
	}, [bus]);
	useEffect(() => {
		const resolve = settled.current;
		settled.current = undefined;
		resolve?.();
	}, [renders]);
	return <>{children}</>;
}

/** Like Ink's useInput, one key per call; the handler and `isActive` of the latest render apply. */
export function useKeys(handler: KeyHandler, options: {isActive?: boolean} = {}): void {
	const bus = useBus();
	const latest = useRef(handler);
	latest.current = handler;
	const active = useRef(options.isActive !== false);
	active.current = options.isActive !== false;
	useLayoutEffect(() => bus.add({handler: latest, active}), [bus]);
}
