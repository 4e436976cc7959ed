/**
 * What a write will do, as lines: a new file whole (Elixir highlighted), a changed file as a
 * unified diff against the file on disk now. The diff library and the Elixir colouring load on
 * first use, after the first paint. File contents come from a model's call: sanitized before colouring.
 */
import type {ApprovalRequest} from '../../engine/events.js';
import {sanitizeForTerminal, sanitizeLine} from '../../terminal/sanitize.js';
import type {PlannedFile} from '../../tool-results/output.js';
import type {Line} from '../state/lines.js';
import {colorEnabled} from './theme.js';

export interface ApprovalLibraries {
	structuredPatch: typeof import('diff').structuredPatch;
	highlight: (code: string) => string;
}

let loading: Promise<ApprovalLibraries> | undefined;

export function loadApprovalLibraries(): Promise<ApprovalLibraries> {
	loading ??= Promise.all([import('diff'), import('./elixir-colors.js')]).then(([diff, colors]) => ({
		structuredPatch: diff.structuredPatch,
		highlight: (code: string) => (colorEnabled() ? colors.highlightElixir(code) : code),
	}));
	return loading;
}

function codeLines(content: string, libraries: ApprovalLibraries | undefined): Line[] {
	const safe = sanitizeForTerminal(content).replace(/\t/g, '  ').replace(/\n$/, '');
	const shown = libraries ? libraries.highlight(safe) : safe;
	return shown.split('\n').map((text, index) => ({text: `${String(index + 1).padStart(4)} ${text}`, gutter: 5}));
}

function diffLines(file: PlannedFile, libraries: ApprovalLibraries | undefined): Line[] {
	if (!libraries) return [{text: '  (reading the diff…)', tone: 'dim'}];
	const patch = libraries.structuredPatch(file.path, file.path, file.currentContent ?? '', file.content, 'on disk', 'after', {context: 3});
	const lines: Line[] = [];
	for (const hunk of patch.hunks) {
		lines.push({text: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, tone: 'hunk'});
		for (const row of hunk.lines) {
			const text = sanitizeLine(row);
			lines.push({text, gutter: 1, tone: row.startsWith('+') ? 'add' : row.startsWith('-') ? 'del' : 'plain'});
		}
	}

	return lines.length > 0 ? lines : [{text: '  (no change)', tone: 'dim'}];
}

export function fileLines(file: PlannedFile, libraries: ApprovalLibraries | undefined): Line[] {
	const name = sanitizeLine(file.path);
	if (file.action === 'unchanged') return [{text: `= ${name} (unchanged)`, tone: 'dim'}];
	if (file.currentContent === undefined) {
		return [{text: `+ ${name} (new file)`, tone: 'add', bold: true}, ...codeLines(file.content, libraries), {text: ''}];
	}

	return [{text: `~ ${name} (${file.action === 'overwritten' ? 'replaced' : 'changed'})`, tone: 'warn', bold: true}, ...diffLines(file, libraries), {text: ''}];
}

export function approvalLines(request: ApprovalRequest, libraries: ApprovalLibraries | undefined): Line[] {
	const lines: Line[] = [];
	if (request.files.length === 0)
		lines.push(
			...sanitizeForTerminal(request.dryRunText)
				.split('\n')
				.map(text => ({text})),
		);
	for (const file of request.files) lines.push(...fileLines(file, libraries));
	return lines;
}
