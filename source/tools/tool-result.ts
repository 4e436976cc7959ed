/**
 * The shape of what the generate_* tools return (text summary + structuredContent), and the
 * conversion of every expected failure into an `isError` result a model can act on.
 */
import type {CallToolResult} from '@modelcontextprotocol/sdk/types.js';
import {z} from 'zod';
import {GeneratorError} from '../generators/errors.js';
import {sanitizeLine} from '../terminal/sanitize.js';
import {MAX_PREVIOUS_BYTES} from './write/apply-files.js';
import {ProjectError} from '../phoenix-project/project-config.js';
import {UnreadableFileError} from '../phoenix-project/read-regular.js';
import {trackCall} from './write/shutdown.js';
import {WriteFailedError, WriteRefusedError, type WriteAction} from './write/safe-writer.js';

export type ResultAction = WriteAction | 'planned';

export const generateOutput = z.object({
	files: z.array(
		z.object({
			path: z.string().describe('Relative to the project root.'),
			action: z.enum(['created', 'injected', 'overwritten', 'unchanged', 'planned']),
			content: z.string(),
			would: z
				.enum(['created', 'injected', 'overwritten', 'unchanged'])
				.optional()
				.describe('For a dry run (action "planned"): what a real run would do.'),
			sha256_before: z.string().nullable().describe('SHA-256 (hex) of the file before the call; null when it did not exist.'),
			sha256_after: z.string().describe('SHA-256 (hex) of `content`: the file after the call (for a dry run, after a real run).'),
			previous_content: z
				.string()
				.optional()
				.describe('The file before the call, when it existed and was changed (injected, overwritten); in a dry run, whenever it exists.'),
			previous_truncated: z
				.literal(true)
				.optional()
				.describe(`Set when previous_content was cut at ${MAX_PREVIOUS_BYTES} bytes.`),
		}),
	),
	next_steps: z.array(z.string()),
	created_folders: z
		.array(z.string())
		.optional()
		.describe('Folders the call created to hold its files (relative to the project root, outermost first); undo removes them again when empty.'),
	apply_args: z
		.object({migration_stamp: z.string()})
		.optional()
		.describe('For a dry run: arguments to add to the real call so it writes exactly the files shown (a new migration\'s stamp).'),
	notices: z.array(z.string()).optional().describe('What the call did differently from what was asked (a migration stamp that had to be replaced).'),
});

export type GenerateOutput = z.infer<typeof generateOutput>;

export interface ResultFile {
	path: string;
	action: ResultAction;
	content: string;
	would?: WriteAction;
	sha256_before: string | null;
	sha256_after: string;
	previous_content?: string;
	previous_truncated?: true;
}

const verbs: Record<WriteAction, string> = {
	created: 'created',
	injected: 'injected into',
	overwritten: 'overwrote',
	unchanged: 'unchanged (identical)',
};

/** What applyFiles wrote (or would write) and the folders it created. */
export interface AppliedFiles {
	files: ResultFile[];
	/** Relative to the project root, outermost first; none for a dry run. */
	createdFolders: string[];
}

/** What a result says besides its files (see generateOutput). */
export interface ResultExtras {
	applyArgs?: {migration_stamp: string};
	notices?: string[];
}

/** The success result: a readable summary and the structured files and next steps. */
export function generateResult(headline: string, applied: AppliedFiles, nextSteps: string[], dryRun: boolean, extras: ResultExtras = {}): CallToolResult {
	const {files, createdFolders} = applied;
	const lines = [dryRun ? `${headline} (dry run: nothing was written)` : headline];
	for (const file of files) {
		const action = file.would ?? (file.action as WriteAction);
		lines.push(`  ${dryRun ? `would be ${action}` : verbs[action]}: ${file.path}`);
	}

	const notices = extras.notices ?? [];
	for (const notice of notices) lines.push(`Note: ${notice}`);
	if (nextSteps.length > 0) lines.push('Next steps:', ...nextSteps.map((step) => `  - ${step}`));
	const structuredContent: GenerateOutput = {
		files: files.map((file) => ({...file})),
		next_steps: nextSteps,
		...(createdFolders.length === 0 ? {} : {created_folders: createdFolders}),
		...(extras.applyArgs === undefined ? {} : {apply_args: extras.applyArgs}),
		...(notices.length === 0 ? {} : {notices}),
	};
	return {content: [{type: 'text', text: lines.join('\n')}], structuredContent};
}

/**
 * An error result. Messages can quote names from the call or the disk (a file name holding an
 * escape sequence or a newline): control characters are shown escaped (the terminal sanitizer's
 * one-line form), so the text stays one readable line for the model, the record and the screen.
 */
export function errorResult(message: string): CallToolResult {
	return {content: [{type: 'text', text: sanitizeLine(message)}], isError: true};
}

/**
 * Runs a tool body, turning the errors a caller can fix (bad input, not a project, refused write)
 * into isError results; anything else is reported as an internal error, still as a result so the
 * server keeps running.
 */
export async function guarded(body: () => Promise<CallToolResult>): Promise<CallToolResult> {
	try {
		return await trackCall(body());
	} catch (error) {
		if (error instanceof GeneratorError || error instanceof ProjectError || error instanceof WriteRefusedError || error instanceof UnreadableFileError) {
			return errorResult(`${error.message} Nothing was written.`);
		}

		if (error instanceof WriteFailedError) {
			return errorResult(error.restored ? `${error.message} Nothing was written.` : error.message);
		}

		const message = error instanceof Error ? error.message : String(error);
		return errorResult(`Internal error in the tool: ${message}. Nothing was written.`);
	}
}
