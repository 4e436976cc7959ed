/**
 * `run` without --json: the conversation as readable text — who speaks, each tool call with its
 * arguments, its result and the files it wrote (with their actions), then the outcome.
 */
import type {EngineEvent, EngineEventListener} from '../engine/events.js';
import {sanitizeForTerminal as clean, sanitizeLine} from '../terminal/sanitize.js';
import {layOutTables, TableStream} from '../terminal/text-table.js';
import {type CheckOutput, readCheckResult, stepLine} from '../tool-results/check-result.js';
import {plannedAction, reportedFiles} from '../tool-results/read-result.js';
import {type SummaryCall, summarizeRun} from '../tool-results/run-summary.js';
import type {LineSink} from './render-json.js';

export interface TextRendererOptions {
	/** Show the full rendered prompt and whole tool texts. */
	verbose?: boolean;
	/** ANSI colours (only for a terminal that wants them). */
	color?: boolean;
	/** The terminal's width, that tables in the model's text are laid out in (120 when not a terminal). */
	columns?: number;
}

const ANSI = {bold: '\u001B[1m', dim: '\u001B[2m', red: '\u001B[31m', green: '\u001B[32m', yellow: '\u001B[33m', cyan: '\u001B[36m', reset: '\u001B[0m'};
type Style = keyof typeof ANSI;

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

function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)}s`;
}

export function createTextRenderer(out: LineSink, options: TextRendererOptions = {}): EngineEventListener {
	const paint = (style: Style, text: string) => (options.color ? `${ANSI[style]}${text}${ANSI.reset}` : text);
	let streaming = false; // model text of the current turn has been printed (without its newline)
	// The model's text less "Model: " and a margin: its tables laid out in that.
	const tableWidth = Math.max(40, (options.columns ?? 120) - 8);
	let tables = new TableStream(tableWidth);
	let calls: SummaryCall[] = [];
	let projectPath: string | undefined;
	let dryRun = false;
	let failedCalls = 0;
	let lastCheck: CheckOutput | undefined;
	const line = (text = '') => out.write(`${text}\n`);
	// The paths in one column: a dry run's words (`would overwrite`) are the longer.
	const fileLine = (action: string, file: string) => line(`    ${action.padEnd(dryRun ? 15 : 11)} ${sanitizeLine(file)}`);
	const summary = (finalAnswer?: string) => summarizeRun(calls, {...(projectPath === undefined ? {} : {projectPath}), dryRun, ...(finalAnswer === undefined ? {} : {finalAnswer})});
	// A run that stopped early still changed the project: say what is there now.
	const writtenBefore = () => {
		const {files, dryRun: planned} = summary();
		if (planned || files.length === 0) return;
		line('  Files written before it stopped:');
		for (const file of files) fileLine(file.action, file.path);
	};

	return (event: EngineEvent) => {
		switch (event.type) {
			case 'execution_started': {
				streaming = false;
				calls = [];
				projectPath = event.projectPath;
				dryRun = event.dryRun === true;
				failedCalls = 0;
				lastCheck = undefined;
				const continued = event.parentExecutionId === undefined ? '' : `, continuing #${event.parentExecutionId}`;
				line(paint('bold', `Execution #${event.executionId}${continued}`) + paint('dim', ` · workflow ${sanitizeLine(event.workflow)} · ${sanitizeLine(`${event.provider}/${event.model}`)}`));
				line(paint('dim', `Project: ${sanitizeLine(event.projectPath)}`));
				line();
				line(`${paint('bold', 'You:')} ${clean(event.description)}`);
				break;
			}

			case 'user_message': {
				if (options.verbose) line(paint('dim', indent(clean(event.text), '  | ')));
				break;
			}

			case 'text_delta': {
				if (!streaming) {
					out.write(`\n${paint('cyan', 'Model:')} `);
					streaming = true;
					tables = new TableStream(tableWidth);
				}

				// Per delta: an escape split across two deltas is made visible in the first.
				out.write(tables.push(clean(event.delta)));
				break;
			}

			case 'model_message_done': {
				if (streaming) line(tables.end());
				else if (event.text.trim().length > 0) line(`\n${paint('cyan', 'Model:')} ${layOutTables(clean(event.text), tableWidth).join('\n')}`);
				streaming = false;
				break;
			}

			case 'tool_call_started': {
				if (event.args['dry_run'] === true) dryRun = true;
				const server = event.server ? paint('dim', ` (${sanitizeLine(event.server)})`) : '';
				line(`${paint('yellow', '→')} ${paint('bold', sanitizeLine(event.name))}${server} ${sanitizeLine(JSON.stringify(event.args))}`);
				break;
			}

			case 'approval_decided': {
				const note = event.note === undefined ? '' : `: ${sanitizeLine(event.note)}`;
				line(`  ${paint('dim', `approval: ${event.outcome.replaceAll('_', ' ')}${note}`)}`);
				break;
			}

			case 'tool_call_finished': {
				const mark = event.isError ? paint('red', '✗') : paint('green', '✓');
				if (event.isError) failedCalls++;
				calls.push({name: event.name, isError: event.isError, ...(event.structuredContent === undefined ? {} : {structuredContent: event.structuredContent})});
				const text = clean(options.verbose || event.isError ? event.text : firstLine(event.text));
				line(`  ${mark} ${indent(text, '    ').trimStart()}${paint('dim', ` (${seconds(event.durationMs)})`)}`);
				for (const file of reportedFiles(event.structuredContent)) {
					// A file an earlier call wrote, seen again untouched, is noise unless asked for.
					if (options.verbose || file.action !== 'unchanged') fileLine(file.planned ? plannedAction(file.action) : file.action, file.path);
				}

				const checked = readCheckResult(event.structuredContent);
				if (checked) {
					lastCheck = checked;
					if (!options.verbose) for (const step of checked.steps) line(`    ${sanitizeLine(stepLine(step))}`);
				}

				break;
			}

			case 'execution_finished': {
				if (streaming) line();
				streaming = false;
				line();
				const outcome = `after ${event.turns} turn${event.turns === 1 ? '' : 's'} in ${seconds(event.durationMs)} (execution #${event.executionId})`;
				if (event.recordError !== undefined) {
					// Not "Completed": what the record will say is not what happened, and the user must know.
					line(paint('red', `✘ Not recorded: the run ended ${event.status} ${outcome}, but its end could not be saved: ${clean(event.recordError)}`));
					line(`  The record of execution #${event.executionId} keeps only the steps saved before; a later start marks it INTERRUPTED if it is still there.`);
					writtenBefore();
					break;
				}

				switch (event.status) {
					case 'COMPLETED': {
						line(paint('green', `✔ Completed ${outcome}.`));
						if (failedCalls > 0) line(paint('yellow', `  ${plural(failedCalls, 'tool call')} ended in an error (✗ above).`));
						// Whether the project is green: the last check of the run.
						if (lastCheck) line(paint(lastCheck.status === 'failed' ? 'red' : lastCheck.status === 'passed' ? 'green' : 'yellow', `  ${sanitizeLine(lastCheck.summary)}`));
						// The summary repeats nothing the final answer just said.
						const answer = event.finalResponseText ?? '';
						const done = summary(answer);
						if (done.files.length > 0 && !done.files.every(file => answer.includes(file.path))) {
							line(done.dryRun ? '  Files it would write (dry run: nothing was written):' : '  Files:');
							for (const file of done.files) fileLine(done.dryRun ? plannedAction(file.action) : file.action, file.path);
						} else if (done.dryRun && done.files.length > 0) {
							line('  Dry run: nothing was written.');
						}

						if (done.dryRun) {
							line('  Next: run the same command without --dry-run to write the files.');
							break;
						}

						for (const step of done.nextSteps) line(`  Next: ${sanitizeLine(step)}`);
						break;
					}

					case 'CANCELLED': {
						line(paint('yellow', `■ Cancelled ${outcome}.`));
						writtenBefore();
						break;
					}

					default: {
						line(paint('red', `✘ ${event.status === 'FAILED' ? 'Failed' : event.status} ${outcome}: ${clean(event.errorMessage ?? 'no message')}`));
						writtenBefore();
					}
				}

				break;
			}
		}
	};
}
