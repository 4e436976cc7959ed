import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {dirname, join} from 'node:path';
import test from 'ava';
import {migrationsList} from '../../migrations/sqlite/index.js';
import {McpServer} from '../../source/db/entities/index.js';
import {migrateDatabase, openDatabase, pendingMigrations} from '../../source/db/orm.js';
import {packageRoot} from '../../source/package-root.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {tempDir} from '../helpers/temp-dir.js';
import {tsxLoader} from '../helpers/tsx-loader.js';

const expectedColumns: Record<string, string[]> = {
	workflows: ['id', 'name', 'description', 'llm_model', 'initial_prompt_template', 'max_conversation_turns', 'checks', 'created_at', 'updated_at'],
	mcp_servers: [
		'id',
		'name',
		'command',
		'args',
		'env',
		'description',
		'cwd',
		'enabled',
		'timeout_ms',
		'include_tools',
		'exclude_tools',
		'trust',
		'transport',
		'url',
		'headers',
		'client_keys',
		'client_inputs',
		'created_at',
		'updated_at',
		'allow_api_key',
	],
	workflow_mcp_server_associations: ['workflow_id', 'mcp_server_id'],
	executions: [
		'id',
		'workflow_id',
		'user_query',
		'status',
		'start_time',
		'end_time',
		'final_response_text',
		'error_message',
		'target_project_path',
		'provider',
		'model',
		'prompt_tokens',
		'output_tokens',
		'total_tokens',
		'turn_count',
		'parent_execution_id',
		'owner_pid',
		'owner_host',
		'undone_at',
		'max_turns',
		'import_fingerprint',
		'user_name',
		'host_name',
		'dry_run',
	],
	messages: [
		'id',
		'execution_id',
		'turn_number',
		'role',
		'content_text',
		'function_call_name',
		'function_call_args',
		'function_response_name',
		'function_response_content',
		'timestamp',
		'duration_ms',
		'is_error',
		'raw_parts',
		'prompt_tokens',
		'output_tokens',
		'total_tokens',
		'tool_server',
		'read_only',
		'approval',
		'approval_request',
	],
};

function sqlite(dbPath: string, sql: string): string {
	return execFileSync('sqlite3', [dbPath, sql], {encoding: 'utf8'}).trim();
}

test('migrations on an empty file create the five tables with every column, and a second open applies nothing', async t => {
	const dbPath = tempDbPath(t);
	const orm = await openDatabase({dbPath, seed: false});
	try {
		const tables = sqlite(dbPath, "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").split('\n');
		// The history search index is a virtual table with its shadow tables (no copy of the text: content='executions').
		const searchIndex = ['executions_search', 'executions_search_config', 'executions_search_data', 'executions_search_docsize', 'executions_search_idx'];
		t.deepEqual(tables, [...Object.keys(expectedColumns), 'mikro_orm_migrations', ...searchIndex].sort());
		t.deepEqual(sqlite(dbPath, "select name from sqlite_master where type = 'trigger' and tbl_name = 'executions' order by name").split('\n'), [
			'executions_search_delete',
			'executions_search_insert',
			'executions_search_update',
		]);
		for (const [table, columns] of Object.entries(expectedColumns)) {
			const actual = sqlite(dbPath, `select name from pragma_table_info('${table}')`).split('\n');
			t.deepEqual(actual.sort(), [...columns].sort(), table);
		}

		t.is(sqlite(dbPath, "select group_concat(name) from pragma_table_info('workflow_mcp_server_associations') where pk > 0"), 'workflow_id,mcp_server_id');
		const indexes = sqlite(dbPath, "select name from sqlite_master where type = 'index'");
		t.regex(indexes, /executions_start_time_index/);
		t.regex(indexes, /executions_status_index/);
		t.is(sqlite(dbPath, "select group_concat(name) from pragma_index_info('executions_status_start_time_index')"), 'status,start_time');
		t.is(sqlite(dbPath, "select group_concat(name) from pragma_index_info('messages_execution_id_turn_number_index')"), 'execution_id,turn_number');
		t.regex(sqlite(dbPath, "select sql from sqlite_master where name = 'messages'"), /foreign key ?\(`execution_id`\) references `executions` ?\(`id`\) on delete cascade/i);
		t.is(sqlite(dbPath, 'pragma journal_mode'), 'wal');
		t.deepEqual(await pendingMigrations(orm), []);
	} finally {
		await orm.close(true);
	}

	const again = await openDatabase({dbPath, seed: false});
	try {
		t.deepEqual(await migrateDatabase(again), []);
		t.is(Number(sqlite(dbPath, 'select count(*) from mikro_orm_migrations')), migrationsList.length);
	} finally {
		await again.close(true);
	}
});

test('every connection enforces foreign keys and waits on locks', async t => {
	const orm = await openDatabase({dbPath: tempDbPath(t), seed: false});
	t.teardown(() => orm.close(true));
	const connection = orm.em.getConnection();
	t.deepEqual(await connection.execute('pragma foreign_keys'), [{foreign_keys: 1}]);
	t.deepEqual(await connection.execute('pragma busy_timeout'), [{timeout: 5000}]);
});

test('migrate: false leaves the file empty of tables until migrateDatabase runs', async t => {
	const dbPath = tempDbPath(t);
	const orm = await openDatabase({dbPath, migrate: false, seed: false});
	t.teardown(() => orm.close(true));
	t.deepEqual(
		await pendingMigrations(orm),
		migrationsList.map(migration => migration.name),
	);
	t.deepEqual(
		await migrateDatabase(orm),
		migrationsList.map(migration => migration.name),
	);
	t.deepEqual(await pendingMigrations(orm), []);
});

test('opening the default location creates its folder and writes nothing into the current directory', t => {
	const cwd = tempDir(t);
	const dataHome = join(tempDir(t), 'nested', 'deeper');
	const dbPath = join(dataHome, 'ectosmith', 'ectosmith.db');
	const script = `
		import {openDatabase} from ${JSON.stringify(join(packageRoot(), 'source/db/orm.ts'))};
		const orm = await openDatabase({dbPath: ${JSON.stringify(dbPath)}});
		await orm.close(true);
	`;
	const {ECTOSMITH_DB: _db, ...env} = process.env;
	execFileSync(process.execPath, ['--import', tsxLoader, '--input-type=module', '-e', script], {cwd, env: {...env, XDG_DATA_HOME: dataHome}, encoding: 'utf8'});
	t.true(existsSync(dbPath));
	t.deepEqual(readdirSync(cwd), []);
	t.false(existsSync(join(packageRoot(), 'temp')));
});

test('the database, its -wal and -shm files are created readable by the user alone, in a 0700 folder when we create it', async t => {
	const previous = process.umask(0o022);
	t.teardown(() => process.umask(previous));
	const dbPath = join(tempDir(t), 'data', 'ectosmith', 'ectosmith.db');
	const orm = await openDatabase({dbPath, createFolder: true});
	t.teardown(() => orm.close(true));
	// A write while open, so the WAL and its index exist.
	const em = orm.em.fork();
	em.create(McpServer, {name: 'secretive', command: 'x', args: [], env: {TOKEN: 'a-stored-secret'}});
	await em.flush();
	const mode = (file: string) => statSync(file).mode & 0o777;
	t.is(mode(dirname(dbPath)), 0o700);
	for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) t.is(mode(file), 0o600, file);
});
