/** The keys the Run screen's status bar offers, for what the screen is doing now. */
import type {KeyHelp} from '../shell.js';

export interface RunStatusSituation {
	/** An open action (undo, export...) offers its own keys. */
	actionKeys: KeyHelp[] | undefined;
	approving: boolean;
	/** The description field has the focus and nothing runs. */
	typing: boolean;
	running: boolean;
	/** A run has ended: its files can be undone or exported. */
	finished: boolean;
}

export function runStatusKeys({actionKeys, approving, typing, running, finished}: RunStatusSituation): KeyHelp[] {
	return actionKeys
		? actionKeys
		: approving
			? [
					{keys: 'y', does: 'approve'},
					{keys: 'n', does: 'decline'},
					{keys: 'e', does: 'note'},
					{keys: 'a', does: 'all'},
				]
			: typing
				? [
						{keys: 'Enter', does: 'run'},
						{keys: 'Esc', does: 'keys'},
						{keys: 'Tab', does: 'panes'},
					]
				: running
					? [
							{keys: 'Ctrl-C', does: 'cancel'},
							{keys: 'PgUp/PgDn', does: 'scroll'},
						]
					: [
							{keys: 'i', does: 'describe'},
							{keys: 'n', does: 'new'},
							...(finished
								? [
										{keys: 'u', does: 'undo'},
										{keys: 'e', does: 'export'},
									]
								: []),
							{keys: 'q', does: 'quit'},
						];
}
