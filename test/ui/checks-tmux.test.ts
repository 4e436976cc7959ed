/**
 * The Checks row in a real terminal (tmux, 100x30): `ectosmith --provider offline --yes` on the
 * real-app project with a compile error, the user's shell holding the project's variables (the
 * seeded pass-through list carries them to the check); the row says the project is not green with
 * the file and line, `o` opens the full output, Esc closes it, q quits cleanly.
 */
import {mkdtemp, realpath, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {packageRoot} from '../../source/package-root.js';
import {seededDb} from '../commands/_cli.js';
import {checkProjectCase} from '../helpers/check-projects.js';
import {ectoLibs} from '../helpers/real-app/ecto-libs.js';
import {realAppTools, requireRealApp} from '../helpers/real-app/requirements.js';
import {ectosmithCommand, requireTmux, startTerminal, terminalEnv} from '../helpers/tmux.js';
import {READY} from './_tmux-tui.js';

test('the Checks row and o in a real terminal, after a run whose check fails', async t => {
	if (!requireTmux(t) || !requireRealApp(t)) return;
	t.timeout(6 * 60_000);
	const work = await realpath(await mkdtemp(join(tmpdir(), 'ectosmith-checks-tmux-')));
	t.teardown(async () => rm(work, {recursive: true, force: true}));
	const libs = await ectoLibs(realAppTools().tools!.libsArchive);
	const project = await checkProjectCase(join(work, 'my_app'), ['compile-error'], libs, undefined, work);
	const db = await seededDb(t, {checkEnv: {ECTOSMITH_PASS_ENV: 'ECTOSMITH_REAL_APP_LIBS ECTOSMITH_PG_* MIX_TEST_PARTITION'}});
	const shell = Object.fromEntries(['ECTOSMITH_REAL_APP_LIBS', 'ECTOSMITH_PG_SOCKET_DIR', 'ECTOSMITH_PG_PORT', 'MIX_TEST_PARTITION'].map(name => [name, project.env[name]!]));
	const terminal = startTerminal(t, {
		cwd: work,
		env: terminalEnv(t, {TSX_TSCONFIG_PATH: join(packageRoot(), 'tsconfig.test.json'), ...shell}),
		width: 100,
		height: 30,
		command: ectosmithCommand('--db', db, '--project', project.dir, '--provider', 'offline', '--yes'),
	});

	await terminal.waitFor(READY, 'the project and its schema (the tool servers are up)', 180_000);
	terminal.type('Blog.Post posts title:string');
	terminal.keys('Enter');
	const done = await terminal.waitFor(/Checks ─+ not green · o: full output[\s\S]*· completed/, 'the run to end with its Checks row', 5 * 60_000);
	t.regex(done, /✗ compile \(\d+\.\d s\): lib\/my_app\/broken\.ex:7 /);
	t.regex(done, /- migrations skipped: the project does not compile/);
	terminal.keys('Escape');
	// Out of the field (the screen keys without F), and the Checks row offering o.
	await terminal.waitFor(/(?:^|\s)1 Run {2}2 History[\s\S]*─ Checks ─+ not green · o: full output/, 'the Checks row offering o, outside the field');
	terminal.keys('o');
	const output = await terminal.waitFor(/Check output ─+.*Esc closes[\s\S]*\(CompileError\) lib\/my_app\/broken\.ex:7/, 'the full output');
	t.regex(output, /\$ MIX_ENV=test mix format --check-formatted/);
	terminal.keys('Escape');
	const closed = await terminal.waitFor(/Checks ─+ not green/, 'the row again');
	t.notRegex(closed, /Check output/);
	terminal.keys('q');
	await terminal.waitFor(/EXITED:0/, 'the program to exit');
});
