/**
 * The rules for a description (and a follow-up message): not empty, no NUL character, at most
 * 64 KiB. Checked by the engine before anything is recorded, so every caller (headless run, TUI)
 * gets the same answer; a bad description is the user's input, hence a UsageError.
 */
import {UsageError} from '../errors.js';

export const MAX_DESCRIPTION_BYTES = 64 * 1024;

export class DescriptionError extends UsageError {}

/** The description, trimmed; throws DescriptionError naming what is wrong and what is allowed. */
export function checkDescription(text: string): string {
	const description = text.trim();
	if (description.length === 0) throw new DescriptionError('The description is empty: say which schemas to generate, e.g. "Blog.Post posts title:string".');
	const nul = description.indexOf('\u0000');
	if (nul !== -1) {
		throw new DescriptionError(`The description contains a NUL character (at character ${nul + 1}); a description is plain text. Remove it and try again.`);
	}

	const bytes = Buffer.byteLength(description, 'utf8');
	if (bytes > MAX_DESCRIPTION_BYTES) {
		throw new DescriptionError(
			`The description is ${Math.ceil(bytes / 1024)} KiB; the limit is 64 KiB (${MAX_DESCRIPTION_BYTES} bytes). Describe fewer entities at a time, or continue the run with follow-ups.`,
		);
	}

	return description;
}
