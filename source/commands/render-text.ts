/**
 * `run` without --json: the conversation as readable text — who speaks, each tool call with its
 * arguments, its result and the files it wrote (with their actions), then the outcome.
 */
import type {EngineEvent, EngineEventListener} from '../engine/events.js';
import type {LineSink} from './render-json.js';

export interface TextRendererOptions {
	/** Show the full rendered prompt and whole tool texts. */
	verbose?: boolean;
	/** ANSI colours (only for a terminal that wants them). */
	color?: boolean;
}

interface FileEntry {
	path: string;
	action: string;
}

const ANSI = {bold: '\u001B[1m', dim: '\u001B[2m', red: '\u001B[31m', green: '\u001B[32m', yellow: '\u001B[33m', cyan: '\u001B[36m', reset: '\u001B[0m'};
type Style = keyof typeof ANSI;
const TOOL_MENTION = /\b(?:generate|inspect)_[a-z_]+\b/;

/** structuredContent.files of our tool servers: [{path, action, ...}]. */
export function filesOf(structuredContent: unknown): FileEntry[] {
	if (!structuredContent || typeof structuredContent !== 'object') return [];
	const files = (structuredContent as {files?: unknown}).files;
	if (!Array.isArray(files)) return [];
	return files.flatMap(file =>
		file && typeof file === 'object' && typeof (file as FileEntry).path === 'string'
			? [{path: (file as FileEntry).path, action: String((file as FileEntry).action ?? 'written')}]
			: [],
	);
}

function nextStepsOf(structuredContent: unknown): string[] {
	if (!structuredContent || typeof structuredContent !== 'object') return [];
	const steps = (structuredContent as {next_steps?: unknown}).next_steps;
	return Array.isArray(steps) ? steps.filter((step): step is string => typeof step === 'string') : [];
}

/** One line per file: its first real action (a file created then injected was created). */
export function summarizeFiles(files: FileEntry[]): FileEntry[] {
	const byPath = new Map<string, FileEntry>();
	for (const file of files) {
		const known = byPath.get(file.path);
		if (!known || known.action === 'unchanged') byPath.set(file.path, file);
	}

	return [...byPath.values()].filter(file => file.action !== 'unchanged');
}

function indent(text: string, prefix: string): string {
	return text
		.split('\n')
		.map(line => prefix + line)
		.join('\n');
}

/** The first line of a tool's text, without the colon that introduced the lines left out. */
function firstLine(text: string): string {
	const [first = '', ...rest] = text.split('\n');
	return rest.some(line => line.trim() !== '') ? first.replace(/:\s*$/, '') : first;
}

/** The final answer's lines, without list markers, backticks or a closing full stop. */
function answerLines(text: string): string[] {
	return text
		.split('\n')
		.map(line => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').replaceAll('`', '').trim().replace(/\.$/, ''))
		.filter(line => line.length >= 8);
}

/** A next step the final answer already gives (e.g. "mix ecto.migrate" in "Run mix ecto.migrate to ..."). */
function stepAlreadyGiven(step: string, answer: string, lines: string[]): boolean {
	return answer.includes(step) || lines.some(line => step.includes(line));
}

function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)}s`;
}

export function createTextRenderer(out: LineSink, options: TextRendererOptions = {}): EngineEventListener {
	const paint = (style: Style, text: string) => (options.color ? `${ANSI[style]}${text}${ANSI.reset}` : text);
	let streaming = false; // model text of the current turn has been printed (without its newline)
	let nextSteps: string[] = [];
	let files: FileEntry[] = [];
	let toolNames = new Set<string>();
	let dryRun = false;
	let failedCalls = 0;
	const line = (text = '') => out.write(`${text}\n`);
	// A run that stopped early still changed the project: say what is there now.
	const writtenBefore = () => {
		const written = dryRun ? [] : summarizeFiles(files);
		if (written.length > 0) line('  Files written before it stopped:');
		for (const file of written) line(`    ${file.action.padEnd(11)} ${file.path}`);
	};

	return (event: EngineEvent) => {
		switch (event.type) {
			case 'execution_started': {
				streaming = false;
				nextSteps = [];
				files = [];
				toolNames = new Set();
				dryRun = false;
				failedCalls = 0;
				const continued = event.parentExecutionId === undefined ? '' : `, continuing #${event.parentExecutionId}`;
				line(paint('bold', `Execution #${event.executionId}${continued}`) + paint('dim', ` · workflow ${event.workflow} · ${event.provider}/${event.model}`));
				line(paint('dim', `Project: ${event.projectPath}`));
				line();
				line(`${paint('bold', 'You:')} ${event.query}`);
				break;
			}

			case 'user_message': {
				if (options.verbose) line(paint('dim', indent(event.text, '  | ')));
				break;
			}

			case 'text_delta': {
				if (!streaming) {
					out.write(`\n${paint('cyan', 'Model:')} `);
					streaming = true;
				}

				out.write(event.delta);
				break;
			}

			case 'model_message_done': {
				if (streaming) line();
				else if (event.text.trim().length > 0) line(`\n${paint('cyan', 'Model:')} ${event.text}`);
				streaming = false;
				break;
			}

			case 'tool_call_started': {
				toolNames.add(event.name);
				if (event.args['dry_run'] === true) dryRun = true;
				const server = event.server ? paint('dim', ` (${event.server})`) : '';
				line(`${paint('yellow', '→')} ${paint('bold', event.name)}${server} ${JSON.stringify(event.args)}`);
				break;
			}

			case 'tool_call_finished': {
				const mark = event.isError ? paint('red', '✗') : paint('green', '✓');
				if (event.isError) failedCalls++;
				const text = options.verbose || event.isError ? event.text : firstLine(event.text);
				line(`  ${mark} ${indent(text, '    ').trimStart()}${paint('dim', ` (${seconds(event.durationMs)})`)}`);
				for (const file of filesOf(event.structuredContent)) {
					files.push(file);
					// A file an earlier call wrote, seen again untouched, is noise unless asked for.
					if (options.verbose || file.action !== 'unchanged') line(`    ${file.action.padEnd(11)} ${file.path}`);
				}

				if (!event.isError) for (const step of nextStepsOf(event.structuredContent)) if (!nextSteps.includes(step)) nextSteps.push(step);
				break;
			}

			case 'execution_finished': {
				if (streaming) line();
				streaming = false;
				line();
				const summary = `after ${event.turns} turn${event.turns === 1 ? '' : 's'} in ${seconds(event.durationMs)} (execution #${event.executionId})`;
				switch (event.status) {
					case 'COMPLETED': {
						line(paint('green', `✔ Completed ${summary}.`));
						if (failedCalls > 0) line(paint('yellow', `  ${plural(failedCalls, 'tool call')} ended in an error (✗ above).`));
						// The summary repeats nothing the final answer just said.
						const answer = event.finalResponseText ?? '';
						const lines = answerLines(answer);
						const written = summarizeFiles(files);
						if (written.length > 0 && !written.every(file => answer.includes(file.path))) {
							line(dryRun ? '  Files it would write (dry run: nothing was written):' : '  Files:');
							for (const file of written) line(`    ${file.action.padEnd(11)} ${file.path}`);
						} else if (dryRun && written.length > 0) {
							line('  Dry run: nothing was written.');
						}

						if (dryRun) {
							line('  Next: run the same command without --dry-run to write the files.');
							break;
						}

						// Steps that name a tool (one called here, or one of ours) were advice for the model, not the user.
						const forUser = nextSteps.filter(
							step => !TOOL_MENTION.test(step) && ![...toolNames].some(name => step.includes(name)) && !stepAlreadyGiven(step, answer, lines),
						);
						for (const step of forUser) line(`  Next: ${step}`);
						break;
					}

					case 'CANCELLED': {
						line(paint('yellow', `■ Cancelled ${summary}.`));
						writtenBefore();
						break;
					}

					default: {
						line(paint('red', `✘ ${event.status === 'FAILED' ? 'Failed' : event.status} ${summary}: ${event.errorMessage ?? 'no message'}`));
						writtenBefore();
					}
				}

				break;
			}
		}
	};
}
