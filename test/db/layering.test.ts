import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import test from 'ava';
import {packageRoot} from '../../source/package-root.js';

const root = packageRoot();
const dbFolder = join(root, 'source', 'db');
// Root modules every layer may use: they import nothing of ours but each other.
const sharedLeaves = new Set(['source/errors.ts', 'source/is-record.ts', 'source/package-root.ts', 'source/exit-codes.ts', 'source/retry.ts', 'source/abort-error.ts']);

function sourceFiles(folder: string): string[] {
	return readdirSync(folder, {withFileTypes: true, recursive: true})
		.filter(entry => entry.isFile() && /\.tsx?$/.test(entry.name))
		.map(entry => join(entry.parentPath, entry.name));
}

test('the data layer imports nothing above it (engine, commands, app, ui...)', t => {
	const files = sourceFiles(dbFolder);
	t.true(files.length > 5);
	const offending: string[] = [];
	for (const file of files) {
		const text = readFileSync(file, 'utf8');
		for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
			const target = relative(root, resolve(dirname(file), match[1]!)).replace(/\.js$/, '.ts');
			const allowed = target.startsWith('source/db/') || target.startsWith('migrations/') || sharedLeaves.has(target);
			if (!allowed) offending.push(`${relative(root, file)} -> ${target}`);
		}
	}

	t.deepEqual(offending, []);
});
