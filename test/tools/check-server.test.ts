/**
 * phoenix_check_tool over stdio with the real MCP client, on the real-app test project: the
 * result is structured and validated, the step timeouts come from the server's env, and a
 * cancelled call or a server stopped mid-check leaves no mix or BEAM process behind.
 */
import {existsSync, readFileSync} from 'node:fs';
import {mkdtemp, realpath, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Client} from '@modelcontextprotocol/sdk/client/index.js';
import {StdioClientTransport} from '@modelcontextprotocol/sdk/client/stdio.js';
import test, {type ExecutionContext} from 'ava';
import {packageRoot} from '../../source/package-root.js';
import {readCheckResult} from '../../source/tool-results/check-result.js';
import {type CaseProject, checkProjectCase, groupMembers, processGone} from '../helpers/check-projects.js';
import {type EctoLibs, ectoLibs} from '../helpers/real-app/ecto-libs.js';
import {type Postgres, startPostgres} from '../helpers/real-app/postgres.js';
import {realAppTools, requireRealApp} from '../helpers/real-app/requirements.js';
import {tsxLoader} from '../helpers/tsx-loader.js';

let workDir: string | undefined;
let postgres: Postgres | undefined;
let libs: EctoLibs | undefined;

async function startCheckServer(t: ExecutionContext, env: NodeJS.ProcessEnv): Promise<{client: Client; transport: StdioClientTransport}> {
	const client = new Client({name: 'check-server-test', version: '1.0.0'});
	const transport = new StdioClientTransport({
		command: process.execPath,
		args: ['--import', tsxLoader, join(packageRoot(), 'source', 'tools', 'bin', 'phoenix-check-tool.ts')],
		env: env as Record<string, string>,
		stderr: 'pipe',
	});
	await client.connect(transport);
	t.teardown(async () => client.close().catch(() => undefined));
	return {client, transport};
}

/** Waits for the slow test's marker (the BEAM's pid) and returns its process group's members. */
async function slowTestRunning(marker: string): Promise<number[]> {
	while (!existsSync(marker) || readFileSync(marker, 'utf8') === '') await new Promise(resolve => setTimeout(resolve, 50));
	const beam = Number(readFileSync(marker, 'utf8'));
	const pgid = Number(readFileSync(`/proc/${beam}/stat`, 'utf8').split(') ')[1]!.split(' ')[2]);
	return groupMembers(pgid);
}

async function allGone(members: number[]): Promise<number[]> {
	// The server kills the group on the cancel it receives; the processes then end on their own schedule.
	for (let attempt = 0; attempt < 200 && members.some(pid => !processGone(pid)); attempt++) await new Promise(resolve => setTimeout(resolve, 25));
	return members.filter(pid => !processGone(pid));
}

if (realAppTools().missing) {
	test('the check server against a real project', t => {
		requireRealApp(t);
	});
} else {
	let slow: CaseProject | undefined;
	test.before(async t => {
		t.timeout(5 * 60_000);
		const {tools} = realAppTools();
		workDir = await realpath(await mkdtemp(join(tmpdir(), 'ectosmith-check-server-')));
		postgres = await startPostgres(tools!.pgBin);
		libs = await ectoLibs(tools!.libsArchive);
		slow = await checkProjectCase(join(workDir, 'slow'), ['passing', 'slow'], libs, postgres, workDir);
	});

	test.after.always(async () => {
		await postgres?.stop();
		if (workDir) await rm(workDir, {recursive: true, force: true});
	});

	test.serial('check_project returns a validated structured result, and its step timeouts come from the server env', async t => {
		const {client} = await startCheckServer(t, {...slow!.env, ECTOSMITH_CHECK_TEST_TIMEOUT_MS: '1'});
		const {tools} = await client.listTools();
		const tool = tools.find(each => each.name === 'check_project')!;
		t.true(tool.annotations?.readOnlyHint);
		t.truthy(tool.outputSchema);
		const response = await client.callTool({name: 'check_project', arguments: {project_path: slow!.dir, execution_files: ['test/my_app/slow_test.exs']}});
		const result = readCheckResult(response.structuredContent)!;
		t.truthy(result, JSON.stringify(response));
		t.like(result.steps[0], {step: 'compile', status: 'passed'});
		t.like(result.steps[1], {step: 'migrations', status: 'skipped', reason: 'this execution wrote no migration'});
		t.like(result.steps[2], {step: 'test', status: 'failed'});
		t.regex(result.steps[2]!.reason!, /^timed out after 0 s/);
		t.false(response.isError === true, 'a failing check is a result, not a tool error');
	});

	test.serial('a cancelled call and a server stopped during a long mix test leave no mix or BEAM process', async t => {
		const marker = join(workDir!, 'cancel.pid');
		const {client} = await startCheckServer(t, {...slow!.env, ECTOSMITH_SLOW_TEST_MARKER: marker});
		const controller = new AbortController();
		const call = client.callTool({name: 'check_project', arguments: {project_path: slow!.dir, execution_files: ['test/my_app/slow_test.exs']}}, undefined, {
			signal: controller.signal,
			timeout: 600_000,
		});
		const members = await slowTestRunning(marker);
		controller.abort();
		await t.throwsAsync(call);
		t.deepEqual(await allGone(members), []);

		const stopMarker = join(workDir!, 'stop.pid');
		const second = await startCheckServer(t, {...slow!.env, ECTOSMITH_SLOW_TEST_MARKER: stopMarker});
		const pending = second.client
			.callTool({name: 'check_project', arguments: {project_path: slow!.dir, execution_files: ['test/my_app/slow_test.exs']}}, undefined, {timeout: 600_000})
			.catch(() => undefined);
		const stopped = await slowTestRunning(stopMarker);
		// As the app does on Ctrl-C: SIGTERM to the server.
		process.kill(second.transport.pid!, 'SIGTERM');
		await pending;
		t.deepEqual(await allGone(stopped), []);
	});
}
