/**
 * What a screen tells the shell around it: the status line and the keys to show, whether a text
 * field has the keyboard (then the global keys stay quiet), and how to cancel work in progress.
 */
import {createContext, useContext} from 'react';

export interface KeyHelp {
	keys: string;
	does: string;
}

export interface ShellStatus {
	/** Left part of the status bar (already sanitized). */
	text: string;
	keys: KeyHelp[];
}

export interface ShellApi {
	setStatus(status: ShellStatus): void;
	/** A text field has the keyboard: digits, q and ? are typed, not obeyed. */
	setTyping(typing: boolean): void;
	/** Ctrl-C calls this first while set (a run in progress); a second Ctrl-C quits. */
	setCancel(cancel: (() => void) | undefined): void;
	/** Switch to another screen of the registry. */
	show(id: string): void;
	quit(): void;
	/** Run a program on the real terminal (an editor), the screen suspended meanwhile. */
	suspend<T>(work: () => T): T;
}

const noop = () => undefined;

export const ShellContext = createContext<ShellApi>({
	setStatus: noop,
	setTyping: noop,
	setCancel: noop,
	show: noop,
	quit: noop,
	suspend: work => work(),
});

export const useShell = () => useContext(ShellContext);
