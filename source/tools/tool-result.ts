/**
 * The shape of what the generate_* tools return (text summary + structuredContent), and the
 * conversion of every expected failure into an `isError` result a model can act on.
 */
import type {CallToolResult} from '@modelcontextprotocol/sdk/types.js';
import {z} from 'zod';
import {GeneratorError} from '../generators/errors.js';
import {ProjectError} from './project-config.js';
import {WriteFailedError, WriteRefusedError, type WriteAction} from './safe-writer.js';

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
		}),
	),
	next_steps: z.array(z.string()),
});

export type GenerateOutput = z.infer<typeof generateOutput>;

export interface ResultFile {
	path: string;
	action: ResultAction;
	content: string;
	would?: WriteAction;
}

const verbs: Record<WriteAction, string> = {
	created: 'created',
	injected: 'injected into',
	overwritten: 'overwrote',
	unchanged: 'unchanged (identical)',
};

/** The success result: a readable summary and the structured files and next steps. */
export function generateResult(headline: string, files: ResultFile[], nextSteps: string[], dryRun: boolean): CallToolResult {
	const lines = [dryRun ? `${headline} (dry run: nothing was written)` : headline];
	for (const file of files) {
		const action = file.would ?? (file.action as WriteAction);
		lines.push(`  ${dryRun ? `would be ${action}` : verbs[action]}: ${file.path}`);
	}

	if (nextSteps.length > 0) lines.push('Next steps:', ...nextSteps.map((step) => `  - ${step}`));
	const structuredContent: GenerateOutput = {files: files.map((file) => ({...file})), next_steps: nextSteps};
	return {content: [{type: 'text', text: lines.join('\n')}], structuredContent};
}

/** An error result; nothing was written. */
export function errorResult(message: string): CallToolResult {
	return {content: [{type: 'text', text: message}], isError: true};
}

/**
 * Runs a tool body, turning the errors a caller can fix (bad input, not a project, refused write)
 * into isError results; anything else is reported as an internal error, still as a result so the
 * server keeps running.
 */
export async function guarded(body: () => Promise<CallToolResult>): Promise<CallToolResult> {
	try {
		return await body();
	} catch (error) {
		if (error instanceof GeneratorError || error instanceof ProjectError || error instanceof WriteRefusedError) {
			return errorResult(`${error.message} Nothing was written.`);
		}

		if (error instanceof WriteFailedError) {
			return errorResult(error.restored ? `${error.message} Nothing was written.` : error.message);
		}

		const message = error instanceof Error ? error.message : String(error);
		return errorResult(`Internal error in the tool: ${message}. Nothing was written.`);
	}
}
