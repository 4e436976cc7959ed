/**
 * The hash of a file's content in a tool result (sha256_before / sha256_after): the tools write it,
 * undo compares the file on disk against it, so both take it from here.
 */
import {createHash} from 'node:crypto';

/** SHA-256 (hex) of the text as UTF-8. */
export function contentSha256(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}
