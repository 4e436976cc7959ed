/**
 * Elixir's lexical structure, as far as the generators, tools and checks need it: where code is,
 * and where strings, heredocs, sigils, charlists, comments, ?-char literals and atoms are, so that
 * an `end` inside a comment, a string or an atom (`:end`, `end:`) is never taken for the keyword.
 * The one tokenizer: block structure (structure.ts) and the config-file reader (terms.ts) read
 * its tokens.
 *
 * Follows Elixir 1.14+: sigils do not nest (the first unescaped closing delimiter ends them), a
 * backslash escapes the next character in every sigil, heredocs open with `"""` (or `'''`) at the
 * end of a line and close with the delimiter first on its line.
 */

export type TokenKind =
	/** foo, valid?, do, end: the keywords are identifiers; see `isKeyword`. */
	| 'identifier'
	/** Foo */
	| 'alias'
	/** `name:` or `"quoted":` in a keyword list */
	| 'key'
	/** :name, :"quoted", :+ */
	| 'atom'
	/** "string", 'charlist', heredocs and sigils */
	| 'literal'
	| 'number'
	/** ?a, ?\n */
	| 'char'
	/** ( ) [ ] { } , ; */
	| 'punct'
	| 'op'
	| 'newline'
	| 'comment';

export interface Token {
	kind: TokenKind;
	/** The source text of the token. */
	text: string;
	start: number;
	end: number;
	/** For identifiers: it follows a `.` (a remote call such as `x.end`), so it is never a keyword. */
	afterDot?: boolean;
}

/** What made a source impossible to tokenize (an unterminated string, heredoc or sigil...). */
export interface LexError {
	message: string;
	offset: number;
	line: number;
}

export interface Tokens {
	tokens: Token[];
	error?: LexError;
}

const IDENT_START = /[\p{Ll}\p{Lo}_]/u;
const ALIAS_START = /[\p{Lu}\p{Lt}]/u;
const IDENT_CHAR = /[\p{L}\p{N}\p{Mn}\p{Mc}_@]/u;
const OPERATOR_CHARS = '+-*/<>=!|&^\\%@~';
const SIGIL_CLOSERS: Record<string, string> = {'(': ')', '[': ']', '{': '}', '<': '>', '/': '/', '|': '|', '"': '"', "'": "'"};

class LexFailure extends Error {
	constructor(
		message: string,
		readonly offset: number,
	) {
		super(message);
	}
}

/** 1-based line of an offset. */
export function lineAt(source: string, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
	return line;
}

/** Tokenizes a whole source; on a lexical error, the tokens read so far and the error. */
export function tokenize(source: string): Tokens {
	const lexer = new Lexer(source);
	try {
		lexer.code(0, false);
		return {tokens: lexer.tokens};
	} catch (error) {
		if (!(error instanceof LexFailure)) throw error;
		return {tokens: lexer.tokens, error: {message: error.message, offset: error.offset, line: lineAt(source, error.offset)}};
	}
}

class Lexer {
	readonly tokens: Token[] = [];

	constructor(private readonly source: string) {}

	private push(kind: TokenKind, start: number, end: number, extra: Partial<Token> = {}): void {
		this.tokens.push({kind, text: this.source.slice(start, end), start, end, ...extra});
	}

	/**
	 * Reads code from `start`; inside an interpolation (`insideBraces`) stops after the `}` that
	 * closes it and returns the offset past it. Tokens of interpolations are not recorded.
	 */
	code(start: number, insideBraces: boolean): number {
		const s = this.source;
		let i = start;
		let braces = 0;
		const record = !insideBraces;
		const push = (kind: TokenKind, from: number, to: number, extra: Partial<Token> = {}) => {
			if (record) this.push(kind, from, to, extra);
		};

		let previousWasDot = false;
		while (i < s.length) {
			const c = s[i]!;
			const dot: boolean = previousWasDot;
			previousWasDot = false;
			if (c === '\n') {
				push('newline', i, i + 1);
				i++;
			} else if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
				i++;
				previousWasDot = dot; // `x. end` is still a remote call
			} else if (c === '\\' && s[i + 1] === '\n') {
				i += 2; // line continuation
			} else if (c === '#') {
				const from = i;
				while (i < s.length && s[i] !== '\n') i++;
				push('comment', from, i);
			} else if (c === '"' || c === "'") {
				const from = i;
				i = this.quoted(i, c, true);
				if (s[i] === ':' && s[i + 1] !== ':' && !dot) {
					push('key', from, i + 1);
					i++;
				} else push('literal', from, i);
			} else if (c === '~' && /[a-zA-Z]/.test(s[i + 1] ?? '')) {
				const from = i;
				i = this.sigil(i);
				push('literal', from, i);
			} else if (c === ':' && s[i + 1] === ':') {
				push('op', i, i + 2);
				i += 2;
			} else if (c === ':' && (s[i + 1] === '"' || s[i + 1] === "'")) {
				const from = i;
				i = this.quoted(i + 1, s[i + 1]!, false);
				push('atom', from, i);
			} else if (c === ':' && i + 1 < s.length && (IDENT_START.test(s[i + 1]!) || ALIAS_START.test(s[i + 1]!))) {
				const from = i;
				i = this.identifierEnd(i + 1);
				// :Foo.Bar is one atom
				while (s[i] === '.' && ALIAS_START.test(s[i + 1] ?? '')) i = this.identifierEnd(i + 1);
				push('atom', from, i);
			} else if (c === ':' && i + 1 < s.length && (OPERATOR_CHARS.includes(s[i + 1]!) || s[i + 1] === '.' || s[i + 1] === '{' || s[i + 1] === '<')) {
				// operator atoms (:+, :<<>>, :%{}, :..): the longest run of operator characters
				const from = i;
				i++;
				if (s.startsWith('%{}', i)) i += 3;
				else if (s.startsWith('{}', i)) i += 2;
				else while (i < s.length && (OPERATOR_CHARS.includes(s[i]!) || s[i] === '.')) i++;
				push('atom', from, i);
			} else if (IDENT_START.test(c) || ALIAS_START.test(c)) {
				const from = i;
				i = this.identifierEnd(i);
				if (s[i] === ':' && s[i + 1] !== ':' && !dot) {
					push('key', from, i + 1);
					i++;
				} else {
					push(ALIAS_START.test(c) ? 'alias' : 'identifier', from, i, dot ? {afterDot: true} : {});
				}
			} else if (c >= '0' && c <= '9') {
				const from = i;
				i = this.numberEnd(i);
				push('number', from, i);
			} else if (c === '?' && i + 1 < s.length) {
				const from = i;
				i = s[i + 1] === '\\' ? this.escapeEnd(i + 1) : i + 1 + codePointLength(s, i + 1);
				push('char', from, i);
			} else if (c === '{' && insideBraces) {
				braces++;
				i++;
			} else if (c === '}' && insideBraces) {
				if (braces === 0) return i + 1;
				braces--;
				i++;
			} else if ('()[]{},;'.includes(c)) {
				push('punct', i, i + 1);
				i++;
			} else if (c === '.') {
				const from = i;
				while (i < s.length && s[i] === '.' && i - from < 3) i++;
				push('op', from, i);
				previousWasDot = i - from === 1;
			} else if (OPERATOR_CHARS.includes(c)) {
				const from = i;
				while (i < s.length && OPERATOR_CHARS.includes(s[i]!) && !(s[i] === '~' && /[a-zA-Z]/.test(s[i + 1] ?? ''))) i++;
				push('op', from, i);
			} else {
				// Anything else (stray unicode, a lone ?): one op token, left for Elixir to judge.
				const from = i;
				i += codePointLength(s, i);
				push('op', from, i);
			}
		}

		if (insideBraces) throw new LexFailure('an interpolation #{ is not closed by }', start - 2);
		return i;
	}

	private identifierEnd(start: number): number {
		const s = this.source;
		let i = start + codePointLength(s, start);
		while (i < s.length && IDENT_CHAR.test(codePointAt(s, i))) i += codePointLength(s, i);
		if (s[i] === '?' || s[i] === '!') i++;
		return i;
	}

	private numberEnd(start: number): number {
		const s = this.source;
		let i = start;
		if (s[i] === '0' && /[xob]/.test(s[i + 1] ?? '')) {
			i += 2;
			while (i < s.length && /[0-9a-fA-F_]/.test(s[i]!)) i++;
			return i;
		}

		const digits = () => {
			while (i < s.length && /[0-9_]/.test(s[i]!)) i++;
		};

		digits();
		if (s[i] === '.' && /[0-9]/.test(s[i + 1] ?? '')) {
			i++;
			digits();
			if (/[eE]/.test(s[i] ?? '') && /[-+0-9]/.test(s[i + 1] ?? '')) {
				i += 2;
				digits();
			}
		}

		return i;
	}

	/** Past `\x` escapes (at the backslash): one character, or \x.. / \u.... forms. */
	private escapeEnd(backslash: number): number {
		const s = this.source;
		const next = s[backslash + 1];
		if (next === undefined) throw new LexFailure('a backslash ends the file', backslash);
		return backslash + 1 + codePointLength(s, backslash + 1);
	}

	/**
	 * A string or charlist (heredoc when the quote is tripled) from its opening quote; returns the
	 * offset past the closing quote. `allowHeredoc` is false for quoted atoms.
	 */
	private quoted(start: number, quote: string, allowHeredoc: boolean): number {
		const s = this.source;
		if (allowHeredoc && s.startsWith(quote.repeat(3), start)) return this.heredoc(start, quote, true);
		return this.delimited(start + 1, quote, true, start, quote === '"' ? 'a string' : 'a charlist');
	}

	/** Body of a one-line-delimited literal up to `close`; returns the offset past it. */
	private delimited(from: number, close: string, interpolates: boolean, openedAt: number, what: string): number {
		const s = this.source;
		let i = from;
		while (i < s.length) {
			const c = s[i]!;
			if (c === '\\') i = this.escapeEnd(i);
			else if (c === close) return i + 1;
			else if (interpolates && c === '#' && s[i + 1] === '{') i = this.code(i + 2, true);
			else i++;
		}

		throw new LexFailure(`${what} opened on line ${lineAt(s, openedAt)} is not closed`, openedAt);
	}

	/** A heredoc from its opening triple quote; the closing one must start its line. */
	private heredoc(start: number, quote: string, interpolates: boolean): number {
		const s = this.source;
		const close = quote.repeat(3);
		let i = start + 3;
		while (s[i] === ' ' || s[i] === '\t') i++;
		if (s[i] === '\r') i++;
		if (s[i] !== '\n') throw new LexFailure(`a heredoc (${close}) on line ${lineAt(s, start)} must end its line`, start);
		i++;
		let lineStart = true;
		while (i < s.length) {
			const c = s[i]!;
			if (lineStart) {
				let j = i;
				while (s[j] === ' ' || s[j] === '\t') j++;
				if (s.startsWith(close, j)) return j + 3;
				lineStart = false;
			}

			if (c === '\\') i = this.escapeEnd(i);
			else if (interpolates && c === '#' && s[i + 1] === '{') i = this.code(i + 2, true);
			else {
				if (c === '\n') lineStart = true;
				i++;
			}
		}

		throw new LexFailure(`a heredoc (${close}) opened on line ${lineAt(s, start)} is not closed`, start);
	}

	/** ~s(...), ~r/.../i, ~S"""...""": lowercase sigils interpolate, uppercase ones do not. */
	private sigil(start: number): number {
		const s = this.source;
		let i = start + 1;
		const lower = /[a-z]/.test(s[i]!);
		i++;
		if (!lower) while (i < s.length && /[A-Z0-9]/.test(s[i]!)) i++;
		const open = s[i];
		if (open === undefined || !(open in SIGIL_CLOSERS)) {
			throw new LexFailure(`the sigil on line ${lineAt(s, start)} has no valid delimiter (one of / | " ' ( [ { <)`, start);
		}

		if ((open === '"' || open === "'") && s.startsWith(open.repeat(3), i)) i = this.heredoc(i, open, lower);
		else i = this.delimited(i + 1, SIGIL_CLOSERS[open]!, lower, start, 'a sigil');
		while (i < s.length && /[a-zA-Z0-9]/.test(s[i]!)) i++;
		return i;
	}
}

function codePointAt(s: string, i: number): string {
	return String.fromCodePoint(s.codePointAt(i)!);
}

function codePointLength(s: string, i: number): number {
	const code = s.codePointAt(i);
	return code !== undefined && code > 0xffff ? 2 : 1;
}

/** The tokens that matter to the structure: no comments, no newlines. */
export function codeTokens(tokens: Token[]): Token[] {
	return tokens.filter(token => token.kind !== 'comment' && token.kind !== 'newline');
}

/** True when the token is the keyword `word` (do, end, fn...): not an atom, a key or a remote call. */
export function isKeyword(token: Token | undefined, word: string): boolean {
	return token !== undefined && token.kind === 'identifier' && token.text === word && token.afterDot !== true;
}
