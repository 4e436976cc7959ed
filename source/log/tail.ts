/** Reads the last lines of a log file without loading all of it. */
import fs from 'node:fs';

const CHUNK = 64 * 1024;

/** The last `lines` lines of the file (oldest first); [] when the file does not exist. */
export function tailLog(file: string, lines: number): string[] {
	if (!Number.isInteger(lines) || lines < 0) {
		throw new Error(`tailLog: lines must be a whole number >= 0, got ${String(lines)}`);
	}

	if (lines === 0) {
		return [];
	}

	let fd: number;
	try {
		fd = fs.openSync(file, 'r');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return [];
		}

		throw error;
	}

	try {
		const size = fs.fstatSync(fd).size;
		const chunks: Buffer[] = [];
		let position = size;
		let newlines = 0;
		// Read backwards until we hold one newline more than the lines wanted (or the whole file).
		while (position > 0 && newlines <= lines) {
			const length = Math.min(CHUNK, position);
			position -= length;
			const buffer = Buffer.alloc(length);
			fs.readSync(fd, buffer, 0, length, position);
			chunks.unshift(buffer);
			for (const byte of buffer) {
				if (byte === 0x0a) {
					newlines++;
				}
			}
		}

		const all = Buffer.concat(chunks).toString('utf8').split('\n');
		if (all.at(-1) === '') {
			all.pop();
		}

		// When we stopped mid-file the first piece may be a partial line; slicing from the end drops it.
		return all.slice(-lines);
	} finally {
		fs.closeSync(fd);
	}
}
