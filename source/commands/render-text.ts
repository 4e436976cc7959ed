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

function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)}s`;
}

export function createTextRenderer(out: LineSink, options: TextRendererOptions = {}): EngineEventListener {
	const paint = (style: Style, text: string) => (options.color ? `${ANSI[style]}${text}${ANSI.reset}` : text);
	let streaming = false; // model text of the current turn has been printed (without its newline)
	let nextSteps: string[] = [];
	let files: FileEntry[] = [];
	let toolNames = new Set<string>();
	const line = (text = '') => out.write(`${text}\n`);

	return (event: EngineEvent) => {
		switch (event.type) {
			case 'execution_started': {
				streaming = false;
				nextSteps = [];
				files = [];
				toolNames = new Set();
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
				const server = event.server ? paint('dim', ` (${event.server})`) : '';
				line(`${paint('yellow', '→')} ${paint('bold', event.name)}${server} ${JSON.stringify(event.args)}`);
				break;
			}

			case 'tool_call_finished': {
				const mark = event.isError ? paint('red', '✗') : paint('green', '✓');
				const text = options.verbose || event.isError ? event.text : (event.text.split('\n')[0] ?? '');
				line(`  ${mark} ${indent(text, '    ').trimStart()}${paint('dim', ` (${seconds(event.durationMs)})`)}`);
				for (const file of filesOf(event.structuredContent)) {
					files.push(file);
					line(`    ${file.action.padEnd(11)} ${file.path}`);
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
						const written = summarizeFiles(files);
						if (written.length > 0) line('  Files:');
						for (const file of written) line(`    ${file.action.padEnd(11)} ${file.path}`);
						// Steps that name a tool (one called here, or one of ours) were advice for the model, not the user.
						const forUser = nextSteps.filter(step => !TOOL_MENTION.test(step) && ![...toolNames].some(name => step.includes(name)));
						for (const step of forUser) line(`  Next: ${step}`);
						break;
					}

					case 'CANCELLED': {
						line(paint('yellow', `■ Cancelled ${summary}.`));
						break;
					}

					default: {
						line(paint('red', `✘ ${event.status === 'FAILED' ? 'Failed' : event.status} ${summary}: ${event.errorMessage ?? 'no message'}`));
					}
				}

				break;
			}
		}
	};
}
