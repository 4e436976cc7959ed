/**
 * Undo: a real offline run with the real tool servers writes files into a copy of the fixture
 * project; undo removes exactly those, restores changed ones, refuses (naming the file) when one
 * was edited since, and records itself.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {applyUndo, planUndo, UndoRefusedError} from '../../source/history/undo.js';
import {OfflineProvider} from '../../source/planner/offline-provider.js';
import {Recorder} from '../../source/records/recorder.js';
import {contentSha256} from '../../source/tool-results/content-hash.js';
import {setupEngine, WORKFLOW_NAME} from '../engine/_support.js';
import {copyFixtureProject, fixtureProjectPath} from '../helpers/phoenix-project.js';
import {eachDialect, openTempDatabase} from '../helpers/temp-db.js';
import {tempDir} from '../helpers/temp-dir.js';
import {realToolServers} from '../helpers/tool-servers.js';

function listFiles(root: string): Map<string, string> {
	const files = new Map<string, string>();
	const walk = (dir: string) => {
		for (const entry of readdirSync(path.join(root, dir), {withFileTypes: true})) {
			const relative = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(relative);
			else files.set(relative, readFileSync(path.join(root, relative), 'utf8'));
		}
	};

	walk('.');
	return files;
}

/** Every folder under root, relative. */
function listFolders(root: string): string[] {
	return readdirSync(root, {recursive: true, withFileTypes: true})
		.filter(entry => entry.isDirectory())
		.map(entry => path.relative(root, path.join(entry.parentPath, entry.name)))
		.sort();
}

eachDialect.serial('undo of a real run removes exactly the files and the folders it created, and is recorded', async (t, dialect) => {
	const project = await copyFixtureProject(t);
	const before = listFiles(project);
	const foldersBefore = listFolders(project);
	const {engine, recorder, orm} = await setupEngine(t, {servers: realToolServers(), provider: new OfflineProvider(), maxTurns: 20, orm: await openTempDatabase(t, {dialect})});
	const result = await engine.run({description: 'Blog.Post posts title:string body:text', projectPath: project});
	t.is(result.status, 'COMPLETED', result.errorMessage);
	const written = [...listFiles(project).keys()].filter(file => !before.has(file));
	t.true(written.length >= 3, written.join(', '));

	// Edited afterwards: refused, naming the file; nothing touched.
	const schema = written.find(file => file.includes(path.join('blog', 'post.ex')))!;
	writeFileSync(path.join(project, schema), `${readFileSync(path.join(project, schema), 'utf8')}# my edit\n`);
	const refused = await t.throwsAsync(planUndo(recorder, result.executionId), {instanceOf: UndoRefusedError});
	t.true(refused!.message.includes(schema.replace(/^\.\//, '')), refused!.message);
	// Forcing gets past it; the TUI shows the reason without the command line's --force hint.
	t.true(refused!.forceable);
	t.regex(refused!.message, /--force/);
	t.notRegex(refused!.reason, /--force/);
	t.true(refused!.reason.includes(schema.replace(/^\.\//, '')));
	t.true(written.every(file => existsSync(path.join(project, file))));

	// --force undoes the rest; the edited file holds content the record never had, so it stays, and
	// so does its folder. Without it, the project is the fixture again.
	const plan = await planUndo(recorder, result.executionId, {force: true});
	t.deepEqual(
		plan.skipped.map(skipped => skipped.path),
		[schema.replace(/^\.\//, '')],
	);
	t.deepEqual(
		plan.steps.map(step => step.action).filter(action => action !== 'remove' && action !== 'remove_folder'),
		[],
	);
	const schemaFolder = path.dirname(schema);
	const createdFolders = listFolders(project).filter(folder => !foldersBefore.includes(folder));
	t.true(createdFolders.includes(schemaFolder), 'the run created folders (lib/my_app/blog at least)');
	t.deepEqual(
		plan.steps
			.filter(step => step.action === 'remove_folder')
			.map(step => step.path)
			.sort(),
		createdFolders.filter(folder => folder !== schemaFolder),
	);
	await applyUndo(orm, plan);
	const editedText = readFileSync(path.join(project, schema), 'utf8');
	t.regex(editedText, /# my edit\n$/);
	t.deepEqual([...listFiles(project)].sort(), [...before, [schema, editedText] as [string, string]].sort());
	t.deepEqual(listFolders(project), [...foldersBefore, schemaFolder].sort(), 'the folders it created are gone but the one holding the kept file');
	t.truthy((await recorder.getExecution(result.executionId)).undoneAt);
	const again = await t.throwsAsync(planUndo(recorder, result.executionId), {instanceOf: UndoRefusedError, message: /already undone/});
	t.false(again!.forceable, 'forcing would not help');
	t.true(existsSync(path.join(fixtureProjectPath(), 'mix.exs')));
});

/** An execution whose one tool call injected into `file` (previous content recorded) and created `created`. */
async function recordInjection(recorder: Recorder, project: string, files: Array<{path: string; action: string; content: string; previous?: string}>) {
	const id = await recorder.startExecution({workflowName: WORKFLOW_NAME, description: 'q', targetProjectPath: project, provider: 'offline', model: 'offline-planner'});
	await recorder.addMessage(id, {
		turnNumber: 1,
		role: 'tool_response',
		functionResponseName: 'generate_context',
		contentText: 'ok',
		functionResponseContent: {
			text: 'ok',
			structuredContent: {
				files: files.map(file => ({
					path: file.path,
					action: file.action,
					content: file.content,
					sha256_before: file.previous === undefined ? null : contentSha256(file.previous),
					sha256_after: contentSha256(file.content),
					...(file.previous === undefined ? {} : {previous_content: file.previous}),
				})),
				next_steps: [],
			},
		},
	});
	await recorder.finishExecution(id, {status: 'COMPLETED', turnCount: 1});
	return id;
}

test('a changed file is restored from its recorded previous content; paths outside the project are refused', async t => {
	const orm = await openTempDatabase(t);
	const recorder = new Recorder(orm);
	const project = tempDir(t);
	mkdirSync(path.join(project, 'lib'));
	writeFileSync(path.join(project, 'mix.exs'), 'defmodule MyApp.MixProject do\nend\n');
	writeFileSync(path.join(project, 'lib', 'blog.ex'), 'after\n');
	writeFileSync(path.join(project, 'lib', 'new.ex'), 'new\n');
	const id = await recordInjection(recorder, project, [
		{path: 'lib/blog.ex', action: 'injected', content: 'after\n', previous: 'before\n'},
		{path: 'lib/new.ex', action: 'created', content: 'new\n'},
	]);
	await applyUndo(orm, await planUndo(recorder, id));
	t.is(readFileSync(path.join(project, 'lib', 'blog.ex'), 'utf8'), 'before\n');
	t.false(existsSync(path.join(project, 'lib', 'new.ex')));

	// A symlinked folder that leads out of the project is never followed, even with --force.
	const outside = tempDir(t);
	writeFileSync(path.join(outside, 'x.ex'), 'x\n');
	symlinkSync(outside, path.join(project, 'out'));
	const escaping = await recordInjection(recorder, project, [{path: 'out/x.ex', action: 'created', content: 'x\n'}]);
	await t.throwsAsync(planUndo(recorder, escaping, {force: true}), {instanceOf: UndoRefusedError, message: /outside the project/});
	t.true(existsSync(path.join(outside, 'x.ex')));

	// Without the previous content, a changed file cannot be restored: refused naming it.
	writeFileSync(path.join(project, 'lib', 'ctx.ex'), 'v2\n');
	const unknown = await recordInjection(recorder, project, [{path: 'lib/ctx.ex', action: 'overwritten', content: 'v2\n'}]);
	await t.throwsAsync(planUndo(recorder, unknown), {instanceOf: UndoRefusedError, message: /lib\/ctx\.ex .*previous content is not on record/});
});

test.serial("undo keeps a folder the execution created that holds a file of the user's, and the folders above it", async t => {
	const project = await copyFixtureProject(t);
	const foldersBefore = listFolders(project);
	const {engine, recorder, orm} = await setupEngine(t, {servers: realToolServers(), provider: new OfflineProvider(), maxTurns: 20});
	const result = await engine.run({description: 'Shop.Catalog.Product products name:string', projectPath: project});
	t.is(result.status, 'COMPLETED', result.errorMessage);
	const created = listFolders(project).filter(folder => !foldersBefore.includes(folder));
	const deepest = created.sort((a, b) => b.split(path.sep).length - a.split(path.sep).length)[0]!;
	t.true(deepest.split(path.sep).length >= 3, deepest);
	writeFileSync(path.join(project, deepest, 'notes.md'), 'mine\n');

	const plan = await planUndo(recorder, result.executionId);
	const removedFolders = plan.steps.filter(step => step.action === 'remove_folder').map(step => step.path);
	t.false(removedFolders.includes(deepest.split(path.sep).join('/')));
	await applyUndo(orm, plan);
	t.is(readFileSync(path.join(project, deepest, 'notes.md'), 'utf8'), 'mine\n');
	// Kept: the folder with the user's file and every folder above it; the other created ones are gone.
	const kept = created.filter(folder => deepest === folder || deepest.startsWith(`${folder}${path.sep}`));
	t.deepEqual(listFolders(project), [...foldersBefore, ...kept].sort());
});

test('folders reported outside the project, never created by it, or from a record without them are left alone', async t => {
	const orm = await openTempDatabase(t);
	const recorder = new Recorder(orm);
	const outer = tempDir(t);
	const project = path.join(outer, 'app');
	mkdirSync(path.join(project, 'lib', 'made'), {recursive: true});
	writeFileSync(path.join(project, 'mix.exs'), 'defmodule MyApp.MixProject do\nend\n');
	mkdirSync(path.join(outer, 'empty-outside'));
	mkdirSync(path.join(project, 'lib', 'old'));
	mkdirSync(path.join(project, 'lib', 'linked-target'));
	symlinkSync(path.join(outer, 'empty-outside'), path.join(project, 'lib', 'escape'));
	writeFileSync(path.join(project, 'lib', 'made', 'new.ex'), 'new\n');
	writeFileSync(path.join(project, 'lib', 'old', 'old.ex'), 'old\n');
	const id = await recorder.startExecution({workflowName: WORKFLOW_NAME, description: 'q', targetProjectPath: project, provider: 'offline', model: 'offline-planner'});
	await recorder.addMessage(id, {
		turnNumber: 1,
		role: 'tool_response',
		functionResponseName: 'generate_schema',
		contentText: 'ok',
		functionResponseContent: {
			text: 'ok',
			structuredContent: {
				files: [{path: 'lib/made/new.ex', action: 'created', content: 'new\n', sha256_before: null, sha256_after: contentSha256('new\n')}],
				next_steps: [],
				created_folders: ['lib/made', '../empty-outside', '/tmp', 'lib/escape', '', 'lib'],
			},
		},
	});
	await recorder.finishExecution(id, {status: 'COMPLETED', turnCount: 1});

	const plan = await planUndo(recorder, id);
	t.deepEqual(
		plan.steps.map(step => `${step.action} ${step.path}`),
		['remove lib/made/new.ex', 'remove_folder lib/made'],
	);
	await applyUndo(orm, plan);
	t.false(existsSync(path.join(project, 'lib', 'made')));
	t.true(existsSync(path.join(outer, 'empty-outside')), 'never outside the project, even through a symlink');
	t.true(existsSync(path.join(project, 'lib', 'old', 'old.ex')));
	t.true(existsSync(path.join(project, 'lib', 'linked-target')));

	// A record from before the tools reported folders: the file goes, its folder stays, as before.
	mkdirSync(path.join(project, 'lib', 'older'));
	writeFileSync(path.join(project, 'lib', 'older', 'x.ex'), 'x\n');
	const older = await recordInjection(recorder, project, [{path: 'lib/older/x.ex', action: 'created', content: 'x\n'}]);
	await applyUndo(orm, await planUndo(recorder, older));
	t.false(existsSync(path.join(project, 'lib', 'older', 'x.ex')));
	t.true(existsSync(path.join(project, 'lib', 'older')));
});
