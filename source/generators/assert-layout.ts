/**
 * The ExUnit assertions of the generated tests, laid out as mix format writes them when the
 * names make them longer than 98 columns (issue 16 item 5); short ones stay one line, as Phoenix's.
 */

import {breakAfter, LINE_LENGTH, layoutCall} from './layout.js';

/**
 * `assert left = right` at `indent`, broken after `=` as mix format does when too long, with
 * the blank lines the formatter puts around it then (tidied by formatterBlankLines).
 */
export function assertMatch(indent: number, left: string, right: string): string {
	return breakAfter(indent, `assert ${left} =`, right, 9);
}

/** `assert left == right` at `indent`, broken after `==` as mix format does when too long. */
export function assertEqual(indent: number, left: string, right: string): string {
	const pad = ' '.repeat(indent);
	// A left side too long for its own line has its call broken first, `) ==` closing it.
	if (`${pad}assert ${left} ==`.length > LINE_LENGTH) {
		return `\n${pad}assert ${layoutCall(indent + 7, left)} ==\n${pad}         ${right}\n`;
	}
	return breakAfter(indent, `assert ${left} ==`, right, 9);
}

/** `assert left == [item]`: mix format opens the list on the assert's line when that fits. */
export function assertList(indent: number, left: string, item: string): string {
	const pad = ' '.repeat(indent);
	const line = `${pad}assert ${left} == [${item}]`;
	if (line.length <= LINE_LENGTH) return line;
	if (`${pad}assert ${left} == [`.length <= LINE_LENGTH) return `\n${pad}assert ${left} == [\n${pad}         ${item}\n${pad}       ]\n`;
	return assertEqual(indent, left, `[${item}]`);
}

/** `assert_raise error, fn -> call end` at `indent`, the fn's body on its own line when too long, as mix format does. */
export function assertRaise(indent: number, error: string, call: string): string {
	const pad = ' '.repeat(indent);
	const line = `${pad}assert_raise ${error}, fn -> ${call} end`;
	return line.length <= LINE_LENGTH ? line : `\n${pad}assert_raise ${error}, fn ->\n${pad}  ${layoutCall(indent + 2, call)}\n${pad}end\n`;
}
