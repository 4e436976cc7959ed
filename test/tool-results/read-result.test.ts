import test from 'ava';
import {applyArgs, createdFolders, reportedFiles} from '../../source/tool-results/read-result.js';

test('reportedFiles reads only well-formed entries, a dry run as planned with what it would do', t => {
	t.deepEqual(reportedFiles(undefined), []);
	t.deepEqual(reportedFiles({files: 'x'}), []);
	t.deepEqual(reportedFiles({files: [{path: 1}, {path: 'a', action: 'weird'}, {path: 'b', action: 'planned', would: 'injected'}]}), [
		{path: 'a', action: 'written', planned: false},
		{path: 'b', action: 'injected', planned: true},
	]);
});

test('reportedFiles keeps the content, the hashes and the previous content a tool returned', t => {
	const files = reportedFiles({
		files: [
			{path: 'lib/a.ex', action: 'created', content: 'new', sha256_before: null, sha256_after: 'h1'},
			{path: 'lib/b.ex', action: 'injected', content: 'b2', sha256_before: 'h0', sha256_after: 'h2', previous_content: 'b1', previous_truncated: true},
			{path: 'lib/c.ex', action: 'created', content: 7, sha256_before: 3},
		],
	});
	t.deepEqual(files, [
		{path: 'lib/a.ex', action: 'created', planned: false, content: 'new', sha256Before: null, sha256After: 'h1'},
		{path: 'lib/b.ex', action: 'injected', planned: false, content: 'b2', sha256Before: 'h0', sha256After: 'h2', previousContent: 'b1', previousTruncated: true},
		{path: 'lib/c.ex', action: 'created', planned: false},
	]);
});

test('createdFolders and applyArgs read their fields, and nothing from a result without them', t => {
	t.deepEqual(createdFolders({created_folders: ['lib/a', 3, 'lib/a/b']}), ['lib/a', 'lib/a/b']);
	t.deepEqual(createdFolders({files: []}), []);
	t.deepEqual(applyArgs({apply_args: {migration_stamp: '20260101000000'}}), {migration_stamp: '20260101000000'});
	t.deepEqual(applyArgs({apply_args: ['x']}), {});
	t.deepEqual(applyArgs('text'), {});
});
