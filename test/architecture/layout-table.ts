/**
 * The table of parts and their allowed imports, read from ARCHITECTURE.md (the one statement of
 * it, so the document and the check cannot drift), and the check of an import graph against it.
 */
import {type ImportEdge, partOf} from './source-graph.js';

export type LayoutTable = Map<string, Set<string>>;

/** Rows of the form "| `part` | what it holds | `a`, `b` |" (or "nothing") under the heading "## Parts". */
export function readLayoutTable(markdown: string): LayoutTable {
	const section = markdown.split(/^## /m).find(chunk => chunk.startsWith('Parts'));
	if (section === undefined) throw new Error('ARCHITECTURE.md has no "## Parts" section');
	const table: LayoutTable = new Map();
	for (const line of section.split('\n')) {
		const cells = line.split('|').map(cell => cell.trim());
		const part = /^`([\w/-]+)`$/.exec(cells[1] ?? '')?.[1];
		if (part === undefined) continue;
		const allowed = cells[3] === 'nothing' ? [] : [...(cells[3] ?? '').matchAll(/`([\w/-]+)`/g)].map(match => match[1]!);
		table.set(part, new Set(allowed));
	}

	return table;
}

/** The table's own faults: an allowed part it does not list, a part allowed both ways round. */
export function tableProblems(table: LayoutTable): string[] {
	const problems: string[] = [];
	for (const [part, allowed] of table) {
		for (const target of allowed) {
			if (!table.has(target)) problems.push(`${part} may import ${target}, which is not a part`);
			else if (table.get(target)!.has(part)) problems.push(`${part} and ${target} may import each other`);
		}
	}

	return problems;
}

/** One line per file outside every part, and per import the table does not allow. Every part may import `root`. */
export function layoutViolations(files: string[], edges: ImportEdge[], table: LayoutTable): string[] {
	const parts = [...table.keys()];
	const violations: string[] = [];
	for (const file of files) if (partOf(file, parts) === undefined) violations.push(`${file} is in no part of the table`);
	for (const {from, to} of edges) {
		const fromPart = partOf(from, parts);
		const toPart = partOf(to, parts);
		if (fromPart === undefined || toPart === undefined || fromPart === toPart || toPart === 'root') continue;
		if (!table.get(fromPart)!.has(toPart)) violations.push(`${from} -> ${to}: ${fromPart} may not import ${toPart}`);
	}

	return violations;
}
