/**
 * The import graph of source/: every file's relative imports (static, dynamic and type-only), read
 * with TypeScript's own pre-processor, and each file's part (the longest prefix the table names).
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
	from: string;
	to: string;
}

export function sourceFiles(root: string): string[] {
	return readdirSync(root, {recursive: true, encoding: 'utf8'})
		.filter(file => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
		.map(file => file.split(path.sep).join('/'))
		.sort();
}

/** Edges between files of `root`, as paths relative to it; imports of packages and of files outside `root` are left out. */
export function importEdges(root: string, files: string[]): ImportEdge[] {
	const known = new Set(files);
	const edges: ImportEdge[] = [];
	for (const file of files) {
		const info = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
		for (const {fileName} of info.importedFiles) {
			if (!fileName.startsWith('.')) continue;
			const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), fileName)).replace(/\.js$/, '');
			// The committed migrations (../migrations) are data the db layer loads, not a part of source/.
			if (base.startsWith('../')) continue;
			const target = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find(candidate => known.has(candidate));
			if (target === undefined) throw new Error(`${file} imports ${fileName}, which is not a file of source/`);
			edges.push({from: file, to: target});
		}
	}

	return edges;
}

/** The part a file belongs to: the longest part name that is its folder or a parent of it; `root` for source/*.ts. */
export function partOf(file: string, parts: readonly string[]): string | undefined {
	const folder = path.posix.dirname(file);
	if (folder === '.') return file === 'cli.tsx' ? 'cli' : 'root';
	return [...parts].sort((a, b) => b.length - a.length).find(part => folder === part || folder.startsWith(`${part}/`));
}

/** Every cycle of file imports, each once, as the files along it. */
export function importCycles(edges: ImportEdge[]): string[][] {
	const next = new Map<string, string[]>();
	for (const {from, to} of edges) next.set(from, [...(next.get(from) ?? []), to]);
	// Tarjan's strongly connected components: any component of more than one file holds a cycle.
	let index = 0;
	const indexes = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const components: string[][] = [];
	const visit = (file: string) => {
		indexes.set(file, index);
		low.set(file, index);
		index++;
		stack.push(file);
		onStack.add(file);
		for (const target of next.get(file) ?? []) {
			if (!indexes.has(target)) {
				visit(target);
				low.set(file, Math.min(low.get(file)!, low.get(target)!));
			} else if (onStack.has(target)) {
				low.set(file, Math.min(low.get(file)!, indexes.get(target)!));
			}
		}

		if (low.get(file) === indexes.get(file)) {
			const component: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				component.push(member);
			} while (member !== file);
			if (component.length > 1) components.push(component.sort());
		}
	};

	for (const file of next.keys()) if (!indexes.has(file)) visit(file);
	return components;
}
