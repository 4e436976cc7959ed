/**
 * The Checks row of the Run screen after a real run (offline planner, real tool servers, real mix
 * on the real-app project with a deliberate compile error, no database): one line per step with
 * its file and line or its skip reason, the note saying the project is not green, `o` opening the
 * check's full output file in a scrollable view and Esc closing it.
 */
import {mkdtemp, realpath, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import React from 'react';
import {checkProjectCase} from '../helpers/check-projects.js';
import {ectoLibs} from '../helpers/real-app/ecto-libs.js';
import {realAppTools, requireRealApp} from '../helpers/real-app/requirements.js';
import {KEYS, startUi, until} from './_ui.js';

void React;

test('a failed check shows per step in the Checks row; o opens the full output, Esc closes it', async t => {
	if (!requireRealApp(t)) return;
	t.timeout(6 * 60_000);
	const work = await realpath(await mkdtemp(join(tmpdir(), 'ectosmith-checks-row-')));
	t.teardown(async () => rm(work, {recursive: true, force: true}));
	const libs = await ectoLibs(realAppTools().tools!.libsArchive);
	const project = await checkProjectCase(join(work, 'my_app'), ['compile-error'], libs, undefined, work);
	// The tool servers start from this worker's environment, as from ectosmith's.
	for (const name of ['ECTOSMITH_REAL_APP_LIBS', 'ECTOSMITH_PG_SOCKET_DIR', 'ECTOSMITH_PG_PORT', 'MIX_TEST_PARTITION']) process.env[name] = project.env[name];
	const ui = await startUi(t, {project: project.dir, yes: true, checkEnv: {ECTOSMITH_PASS_ENV: 'ECTOSMITH_REAL_APP_LIBS ECTOSMITH_PG_* MIX_TEST_PARTITION'}});

	await ui.type('Blog.Post posts title:string');
	await ui.press(KEYS.enter);
	const done = await until(ui.app.lastFrame, /Checks ─+ not green · o: full output[\s\S]*· completed/, 'the run to end with its Checks row', 5 * 60_000);
	t.regex(done, /✗ compile \(\d+\.\d s\): lib\/my_app\/broken\.ex:7 /);
	t.regex(done, /- migrations skipped: /);
	t.regex(done, /- test skipped: /);

	// o is a key of the screen, not of the description field: Esc leaves the field first.
	await ui.press(KEYS.escape);
	// The Checks row offers it (the top bar keeps only the keys that fit, most important first).
	await until(ui.app.lastFrame, /─ Checks ─+ not green · o: full output/, 'the Checks row offering o');
	await ui.press('o');
	// The output file of the check: the commands it ran with MIX_ENV=test and mix's own words.
	const output = await until(ui.app.lastFrame, /Check output ─+.*Esc closes[\s\S]*\*\* \(CompileError\) lib\/my_app\/broken\.ex:7: undefined function/, 'the full output, read from its file');
	t.regex(output, /\$ MIX_ENV=test mix format --check-formatted/);
	// It scrolls: g goes to the top of the file, to the first command run.
	await ui.press('g');
	const top = await until(ui.app.lastFrame, /Check output ─+ ↓ \d+ more · Esc closes/, 'the top of the output');
	t.regex(top, /Check output ─+ ↓ \d+ more · Esc closes ?\n.*\$ MIX_ENV=test /, 'the first line is the first command');
	t.notRegex(output, /Checks ─+ not green/, 'the view takes the place of the row');
	await ui.press(KEYS.escape);
	const closed = await until(ui.app.lastFrame, /Checks ─+ not green/, 'the row again');
	t.notRegex(closed, /Check output/);
});
