import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {McpService} from '../../source/mcp/mcp-service.js';
import {McpServerError, type ToolBinding} from '../../source/mcp/types.js';
// Serial: each test starts real node processes, and a loaded machine would blur the start timeouts.
import {isProcessAlive} from '../../source/process-alive.js';
import {eventually, fixtureServer, tempFolder} from './helpers.js';

const folder = tempFolder('mcp-failures');
test.after.always(() => {
	fs.rmSync(folder, {recursive: true, force: true});
});

function find(bindings: ToolBinding[], name: string): ToolBinding {
	const found = bindings.find(binding => binding.exposedName === name);
	if (!found) {
		throw new Error(`no tool ${name}`);
	}

	return found;
}

test.serial('a call that outlives its timeout is an McpServerError naming the server, with its stderr tail', async t => {
	const service = new McpService({closeGraceMs: 300});
	t.teardown(async () => service.close());
	const bindings = await service.toolsFor([fixtureServer('slow')]);
	const error = await t.throwsAsync(service.callTool(find(bindings, 'sleep'), {}, {timeoutMs: 400}), {instanceOf: McpServerError});
	t.is(error.serverName, 'slow');
	t.regex(error.message, /^MCP server "slow": tool "sleep" did not answer within 400 ms/);
	t.true(error.stderrTail.includes('sleep started'), error.stderrTail.join('\n'));
	t.true(error.message.includes('Last lines of its stderr:\n'));
	// The server is still usable afterwards.
	t.is((await service.callTool(find(bindings, 'echo'), {text: 'still here'})).text, 'slow: still here');
});

test.serial('the service-wide request timeout applies when a call gives none', async t => {
	const service = new McpService({closeGraceMs: 300, requestTimeoutMs: 2000});
	t.teardown(async () => service.close());
	const bindings = await service.toolsFor([fixtureServer('slow2')]);
	const error = await t.throwsAsync(service.callTool(find(bindings, 'sleep'), {}), {instanceOf: McpServerError});
	t.regex(error.message, /did not answer within 2000 ms/);
});

test.serial('aborting a call rejects it and sends notifications/cancelled to the server', async t => {
	const service = new McpService({closeGraceMs: 300});
	t.teardown(async () => service.close());
	const bindings = await service.toolsFor([fixtureServer('abortable')]);
	const controller = new AbortController();
	const call = service.callTool(find(bindings, 'sleep'), {}, {signal: controller.signal});
	await eventually(() => service.stderrTail('abortable').includes('sleep started'), 'the sleep tool to start');
	controller.abort();
	const error = await t.throwsAsync(call);
	t.is(error.name, 'AbortError');
	t.false(error instanceof McpServerError);
	// The fixture writes this line when its request signal fires, i.e. when the cancellation arrived.
	await eventually(() => service.stderrTail('abortable').includes('sleep cancelled'), 'the server to see the cancellation');
	t.pass();
});

test.serial('a server that crashes mid-call gives McpServerError; the next call restarts it', async t => {
	const service = new McpService({closeGraceMs: 300});
	t.teardown(async () => service.close());
	const bindings = await service.toolsFor([fixtureServer('fragile')]);
	const [firstPid] = service.childPids();
	const error = await t.throwsAsync(service.callTool(find(bindings, 'crash'), {}), {instanceOf: McpServerError});
	t.is(error.serverName, 'fragile');
	t.regex(error.message, /exited while running tool "crash" \(exit code 3\)/);
	t.true(error.stderrTail.includes('about to crash: simulated failure'), error.stderrTail.join('\n'));
	t.deepEqual(service.childPids(), []);

	t.is((await service.callTool(find(bindings, 'echo'), {text: 'back'})).text, 'fragile: back');
	const [secondPid] = service.childPids();
	t.truthy(secondPid);
	t.not(secondPid, firstPid);
	t.false(isProcessAlive(firstPid!));
});

test.serial('a server that exits at start gives a clear error with its stderr', async t => {
	const service = new McpService({closeGraceMs: 300});
	t.teardown(async () => service.close());
	const error = await t.throwsAsync(service.toolsFor([fixtureServer('broken', 'exit-at-start')]), {instanceOf: McpServerError});
	t.is(error.serverName, 'broken');
	t.regex(error.message, /^MCP server "broken": exited during startup \(exit code 1\)/);
	t.true(error.stderrTail.includes('fatal: cannot open config file /nonexistent/settings.toml'));
	t.deepEqual(service.childPids(), []);
});

test.serial('a server that never answers initialize times out, and is killed even though it ignores SIGTERM', async t => {
	const service = new McpService({closeGraceMs: 300, startTimeoutMs: 5000});
	t.teardown(async () => service.close());
	const pidFile = path.join(folder, 'mute.pid');
	const error = await t.throwsAsync(service.toolsFor([fixtureServer('mute', 'never-initialize', {FIXTURE_PID_FILE: pidFile})]), {
		instanceOf: McpServerError,
	});
	t.regex(error.message, /^MCP server "mute": did not answer the MCP initialize request within 5000 ms/);
	t.true(error.stderrTail.includes('waiting forever'), error.stderrTail.join('\n'));
	const pid = Number(fs.readFileSync(pidFile, 'utf8'));
	t.false(isProcessAlive(pid), 'the SIGTERM-ignoring child must have been SIGKILLed');
});

test.serial('a command that does not exist, or a missing working directory, is named in the error', async t => {
	const service = new McpService({closeGraceMs: 300});
	t.teardown(async () => service.close());
	const missing = {...fixtureServer('ghost'), command: 'ectosmith-no-such-command'};
	const error = await t.throwsAsync(service.toolsFor([missing]), {instanceOf: McpServerError});
	t.is(error.message, 'MCP server "ghost": could not start: command "ectosmith-no-such-command" was not found (is it installed and on PATH?)');

	const badCwd = {...fixtureServer('lost'), cwd: path.join(folder, 'nope')};
	const cwdError = await t.throwsAsync(service.toolsFor([badCwd]), {instanceOf: McpServerError});
	t.regex(cwdError.message, /working directory ".*nope" does not exist or is not a folder/);
});

test.serial('a failing server among several fails toolsFor, the healthy one keeps running for reuse', async t => {
	const service = new McpService({closeGraceMs: 300});
	t.teardown(async () => service.close());
	const error = await t.throwsAsync(service.toolsFor([fixtureServer('good'), fixtureServer('bad', 'exit-at-start')]), {
		instanceOf: McpServerError,
	});
	t.is(error.serverName, 'bad');
	t.is(service.childPids().length, 1);
	const bindings = await service.toolsFor([fixtureServer('good')]);
	t.is((await service.callTool(find(bindings, 'echo'), {text: 'ok'})).text, 'good: ok');
});

test.serial('invalid entries are rejected before anything starts, naming the bad part', async t => {
	const service = new McpService();
	t.teardown(async () => service.close());
	const base = fixtureServer('cfg');
	await t.throwsAsync(service.toolsFor([{...base, command: ''}]), {message: 'MCP server "cfg": invalid entry: command must be a non-empty string'});
	await t.throwsAsync(service.toolsFor([{...base, args: ['ok', 3 as unknown as string]}]), {
		message: 'MCP server "cfg": invalid entry: args[1] must be a string, got number',
	});
	await t.throwsAsync(service.toolsFor([{...base, env: {A: 1 as unknown as string}}]), {
		message: 'MCP server "cfg": invalid entry: env.A must be a string, got number',
	});
	await t.throwsAsync(service.toolsFor([base, {...base, args: []}]), {message: 'MCP server "cfg": invalid entry: two different entries share this name'});
	t.throws(() => new McpService({requestTimeoutMs: -5}), {message: 'requestTimeoutMs must be a positive number of milliseconds, got -5'});
	t.deepEqual(service.childPids(), []);
});

test('once closed, the service starts no server: a late request for tools is refused', async t => {
	const service = new McpService({closeGraceMs: 300});
	await service.close();
	await t.throwsAsync(service.toolsFor([fixtureServer('late')]), {message: /shutting down/});
	t.deepEqual(service.childPids(), []);
});
