/**
 * Reads mix's output into errors with file and line: compiler errors and warnings (the Elixir
 * 1.14 layout and the boxed one of 1.15+), ExUnit failures, migration errors, the formatter's list.
 * Paths are made relative to the project; what names no file keeps file and line null.
 */
import path from 'node:path';
import {type CheckError, MAX_ERROR_CHARS, MAX_STEP_ERRORS} from '../tool-results/check-result.js';

export interface ParsedErrors {
	errors: CheckError[];
	/** Found beyond MAX_STEP_ERRORS. */
	more: number;
}

// `lib/x.ex:12`, `lib/x.ex:12:5`, `└─ lib/x.ex:12:5:` and absolute paths, for .ex and .exs files.
const LOCATION = /(?:^|[\s(└─])((?:\/|[\w.-]+\/)?[\w./-]*?\.exs?):(\d+)(?::\d+)?/;
const ANSI = /\u001B\[[0-9;]*m/g;

export function cleanOutput(output: string): string {
	return output.replaceAll(ANSI, '').replaceAll('\r\n', '\n');
}

function clip(message: string): string {
	const text = message.trim();
	return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS - 1)}…` : text;
}

/** A file named by the output, relative to the project when inside it. */
export function projectRelative(file: string, project: string): string {
	if (!path.isAbsolute(file)) return path.normalize(file);
	const inside = path.relative(project, file);
	return inside.startsWith('..') || path.isAbsolute(inside) ? file : inside;
}

function bounded(errors: CheckError[]): ParsedErrors {
	const unique = errors.filter((error, index) => errors.findIndex(other => other.file === error.file && other.line === error.line && other.message === error.message) === index);
	return {errors: unique.slice(0, MAX_STEP_ERRORS), more: Math.max(0, unique.length - MAX_STEP_ERRORS)};
}

function locate(line: string, project: string): {file: string; line: number} | undefined {
	const match = LOCATION.exec(line);
	if (!match) return undefined;
	return {file: projectRelative(match[1]!, project), line: Number(match[2])};
}

// The stack of a library or of Elixir itself, "(elixir 1.14.0) lib/kernel/...": not the project's code.
const LIBRARY_FRAME = /^\s*\([\w_]+ [\d.]+[^)]*\)/;

/**
 * Compiler output: `** (CompileError) lib/x.ex:3: message`, `== Compilation error in file ...`,
 * `warning: message` followed by its location line, and 1.15+'s `error: message ... └─ file:line`.
 */
export function parseCompileOutput(output: string, project: string): ParsedErrors {
	const lines = cleanOutput(output).split('\n');
	const errors: CheckError[] = [];
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index]!;
		const raised = /^\*\* \((\w+(?:\.\w+)*)\) (.*)$/.exec(line);
		if (raised && raised[1] !== 'Mix') {
			const at = locate(raised[2]!, project);
			const message = at ? raised[2]!.replace(LOCATION, '').replace(/^[\s:]+/, '') : raised[2]!;
			errors.push({file: at?.file ?? null, line: at?.line ?? null, message: clip(`${raised[1]}: ${message}`)});
			continue;
		}

		const headed = /^\s*(warning|error): (.*)$/.exec(line);
		if (!headed) continue;
		// The location follows the message within a few lines (after the code excerpt in 1.15+).
		let at: {file: string; line: number} | undefined;
		const message = [headed[2]!];
		for (let next = index + 1; next < Math.min(lines.length, index + 12); next++) {
			const candidate = lines[next]!;
			if (candidate.trim() === '' && at === undefined && next > index + 1 && !/[│└]/.test(lines[next + 1] ?? '')) break;
			if (LIBRARY_FRAME.test(candidate)) continue;
			at = locate(candidate, project);
			if (at) break;
			if (!/[│└]/.test(candidate) && candidate.trim() !== '') message.push(candidate.trim());
		}

		errors.push({file: at?.file ?? null, line: at?.line ?? null, message: clip(`${headed[1]}: ${message.join(' ')}`)});
	}

	return bounded(errors);
}

/** ExUnit failures: `  1) test name (Module)` then `     test/x_test.exs:12`, the error, and its stacktrace. */
export function parseTestOutput(output: string, project: string): ParsedErrors {
	const lines = cleanOutput(output).split('\n');
	const errors: CheckError[] = [];
	for (let index = 0; index < lines.length; index++) {
		const header = /^\s+\d+\) (test .*|.*\(.*\))$/.exec(lines[index]!);
		if (!header) continue;
		const declared = locate(lines[index + 1] ?? '', project);
		if (!declared) continue;
		let detail = '';
		let failedAt = declared;
		let inStack = false;
		for (let next = index + 2; next < lines.length && !/^\s+\d+\) /.test(lines[next]!); next++) {
			const text = lines[next]!.trim();
			if (text === 'stacktrace:') {
				inStack = true;
				continue;
			}

			if (inStack) {
				const frame = locate(text, project);
				// The first frame in the test's own file is the line that failed.
				if (frame && frame.file === declared.file) {
					failedAt = frame;
					break;
				}

				if (text === '') break;
				continue;
			}

			if (detail === '' && text !== '' && !text.startsWith('code:')) detail = text;
		}

		errors.push({file: failedAt.file, line: failedAt.line, message: clip(`${header[1]}: ${detail || 'failed'}`)});
	}

	// A test file that does not compile fails before any test runs.
	if (errors.length === 0) return parseCompileOutput(output, project);
	return bounded(errors);
}

/** The formatter's list of files that are not formatted (`  * lib/x.ex`). */
export function unformattedFiles(output: string, project: string): string[] {
	const lines = cleanOutput(output).split('\n');
	const start = lines.findIndex(line => /not formatted/.test(line));
	if (start < 0) return [];
	return lines
		.slice(start + 1)
		.map(line => /^\s+\* (.+)$/.exec(line)?.[1])
		.filter((file): file is string => file !== undefined)
		.map(file => projectRelative(file.trim(), project));
}

/** Lines `ECTOSMITH_FORMAT\t<file>\t<first differing line>` printed by the format probe. */
export function firstDifferences(output: string, project: string): Map<string, number> {
	const found = new Map<string, number>();
	for (const line of cleanOutput(output).split('\n')) {
		const [tag, file, number] = line.split('\t');
		if (tag === 'ECTOSMITH_FORMAT' && file !== undefined && number !== undefined) found.set(projectRelative(file, project), Number(number));
	}

	return found;
}

export function formatErrors(files: string[], lines: Map<string, number>): ParsedErrors {
	return bounded(files.map(file => ({file, line: lines.get(file) ?? null, message: 'not formatted as mix format would write it (run mix format on it)'})));
}

/** The migration being run when mix stopped: the last `== Running <version> Module.fun/0 <direction>`. */
export function runningMigration(output: string): {version: string; direction: string} | undefined {
	let found: {version: string; direction: string} | undefined;
	for (const match of cleanOutput(output).matchAll(/== Running (\d+) \S+ (forward|backward)/g)) found = {version: match[1]!, direction: match[2]!};
	return found;
}

/** The first `** (Error) message` of an output, with its location in the project when the stack names one. */
export function raisedError(output: string, project: string): CheckError | undefined {
	const lines = cleanOutput(output).split('\n');
	const index = lines.findIndex(line => /^\*\* \(/.test(line));
	if (index < 0) return undefined;
	const message = lines[index]!.replace(/^\*\* /, '');
	let at: {file: string; line: number} | undefined;
	for (const line of lines.slice(index + 1, index + 30)) {
		if (LIBRARY_FRAME.test(line)) continue;
		at = locate(line, project);
		if (at) break;
	}

	return {file: at?.file ?? null, line: at?.line ?? null, message: clip(message)};
}

/** mix stopped because dependencies are missing: they need `mix deps.get`. */
export function depsNotFetched(output: string): boolean {
	return /Could not find Hex|Could not find an SCM for dependency|Unchecked dependencies|the dependency is not available|dependencies? (?:are|is) not available|run "mix deps\.get"/.test(
		cleanOutput(output),
	);
}

/** Postgrex (or another adapter) could not connect. */
export function databaseUnreachable(output: string): boolean {
	return /DBConnection\.ConnectionError|connection refused|could not connect|failed to connect/i.test(cleanOutput(output));
}
