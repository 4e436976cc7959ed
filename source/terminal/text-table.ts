/**
 * Markdown tables in text (the offline planner's plan, a model's answer) laid out for a terminal:
 * one row per line, columns fitted to the width, cells cut with … and never wrapped. The text
 * itself keeps the GitHub table, so an export shows it as a table.
 */
import {padColumns, stringWidth, truncateColumns} from './columns.js';

const GAP = 2;
/** A column is never cut below this (or its own width, if less). */
const MIN_COLUMN = 6;

const ROW = /^\s*\|.*\|\s*$/;
const RULE = /^\s*\|(?:\s*:?-+:?\s*\|)+\s*$/;

/** The cells of one `| a | b |` row: `\|` is a literal bar. */
function cellsOf(line: string): string[] {
	const inner = line.trim().slice(1, -1);
	return inner.split(/(?<!\\)\|/).map(cell => cell.trim().replace(/\\\|/g, '|'));
}

/** A cell for a GitHub table: bars escaped, no line breaks. */
export function markdownCell(text: string): string {
	return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

export function markdownTable(rows: string[][]): string[] {
	const line = (row: string[]) => `| ${row.map(markdownCell).join(' | ')} |`;
	return [line(rows[0]!), `|${rows[0]!.map(() => '---').join('|')}|`, ...rows.slice(1).map(line)];
}

/** Column widths that fit `width`: the widest columns give way first. */
function fitWidths(natural: number[], width: number): number[] {
	const widths = [...natural];
	const room = width - GAP * (widths.length - 1);
	let total = widths.reduce((sum, each) => sum + each, 0);
	while (total > room) {
		const widest = widths.indexOf(Math.max(...widths));
		const floor = Math.min(natural[widest]!, MIN_COLUMN);
		if (widths[widest]! <= floor) break;
		widths[widest]!--;
		total--;
	}

	return widths;
}

/** The rows laid out in `width` columns (the header first, then a rule). */
export function fitTable(rows: string[][], width: number): string[] {
	const count = Math.max(...rows.map(row => row.length));
	const full = rows.map(row => Array.from({length: count}, (_, column) => row[column] ?? ''));
	const widths = fitWidths(
		Array.from({length: count}, (_, column) => Math.max(...full.map(row => stringWidth(row[column]!)))),
		width,
	);
	const line = (row: string[]) =>
		truncateColumns(
			row
				.map((cell, column) => padColumns(truncateColumns(cell, widths[column]!), column === count - 1 ? 0 : widths[column]!))
				.join(' '.repeat(GAP))
				.trimEnd(),
			width,
		);
	return [line(full[0]!), truncateColumns(widths.map(each => '─'.repeat(each)).join(' '.repeat(GAP)), width), ...full.slice(1).map(line)];
}

export type TextBlock = {kind: 'text'; lines: string[]} | {kind: 'table'; rows: string[][]};

/** The text cut into plain lines and Markdown tables (a header row, its rule, then rows). */
export function textBlocks(text: string): TextBlock[] {
	const lines = text.split('\n');
	const blocks: TextBlock[] = [];
	const plain = (line: string) => {
		const last = blocks.at(-1);
		if (last?.kind === 'text') last.lines.push(line);
		else blocks.push({kind: 'text', lines: [line]});
	};

	for (let index = 0; index < lines.length; index++) {
		const line = lines[index]!;
		if (ROW.test(line) && RULE.test(lines[index + 1] ?? '')) {
			const rows = [cellsOf(line)];
			index += 2;
			while (index < lines.length && ROW.test(lines[index]!)) rows.push(cellsOf(lines[index++]!));
			index--;
			blocks.push({kind: 'table', rows});
		} else plain(line);
	}

	return blocks;
}

/** The text with each Markdown table laid out in `width` columns; other lines as they were. */
export function layOutTables(text: string, width: number): string[] {
	return textBlocks(text).flatMap(block => (block.kind === 'text' ? block.lines : fitTable(block.rows, width)));
}

/**
 * Streamed text with its tables laid out: lines that may be table rows are held until the table
 * ends; everything else passes at once, as it arrives.
 */
export class TableStream {
	private held: string[] = [];
	private partial = '';
	private direct = false;

	constructor(private readonly width: number) {}

	/** What to print now for this piece of text. */
	push(text: string): string {
		let out = '';
		for (const piece of text.split(/(\n)/)) {
			if (piece === '') continue;
			if (piece === '\n') {
				if (this.direct) out += '\n';
				else this.held.push(this.partial);
				this.direct = false;
				this.partial = '';
			} else if (this.direct) out += piece;
			else {
				this.partial += piece;
				if (this.partial.trim() !== '' && !this.partial.trimStart().startsWith('|')) {
					out +=
						this.release()
							.map(line => `${line}\n`)
							.join('') + this.partial;
					this.partial = '';
					this.direct = true;
				}
			}
		}

		return out;
	}

	/** What is still held, at the end of the text (no newline after its last line). */
	end(): string {
		if (!this.direct && this.partial !== '') this.held.push(this.partial);
		this.partial = '';
		this.direct = false;
		return this.release().join('\n');
	}

	private release(): string[] {
		const lines = this.held;
		this.held = [];
		return lines.length === 0 ? [] : layOutTables(lines.join('\n'), this.width);
	}
}
