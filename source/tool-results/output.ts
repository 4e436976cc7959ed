/**
 * What a generate_* tool returns: the zod schema of its structuredContent (the MCP output schema
 * the servers declare) and the types of the files in it. The contract the tools write and the
 * engine and history read (through read-result.ts, which tolerates anything).
 */
import {z} from 'zod';
import type {FileAction} from './read-result.js';

/** previous_content is kept up to this many bytes (UTF-8); beyond, it is cut and marked truncated. */
export const MAX_PREVIOUS_BYTES = 512 * 1024;

export type ResultAction = FileAction | 'planned';

export const generateOutput = z.object({
	files: z.array(
		z.object({
			path: z.string().describe('Relative to the project root.'),
			action: z.enum(['created', 'injected', 'overwritten', 'unchanged', 'planned']),
			content: z.string(),
			would: z.enum(['created', 'injected', 'overwritten', 'unchanged']).optional().describe('For a dry run (action "planned"): what a real run would do.'),
			sha256_before: z.string().nullable().describe('SHA-256 (hex) of the file before the call; null when it did not exist.'),
			sha256_after: z.string().describe('SHA-256 (hex) of `content`: the file after the call (for a dry run, after a real run).'),
			previous_content: z.string().optional().describe('The file before the call, when it existed and was changed (injected, overwritten); in a dry run, whenever it exists.'),
			previous_truncated: z.literal(true).optional().describe(`Set when previous_content was cut at ${MAX_PREVIOUS_BYTES} bytes.`),
		}),
	),
	next_steps: z.array(z.string()),
	created_folders: z.array(z.string()).optional().describe('Folders the call created to hold its files (relative to the project root, outermost first); undo removes them again when empty.'),
	apply_args: z.object({migration_stamp: z.string()}).optional().describe("For a dry run: arguments to add to the real call so it writes exactly the files shown (a new migration's stamp)."),
	notices: z.array(z.string()).optional().describe('What the call did differently from what was asked (a migration stamp that had to be replaced).'),
});

export type GenerateOutput = z.infer<typeof generateOutput>;

export interface ResultFile {
	path: string;
	action: ResultAction;
	content: string;
	would?: FileAction;
	sha256_before: string | null;
	sha256_after: string;
	previous_content?: string;
	previous_truncated?: true;
}

/** What applyFiles wrote (or would write) and the folders it created. */
export interface AppliedFiles {
	files: ResultFile[];
	/** Relative to the project root, outermost first; none for a dry run. */
	createdFolders: string[];
}

/** What a write tool plans to do to one file, as its dry run reported it. */
export interface PlannedFile {
	/** Relative to the project root. */
	path: string;
	action: FileAction;
	/** The whole new content of the file. */
	content: string;
	/** The file as it is on disk now, for a diff (undefined for a new file). */
	currentContent?: string;
}
