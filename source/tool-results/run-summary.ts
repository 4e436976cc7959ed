/**
 * The summary of a run: the files its tool calls wrote (by path, with what was done to each,
 * relative to the project) and the next steps for the user. The one place this is computed: the
 * headless renderer, the TUI and the offline planner's final answer all use it.
 *
 * It is built from the tools' structured results (`{files: [{path, action, would?}], next_steps}`),
 * so it shows what the tools report having written, nothing more. In a dry run the tools write
 * nothing and report `action: "planned"` with `would`: the summary then lists what a real run
 * would write and says so (`dryRun: true`).
 */
import path from 'node:path';
import {isRecord} from '../is-record.js';
import {type FileAction, reportedFiles} from './read-result.js';

export interface SummaryFile {
	/** Relative to the project (absolute only when it lies outside it). */
	path: string;
	action: Exclude<FileAction, 'unchanged'> | 'written';
}

export interface RunSummary {
	/** Files changed, in the order first reported, each once with its first real action. */
	files: SummaryFile[];
	/** Steps for the user, deduplicated; none for a dry run (nothing was written to follow up on). */
	nextSteps: string[];
	/** Nothing was written: `files` is what a real run would write. */
	dryRun: boolean;
}

/** The part of a tool call's result the summary reads. */
export interface SummaryCall {
	name: string;
	isError: boolean;
	structuredContent?: unknown;
}

export interface SummaryOptions {
	/** Paths reported absolute are shown relative to it. */
	projectPath?: string;
	/** The run was a dry run (also inferred from "planned" files). */
	dryRun?: boolean;
	/** The final answer: next steps it already gives are left out. */
	finalAnswer?: string;
}

// A step naming one of our tools (generate_migration, inspect_project...) was advice for the model.
const TOOL_MENTION = /\b(?:generate|inspect)_[a-z_]+\b/;

/** The next steps of one structured tool result. */
export function nextStepsOf(structuredContent: unknown): string[] {
	const steps = isRecord(structuredContent) ? structuredContent['next_steps'] : undefined;
	return Array.isArray(steps) ? steps.filter((step): step is string => typeof step === 'string') : [];
}

function relative(file: string, projectPath: string | undefined): string {
	if (projectPath === undefined || !path.isAbsolute(file)) return file;
	const inside = path.relative(projectPath, file);
	return inside === '' || inside.startsWith('..') || path.isAbsolute(inside) ? file : inside;
}

/** The final answer's lines, without list markers, backticks or a closing full stop. */
function answerLines(text: string): string[] {
	return text
		.split('\n')
		.map(line =>
			line
				.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '')
				.replaceAll('`', '')
				.trim()
				.replace(/\.$/, ''),
		)
		.filter(line => line.length >= 8);
}

export function summarizeRun(calls: readonly SummaryCall[], options: SummaryOptions = {}): RunSummary {
	const byPath = new Map<string, SummaryFile | undefined>();
	let dryRun = options.dryRun === true;
	const steps: string[] = [];
	const toolNames = new Set(calls.map(call => call.name));
	for (const call of calls) {
		for (const file of reportedFiles(call.structuredContent)) {
			if (file.planned) dryRun = true;
			const shown = relative(file.path, options.projectPath);
			// Each dry call stamps its migration anew: the same planned migration is one file, not two.
			const key = file.planned ? shown.replace(/(^|\/)\d{14}_(\w+\.exs)$/, '$1…_$2') : shown;
			// A file created then injected into (the context tool re-reports the schema) was created.
			if (byPath.get(key) === undefined) byPath.set(key, file.action === 'unchanged' ? undefined : {path: shown, action: file.action});
		}

		if (!call.isError) for (const step of nextStepsOf(call.structuredContent)) if (!steps.includes(step)) steps.push(step);
	}

	const answer = options.finalAnswer ?? '';
	const lines = answerLines(answer);
	const nextSteps = dryRun
		? []
		: steps.filter(step => !TOOL_MENTION.test(step) && !(step.match(/\w+/g) ?? []).some(word => toolNames.has(word)) && !answer.includes(step) && !lines.some(line => step.includes(line)));
	return {files: [...byPath.values()].filter(file => file !== undefined), nextSteps, dryRun};
}
