import {rmSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {packageRoot} from '../../source/package-root.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {onSmallDisk, smallDiskAvailable} from '../helpers/small-disk.js';
import {tempDir} from '../helpers/temp-dir.js';
import {cliEnv, runCli, seededDb} from './_cli.js';

test.serial('the database file deleted mid-run: the run says its record was lost and exits non-zero, never "Completed"', async t => {
	const db = await seededDb(t);
	const project = await copyFixtureProject(t);
	let deleted = false;
	const result = await runCli(['run', '--db', db, '--project', project, 'Blog.Post posts title:string'], {
		env: cliEnv(tempDir(t)),
		onStdout(stdout) {
			if (deleted || !stdout.includes('→ generate_schema')) return;
			deleted = true;
			for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, {force: true});
		},
	});
	t.true(deleted);
	t.is(result.code, 1, result.stdout + result.stderr);
	t.notRegex(result.stdout, /✔ Completed/);
	t.regex(result.stdout, /✘ Not recorded: the run ended COMPLETED after \d+ turns .*: The database .* was deleted while this run recorded into it/);
	t.regex(result.stdout, /created\s+lib\/my_app\/blog\/post\.ex/, 'it says which files it wrote');
});

test.serial('the database disk full mid-run: what the run prints and what the row says agree', async t => {
	if (!smallDiskAvailable(t)) return t.pass();
	const found = await onSmallDisk<{code: number; stdout: string; stderr: string; status: string; turnCount: number; errorMessage: string}>(
		t,
		join(packageRoot(), 'test/helpers/small-disk/run-on-full-db.ts'),
		8 * 1024,
	);
	t.is(found.code, 1, found.stdout + found.stderr);
	t.notRegex(found.stdout, /✔ Completed/);
	t.regex(found.stdout, /✘ Not recorded: the run ended FAILED after \d+ turns? .*the disk is full/);
	t.regex(found.stdout, /a later start marks it INTERRUPTED/);
	t.is(found.status, 'INTERRUPTED');
});
