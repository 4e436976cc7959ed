import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {openApp} from '../../source/app/open-app.js';
import {UsageError} from '../../source/errors.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {tempDir} from '../helpers/temp-dir.js';

const env = (t: Parameters<typeof tempDir>[0]): NodeJS.ProcessEnv => ({HOME: tempDir(t), XDG_STATE_HOME: tempDir(t)});

test('openApp wires one engine on a migrated, seeded database and closes twice without harm', async t => {
	const db = tempDbPath(t);
	const app = await openApp({db, env: env(t), provider: 'offline'});
	t.teardown(() => app.close());
	t.is(app.dbPath, db);
	t.true(existsSync(db));
	const workflows = await app.config.listWorkflows();
	t.true(workflows.length > 0);
	// The provider override reaches the factory the engine uses.
	t.is(app.providerFor(workflows[0]!).name, 'offline');
	t.is(await app.engine.recoverInterrupted(), 0);
	await app.close();
	await app.close();
});

test('openApp refuses a bad provider and a bad --db as usage errors, before creating anything', async t => {
	const db = tempDbPath(t);
	await t.throwsAsync(openApp({db, env: env(t), provider: 'openai'}), {instanceOf: UsageError, message: /Unknown provider "openai". Use one of: gemini, offline, scripted/});
	await t.throwsAsync(openApp({db: ' ', env: env(t)}), {instanceOf: UsageError, message: /--db needs a file path/});
	t.false(existsSync(db));
});

test('--record refuses to replace a file that is not a recording unless forced; a recording may be replaced', async t => {
	const dir = tempDir(t);
	const notes = path.join(dir, 'notes.json');
	writeFileSync(notes, '{"my": "own file"}');
	const db = tempDbPath(t);
	await t.throwsAsync(openApp({db, env: env(t), record: notes}), {
		instanceOf: UsageError,
		message: `--record ${notes}: the file exists and is not an ectosmith recording. Pass --force to replace it, or choose another file.`,
	});
	t.is(readFileSync(notes, 'utf8'), '{"my": "own file"}');
	t.false(existsSync(db), 'refused before the database was opened');

	const folder = path.join(dir, 'folder');
	mkdirSync(folder);
	await t.throwsAsync(openApp({db, env: env(t), record: folder}), {instanceOf: UsageError, message: /is a folder/});

	const recording = path.join(dir, 'recording.json');
	writeFileSync(recording, JSON.stringify({provider: 'scripted', model: 'm', turns: [{text: 'hi', functionCalls: []}]}));
	const app = await openApp({db, env: env(t), record: recording});
	await app.close();
	const forced = await openApp({db, env: env(t), record: notes, force: true});
	await forced.close();
	t.pass();
});
