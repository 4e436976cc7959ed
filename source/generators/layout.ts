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
