import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {tempDir} from '../helpers/temp-dir.js';
import {cliEnv, runCli, seededDb} from './_cli.js';

test('demo creates a project that run accepts, and refuses a non-empty folder', async t => {
	const cwd = tempDir(t);
	const env = cliEnv(tempDir(t));

	const demo = await runCli(['demo', 'my_app'], {env, cwd});
	t.is(demo.code, 0, demo.stderr);
	t.regex(demo.stdout, /ectosmith run --project my_app "Blog\.Post posts/);
	t.true(existsSync(path.join(cwd, 'my_app', 'mix.exs')));
	t.true(existsSync(path.join(cwd, 'my_app', 'priv', 'repo', 'migrations')));

	const again = await runCli(['demo', 'my_app'], {env, cwd});
	t.is(again.code, 1);
	t.regex(again.stderr, /is not empty/);

	// The default folder name, and an existing empty folder is fine.
	mkdirSync(path.join(cwd, 'ectosmith_demo'));
	const byDefault = await runCli(['demo'], {env, cwd});
	t.is(byDefault.code, 0, byDefault.stderr);
	t.true(existsSync(path.join(cwd, 'ectosmith_demo', 'mix.exs')));

	writeFileSync(path.join(cwd, 'a_file'), 'x');
	const onFile = await runCli(['demo', 'a_file'], {env, cwd});
	t.is(onFile.code, 1);

	const db = await seededDb(t);
	const run = await runCli(['run', '--db', db, '--project', 'my_app', 'Blog.Post posts title:string'], {env, cwd});
	t.is(run.code, 0, run.stderr);
	t.true(existsSync(path.join(cwd, 'my_app', 'lib', 'my_app', 'blog', 'post.ex')));
});
