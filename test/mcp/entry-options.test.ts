import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import test from 'ava';
import {EnvReferenceError, expandEnvReferences} from '../../source/config/env-references.js';
import {McpServerError, McpService, ServerNotRunnableError} from '../../source/mcp/mcp-service.js';
import {fixtureServer} from './helpers.js';

test('include and exclude lists decide which tools are offered; trust and timeout reach the bindings', async t => {
	const service = new McpService({closeGraceMs: 300});
	t.teardown(async () => service.close());
	const only = {...fixtureServer('only'), includeTools: ['echo', 'add', 'sleep'], excludeTools: ['add'], trust: true, timeoutMs: 400};
	const bindings = await service.toolsFor([only]);
	t.deepEqual(bindings.map(binding => binding.toolName).sort(), ['echo', 'sleep']);
	t.true(bindings.every(binding => binding.trusted));
	const sleep = bindings.find(binding => binding.toolName === 'sleep')!;
	// The entry's own timeout wins over the caller's (much longer) default.
	const error = await t.throwsAsync(service.callTool(sleep, {}, {timeoutMs: 600_000}));
	t.true(error instanceof McpServerError);
	t.regex(error!.message, /did not answer within 400 ms/);

	const plain = await service.toolsFor([fixtureServer('plain')]);
	t.true(plain.some(binding => binding.toolName === 'add'));
	t.false(plain.some(binding => binding.trusted));
});

test('a disabled entry is refused, and an HTTP entry nobody answers fails, with a clear error and nothing started', async t => {
	const service = new McpService({closeGraceMs: 300});
	t.teardown(async () => service.close());
	const disabled = await t.throwsAsync(service.toolsFor([{...fixtureServer('off'), enabled: false}]));
	t.true(disabled instanceof ServerNotRunnableError);
	t.regex(disabled!.message, /MCP server "off": is disabled; enable it with `ectosmith servers enable off`/);
	// A port that was free a moment ago: nothing listens there.
	const probe = createServer();
	await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve));
	const {port} = probe.address() as AddressInfo;
	await new Promise(resolve => probe.close(resolve));
	const url = `http://127.0.0.1:${port}/mcp`;
	const remote = await t.throwsAsync(service.toolsFor([{name: 'remote', command: '', args: [], env: {}, description: '', transport: 'http', url}]));
	t.true(remote instanceof McpServerError);
	t.is(remote!.message, `MCP server "remote": could not connect to ${url}: nothing listens there (is the server running?)`);
	const noUrl = await t.throwsAsync(service.toolsFor([{name: 'nourl', command: '', args: [], env: {}, description: '', transport: 'http'}]));
	t.true(noUrl instanceof ServerNotRunnableError);
	t.deepEqual(service.childPids(), []);
});

test('env values referencing our environment are expanded when the server starts; a missing one names it', async t => {
	process.env.ECTOSMITH_TEST_LABEL = 'expanded-label';
	const service = new McpService({closeGraceMs: 300});
	t.teardown(async () => service.close());
	const server = fixtureServer('refs', 'basic-server', {FIXTURE_LABEL: '${ECTOSMITH_TEST_LABEL}'});
	const [echo] = (await service.toolsFor([server])).filter(binding => binding.toolName === 'echo');
	t.is((await service.callTool(echo!, {text: 'hi'})).text, 'expanded-label: hi');

	const missing = await t.throwsAsync(service.toolsFor([fixtureServer('missing', 'basic-server', {TOKEN: 'Bearer ${ECTOSMITH_NOT_SET_ANYWHERE}'})]));
	t.regex(missing!.message, /MCP server "missing": could not start: env TOKEN references \$\{ECTOSMITH_NOT_SET_ANYWHERE\}, which is not set/);
});

test('expandEnvReferences: ${NAME} and ${env:NAME}; VS Code inputs cannot be asked for here', t => {
	t.deepEqual(expandEnvReferences({A: 'x ${B} ${env:C}', D: 'plain'}, {B: 'b', C: 'c'}), {A: 'x b c', D: 'plain'});
	const input = t.throws(() => expandEnvReferences({KEY: '${input:api-key}'}, {}));
	t.true(input instanceof EnvReferenceError);
	t.regex(input!.message, /VS Code input "api-key"/);
});
