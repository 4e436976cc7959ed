import {execFileSync, spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {migrationsList} from '../../migrations/sqlite/index.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {tsxLoader} from '../helpers/tsx-loader.js';

const seededServers = Object.keys((JSON.parse(readFileSync(new URL('../../fixtures/mcp_servers.json', import.meta.url), 'utf8')) as {mcpServers: object}).mcpServers).length;
const writer = fileURLToPath(new URL('concurrent-writer.ts', import.meta.url));

function runWriter(dbPath: string, label: string): Promise<{code: number | null; stderr: string}> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', tsxLoader, writer, dbPath, '50', label], {stdio: ['ignore', 'ignore', 'pipe']});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		child.on('error', reject);
		child.on('exit', code => {
			resolve({code, stderr});
		});
	});
}

test('two processes writing to one new database file at once both succeed', async t => {
	const dbPath = tempDbPath(t);
	// Both start on a file that does not exist yet: they race on migrating and seeding too.
	const results = await Promise.all([runWriter(dbPath, 'first'), runWriter(dbPath, 'second')]);
	for (const result of results) t.is(result.code, 0, result.stderr);
	const query = (sql: string) => execFileSync('sqlite3', [dbPath, sql], {encoding: 'utf8'}).trim();
	t.is(query("SELECT count(*) FROM executions WHERE status = 'COMPLETED' AND total_tokens = 2"), '100');
	t.is(query("SELECT count(*) FROM executions WHERE user_query LIKE 'first #%'"), '50');
	t.is(query('SELECT count(*) FROM messages'), '200');
	t.is(query('SELECT count(*) FROM workflows'), '1');
	t.is(query('SELECT count(*) FROM mcp_servers'), String(seededServers));
	t.is(query('SELECT count(*) FROM mikro_orm_migrations'), String(migrationsList.length));
});
