/**
 * Undo trusts what is true when it acts, not what a record claims: an imported execution's project
 * path and file contents are claims (it needs --project, a Mix project, and puts back only content
 * hashing to the recorded sha256_before); --force never removes content the record never held; a
 * folder swapped for a link to outside between the question and the answer stops the undo before
 * it touches anything there; a file grown huge is never read whole.
 */
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {type ImportResult, importExport, readExportFile} from '../../source/history/import.js';
import {listExecutions} from '../../source/history/queries.js';
import {applyUndo, planUndo, UndoRefusedError, UndoStoppedError} from '../../source/history/undo.js';
import {Recorder} from '../../source/records/recorder.js';
import {contentSha256} from '../../source/tool-results/content-hash.js';
import {WORKFLOW_NAME} from '../engine/_support.js';
import {openTempDatabase} from '../helpers/temp-db.js';
import {tempDir} from '../helpers/temp-dir.js';

interface ReportedFile {
	path: string;
	action: string;
	content: string;
	previous?: string;
	/** Recorded sha256_before when it differs from the previous content's own hash. */
	claimedBefore?: string;
}

function toolResponse(files: ReportedFile[], createdFolders: string[] = []) {
	return {
		text: 'ok',
		structuredContent: {
			files: files.map(file => ({
				path: file.path,
				action: file.action,
				content: file.content,
				sha256_before: file.previous === undefined ? null : (file.claimedBefore ?? contentSha256(file.previous)),
				sha256_after: contentSha256(file.content),
				...(file.previous === undefined ? {} : {previous_content: file.previous}),
			})),
			next_steps: [],
			created_folders: createdFolders,
		},
	};
}

function mixProject(root: string): string {
	mkdirSync(path.join(root, 'lib'), {recursive: true});
	writeFileSync(path.join(root, 'mix.exs'), 'defmodule MyApp.MixProject do\nend\n');
	return root;
}

async function recordLocal(recorder: Recorder, project: string, files: ReportedFile[], createdFolders: string[] = []) {
	const id = await recorder.startExecution({workflowName: WORKFLOW_NAME, description: 'q', targetProjectPath: project, provider: 'offline', model: 'offline-planner'});
	await recorder.addMessage(id, {turnNumber: 1, role: 'tool_response', functionResponseName: 'generate_context', contentText: 'ok', functionResponseContent: toolResponse(files, createdFolders)});
	await recorder.finishExecution(id, {status: 'COMPLETED', turnCount: 1});
	return id;
}

/** Imports a hand-written export of one execution; returns the new id. */
async function importOne(t: ExecutionContext, orm: Awaited<ReturnType<typeof openTempDatabase>>, execution: Record<string, unknown>): Promise<ImportResult> {
	const file = path.join(tempDir(t), 'h.json');
	const base = {id: 1, workflow: WORKFLOW_NAME, userQuery: 'q', status: 'COMPLETED', startTime: '2026-11-27T10:00:00.000Z', promptTokens: 0, outputTokens: 0, totalTokens: 0, turnCount: 1};
	writeFileSync(file, JSON.stringify({format: 'ectosmith-execution', version: 1, exportedAt: '2026-11-27T10:00:00.000Z', workflows: [], executions: [{...base, ...execution}]}));
	return importExport(orm, await readExportFile(file));
}

test('an imported execution is undone only in a project named explicitly, a Mix project, and only with content its hashes vouch for', async t => {
	const orm = await openTempDatabase(t);
	const recorder = new Recorder(orm);
	const project = mixProject(tempDir(t));
	writeFileSync(path.join(project, 'notes.txt'), 'mine\n');
	writeFileSync(path.join(project, 'lib', 'victim.ex'), 'victim\n');
	const hostile = toolResponse([
		{path: 'notes.txt', action: 'overwritten', content: 'mine\n', previous: 'attacker text\n', claimedBefore: contentSha256('something else\n')},
		{path: 'lib/victim.ex', action: 'created', content: 'victim\n'},
	]);
	const {ids} = await importOne(t, orm, {
		targetProjectPath: '/',
		messages: [{id: 1, turnNumber: 1, role: 'tool_response', timestamp: '2026-11-27T10:00:01.000Z', functionResponseName: 'generate_context', functionResponseContent: hostile, isError: false}],
	});
	const id = ids[0]!.to;

	// The claimed path is never used: the project must be named.
	const unnamed = await t.throwsAsync(planUndo(recorder, id), {instanceOf: UndoRefusedError});
	t.true(unnamed!.needsProject);
	t.regex(unnamed!.reason, /--project/);
	// Named, it must be a Mix project.
	await t.throwsAsync(planUndo(recorder, id, {project: tempDir(t)}), {instanceOf: UndoRefusedError, message: /not a Mix project/});
	// A previous content that does not hash to its sha256_before is never put back, forced or not.
	await t.throwsAsync(planUndo(recorder, id, {project}), {instanceOf: UndoRefusedError, message: /notes\.txt .*sha256_before/});
	const forced = await planUndo(recorder, id, {project, force: true});
	t.deepEqual(
		forced.steps.map(step => `${step.action} ${step.path}`),
		['remove lib/victim.ex'],
	);
	t.deepEqual(
		forced.skipped.map(skipped => skipped.path),
		['notes.txt'],
	);
	await applyUndo(orm, forced);
	t.is(readFileSync(path.join(project, 'notes.txt'), 'utf8'), 'mine\n');

	// A local execution given another project is refused; one in a folder now gone says so in one line.
	const gone = path.join(tempDir(t), 'gone');
	const local = await recordLocal(recorder, gone, [{path: 'lib/a.ex', action: 'created', content: 'a\n'}]);
	await t.throwsAsync(planUndo(recorder, local), {instanceOf: UndoRefusedError, message: /no longer exists/});
});

test('an imported STARTED execution becomes INTERRUPTED and an end before the start is refused; no duration is negative', async t => {
	const orm = await openTempDatabase(t);
	const recorder = new Recorder(orm);
	const {ids} = await importOne(t, orm, {
		status: 'STARTED',
		messages: [{id: 1, turnNumber: 1, role: 'user', timestamp: '2026-11-27T10:00:05.000Z', contentText: 'q', isError: false}],
	});
	const imported = await recorder.getExecution(ids[0]!.to);
	t.is(imported.status, 'INTERRUPTED');
	t.is(imported.endTime?.toISOString(), '2026-11-27T10:00:05.000Z', 'it ends at its last recorded message');
	await t.throwsAsync(importOne(t, orm, {id: 2, endTime: '2019-01-01T00:00:00.000Z', messages: []}), {message: /execution 2 ends .* before it starts/});

	// A row whose clock went back (written directly) still lists with no negative duration.
	const id = await recorder.startExecution({
		workflowName: WORKFLOW_NAME,
		description: 'q',
		targetProjectPath: '/x',
		provider: 'offline',
		model: 'offline-planner',
		startTime: new Date('2026-11-27T10:00:00Z'),
	});
	await recorder.finishExecution(id, {status: 'COMPLETED', turnCount: 0, endTime: new Date('2019-01-01T00:00:00Z')});
	const page = await listExecutions(orm, {}, {limit: 10});
	t.true(page.rows.length === 2 && page.rows.every(row => (row.durationMs ?? 0) >= 0));
});

test('a folder swapped for a link to outside between the question and the answer stops the undo before anything outside', async t => {
	const orm = await openTempDatabase(t);
	const recorder = new Recorder(orm);
	const project = mixProject(tempDir(t));
	const outside = tempDir(t);
	mkdirSync(path.join(project, 'lib', 'blog'));
	writeFileSync(path.join(project, 'lib', 'blog', 'post.ex'), 'post\n');
	writeFileSync(path.join(outside, 'post.ex'), 'post\n');
	const id = await recordLocal(recorder, project, [{path: 'lib/blog/post.ex', action: 'created', content: 'post\n'}], ['lib/blog']);
	const plan = await planUndo(recorder, id);
	t.deepEqual(
		plan.steps.map(step => step.action),
		['remove', 'remove_folder'],
	);

	// While the question is asked: lib/blog becomes a link to a folder outside holding the same file.
	renameSync(path.join(project, 'lib', 'blog'), path.join(project, 'lib', 'blog-moved'));
	symlinkSync(outside, path.join(project, 'lib', 'blog'));
	await t.throwsAsync(applyUndo(orm, plan), {instanceOf: UndoStoppedError, message: /lib\/blog\/post\.ex/});
	t.is(readFileSync(path.join(outside, 'post.ex'), 'utf8'), 'post\n', 'nothing outside the project was touched');
	t.true(existsSync(path.join(project, 'lib', 'blog-moved', 'post.ex')));
	t.falsy((await recorder.getExecution(id)).undoneAt, 'a stopped undo is not recorded as done');
});

test('--force keeps a created file edited since; a file grown huge is compared without being read whole', async t => {
	const orm = await openTempDatabase(t);
	const recorder = new Recorder(orm);
	const project = mixProject(tempDir(t));
	writeFileSync(path.join(project, 'lib', 'edited.ex'), 'my own text\n');
	const huge = path.join(project, 'lib', 'huge.ex');
	writeFileSync(huge, 'x\n');
	// Sparse: 600 MB long, no data written.
	truncateSync(huge, 600 * 1024 * 1024);
	const id = await recordLocal(recorder, project, [
		{path: 'lib/edited.ex', action: 'created', content: 'generated\n'},
		{path: 'lib/huge.ex', action: 'injected', content: 'x\n', previous: 'before\n'},
	]);
	await t.throwsAsync(planUndo(recorder, id), {instanceOf: UndoRefusedError, message: /lib\/edited\.ex has been edited since/});
	const plan = await planUndo(recorder, id, {force: true});
	t.deepEqual(
		plan.skipped.map(skipped => skipped.path),
		['lib/edited.ex'],
	);
	await applyUndo(orm, plan);
	t.is(readFileSync(path.join(project, 'lib', 'edited.ex'), 'utf8'), 'my own text\n', 'content the record never held is never removed');
	t.is(readFileSync(huge, 'utf8'), 'before\n');
});

test('undo --force of a follow-up whose parent was undone first recreates its files in their folders', async t => {
	const orm = await openTempDatabase(t);
	const recorder = new Recorder(orm);
	const project = mixProject(tempDir(t));
	mkdirSync(path.join(project, 'lib', 'blog'));
	writeFileSync(path.join(project, 'lib', 'blog', 'ctx.ex'), 'v2\n');
	const parent = await recordLocal(recorder, project, [{path: 'lib/blog/ctx.ex', action: 'created', content: 'v1\n'}], ['lib/blog']);
	const child = await recordLocal(recorder, project, [{path: 'lib/blog/ctx.ex', action: 'injected', content: 'v2\n', previous: 'v1\n'}]);
	// The parent undone first (by hand here: its file was edited by the child, so it is forced).
	rmSync(path.join(project, 'lib', 'blog'), {recursive: true});
	await applyUndo(orm, await planUndo(recorder, parent, {force: true}));
	const plan = await planUndo(recorder, child, {force: true});
	await applyUndo(orm, plan);
	t.is(readFileSync(path.join(project, 'lib', 'blog', 'ctx.ex'), 'utf8'), 'v1\n');
});
