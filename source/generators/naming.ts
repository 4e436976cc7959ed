/**
 * Elixir's naming rules (Macro.underscore, Macro.camelize, Phoenix.Naming.humanize, inspect of an
 * atom), reproduced so that generated names match what Phoenix writes.
 */

const isUpper = (c: string | undefined): boolean => c !== undefined && c >= 'A' && c <= 'Z';
const isLowerAscii = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
// Elixir's to_lower_char/to_upper_char only touch ASCII letters.
const lower = (c: string): string => (isUpper(c) ? c.toLowerCase() : c);
const upper = (c: string): string => (isLowerAscii(c) ? c.toUpperCase() : c);

/** Macro.underscore: "Blog.Post" -> "blog/post", "HTTPClient" -> "http_client". */
export function underscore(value: string): string {
	if (value === '') return '';
	return lower(value[0]!) + underscoreRest(value.slice(1), value[0]!);
}

function underscoreRest(rest: string, previous: string): string {
	let out = '';
	let prev = previous;
	let i = 0;
	while (i < rest.length) {
		const h = rest[i]!;
		const t = rest[i + 1];
		if (isUpper(h) && t !== undefined && !isUpper(t) && !isDigit(t) && t !== '.' && t !== '_') {
			// An uppercase char starting a lowercase run: "Client" in "HTTPClient".
			out += '_' + lower(h) + t;
			prev = t;
			i += 2;
		} else if (isUpper(h) && !isUpper(prev) && prev !== '_') {
			out += '_' + lower(h);
			prev = h;
			i += 1;
		} else if (h === '.') {
			// A new module segment restarts the rules, like Macro.underscore's recursion.
			return out + '/' + underscore(rest.slice(i + 1));
		} else {
			out += lower(h);
			prev = h;
			i += 1;
		}
	}
	return out;
}

/** Macro.camelize: "blog_posts" -> "BlogPosts", "my__app" -> "MyApp", "a/b" -> "A.B". */
export function camelize(value: string): string {
	let s = value;
	while (s.startsWith('_')) s = s.slice(1);
	if (s === '') return '';
	return upper(s[0]!) + camelizeRest(s.slice(1));
}

function camelizeRest(rest: string): string {
	let out = '';
	let i = 0;
	while (i < rest.length) {
		const h = rest[i]!;
		const next = rest[i + 1];
		if (h === '_') {
			if (next === '_') {
				i += 1; // collapse runs of underscores
			} else if (isLowerAscii(next)) {
				out += upper(next!);
				i += 2;
			} else if (isDigit(next)) {
				out += next!;
				i += 2;
			} else if (next === undefined) {
				i += 1; // a trailing underscore disappears
			} else {
				out += h;
				i += 1;
			}
		} else if (h === '/') {
			return out + '.' + camelize(rest.slice(i + 1));
		} else {
			out += h;
			i += 1;
		}
	}
	return out;
}

/** Phoenix.Naming.humanize: "user_profile_id" -> "User profile". */
export function humanize(value: string): string {
	const base = value.endsWith('_id') ? value.slice(0, -3) : value;
	const spaced = base.replaceAll('_', ' ');
	if (spaced === '') return '';
	// String.capitalize: first grapheme upper, the rest lower.
	const chars = Array.from(spaced);
	return chars[0]!.toUpperCase() + chars.slice(1).join('').toLowerCase();
}

// Atoms that inspect prints without quotes although they are not identifiers.
const OPERATOR_ATOMS = new Set([
	'+',
	'-',
	'*',
	'/',
	'**',
	'++',
	'--',
	'+++',
	'---',
	'..',
	'<>',
	'==',
	'!=',
	'===',
	'!==',
	'=~',
	'<',
	'>',
	'<=',
	'>=',
	'&&',
	'&&&',
	'||',
	'|||',
	'!',
	'^',
	'^^^',
	'~~~',
	'<<<',
	'>>>',
	'<<~',
	'~>>',
	'<~',
	'~>',
	'<~>',
	'<|>',
	'|>',
	'<-',
	'->',
	'\\\\',
	'::',
	'|',
	'=',
	'&',
	'@',
	'.',
	'%',
	'%{}',
	'{}',
	'<<>>',
	'...',
	'..//',
	'//',
]);
const ATOM_IDENTIFIER = /^[\p{L}_][\p{L}\p{N}\p{Mn}\p{Mc}_@]*[?!]?$/u;

/** inspect of an atom: "draft" -> ":draft", "in-progress" -> ':"in-progress"', "nil" -> "nil". */
export function inspectAtom(name: string): string {
	if (name === 'nil' || name === 'true' || name === 'false') return name;
	// Alias atoms print as the alias: :"Elixir.Foo" is Foo.
	if (name === 'Elixir') return name;
	if (/^Elixir(\.[A-Z][A-Za-z0-9_]*)+$/.test(name)) return name.slice('Elixir.'.length);
	if (ATOM_IDENTIFIER.test(name) || OPERATOR_ATOMS.has(name)) return ':' + name;
	return ':' + inspectString(name);
}

/** inspect of a binary: double-quoted with Elixir's escapes. */
export function inspectString(value: string): string {
	let out = '"';
	for (const c of value) {
		switch (c) {
			case '"':
				out += '\\"';
				break;
			case '\\':
				out += '\\\\';
				break;
			case '\n':
				out += '\\n';
				break;
			case '\t':
				out += '\\t';
				break;
			case '\r':
				out += '\\r';
				break;
			case '\f':
				out += '\\f';
				break;
			case '\v':
				out += '\\v';
				break;
			case '\b':
				out += '\\b';
				break;
			case '\x07':
				out += '\\a';
				break;
			case '\x1b':
				out += '\\e';
				break;
			case '\0':
				out += '\\0';
				break;
			case '#':
				out += '#';
				break;
			default: {
				const code = c.codePointAt(0)!;
				out += code < 0x20 || code === 0x7f ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : c;
			}
		}
	}
	// "#{" would interpolate: inspect escapes it as "\#{".
	return out.replaceAll('#{', '\\#{') + '"';
}

/** Phoenix's Mix.Phoenix.Schema.valid?/1: ~r/^[A-Z]\w*(\.[A-Z]\w*)*$/ (ASCII \w). */
export function isValidModuleName(value: string): boolean {
	return /^[A-Z][A-Za-z0-9_]*(\.[A-Z][A-Za-z0-9_]*)*$/.test(value);
}
