/**
 * The record commands through the real CLI: a real offline run, then history, show, export, import
 * into a second database, undo and delete, with their refusals as one line and the exit codes.
 */
import {existsSync, readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {openDatabase} from '../../source/db/orm.js';
import {SHORT_SEARCH_ROWS} from '../../source/history/queries.js';
import {OfflineProvider} from '../../source/planner/offline-provider.js';
import {setupEngine} from '../engine/_support.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {seedHistory} from '../helpers/seed-history.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {tempDir} from '../helpers/temp-dir.js';
import {realToolServers} from '../helpers/tool-servers.js';
import {cliEnv, runCli, seededDb} from './_cli.js';

test('run, then history, show and undo from the command line', async t => {
	t.timeout(300_000);
	const project = await copyFixtureProject(t);
	const db = await seededDb(t);
	const env = cliEnv(tempDir(t), {ECTOSMITH_USER: 'ana'});
	const cli = (...args: string[]) => runCli([...args, '--db', db], {env});

	const run = await cli('run', '--project', project, 'Blog.Post posts title:string');
	t.is(run.code, 0, run.stderr);
	const schema = path.join(project, 'lib', 'my_app', 'blog', 'post.ex');
	t.true(existsSync(schema));

	const history = await cli('history', '--status', 'completed', '--search', 'Blog.Post');
	t.is(history.code, 0, history.stderr);
	t.regex(history.stdout, /^#1 .* COMPLETED .* 4 turns .*offline\/offline-planner .*Blog\.Post posts title:string$/m);
	const none = await cli('history', '--status', 'failed');
	t.is(none.stdout, 'No executions match.\n');
	// Who ran it, and where; --user keeps one teammate's runs.
	t.regex(history.stdout, new RegExp(`^#1 .* ana@${os.hostname().replace(/[.]/g, '\\.')} `, 'm'));
	t.regex((await cli('history', '--user', 'ana')).stdout, /^#1 /m);
	t.is((await cli('history', '--user', 'bob')).stdout, 'No executions match.\n');
	const json = await cli('history', '--json');
	t.like(JSON.parse(json.stdout.trim()), {id: 1, status: 'COMPLETED', workflow: 'elixir_crud_generator'});

	const show = await cli('show', '1');
	t.is(show.code, 0, show.stderr);
	t.regex(show.stdout, /Execution #1/);
	t.regex(show.stdout, /generate_schema/);
	t.regex(show.stdout, /Completed after 4 turns/);

	// Undo asks; without a terminal it needs --yes.
	const unasked = await cli('undo', '1');
	t.is(unasked.code, 2);
	t.regex(unasked.stderr, /Pass --yes/);
	t.true(existsSync(schema));
	const undo = await cli('undo', '1', '--yes');
	t.is(undo.code, 0, undo.stderr);
	t.false(existsSync(schema));
	// The folder the run created for the schema goes with it.
	t.regex(undo.stdout, /remove folder lib\/my_app\/blog\//);
	t.regex(undo.stdout, /emptied folder\(s\) removed/);
	t.false(existsSync(path.dirname(schema)));
	t.regex((await cli('history')).stdout, /\[undone\]/);
});

test('export, import into another database (once), delete', async t => {
	t.timeout(300_000);
	const project = await copyFixtureProject(t);
	const db = await seededDb(t);
	const env = cliEnv(tempDir(t));
	const cli = (...args: string[]) => runCli([...args, '--db', db], {env});
	// The run happens in this process (the CLI test above covers \`run\`); the commands under test are children.
	const orm = await openDatabase({dbPath: db});
	try {
		const {engine} = await setupEngine(t, {servers: realToolServers(), provider: new OfflineProvider(), orm, maxTurns: 20});
		t.is((await engine.run({description: 'Blog.Post posts title:string', projectPath: project})).status, 'COMPLETED');
	} finally {
		await orm.close(true);
	}

	const out = path.join(tempDir(t), 'one.json');
	t.is((await cli('export', '1', '--out', out)).code, 0);
	const refused = await cli('export', '1', '--out', out);
	t.is(refused.code, 2);
	t.regex(refused.stderr, /already exists; pass --force/);
	const markdown = await cli('export', '1', '--format', 'md');
	t.regex(markdown.stdout, /^# ectosmith execution #1/);
	t.is((await cli('export', '1', '--format', 'pdf')).code, 2);

	const other = tempDbPath(t);
	const imported = await runCli(['import', out, '--db', other], {env});
	t.is(imported.code, 0, imported.stderr);
	t.regex(imported.stdout, /Imported execution #1 as #1/);
	const twice = await runCli(['import', out, '--db', other], {env});
	t.is(twice.code, 1);
	t.regex(twice.stderr, /^ectosmith: This export was already imported, as execution 1\.\n$/);
	t.is(JSON.parse(readFileSync(out, 'utf8')).format, 'ectosmith-execution');

	t.is((await cli('delete', '1', '--yes')).code, 0);
	const gone = await cli('show', '1');
	t.is(gone.code, 1);
	t.is(gone.stderr, 'ectosmith: No execution with id 1\n');
	const bad = await cli('show', 'abc');
	t.is(bad.code, 2);
	t.regex(bad.stderr, /"abc" is not an execution id/);
});

test('history --search of 2 characters says how far it looked when it reads only the newest executions', async t => {
	const dbPath = tempDbPath(t);
	const orm = await openDatabase({dbPath});
	try {
		const [workflow] = await orm.em.getConnection().execute<Array<{id: number}>>('select id from workflows order by id limit 1');
		await seedHistory(orm, {executions: SHORT_SEARCH_ROWS + 500, messagesPerExecution: 0, workflowIds: [workflow!.id]});
		// An old row holds "qz", beyond the rows a short search reads per page.
		await orm.em.getConnection().execute("update executions set user_query = 'old qz row' where id = 3", [], 'run');
		await orm.em.getConnection().execute(`update executions set user_query = 'new qz row' where id = ${SHORT_SEARCH_ROWS + 400}`, [], 'run');
	} finally {
		await orm.close(true);
	}

	const env = cliEnv(tempDir(t));
	const cli = async (...args: string[]) => runCli([...args, '--db', dbPath], {env});
	const found = await cli('history', '--search', 'qz');
	t.is(found.code, 0, found.stderr);
	t.regex(
		found.stdout,
		/^#10400 .*new qz row\n… these are the matches among the newest 10,000 executions \(a search of fewer than 3 characters reads no further; search 3 or more to search them all\)\.\n$/,
	);
	t.regex((await cli('history', '--search', 'qz r')).stdout, /#10400 .*\n#3 .*old qz row\n$/);
	const none = await cli('history', '--search', 'q!');
	t.is(none.stdout, 'No executions match among the newest 10,000 executions (a search of fewer than 3 characters reads no further; search 3 or more to search them all).\n');
});
