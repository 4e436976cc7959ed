/**
 * The shape of what the generate_* tools return (text summary + structuredContent), and the
 * conversion of every expected failure into an `isError` result a model can act on.
 */
import type {CallToolResult} from '@modelcontextprotocol/sdk/types.js';
import {GeneratorError} from '../generators/errors.js';
import {ProjectError} from '../phoenix-project/project-config.js';
import {UnreadableFileError} from '../phoenix-project/read-regular.js';
import {sanitizeLine} from '../terminal/sanitize.js';
import type {AppliedFiles, GenerateOutput} from '../tool-results/output.js';
import type {FileAction} from '../tool-results/read-result.js';
import {WriteFailedError, WriteRefusedError} from './write/safe-writer.js';
import {trackCall} from './write/shutdown.js';

const verbs: Record<FileAction, string> = {
	created: 'created',
	injected: 'injected into',
	overwritten: 'overwrote',
	unchanged: 'unchanged (identical)',
};

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
		const action = file.would ?? (file.action as FileAction);
		lines.push(`  ${dryRun ? `would be ${action}` : verbs[action]}: ${file.path}`);
	}

	const notices = extras.notices ?? [];
	for (const notice of notices) lines.push(`Note: ${notice}`);
	if (nextSteps.length > 0) lines.push('Next steps:', ...nextSteps.map(step => `  - ${step}`));
	const structuredContent: GenerateOutput = {
		files: files.map(file => ({...file})),
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
