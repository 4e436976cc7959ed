/**
 * How an undo reads, for the command line and the TUI alike: one line per step and one summary.
 * Apart from undo.ts so the screens can use it without loading the ORM before the first paint.
 */
import {sanitizeLine} from '../terminal/sanitize.js';
import type {UndoStep} from './undo.js';

// Files line up; the folders come last, so their longer verb costs no width on the file lines.
const VERBS: Record<UndoStep['action'], string> = {remove: 'remove ', restore: 'restore', remove_folder: 'remove folder'};

/** "remove  lib/my_app/blog/post.ex", "remove folder lib/my_app/blog/" (path sanitized). */
export function undoStepLine(step: UndoStep): string {
	return `${VERBS[step.action]} ${sanitizeLine(step.path)}${step.action === 'remove_folder' ? '/' : ''}`;
}

/** "Undid execution #3: 5 removed, 0 restored, 3 emptied folder(s) removed." */
export function undoSummary(executionId: number, done: UndoStep[]): string {
	const count = (action: UndoStep['action']) => done.filter(step => step.action === action).length;
	const folders = count('remove_folder') > 0 ? `, ${count('remove_folder')} emptied folder(s) removed` : '';
	return `Undid execution #${executionId}: ${count('remove')} removed, ${count('restore')} restored${folders}.`;
}
