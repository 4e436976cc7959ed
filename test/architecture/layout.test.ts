import {existsSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {packageRoot} from '../../source/package-root.js';
import {layoutViolations, readLayoutTable, tableProblems} from './layout-table.js';
import {importCycles, importEdges, sourceFiles} from './source-graph.js';

const sourceRoot = path.join(packageRoot(), 'source');
const table = readLayoutTable(readFileSync(path.join(packageRoot(), 'ARCHITECTURE.md'), 'utf8'));
const files = sourceFiles(sourceRoot);
const edges = importEdges(sourceRoot, files);

test('ARCHITECTURE.md states a table of parts that is one direction only, and every part it names exists', t => {
	t.true(table.size > 10, 'the table was read');
	t.deepEqual(tableProblems(table), []);
	for (const part of table.keys()) {
		if (part === 'root' || part === 'cli') continue;
		const folder = path.join(sourceRoot, part);
		t.true(existsSync(folder) && statSync(folder).isDirectory(), `the table names ${part}, which is not a folder of source/`);
	}
});

test('every file of source/ is in a part, and imports only what the table allows its part', t => {
	t.deepEqual(layoutViolations(files, edges, table), []);
});

test('no import cycle between the files of source/', t => {
	t.deepEqual(importCycles(edges), []);
});

test('the check fails on an upward import, a file outside the table and a cycle', t => {
	const upward = [{from: 'db/orm.ts', to: 'engine/events.ts'}];
	t.deepEqual(layoutViolations(['db/orm.ts', 'engine/events.ts'], upward, table), ['db/orm.ts -> engine/events.ts: db may not import engine']);
	t.deepEqual(layoutViolations(['stray/file.ts'], [], table), ['stray/file.ts is in no part of the table']);
	t.deepEqual(importCycles([...upward, {from: 'engine/events.ts', to: 'db/orm.ts'}]), [['db/orm.ts', 'engine/events.ts']]);
});

test('no file of source/ is over 400 lines', t => {
	const long = files.filter(file => readFileSync(path.join(sourceRoot, file), 'utf8').split('\n').length > 400);
	t.deepEqual(long, []);
});
