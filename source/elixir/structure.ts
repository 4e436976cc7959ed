/**
 * The block structure of Elixir source over the lexer's tokens: do/end, fn/end and brackets
 * matched, and the modules they define. Injection before a module's closing `end`, the
 * structural check of a file before it is written, and the module guard all read it.
 */
import {codeTokens, isKeyword, lineAt, type Token, tokenize} from './lexer.js';

/** A block or bracket still open, or closed by the wrong partner. */
export interface StructureError {
	message: string;
	offset: number;
	line: number;
}

/** One `defmodule Name do ... end` found by `modules`. */
export interface ModuleBlock {
	name: string;
	/** Nesting: 0 for a top-level module. */
	depth: number;
	/** Offset of `defmodule`. */
	start: number;
	/** Offset of the `end` that closes it. */
	endOffset: number;
	/** The code tokens between its `do` and its `end`, at its own level (depth 1 inside it). */
	body: Token[];
}

export interface Structure {
	modules: ModuleBlock[];
	error?: StructureError;
}

const OPENERS: Record<string, string> = {'(': ')', '[': ']', '{': '}'};

/**
 * Matches do/end, fn/end and brackets over the tokens, and collects the modules. Any lexical
 * error, stray closer or unclosed opener is the structure error.
 */
export function structure(source: string): Structure {
	const {tokens, error} = tokenize(source);
	if (error) return {modules: [], error};
	const code = codeTokens(tokens);
	const modules: ModuleBlock[] = [];
	interface Open {
		kind: string;
		token: Token;
		module?: {name: string; start: number; bodyFrom: number};
	}

	const stack: Open[] = [];
	const fail = (message: string, token: Token): Structure => ({modules, error: {message, offset: token.start, line: lineAt(source, token.start)}});
	for (const [index, token] of code.entries()) {
		if (token.kind === 'punct' && token.text in OPENERS) stack.push({kind: token.text, token});
		else if (token.kind === 'punct' && ')]}'.includes(token.text)) {
			const top = stack.pop();
			if (!top || OPENERS[top.kind] !== token.text) {
				return fail(
					top
						? `"${token.text}" on line ${lineAt(source, token.start)} closes "${top.kind === 'do' || top.kind === 'fn' ? top.kind : top.kind}" opened on line ${lineAt(source, top.token.start)}`
						: `"${token.text}" on line ${lineAt(source, token.start)} closes nothing`,
					token,
				);
			}
		} else if (isKeyword(token, 'do') || isKeyword(token, 'fn')) {
			const open: Open = {kind: token.text, token};
			if (token.text === 'do') {
				const module = moduleHead(code, index);
				if (module) open.module = {name: module.name, start: module.start, bodyFrom: index + 1};
			}

			stack.push(open);
		} else if (isKeyword(token, 'end')) {
			const top = stack.pop();
			if (!top || (top.kind !== 'do' && top.kind !== 'fn')) {
				return fail(
					top
						? `"end" on line ${lineAt(source, token.start)} comes before "${OPENERS[top.kind]}" closes "${top.kind}" from line ${lineAt(source, top.token.start)}`
						: `"end" on line ${lineAt(source, token.start)} closes nothing`,
					token,
				);
			}

			if (top.module) {
				const depth = stack.filter(open => open.module).length;
				const body = code.slice(top.module.bodyFrom, index);
				modules.push({name: top.module.name, depth, start: top.module.start, endOffset: token.start, body: atTopLevel(body)});
			}
		}
	}

	const unclosed = stack.pop();
	if (unclosed) {
		const closer = OPENERS[unclosed.kind] ?? 'end';
		return fail(`"${unclosed.kind}" on line ${lineAt(source, unclosed.token.start)} is never closed by "${closer}"`, unclosed.token);
	}

	modules.sort((a, b) => a.start - b.start);
	return {modules};
}

/** `defmodule Name do` ending at code[doIndex]: the module's name and where `defmodule` stands. */
function moduleHead(code: Token[], doIndex: number): {name: string; start: number} | undefined {
	let i = doIndex - 1;
	const parts: string[] = [];
	while (i >= 0 && code[i]!.kind === 'alias') {
		parts.unshift(code[i]!.text);
		if (code[i - 1]?.kind === 'op' && code[i - 1]!.text === '.') i -= 2;
		else {
			i--;
			break;
		}
	}

	const head = code[i];
	if (parts.length === 0 || !isKeyword(head, 'defmodule')) return undefined;
	return {name: parts.join('.'), start: head!.start};
}

/** The tokens of a block body that are not inside a nested block or bracket. */
function atTopLevel(body: Token[]): Token[] {
	const out: Token[] = [];
	let depth = 0;
	for (const token of body) {
		const opens = (token.kind === 'punct' && token.text in OPENERS) || isKeyword(token, 'do') || isKeyword(token, 'fn');
		const closes = (token.kind === 'punct' && ')]}'.includes(token.text)) || isKeyword(token, 'end');
		if (closes) depth--;
		if (depth === 0 && !closes) out.push(token);
		if (opens) depth++;
	}

	return out;
}

/** The modules a top-level `use X` in the module body names (`use Ecto.Schema` → "Ecto.Schema"). */
export function usedModules(module: ModuleBlock): string[] {
	const used: string[] = [];
	const body = module.body;
	for (let i = 0; i < body.length; i++) {
		if (!isKeyword(body[i], 'use')) continue;
		const parts: string[] = [];
		let j = i + 1;
		if (body[j]?.kind === 'punct' && body[j]!.text === '(') j++;
		while (body[j]?.kind === 'alias') {
			parts.push(body[j]!.text);
			if (body[j + 1]?.kind === 'op' && body[j + 1]!.text === '.' && body[j + 2]?.kind === 'alias') j += 2;
			else break;
		}

		if (parts.length > 0) used.push(parts.join('.'));
	}

	return used;
}
