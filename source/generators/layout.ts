/**
 * The line layout `mix format` gives the lists and maps we write (issue 16 item 5): one line when
 * it fits in the formatter's 98 columns, otherwise one element per line, two spaces deeper, with
 * the closing bracket back at the line's indentation. Phoenix's templates print them on one line
 * whatever their length; where that fits, the output stays byte-identical to Phoenix's.
 */

/** The formatter's default line length (Phoenix projects do not change it). */
export const LINE_LENGTH = 98;

/**
 * `head` + items + `tail` at `indent` spaces: `|> cast(attrs, [` + `:a`, `:b` + `])`. The result
 * has no leading indentation and no trailing newline; continuation lines carry their own.
 */
export function fitOrBreak(indent: number, head: string, items: string[], tail: string): string {
	const line = head + items.join(', ') + tail;
	if (items.length === 0 || indent + line.length <= LINE_LENGTH) return line;
	const inner = ' '.repeat(indent + 2);
	return `${head}\n${items.map(item => inner + item).join(',\n')}\n${' '.repeat(indent)}${tail}`;
}

/** Whether a laid-out expression spans lines (the formatter then puts blank lines around it). */
export function spansLines(code: string): boolean {
	return code.includes('\n');
}

/**
 * `def name(params) do` at `indent`: one line when it fits, otherwise as mix format breaks a
 * function head, one parameter per line six spaces deeper and `) do` four spaces deeper.
 */
export function defHead(indent: number, name: string, params: string[]): string {
	const pad = ' '.repeat(indent);
	const line = `${pad}def ${name}(${params.join(', ')}) do`;
	if (params.length === 0 || line.length <= LINE_LENGTH) return line;
	const inner = ' '.repeat(indent + 6);
	return `${pad}def ${name}(\n${params.map(param => inner + param).join(',\n')}\n${' '.repeat(indent + 4)}) do`;
}

/** Splits `a, %{b | c: 1}, f(d, e)` at its top-level commas. */
function topLevelArgs(args: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let start = 0;
	for (let index = 0; index < args.length; index++) {
		const char = args[index]!;
		if ('([{'.includes(char)) depth++;
		else if (')]}'.includes(char)) depth--;
		else if (char === ',' && depth === 0) {
			parts.push(args.slice(start, index).trim());
			start = index + 1;
		}
	}
	parts.push(args.slice(start).trim());
	return parts;
}

/**
 * A call `name(args)` starting at column `indent`, as mix format lays it out when it does not fit:
 * a last map argument opens on the call's line (`f(a, %{` … `})`), else one argument per line.
 */
export function layoutCall(indent: number, call: string): string {
	const match = /^([\w.!?]+)\((.+)\)$/s.exec(call);
	if (indent + call.length <= LINE_LENGTH || !match) return call;
	const [, name, inner] = match as unknown as [string, string, string];
	const args = topLevelArgs(inner);
	const pad = ' '.repeat(indent);
	const last = args.at(-1)!;
	const update = /^%\{(\w+) \| (.+)\}$/.exec(last);
	const head = `${name}(${[...args.slice(0, -1), '%{'].join(', ')}`;
	if (update && indent + head.length <= LINE_LENGTH) return `${head}\n${pad}  ${update[1]}\n${pad}  | ${update[2]}\n${pad}})`;
	return `${name}(\n${args.map(arg => `${pad}  ${arg}`).join(',\n')}\n${pad})`;
}

/**
 * `left op right` at `indent` (`assert x ==`, `{:ok, x} =`): one line when it fits, otherwise broken
 * after the operator with `right` `deeper` spaces in, set off by blank lines (see formatterBlankLines).
 */
export function breakAfter(indent: number, left: string, right: string, deeper: number): string {
	const pad = ' '.repeat(indent);
	const line = `${pad}${left} ${right}`;
	if (line.length <= LINE_LENGTH) return line;
	return `\n${pad}${left}\n${' '.repeat(indent + deeper)}${layoutCall(indent + deeper, right)}\n`;
}

/** `  def head, do: body`: mix format moves `do:` to the next line when the whole does not fit. */
export function oneLineDef(head: string, body: string): string {
	const line = `  def ${head}, do: ${body}`;
	return line.length <= LINE_LENGTH ? line : `  def ${head},\n    do: ${body}`;
}

/** `key: value` at `indent` in a map or keyword list: mix format moves a value that does not fit to the next line. */
export function keywordLine(indent: number, key: string, value: string, last: boolean): string {
	const pad = ' '.repeat(indent);
	const line = `${pad}${key}: ${value}`;
	// The comma after all but the last entry counts too.
	return line.length + (last ? 0 : 1) <= LINE_LENGTH ? line : `${pad}${key}:\n${pad}  ${value}`;
}
