/**
 * A dry run is recorded as one (the executions.dry_run column) and says so everywhere: its summary
 * speaks of what a run would do, History and `show` mark it, the export carries it and its import
 * keeps it; an export without the field imports as a run that wrote.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {tempDir} from '../helpers/temp-dir.js';
import {cliEnv, runCli, seededDb} from './_cli.js';

test.serial('a dry run says "would", is marked in History, show and the export, and keeps the mark through an import', async t => {
	const db = await seededDb(t);
	const project = await copyFixtureProject(t);
	const env = cliEnv(tempDir(t));
	const real = await runCli(['run', '--db', db, '-p', project, 'Blog.Post posts title:string'], {env});
	t.is(real.code, 0, real.stdout);
	const dry = await runCli(['run', '--db', db, '-p', project, '--continue', '1', '--dry-run', 'add a unique slug to posts'], {env});
	t.is(dry.code, 0, dry.stdout + dry.stderr);
	t.regex(dry.stdout, /Offline planner: Would add slug to Blog\.Post/);
	t.regex(dry.stdout, /Files it would write:/);
	// No past tense for what was never done.
	t.notRegex(dry.stdout, /\b(?:Added|added slug|would created|would overwritten|would injected)\b/);

	const history = await runCli(['history', '--db', db], {env});
	t.is(history.code, 0, history.stderr);
	const rows = history.stdout.split('\n');
	t.regex(rows.find(row => /add a unique slug/.test(row)) ?? '', /\[dry run\]/);
	t.notRegex(rows.find(row => /Blog\.Post posts title/.test(row)) ?? '', /\[dry run\]/, 'the real run is not marked');

	const show = await runCli(['show', '2', '--db', db], {env});
	t.regex(show.stdout, /A dry run: every writing call was only planned; nothing was written\./);

	const folder = tempDir(t);
	const file = path.join(folder, 'two.json');
	const exported = await runCli(['export', '2', '--db', db, '--out', file], {env});
	t.is(exported.code, 0, exported.stderr);
	const json = JSON.parse(readFileSync(file, 'utf8')) as {executions: Array<{dryRun?: boolean; userQuery: string}>};
	t.true(json.executions.at(-1)!.dryRun);
	t.is(json.executions[0]!.dryRun, undefined, 'the parent run wrote: no field');
	const markdown = path.join(folder, 'two.md');
	await runCli(['export', '2', '--db', db, '--format', 'md', '--out', markdown], {env});
	t.regex(readFileSync(markdown, 'utf8'), /\| Status \| COMPLETED \(dry run: nothing was written\) \|/);

	const other = await seededDb(t);
	const imported = await runCli(['import', file, '--db', other], {env});
	t.is(imported.code, 0, imported.stderr);
	const again = await runCli(['history', '--db', other], {env});
	t.regex(again.stdout.split('\n').find(row => /add a unique slug/.test(row)) ?? '', /\[dry run\]/);

	// An export written before the field existed: it imports, as a run that wrote.
	const old = path.join(folder, 'old.json');
	for (const execution of json.executions) delete execution.dryRun;
	writeFileSync(old, JSON.stringify(json));
	const third = await seededDb(t);
	const oldImport = await runCli(['import', old, '--db', third], {env});
	t.is(oldImport.code, 0, oldImport.stderr);
	t.notRegex((await runCli(['history', '--db', third], {env})).stdout, /\[dry run\]/);
});
