import {readdirSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {cliEnv, runCli, seededDb} from '../commands/_cli.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {tempDir} from '../helpers/temp-dir.js';

test('run with a mistyped flag writes nothing and exits 2 with the valid flags', async t => {
	const db = await seededDb(t);
	const project = await copyFixtureProject(t);
	const before = readdirSync(path.join(project, 'lib/my_app'));
	const result = await runCli(['run', '--db', db, '--project', project, '--dryrun', 'Blog.Post posts title:string'], {env: cliEnv(tempDir(t))});
	t.is(result.code, 2);
	t.regex(result.stderr, /^ectosmith: Unknown option --dryrun for `ectosmith run`\. Its options: .*--dry-run/);
	t.is(result.stdout, '');
	t.deepEqual(readdirSync(path.join(project, 'lib/my_app')), before, 'no schema written');
});
