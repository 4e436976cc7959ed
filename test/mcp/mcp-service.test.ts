import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {createLogger} from '../../source/log/logger.js';
import {McpService} from '../../source/mcp/mcp-service.js';
import type {ToolBinding} from '../../source/mcp/types.js';
import {isProcessAlive} from '../../source/process-alive.js';
import {eventually, fixtureServer, tempFolder} from './helpers.js';

// The secrets must be in our environment before any child starts, to prove they stay here.
process.env.GEMINI_API_KEY = 'AIza-test-gemini-key-never-in-children';
process.env.GOOGLE_API_KEY = 'google-test-key-never-in-children';
process.env.ECTOSMITH_DB = '/tmp/ectosmith-test-never-in-children.db';

const folder = tempFolder('mcp-service');
const logFile = path.join(folder, 'ectosmith.log');
const entrySecret = 'entry-secret-value-4242';
const service = new McpService({logger: createLogger({file: logFile, level: 'debug'}).child('mcp'), closeGraceMs: 300});
const serverA = fixtureServer('a', 'basic-server', {FIXTURE_TOKEN: entrySecret});
const serverB = fixtureServer('b');
let bindings: ToolBinding[] = [];

function binding(exposedName: string): ToolBinding {
	const found = bindings.find(candidate => candidate.exposedName === exposedName);
	if (!found) {
		throw new Error(`no binding ${exposedName} in ${bindings.map(b => b.exposedName).join(', ')}`);
	}

	return found;
}

test.before(async () => {
	bindings = await service.toolsFor([serverA, serverB]);
});

test.after.always(async () => {
	await service.close();
	fs.rmSync(folder, {recursive: true, force: true});
});

test.serial('toolsFor starts both servers and lists their tools with schemas', t => {
	t.is(service.childPids().length, 2);
	const echo = binding('a__echo');
	t.is(echo.serverName, 'a');
	t.is(echo.toolName, 'echo');
	t.is(echo.description, 'Echoes the text back');
	t.deepEqual((echo.inputSchema as {required?: string[]}).required, ['text']);
	// Started concurrently: both children were spawned before either finished starting.
	const log = fs.readFileSync(logFile, 'utf8');
	const firstStarted = Math.min(log.indexOf('[mcp:a] started'), log.indexOf('[mcp:b] started'));
	t.true(log.indexOf('[mcp:a] starting') < firstStarted);
	t.true(log.indexOf('[mcp:b] starting') < firstStarted);
});

test.serial('a tool name offered by two servers is exposed as server__tool for both', t => {
	const names = bindings.map(b => b.exposedName);
	for (const tool of ['echo', 'add', 'fail']) {
		t.true(names.includes(`a__${tool}`), tool);
		t.true(names.includes(`b__${tool}`), tool);
		t.false(names.includes(tool), tool);
	}
});

test.serial('a name Gemini cannot accept is sanitised', t => {
	const weird = bindings.find(b => b.serverName === 'a' && b.toolName === 'weird name!');
	t.is(weird?.exposedName, 'a__weird_name_');
	for (const b of bindings) {
		t.regex(b.exposedName, /^[a-zA-Z_][a-zA-Z0-9_.-]{0,63}$/);
	}
});

test.serial('callTool reaches the right server and joins text content', async t => {
	t.deepEqual(await service.callTool(binding('a__echo'), {text: 'hello'}), {isError: false, text: 'a: hello'});
	t.deepEqual(await service.callTool(binding('b__echo'), {text: 'hello'}), {isError: false, text: 'b: hello'});
	const sum = await service.callTool(binding('a__add'), {a: 2, b: 3});
	t.is(sum.text, '5\n[image image/png]');
	t.deepEqual(sum.structuredContent, {sum: 5});
});

test.serial('a tool returning isError is a result, not a thrown error', async t => {
	const result = await service.callTool(binding('b__fail'), {});
	t.true(result.isError);
	t.is(result.text, 'the fail tool failed on purpose');
});

test.serial('validateArgs names the missing property and the wrong type', t => {
	const add = binding('a__add');
	const problems = service.validateArgs(add, {a: 'two', note: 'average', extra: true});
	t.true(problems.includes('missing required property "b"'), problems.join('; '));
	t.true(problems.includes('property "a" must be number, got the string "two"'), problems.join('; '));
	t.true(problems.includes('property "note" must be one of "sum", "total", got "average"'), problems.join('; '));
	t.deepEqual(service.validateArgs(add, {a: 1, b: 2}), []);
	t.deepEqual(service.validateArgs(add, [] as unknown as Record<string, unknown>), ['arguments must be a JSON object, got an array']);
});

test.serial('a child sees only the safe base and its own env, never our keys or database', async t => {
	const report = JSON.parse((await service.callTool(binding('a__env_report'), {})).text) as {
		names: string[];
		hasGeminiKey: boolean;
		hasGoogleKey: boolean;
		label: string;
	};
	t.false(report.hasGeminiKey);
	t.false(report.hasGoogleKey);
	t.false(report.names.includes('ECTOSMITH_DB'));
	t.true(report.names.includes('PATH'));
	t.true(report.names.includes('FIXTURE_TOKEN'));
	t.is(report.label, 'a');
	// Our own process does have them: the isolation is the service's doing.
	t.truthy(process.env.GEMINI_API_KEY);
});

async function reportOf(tool: ToolBinding): Promise<{pid: number; label: string}> {
	return JSON.parse((await service.callTool(tool, {})).text) as {pid: number; label: string};
}

test.serial('a second toolsFor reuses the running processes; a changed entry gets a new one', async t => {
	const before = service.childPids().sort();
	const again = await service.toolsFor([serverA, serverB]);
	t.deepEqual(service.childPids().sort(), before);
	t.is(again.length, bindings.length);

	const onlyB = await service.toolsFor([serverB]);
	t.true(
		onlyB.some(b => b.exposedName === 'echo'),
		'without a clash the plain name is used',
	);
	const oldB = await reportOf(binding('b__env_report'));
	t.true(before.includes(oldB.pid));

	const changedB = {...serverB, env: {...serverB.env, FIXTURE_LABEL: 'b2'}};
	bindings = await service.toolsFor([serverA, changedB]);
	const newB = await reportOf(binding('b__env_report'));
	t.is(newB.label, 'b2');
	t.not(newB.pid, oldB.pid);
	t.deepEqual(service.childPids().sort(), [...before.filter(pid => pid !== oldB.pid), newB.pid].sort());
	await eventually(() => !isProcessAlive(oldB.pid), 'the replaced server to exit');
	t.pass();
});

test.serial('tool calls and stderr lines are logged with the server tag; entry env values are redacted', async t => {
	await service.callTool(binding('a__echo'), {text: `token is ${entrySecret}`});
	const log = fs.readFileSync(logFile, 'utf8');
	t.regex(log, /INFO {2}\[mcp:a\] tool echo done in \d+ ms/);
	t.regex(log, /\[mcp:a\] echo called with token is \[REDACTED\]/);
	t.false(log.includes(entrySecret));
	t.false(log.includes(process.env.GEMINI_API_KEY!));
});

test.serial('close() stops every child, even one busy in a call', async t => {
	const pids = service.childPids();
	t.is(pids.length, 2);
	// A call in flight keeps the server's event loop busy after stdin closes: close must escalate.
	const pending = service.callTool(binding('a__sleep'), {});
	await service.close();
	await t.throwsAsync(pending, {name: 'McpServerError'});
	for (const pid of pids) {
		t.false(isProcessAlive(pid), `pid ${pid} still alive`);
	}

	t.deepEqual(service.childPids(), []);
});
