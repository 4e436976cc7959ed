/**
 * MCP over HTTP: our three tool servers serve with --http on the loopback address, refuse
 * requests without their token, and carry a whole workflow end to end; an older server that
 * speaks only HTTP+SSE is reached through the fallback; headers' ${VARIABLE}s are expanded and
 * their values never shown.
 */
import {type ChildProcess, spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {McpServer as SdkServer} from '@modelcontextprotocol/sdk/server/mcp.js';
import {SSEServerTransport} from '@modelcontextprotocol/sdk/server/sse.js';
import test from 'ava';
import type {McpServerConfig} from '../../source/config/types.js';
import {McpServerError, McpService} from '../../source/mcp/mcp-service.js';
import {probeServer} from '../../source/mcp/probe.js';
import {packageRoot} from '../../source/package-root.js';
import {OfflineProvider} from '../../source/planner/offline-provider.js';
import {parseServeArgs} from '../../source/tools/servers/serve-main.js';
import {setupEngine} from '../engine/_support.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {tsxLoader} from '../helpers/tsx-loader.js';

interface Served {
	name: string;
	url: string;
	token: string;
	child: ChildProcess;
}

/** Starts one of our servers with --http 0; resolves once it printed its address and token (its signal of readiness). */
function serveOverHttp(name: string, bin: string): Promise<Served> {
	const child = spawn(process.execPath, ['--import', tsxLoader, path.join(packageRoot(), 'source/tools/bin', bin), '--http', '0'], {stdio: ['ignore', 'pipe', 'pipe']});
	return new Promise((resolve, reject) => {
		let out = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			out += chunk;
			const url = /MCP over HTTP at (\S+)/.exec(out)?.[1];
			const token = /Token: (\S+)/.exec(out)?.[1];
			if (url && token) resolve({name, url, token, child});
		});
		child.on('error', reject);
		child.on('exit', code => reject(new Error(`${bin} exited ${code} before serving: ${out}`)));
	});
}

const servers: Served[] = [];
test.before(async () => {
	servers.push(
		...(await Promise.all([
			serveOverHttp('elixir_ecto_gen_tool', 'elixir-ecto-gen-tool.ts'),
			serveOverHttp('elixir_migration_gen_tool', 'elixir-migration-gen-tool.ts'),
			serveOverHttp('phoenix_context_gen_tool', 'phoenix-context-gen-tool.ts'),
		])),
	);
});
test.after.always(() => {
	for (const server of servers) server.child.kill('SIGTERM');
});

/** An entry for a served server, its token in a header written ${VARIABLE}. */
function httpEntry(served: Served): McpServerConfig {
	const variable = `ECTOSMITH_TEST_TOKEN_${served.name.toUpperCase()}`;
	process.env[variable] = served.token;
	return {name: served.name, command: '', args: [], env: {}, description: '', transport: 'http', url: served.url, headers: {Authorization: `Bearer \${${variable}}`}};
}

test('bound to the loopback address, and every request without the token is refused', async t => {
	const [served] = servers;
	t.regex(served!.url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
	const initialize = {jsonrpc: '2.0', id: 1, method: 'initialize', params: {protocolVersion: '2025-06-18', capabilities: {}, clientInfo: {name: 't', version: '1'}}};
	const post = async (headers: Record<string, string>) =>
		fetch(served!.url, {method: 'POST', headers: {'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers}, body: JSON.stringify(initialize)});
	t.is((await post({})).status, 401);
	t.is((await post({authorization: 'Bearer wrong'})).status, 401);
	t.is((await post({authorization: `Bearer ${served!.token}`})).status, 200);
	t.deepEqual(parseServeArgs(['--http', '8080', '--host', '0.0.0.0']), {http: {port: 8080, host: '0.0.0.0'}});
	t.regex(parseServeArgs(['--http', 'x']).error!, /^--http needs a port/);
	t.regex(parseServeArgs(['--port', '1']).error!, /^Unknown argument "--port"/);
});

test('a workflow runs end to end on our three servers over HTTP', async t => {
	t.timeout(180_000);
	const project = await copyFixtureProject(t);
	const {engine, recorder} = await setupEngine(t, {servers: servers.map(httpEntry), provider: new OfflineProvider()});
	const result = await engine.run({description: 'Blog.Post posts title:string body:text', projectPath: project});
	t.is(result.status, 'COMPLETED', result.errorMessage);
	t.true(existsSync(path.join(project, 'lib/my_app/blog/post.ex')));
	t.true(existsSync(path.join(project, 'lib/my_app/blog.ex')));
	const messages = await recorder.listMessages(result.executionId);
	t.true(messages.some(message => message.role === 'tool_response' && message.functionResponseName === 'generate_schema' && !message.isError));
});

test('the check server serves over HTTP too, with its token', async t => {
	const served = await serveOverHttp('phoenix_check_tool', 'phoenix-check-tool.ts');
	t.teardown(() => served.child.kill('SIGTERM'));
	const probed = await probeServer(httpEntry(served));
	t.true(probed.ok && probed.tools.some(tool => tool.name === 'check_project'));
});

test('servers test probes an HTTP entry; a wrong token is one line that never shows the header', async t => {
	const [served] = servers;
	const probed = await probeServer(httpEntry(served!));
	t.true(probed.ok);
	t.true(probed.ok && probed.tools.some(tool => tool.name === 'generate_schema'));
	const wrong = await probeServer({...httpEntry(served!), headers: {Authorization: 'Bearer not-the-token-4f9a'}});
	t.false(wrong.ok);
	t.regex(!wrong.ok ? wrong.error : '', /refused the connection \(HTTP 401\): check the entry's headers/);
	t.notRegex(!wrong.ok ? wrong.error : '', /not-the-token-4f9a/);
	const unset = await probeServer({...httpEntry(served!), headers: {Authorization: 'Bearer ${ECTOSMITH_TEST_NOT_SET}'}});
	t.regex(!unset.ok ? unset.error : '', /header Authorization references \$\{ECTOSMITH_TEST_NOT_SET\}, which is not set/);
});

test('an older server that speaks only HTTP+SSE is reached through the fallback', async t => {
	const transports = new Map<string, SSEServerTransport>();
	const http = createServer(async (request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		if (request.method === 'GET' && url.pathname === '/sse') {
			const transport = new SSEServerTransport('/messages', response);
			transports.set(transport.sessionId, transport);
			const server = new SdkServer({name: 'old', version: '1'});
			server.registerTool('echo', {description: 'echo'}, async () => ({content: [{type: 'text', text: 'echoed'}]}));
			await server.connect(transport);
			return;
		}

		const transport = transports.get(url.searchParams.get('sessionId') ?? '');
		if (request.method === 'POST' && url.pathname === '/messages' && transport) {
			await transport.handlePostMessage(request, response);
			return;
		}

		// What a server from before streamable HTTP answers the POST of initialize.
		response.writeHead(405).end();
	});
	await new Promise<void>(resolve => http.listen(0, '127.0.0.1', resolve));
	t.teardown(() => {
		http.closeAllConnections();
		http.close();
	});
	const service = new McpService({closeGraceMs: 300});
	t.teardown(async () => service.close());
	const entry: McpServerConfig = {name: 'old', command: '', args: [], env: {}, description: '', transport: 'http', url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/sse`};
	const [binding] = await service.toolsFor([entry]);
	t.is(binding?.toolName, 'echo');
	t.like(await service.callTool(binding!, {}), {isError: false, text: 'echoed'});
	const error = await t.throwsAsync(new McpService().toolsFor([{...entry, name: 'gone', url: 'http://127.0.0.1:1/sse'}]));
	t.true(error instanceof McpServerError);
});
