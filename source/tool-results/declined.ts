/**
 * The answers the engine gives in place of a call that did not run: the user declined it (with or
 * without a note), or an earlier call of its turn failed or was declined. The engine writes them;
 * the offline planner reads them to steer (a note corrects the plan, a plain decline skips an
 * entity), and the stats leave them out of a tool's failures.
 */

export const DECLINED_TEXT = 'The user declined this change.';
const NOTE_LEAD = 'The user declined: ';
export const NOT_RUN_LEAD = 'Not run: ';

export function declinedText(note: string | undefined): string {
	return note === undefined ? DECLINED_TEXT : `${NOTE_LEAD}${note}`;
}

/** The decline a call's answer text stands for; undefined when the call was not declined. */
export function readDecline(text: string): {note?: string} | undefined {
	if (text === DECLINED_TEXT) return {};
	if (text.startsWith(NOTE_LEAD)) return {note: text.slice(NOTE_LEAD.length)};
	return undefined;
}

export function notRunText(earlier: string): string {
	return `${NOT_RUN_LEAD}the earlier call ${earlier} in this turn failed or was declined. Deal with that first, then call this again.`;
}

export function isNotRun(text: string): boolean {
	return text.startsWith(NOT_RUN_LEAD);
}
