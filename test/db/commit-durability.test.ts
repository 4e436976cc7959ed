/**
 * The record's SQLite connections run WAL with synchronous = NORMAL (no fsync per commit): a commit
 * must still survive the app's kill -9, as README "Guarantees" promises. A real process commits
 * rows through the recorder, says so, and is killed before it can close anything.
 */
import {spawn} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {openDatabase} from '../../source/db/orm.js';
import {packageRoot} from '../../source/package-root.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {tempDir} from '../helpers/temp-dir.js';
import {tsxLoader} from '../helpers/tsx-loader.js';

test('a connection of the record uses WAL with synchronous NORMAL', async t => {
	const orm = await openDatabase({dbPath: tempDbPath(t)});
	t.teardown(async () => orm.close(true));
	const connection = orm.em.getConnection();
	t.deepEqual(await connection.execute('pragma journal_mode'), [{journal_mode: 'wal'}]);
	t.deepEqual(await connection.execute('pragma synchronous'), [{synchronous: 1}]);
});

test('messages committed before a kill -9 are in the file at the next open', async t => {
	const dbPath = tempDbPath(t);
	const script = join(tempDir(t), 'record-then-wait.mts');
	const source = (file: string) => JSON.stringify(join(packageRoot(), file));
	writeFileSync(
		script,
		`import {openDatabase} from ${source('source/db/orm.ts')};
import {Recorder} from ${source('source/records/recorder.ts')};
const orm = await openDatabase({dbPath: ${JSON.stringify(dbPath)}});
const [{name}] = await orm.em.getConnection().execute('select name from workflows order by id limit 1');
const recorder = new Recorder(orm);
const id = await recorder.startExecution({workflowName: name, description: 'durable', targetProjectPath: '/tmp', provider: 'p', model: 'm'});
for (let turn = 0; turn < 5; turn++) await recorder.addMessage(id, {turnNumber: turn, role: 'model', contentText: 'step ' + turn});
process.stdout.write('committed ' + id + '\\n');
setInterval(() => undefined, 1000);
`,
	);
	const child = spawn(process.execPath, ['--import', tsxLoader, script], {stdio: ['ignore', 'pipe', 'inherit']});
	t.teardown(() => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	});
	const line = await new Promise<string>((resolve, reject) => {
		let out = '';
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			out += chunk;
			if (out.includes('\n')) resolve(out.trim());
		});
		child.on('exit', code => reject(new Error(`the recording process exited ${code} before committing`)));
	});
	const executionId = Number(/^committed (\d+)$/.exec(line)![1]);
	const killed = new Promise(resolve => child.on('exit', resolve));
	child.kill('SIGKILL');
	await killed;
	const orm = await openDatabase({dbPath});
	t.teardown(async () => orm.close(true));
	const rows = await orm.em.getConnection().execute<Array<{content_text: string}>>('select content_text from messages where execution_id = ? order by turn_number', [executionId]);
	t.deepEqual(
		rows.map(row => row.content_text),
		['step 0', 'step 1', 'step 2', 'step 3', 'step 4'],
	);
});
