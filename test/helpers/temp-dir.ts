import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** A fresh temp folder removed when the test ends. */
export function tempDir(t: {teardown(fn: () => void): void}, prefix = 'ectosmith-test-'): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	t.teardown(() => {
		rmSync(dir, {recursive: true, force: true});
	});
	return dir;
}
