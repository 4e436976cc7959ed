/** The Run screen's keys: all of them for the help, and those the status bar offers for what the screen is doing now. */
import type {KeyHelp} from '../shell.js';

export const RUN_KEYS: KeyHelp[] = [
	{keys: 'Enter', does: 'run the description (a follow-up continues the conversation)'},
	{keys: 'Tab / Shift-Tab', does: 'next / previous pane'},
	{keys: 'Esc', does: 'leave the description field'},
	{keys: 'i', does: 'back to the description field'},
	{keys: '↑ / ↓', does: 'earlier descriptions (in the field); choose (workflow)'},
	{keys: 'Ctrl-G', does: 'edit the description in $EDITOR'},
	{keys: 'PageUp / PageDown', does: 'scroll the conversation (or the focused pane)'},
	{keys: 'j / k, g / G', does: 'scroll the focused pane; top / follow the end'},
	{keys: 'c / d', does: 'project: choose another folder / create the demo project'},
	{keys: 'n', does: 'new conversation'},
	{keys: 'u / e', does: 'after a run: undo its files / export it (Esc leaves the field first)'},
	{keys: 'o', does: "the last check's full output (Esc closes it)"},
	{keys: 'y / n / e / a', does: 'approval: approve / decline / decline with a note / approve all'},
];

export interface RunStatusSituation {
	/** An open action (undo, export...) offers its own keys. */
	actionKeys: KeyHelp[] | undefined;
	approving: boolean;
	/** The description field has the focus and nothing runs. */
	typing: boolean;
	running: boolean;
	/** A run has ended: its files can be undone or exported. */
	finished: boolean;
	/** The Checks row shows a check: `o` opens its full output. */
	checked?: boolean;
}

export function runStatusKeys({actionKeys, approving, typing, running, finished, checked = false}: RunStatusSituation): KeyHelp[] {
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
							...(checked ? [{keys: 'o', does: 'check output'}] : []),
							{keys: 'q', does: 'quit'},
						];
}
