/** Splits a child's stderr into lines, keeps the last few, and hands each line on. */

export class StderrTail {
	private readonly lines: string[] = [];
	private partial = '';

	constructor(
		private readonly limit: number,
		private readonly onLine: (line: string) => void,
		private readonly scrub: (line: string) => string = line => line,
	) {}

	push(chunk: Buffer | string): void {
		const text = this.partial + chunk.toString();
		const pieces = text.split(/\r?\n/);
		this.partial = pieces.pop() ?? '';
		// A line without an end that grows forever must not eat memory.
		if (this.partial.length > 8192) {
			pieces.push(this.partial);
			this.partial = '';
		}

		for (const piece of pieces) {
			this.add(piece);
		}
	}

	/** Flushes an unterminated last line (when the stream ends). */
	end(): void {
		if (this.partial !== '') {
			this.add(this.partial);
			this.partial = '';
		}
	}

	/** The last lines, oldest first, including an unterminated one. */
	tail(count = this.limit): string[] {
		const all = this.partial === '' ? this.lines : [...this.lines, this.scrub(this.partial)];
		return all.slice(-count);
	}

	private add(raw: string): void {
		const line = this.scrub(raw.length > 2000 ? `${raw.slice(0, 2000)}...` : raw);
		if (line.trim() === '') {
			return;
		}

		this.lines.push(line);
		if (this.lines.length > this.limit) {
			this.lines.shift();
		}

		this.onLine(line);
	}
}
