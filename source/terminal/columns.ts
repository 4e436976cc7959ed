/**
 * Text fitted to terminal columns, counted as the terminal draws them (string-width: CJK and most
 * emoji take two columns, combining marks none), not in UTF-16 units. Every table that lines text
 * up in columns (History, Stats, their CLI forms) fits its cells here.
 */
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';

export {stringWidth};

/** The text cut with … to at most `width` columns. */
export function truncateColumns(text: string, width: number): string {
	if (width <= 0) return '';
	if (stringWidth(text) <= width) return text;
	// cli-truncate keeps a wide character that straddles the last column; one column less then.
	for (let room = width; room > 1; room--) {
		const cut = cliTruncate(text, room);
		if (stringWidth(cut) <= width) return cut;
	}

	return '…';
}

/** The text padded (never cut) to `width` columns; figures align right. */
export function padColumns(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const pad = ' '.repeat(Math.max(0, width - stringWidth(text)));
	return align === 'left' ? text + pad : pad + text;
}

/** The text cut or padded to exactly `width` columns. */
export function fitColumns(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	return width <= 0 ? '' : padColumns(truncateColumns(text, width), width, align);
}
