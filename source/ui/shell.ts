/**
 * What a screen tells the shell around it: the status line and the keys to show, whether a text
 * field has the keyboard (then the global keys stay quiet), and how to cancel work in progress.
 */
import {createContext, useContext} from 'react';
import type {EngineEvent} from '../engine/events.js';

export interface KeyHelp {
	keys: string;
	does: string;
}

export interface ShellStatus {
	/** Left part of the status bar (already sanitized). */
	text: string;
	keys: KeyHelp[];
}

/** A run one screen hands to the Run screen (which takes it when it is shown). */
export type RunIntent =
	/** The same query again as a new execution, with the same workflow and project, started at once. */
	| {kind: 'rerun'; executionId: number; workflow: string; description: string; projectPath: string}
	/** That execution's conversation loaded (its replayed events), so the next description follows it up. */
	| {kind: 'continue'; executionId: number; workflow: string; projectPath: string; events: EngineEvent[]};

export interface ShellApi {
	setStatus(status: ShellStatus): void;
	/** A text field has the keyboard: digits, q and ? are typed, not obeyed. */
	setTyping(typing: boolean): void;
	/** Ctrl-C calls this first while set (a run in progress); a second Ctrl-C quits. */
	setCancel(cancel: (() => void) | undefined): void;
	/** Switch to another screen of the registry. */
	show(id: string): void;
	quit(): void;
	/** Hands a run to the Run screen and shows it; false (nothing done) while a run is in progress. */
	requestRun(intent: RunIntent): boolean;
	/** The Run screen takes the run handed to it, once. */
	takeRunIntent(): RunIntent | undefined;
	/** Run a program on the real terminal (an editor), the screen suspended meanwhile. */
	suspend<T>(work: () => T): T;
	/** Files of a project changed outside a run (an undo): screens that show it read it again. */
	projectChanged(projectPath: string): void;
	/** Called on each projectChanged, from any screen; returns the unsubscribe. */
	onProjectChanged(listener: (projectPath: string) => void): () => void;
}

const noop = () => undefined;

export const ShellContext = createContext<ShellApi>({
	setStatus: noop,
	setTyping: noop,
	setCancel: noop,
	show: noop,
	quit: noop,
	requestRun: () => false,
	takeRunIntent: noop,
	suspend: work => work(),
	projectChanged: noop,
	onProjectChanged: () => noop,
});

export const useShell = () => useContext(ShellContext);
