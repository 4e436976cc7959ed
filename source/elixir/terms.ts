/**
 * A small reader for the literal parts of Elixir config files (config/*.exs) and mix.exs: enough
 * to read `config :app, key: value` calls without running Elixir. Anything that is not a literal
 * (function calls, maps, sigils, interpolated strings) becomes an `opaque` term with its source.
 * It reads the tokens of the one Elixir lexer, so an `end` after a dot (`x.end`) ends no block.
 */
import {isKeyword, lineAt, type Token, tokenize} from './lexer.js';

export type Term =
	| {kind: 'atom'; value: string}
	| {kind: 'alias'; value: string}
	| {kind: 'string'; value: string}
	| {kind: 'number'; value: number}
	| {kind: 'list'; items: Term[]}
	| {kind: 'keyword'; entries: Array<[string, Term]>}
	| {kind: 'tuple'; items: Term[]}
	| {kind: 'opaque'; source: string};

/** The tokens this reader parses: comments dropped, newlines kept (they end calls). */
function readable(source: string): Token[] {
	return tokenize(source).tokens.filter(token => token.kind !== 'comment');
}

/** The name a key (`name:`, `"quoted":`) or an atom (`:name`, `:"quoted"`) stands for. */
function nameOf(token: Token): string {
	const name = token.kind === 'key' ? token.text.slice(0, -1) : token.text.slice(1);
	return /^["']/.test(name) ? decodeQuoted(name).value : name;
}

/** An operator for line continuation; `;` counts as one, as it always has here. */
function isOperator(token: Token | undefined): boolean {
	return token?.kind === 'op' || (token?.kind === 'punct' && token.text === ';');
}

function isOpener(token: Token): boolean {
	return isKeyword(token, 'do') || isKeyword(token, 'fn');
}

/** The contents of a quoted literal ("...", '...', or a heredoc) with the simple escapes decoded. */
function decodeQuoted(text: string): {value: string; interpolated: boolean} {
	const quote = text[0]!;
	const heredoc = text.startsWith(quote.repeat(3));
	const body = heredoc ? text.slice(text.indexOf('\n') + 1, text.lastIndexOf(quote.repeat(3))) : text.slice(1, -1);
	let value = '';
	let interpolated = false;
	for (let i = 0; i < body.length; i++) {
		const c = body[i]!;
		if (c === '\\') {
			const next = body[++i] ?? '';
			value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
		} else {
			if (c === '#' && body[i + 1] === '{') interpolated = true;
			value += c;
		}
	}

	return {value, interpolated};
}

/** A top-level call such as `config :app, key: value` or `import_config "dev.exs"`. */
export interface Call {
	name: string;
	args: Term[];
	/** 1-based line of the call. */
	line: number;
}

/**
 * The calls to `names` that stand at the top level of the file (outside do/end blocks, which in
 * config files are conditionals whose outcome we cannot know).
 */
export function topLevelCalls(source: string, names: readonly string[]): Call[] {
	const tokens = readable(source);
	const calls: Call[] = [];
	let blockDepth = 0;
	let bracketDepth = 0;
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		// A `do:` key (`if x, do: y`) is a key token, so it opens no block.
		if (isOpener(token)) blockDepth++;
		else if (isKeyword(token, 'end')) blockDepth = Math.max(0, blockDepth - 1);
		else if (token.kind === 'punct' && '([{'.includes(token.text)) bracketDepth++;
		else if (token.kind === 'punct' && ')]}'.includes(token.text)) bracketDepth = Math.max(0, bracketDepth - 1);
		else if (token.kind === 'identifier' && blockDepth === 0 && bracketDepth === 0 && names.includes(token.text) && (i === 0 || tokens[i - 1]!.kind === 'newline')) {
			const parser = new Parser(source, tokens, i + 1);
			const args = parser.callArgs();
			calls.push({name: token.text, args, line: lineAt(source, token.start)});
			i = parser.position - 1;
		}
	}

	return calls;
}

class Parser {
	constructor(
		private readonly source: string,
		private readonly tokens: Token[],
		public position: number,
	) {}

	/** Arguments of a call, with or without parentheses; trailing `k: v` pairs become one keyword term. */
	callArgs(): Term[] {
		const parenthesized = this.peek()?.kind === 'punct' && this.peek()?.text === '(' && this.peek()!.start === this.tokens[this.position - 1]!.end;
		if (parenthesized) this.position++;
		const args: Term[] = [];
		const keyword: Array<[string, Term]> = [];
		const stop = parenthesized ? [')'] : [];
		for (;;) {
			if (parenthesized) this.skipNewlines();
			const token = this.peek();
			if (!token || token.kind === 'newline') break;
			if (token.kind === 'punct' && token.text === ')' && parenthesized) {
				this.position++;
				break;
			}

			if (token.kind === 'key') {
				this.position++;
				this.skipNewlines();
				keyword.push([nameOf(token), this.expression(stop, !parenthesized)]);
			} else {
				args.push(this.expression(stop, !parenthesized));
			}

			const next = this.peek();
			if (next?.kind === 'punct' && next.text === ',') {
				this.position++;
				this.skipNewlines();
				continue;
			}

			if (parenthesized && next?.kind === 'punct' && next.text === ')') {
				this.position++;
			}

			break;
		}

		if (keyword.length > 0) args.push({kind: 'keyword', entries: keyword});
		return args;
	}

	/** One expression up to `,`, a closer, or (when `newlineEnds`) the end of the line. */
	private expression(closers: string[], newlineEnds: boolean): Term {
		const start = this.position;
		const term = this.primary();
		if (term && this.atEnd(closers, newlineEnds)) return term;
		this.position = start;
		return this.skipOpaque(closers, newlineEnds);
	}

	private atEnd(closers: string[], newlineEnds: boolean): boolean {
		const token = this.peek();
		if (!token) return true;
		if (token.kind === 'newline') {
			if (newlineEnds) return true;
			this.skipNewlines();
			return this.atEnd(closers, newlineEnds);
		}

		return token.kind === 'punct' && (token.text === ',' || closers.includes(token.text) || ')]}'.includes(token.text));
	}

	private skipOpaque(closers: string[], newlineEnds: boolean): Term {
		const first = this.peek();
		let depth = 0;
		let last: Token | undefined;
		for (;;) {
			const token = this.peek();
			if (!token) break;
			if (depth === 0) {
				if (token.kind === 'newline' && newlineEnds && !isOperator(last)) break;
				if (token.kind === 'punct' && (token.text === ',' || ')]}'.includes(token.text) || closers.includes(token.text))) break;
			}

			if (token.kind === 'punct' && '([{'.includes(token.text)) depth++;
			if (token.kind === 'punct' && ')]}'.includes(token.text)) depth--;
			if (isOpener(token)) depth++;
			if (isKeyword(token, 'end')) depth--;
			if (token.kind !== 'newline') last = token;
			this.position++;
		}

		const source = first && last ? this.source.slice(first.start, last.end) : '';
		return {kind: 'opaque', source};
	}

	private primary(): Term | undefined {
		const token = this.peek();
		if (!token) return undefined;
		switch (token.kind) {
			case 'atom':
				this.position++;
				return {kind: 'atom', value: nameOf(token)};
			case 'literal': {
				// Sigils and interpolated strings are not literal values: opaque.
				if (token.text.startsWith('~')) return undefined;
				const {value, interpolated} = decodeQuoted(token.text);
				if (interpolated) return undefined;
				this.position++;
				return {kind: 'string', value};
			}

			case 'number':
			case 'char': {
				this.position++;
				const value = Number(token.text.replaceAll('_', ''));
				return Number.isNaN(value) ? {kind: 'opaque', source: token.text} : {kind: 'number', value};
			}

			case 'identifier':
				if (['true', 'false', 'nil'].includes(token.text)) {
					this.position++;
					return {kind: 'atom', value: token.text};
				}

				return undefined;
			case 'alias':
				return this.alias();
			case 'punct':
				if (token.text === '[') return this.list();
				if (token.text === '{') return this.tuple();
				return undefined;
			default:
				return undefined;
		}
	}

	private alias(): Term | undefined {
		const parts = [this.peek()!.text];
		this.position++;
		for (;;) {
			const dot = this.peek();
			const next = this.tokens[this.position + 1];
			if (dot?.kind === 'op' && dot.text === '.' && next?.kind === 'alias' && next.start === dot.end) {
				parts.push(next.text);
				this.position += 2;
			} else {
				break;
			}
		}

		const after = this.peek();
		// `Path.expand(...)`, `Foo.bar`: a call, not a literal alias.
		if (after?.kind === 'op' && after.text === '.') return undefined;
		return {kind: 'alias', value: parts.join('.')};
	}

	private list(): Term {
		this.position++;
		const items: Term[] = [];
		const entries: Array<[string, Term]> = [];
		for (;;) {
			this.skipNewlines();
			const token = this.peek();
			if (!token) break;
			if (token.kind === 'punct' && token.text === ']') {
				this.position++;
				break;
			}

			if (token.kind === 'key') {
				this.position++;
				this.skipNewlines();
				entries.push([nameOf(token), this.expression([']'], false)]);
			} else {
				items.push(this.expression([']'], false));
			}

			this.skipNewlines();
			const next = this.peek();
			if (next?.kind === 'punct' && next.text === ',') this.position++;
		}

		if (entries.length > 0 && items.length === 0) return {kind: 'keyword', entries};
		return {kind: 'list', items: [...items, ...entries.map(([key, value]): Term => ({kind: 'tuple', items: [{kind: 'atom', value: key}, value]}))]};
	}

	private tuple(): Term {
		this.position++;
		const items: Term[] = [];
		for (;;) {
			this.skipNewlines();
			const token = this.peek();
			if (!token) break;
			if (token.kind === 'punct' && token.text === '}') {
				this.position++;
				break;
			}

			if (token.kind === 'key') {
				// {a, b: 1} ends in a keyword list
				const entries: Array<[string, Term]> = [];
				while (this.peek()?.kind === 'key') {
					const key = this.peek()!;
					this.position++;
					entries.push([nameOf(key), this.expression(['}'], false)]);
					if (this.peek()?.kind === 'punct' && this.peek()!.text === ',') this.position++;
					this.skipNewlines();
				}

				items.push({kind: 'keyword', entries});
				continue;
			}

			items.push(this.expression(['}'], false));
			this.skipNewlines();
			const next = this.peek();
			if (next?.kind === 'punct' && next.text === ',') this.position++;
		}

		return {kind: 'tuple', items};
	}

	private skipNewlines(): void {
		while (this.peek()?.kind === 'newline') this.position++;
	}

	private peek(): Token | undefined {
		return this.tokens[this.position];
	}
}

/** The value under `key` in a keyword term, if any. */
export function keywordGet(term: Term | undefined, key: string): Term | undefined {
	if (term?.kind !== 'keyword') return undefined;
	let found: Term | undefined;
	for (const [name, value] of term.entries) if (name === key) found = value;
	return found;
}

/** Deep merge as Elixir's Config does: keyword values merge recursively, anything else is replaced. */
export function mergeKeyword(base: Term | undefined, override: Term): Term {
	if (base?.kind !== 'keyword' || override.kind !== 'keyword') return override;
	const entries = [...base.entries];
	for (const [key, value] of override.entries) {
		const index = entries.findIndex(([name]) => name === key);
		if (index === -1) entries.push([key, value]);
		else entries[index] = [key, mergeKeyword(entries[index]![1], value)];
	}

	return {kind: 'keyword', entries};
}
