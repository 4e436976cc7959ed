/**
 * The one way the tool servers read a project file: only a regular file, only up to a size limit.
 * Opening is non-blocking and the type is checked on the open descriptor, so a FIFO, socket or
 * device put where a config file or schema should be is reported, never read (a FIFO would block
 * the read forever), and a file swapped after a check cannot slip through.
 */
import {constants} from 'node:fs';
import {open} from 'node:fs/promises';
import {EctosmithError} from '../errors.js';

/** Project files we read (config, sources, migrations) are small; anything larger is not ours. */
export const MAX_READ_BYTES = 2_000_000;

/** A project file that is not a regular file, or is too large to be one we read. */
export class UnreadableFileError extends EctosmithError {
	constructor(message: string) {
		super(message);
		this.name = 'UnreadableFileError';
	}
}

function kindOf(info: {isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean}): string {
	if (info.isDirectory()) return 'a folder';
	if (info.isFIFO()) return 'a named pipe (FIFO)';
	if (info.isSocket()) return 'a socket';
	if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
	return 'not a regular file';
}

/**
 * The UTF-8 text of a regular file; undefined when it does not exist. Throws UnreadableFileError
 * (naming `shown`, the path to show) for a special file or one over `limit` bytes.
 */
export async function readRegularFile(absolute: string, shown: string, limit = MAX_READ_BYTES): Promise<string | undefined> {
	let handle;
	try {
		handle = await open(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
		if (code === 'ENXIO') throw new UnreadableFileError(`${shown} is a socket or a device, not a regular file; it was not read.`);
		throw error;
	}

	try {
		const info = await handle.stat();
		if (!info.isFile()) throw new UnreadableFileError(`${shown} is ${kindOf(info)}, not a regular file; it was not read.`);
		if (info.size > limit) throw new UnreadableFileError(`${shown} is larger than ${limit} bytes; it was not read.`);
		// Read to the end, at most limit + 1 bytes: a file that grew past the limit since the stat is refused too.
		const chunks: Buffer[] = [];
		let length = 0;
		for (;;) {
			const chunk = Buffer.alloc(Math.min(64 * 1024, limit + 1 - length));
			const {bytesRead} = await handle.read(chunk, 0, chunk.length, length);
			if (bytesRead === 0) break;
			chunks.push(chunk.subarray(0, bytesRead));
			length += bytesRead;
			if (length > limit) throw new UnreadableFileError(`${shown} is larger than ${limit} bytes; it was not read.`);
		}

		return Buffer.concat(chunks).toString('utf8');
	} finally {
		await handle.close();
	}
}
