import {existsSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

let cached: string | undefined;

/**
 * The folder of this package (the one whose package.json is named "ectosmith"), found by walking
 * up from this module, so fixtures, migrations and tool scripts resolve the same from source
 * (tsx), from dist/ and from an installed copy, whatever the current directory is.
 */
export function packageRoot(): string {
	if (cached) return cached;
	let folder = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const manifest = join(folder, 'package.json');
		if (existsSync(manifest) && readName(manifest) === 'ectosmith') {
			cached = folder;
			return folder;
		}

		const parent = dirname(folder);
		if (parent === folder) {
			throw new Error(`Cannot find the ectosmith package root above ${fileURLToPath(import.meta.url)}`);
		}

		folder = parent;
	}
}

function readName(manifest: string): string | undefined {
	try {
		const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
		return typeof parsed === 'object' && parsed !== null && 'name' in parsed && typeof parsed.name === 'string' ? parsed.name : undefined;
	} catch {
		return undefined;
	}
}
