/**
 * Elixir coloured for the terminal from our own lexer's tokens (the one Elixir reader), so the
 * approval view needs no highlighting library. Each line is closed on its own, as the view splits
 * the text into lines; past a lexical error the rest is left plain.
 */
import {type Token, type TokenKind, tokenize} from '../../elixir/lexer.js';

const RESET = '\u001B[0m';

/** Words Elixir code reads as keywords or special forms; lexed as identifiers. */
const KEYWORDS = new Set([
	'def',
	'defp',
	'defmodule',
	'defmacro',
	'defmacrop',
	'defstruct',
	'defprotocol',
	'defimpl',
	'defdelegate',
	'defguard',
	'defexception',
	'defoverridable',
	'do',
	'end',
	'fn',
	'else',
	'after',
	'catch',
	'rescue',
	'if',
	'unless',
	'case',
	'cond',
	'with',
	'for',
	'try',
	'receive',
	'raise',
	'when',
	'and',
	'or',
	'not',
	'in',
	'alias',
	'import',
	'require',
	'use',
	'quote',
	'unquote',
	'true',
	'false',
	'nil',
	'__MODULE__',
]);

const KIND_COLORS: Partial<Record<TokenKind, string>> = {
	alias: '\u001B[33m',
	key: '\u001B[36m',
	atom: '\u001B[36m',
	literal: '\u001B[32m',
	number: '\u001B[34m',
	char: '\u001B[34m',
	comment: '\u001B[90m',
};

const KEYWORD_COLOR = '\u001B[35m';

function colorOf(token: Token): string | undefined {
	if (token.kind === 'identifier') return token.afterDot !== true && KEYWORDS.has(token.text) ? KEYWORD_COLOR : undefined;
	return KIND_COLORS[token.kind];
}

/** Wraps each line of `text` in the colour, so no colour runs past a line's end. */
function paint(text: string, color: string | undefined): string {
	if (color === undefined) return text;
	return text
		.split('\n')
		.map(part => (part === '' ? part : `${color}${part}${RESET}`))
		.join('\n');
}

/** Elixir source with ANSI colours; the text, without its escapes, is the source unchanged. */
export function highlightElixir(source: string): string {
	const {tokens} = tokenize(source);
	let out = '';
	let at = 0;
	for (const token of tokens) {
		out += source.slice(at, token.start) + paint(source.slice(token.start, token.end), colorOf(token));
		at = token.end;
	}

	return out + source.slice(at);
}
