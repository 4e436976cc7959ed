/**
 * The lines of the panes, from the reducer's state: pure, so the panes only cut windows out of
 * them. Everything a model or a tool said goes through the terminal sanitizer here.
 */
import path from 'node:path';
import type {ProviderName} from '../../llm/provider.js';
import {sanitizeForTerminal, sanitizeLine} from '../../terminal/sanitize.js';
import {layOutTables} from '../../terminal/text-table.js';
import type {ProjectSchema, SchemaTable} from '../services.js';
import type {Line} from '../state/lines.js';
import type {RunOutcome} from '../state/run-outcome.js';
import type {ConversationEntry, ToolRow} from '../state/run-state.js';

/** The text's lines under its label; its Markdown tables laid out in `width` (less the indent). */
function textLines(text: string, tone: Line['tone'], label?: string, width?: number): Line[] {
	const clean = sanitizeForTerminal(text).replace(/\t/g, '  ');
	const rows = width === undefined ? clean.split('\n') : layOutTables(clean, width - 2);
	return rows.map((row, index) => ({text: index === 0 && label ? `${label} ${row}` : label ? `  ${row}` : row, tone}));
}

/** 22.5s, then 1m43s, 12m, 1h05m: at most five columns up to ten hours (History's time column). */
export function seconds(ms: number): string {
	const total = Math.round(ms / 1000);
	if (ms < 99_950) return `${(ms / 1000).toFixed(1)}s`;
	if (total < 600) return `${Math.floor(total / 60)}m${String(total % 60).padStart(2, '0')}s`;
	if (total < 3600) return `${Math.floor(total / 60)}m`;
	return `${Math.floor(total / 3600)}h${String(Math.floor((total % 3600) / 60)).padStart(2, '0')}m`;
}

const ACTION_MARKS: Record<string, string> = {created: '+', injected: '~', overwritten: '!'};

/** `+ path` (created), `~ path (injected)`: short enough for a narrow pane. */
export function fileLine(file: {path: string; action: string}): string {
	const mark = ACTION_MARKS[file.action];
	return mark === undefined ? `${file.action} ${sanitizeLine(file.path)}` : `${mark} ${sanitizeLine(file.path)}${file.action === 'created' ? '' : ` (${file.action})`}`;
}

export function summaryLines(summary: RunOutcome): Line[] {
	const after = `after ${summary.turns} turn${summary.turns === 1 ? '' : 's'} in ${seconds(summary.durationMs)} (#${summary.executionId})`;
	const lines: Line[] = [];
	// Said first: "Completed" alone would claim a record that was never saved.
	if (summary.recordError !== undefined) {
		lines.push({text: `✘ Not recorded: the run ended ${summary.status} ${after}, but its end could not be saved: ${sanitizeLine(summary.recordError)}`, tone: 'error', gutter: 2, bold: true});
	} else if (summary.status === 'COMPLETED') lines.push({text: `✔ Completed ${after}${summary.dryRun ? ' (dry run: nothing was written)' : ''}`, tone: 'ok', bold: true});
	else if (summary.status === 'CANCELLED') lines.push({text: `■ Cancelled ${after}`, tone: 'warn', bold: true});
	else
		lines.push({
			text: `✘ ${summary.status === 'FAILED' ? 'Failed' : summary.status} ${after}: ${sanitizeLine(summary.errorMessage ?? 'no message')}`,
			tone: 'error',
			gutter: 2,
			bold: true,
		});
	if (summary.failedCalls > 0) lines.push({text: `  ${summary.failedCalls} tool call${summary.failedCalls === 1 ? '' : 's'} ended in an error`, tone: 'warn'});
	const heading = summary.dryRun ? '  Files it would write:' : summary.status === 'COMPLETED' ? '  Files:' : '  Files written before it stopped:';
	if (summary.files.length > 0) lines.push({text: heading, tone: 'plain'});
	// Wrapped rows stay under their text: a long path or step does not run back to column 0.
	for (const file of summary.files) lines.push({text: `    ${fileLine(file)}`, tone: 'plain', gutter: 6});
	if (summary.status === 'COMPLETED') for (const step of summary.nextSteps) lines.push({text: `  Next: ${sanitizeLine(step)}`, tone: 'accent', gutter: 8});
	lines.push({text: ''});
	return lines;
}

export function entryLines(entry: ConversationEntry, width?: number): Line[] {
	switch (entry.kind) {
		case 'user':
			return [{text: ''}, ...textLines(entry.text, 'user', 'You:')];
		case 'model':
			return textLines(entry.streaming ? `${entry.text}▍` : entry.text, 'model', 'Model:', width);
		case 'answer':
			return textLines(entry.text, 'answer', 'Model:', width);
		case 'notice':
			return textLines(entry.text, 'dim');
		case 'error':
			return textLines(entry.text, 'error');
		case 'summary':
			return entry.summary ? summaryLines(entry.summary) : [];
	}
}

const MARKS: Record<ToolRow['status'], string> = {running: '…', awaiting_approval: '?', ok: '✓', error: '✗', declined: '⊘', skipped: '–'};

export function toolLines(row: ToolRow): Line[] {
	const duration = row.durationMs === undefined ? '' : `  ${seconds(row.durationMs)}`;
	const server = row.server ? ` (${sanitizeLine(row.server)})` : '';
	const head: Line = {
		text: `${MARKS[row.status]} ${sanitizeLine(row.name)}${server} ${row.summary}${duration}`,
		tone: row.status === 'ok' ? 'ok' : row.status === 'error' ? 'error' : row.status === 'declined' ? 'warn' : row.status === 'skipped' ? 'dim' : 'plain',
		...(row.status === 'running' ? {spinner: true} : {}),
	};
	const lines: Line[] = [head];
	if (row.status === 'awaiting_approval') lines.push({text: '    waiting for your approval', tone: 'warn'});
	for (const file of row.files) {
		if (file.action === 'unchanged') continue;
		lines.push({text: `    ${fileLine(file)}`, tone: 'dim'});
	}

	if (row.status === 'declined') lines.push({text: `    declined${row.note ? `: ${sanitizeLine(row.note)}` : ''}`, tone: 'warn'});
	else if (row.status === 'skipped') lines.push({text: '    not run: an earlier call of its turn was declined or failed', tone: 'dim'});
	else if (row.status === 'error' && row.error) lines.push({text: `    ${sanitizeLine(row.error.split('\n')[0] ?? '')}`, tone: 'error'});
	return lines;
}

/** The table's name with its marks: + added this session, ~ changed. */
export interface SchemaMarks {
	newTables: Set<string>;
	newFields: Set<string>;
}

/** What this session added: tables and `table.field`s not in the first reading. */
export function schemaMarks(baseline: ProjectSchema | undefined, now: ProjectSchema): SchemaMarks {
	const marks: SchemaMarks = {newTables: new Set(), newFields: new Set()};
	if (!baseline) return marks;
	const before = new Map(baseline.tables.map(table => [table.table, table]));
	for (const table of now.tables) {
		const old = before.get(table.table);
		if (!old) {
			marks.newTables.add(table.table);
			continue;
		}

		const fields = new Set(old.fields.map(field => field.name));
		for (const field of table.fields) if (!fields.has(field.name)) marks.newFields.add(`${table.table}.${field.name}`);
	}

	return marks;
}

function tableLines(table: SchemaTable, marks: SchemaMarks): Line[] {
	const isNew = marks.newTables.has(table.table);
	const lines: Line[] = [{text: `${isNew ? '+ ' : ''}${sanitizeLine(table.table)}  ${sanitizeLine(table.module)}`, tone: isNew ? 'add' : 'accent', bold: true}];
	const width = Math.max(0, ...table.fields.map(field => field.name.length));
	for (const field of table.fields) {
		const added = isNew || marks.newFields.has(`${table.table}.${field.name}`);
		const reference = table.references.find(link => link.field === field.name);
		const type = reference ? `→ ${reference.target}` : field.type;
		lines.push({
			text: `${added ? '+' : ' '} ${sanitizeLine(field.name).padEnd(width)}  ${sanitizeLine(type)}`,
			tone: added ? 'add' : reference ? 'model' : 'plain',
		});
	}

	return lines;
}

export function schemaLines(schema: ProjectSchema | undefined, marks: SchemaMarks): Line[] {
	if (!schema) return [{text: 'Reading the project…', tone: 'dim'}];
	if (schema.problem) return textLines(schema.problem, 'warn');
	if (schema.tables.length === 0) return [{text: 'No Ecto schemas yet.', tone: 'dim'}];
	return schema.tables.flatMap(table => tableLines(table, marks));
}

export function providerLabel(provider: ProviderName | undefined, model: string | undefined): string {
	if (provider === 'offline') return 'offline planner — not a language model';
	if (provider === undefined) return '';
	return `${provider} ${sanitizeLine(model ?? '')}`.trim();
}

/** A path as the user reads it: relative to the current folder when inside it. */
export function shownPath(folder: string): string {
	const relative = path.relative(process.cwd(), folder);
	return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? folder : relative;
}
