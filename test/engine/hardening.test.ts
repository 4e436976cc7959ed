/**
 * The engine's promises under a hostile model or user: every call pinned to the execution's
 * project, a write under way at a cancel recorded as it really ended, descriptions bounded.
 */
import {existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {DescriptionError, MAX_DESCRIPTION_BYTES} from '../../source/engine/description.js';
import {McpService} from '../../source/mcp/mcp-service.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {tempDir} from '../helpers/temp-dir.js';
import {realToolServers} from '../helpers/tool-servers.js';
import {answer, call, flakyServer, setupEngine, TestProvider} from './_support.js';

// One set of tool servers for the file (the tests run one at a time): a busy machine starts three
// node processes slowly enough without doing it per test.
const sharedMcp = new McpService({requestTimeoutMs: 60_000, startTimeoutMs: 120_000});
test.after.always(async () => sharedMcp.close());

const schemaArgs = {schema: 'Blog.Post', plural: 'posts', attrs: ['title:string']};
const SCHEMA_FILE = 'lib/my_app/blog/post.ex';

function allFiles(dir: string): string[] {
	return readdirSync(dir, {recursive: true, encoding: 'utf8'}).sort();
}

test.serial('a call naming another project is refused where the model sees it, and nothing is written there', async t => {
	const project = await copyFixtureProject(t);
	const other = await copyFixtureProject(t);
	const before = allFiles(other);
	const provider = new TestProvider([call('generate_schema', {...schemaArgs, project_path: other}), answer('Done.')]);
	const {engine, recorder} = await setupEngine(t, {servers: realToolServers(), mcp: sharedMcp, provider});

	const result = await engine.run({description: 'posts', projectPath: project});

	t.deepEqual(allFiles(other), before);
	t.false(existsSync(path.join(project, SCHEMA_FILE)));
	const response = (await recorder.listMessages(result.executionId)).filter(message => message.role === 'tool_response').at(-1);
	t.like(response, {isError: true});
	t.true(response!.contentText!.startsWith(`This execution writes only into ${project}; project_path ${JSON.stringify(other)} names another folder`));
	const sent = provider.requests[1]!.history.at(-1);
	t.true(sent?.role === 'tool' && sent.results[0]!.response.text.includes('writes only into'));
});

test.serial('the pin holds for a continuation too, and accepts the project by another name (relative, through a symlink)', async t => {
	const project = await copyFixtureProject(t);
	const other = await copyFixtureProject(t);
	const links = tempDir(t);
	const link = path.join(links, 'link-to-project');
	symlinkSync(project, link);
	const provider = new TestProvider([
		call('generate_schema', {...schemaArgs, project_path: '.'}),
		answer('Done.'),
		call('generate_schema', {schema: 'Blog.Comment', plural: 'comments', attrs: ['body:text'], project_path: link}),
		answer('Done.'),
		call('generate_schema', {schema: 'Blog.Tag', plural: 'tags', attrs: ['name:string'], project_path: `${other}/../${path.basename(other)}`}),
		answer('Done.'),
	]);
	const {engine, recorder} = await setupEngine(t, {servers: realToolServers(), mcp: sharedMcp, provider});

	const first = await engine.run({description: 'posts', projectPath: project});
	t.true(existsSync(path.join(project, SCHEMA_FILE)));
	const second = await engine.run({description: 'comments', continueFrom: first.executionId});
	t.true(existsSync(path.join(project, 'lib/my_app/blog/comment.ex')));
	// The call that was sent names the project itself.
	const request = (await recorder.listMessages(second.executionId)).find(message => message.role === 'tool_request');
	t.like(request?.functionCallArgs, {project_path: project});

	const otherBefore = allFiles(other);
	const third = await engine.run({description: 'tags', continueFrom: second.executionId});
	t.deepEqual(allFiles(other), otherBefore);
	const refused = (await recorder.listMessages(third.executionId)).find(message => message.role === 'tool_response');
	t.like(refused, {isError: true});
	t.regex(refused!.contentText!, /writes only into/);
});

test.serial('Ctrl-C during a write: the write finishes and its real result is recorded, with the file it wrote', async t => {
	const project = tempDir(t);
	writeFileSync(path.join(project, 'mix.exs'), 'defmodule A.MixProject do\nend\n');
	const target = path.join(project, 'written.txt');
	const provider = new TestProvider([call('write_slowly', {path: target, ms: 1500}), answer('unreachable')]);
	const {engine, recorder, events} = await setupEngine(t, {servers: [flakyServer()], provider});
	const controller = new AbortController();
	engine.on(event => {
		if (event.type !== 'tool_call_started') return;
		// Cancel once the file is on disk and the tool has not answered yet.
		const poll = setInterval(() => {
			if (existsSync(target)) {
				clearInterval(poll);
				controller.abort();
			}
		}, 10);
	});

	const result = await engine.run({description: 'write', projectPath: project, signal: controller.signal});

	t.is(result.status, 'CANCELLED');
	t.true(existsSync(target));
	const response = (await recorder.listMessages(result.executionId)).filter(message => message.role === 'tool_response').at(-1);
	t.like(response, {isError: false, contentText: `wrote ${target}`});
	t.like(
		events.find(event => event.type === 'tool_call_finished'),
		{isError: false, structuredContent: {files: [{path: target, action: 'created'}]}},
	);
	t.is(provider.requests.length, 1, 'no model turn after the cancel');
});

test.serial('Ctrl-C during a write that never answers: the wait is bounded and the record says files may be written', async t => {
	const project = tempDir(t);
	writeFileSync(path.join(project, 'mix.exs'), 'defmodule A.MixProject do\nend\n');
	const target = path.join(project, 'written.txt');
	const provider = new TestProvider([call('write_slowly', {path: target, ms: 120_000}), answer('unreachable')]);
	const {engine, recorder} = await setupEngine(t, {servers: [flakyServer()], provider, writeGraceMs: 200});
	const controller = new AbortController();
	engine.on(event => {
		if (event.type === 'tool_call_started') setTimeout(() => controller.abort(), 300);
	});

	const result = await engine.run({description: 'write', projectPath: project, signal: controller.signal});

	t.is(result.status, 'CANCELLED');
	const response = (await recorder.listMessages(result.executionId)).filter(message => message.role === 'tool_response').at(-1);
	t.like(response, {isError: true});
	t.regex(response!.contentText!, /did not answer within 200 ms of the cancel, so some of its files may have been written/);
});

test.serial('a description with NUL, or over 64 KiB, is refused before anything is recorded', async t => {
	const project = tempDir(t);
	mkdirSync(path.join(project, 'lib'));
	const provider = new TestProvider([answer('unreachable')]);
	const {engine, recorder} = await setupEngine(t, {servers: [flakyServer()], provider});

	await t.throwsAsync(engine.run({description: 'Blog.Post posts\u0000 title', projectPath: project}), {
		instanceOf: DescriptionError,
		message: 'The description contains a NUL character (at character 16); a description is plain text. Remove it and try again.',
	});
	await t.throwsAsync(engine.run({description: 'x'.repeat(MAX_DESCRIPTION_BYTES + 1), projectPath: project}), {
		instanceOf: DescriptionError,
		message: /the limit is 64 KiB \(65536 bytes\)/,
	});
	// Multi-byte characters count as the bytes they take.
	await t.throwsAsync(engine.run({description: 'é'.repeat(MAX_DESCRIPTION_BYTES / 2 + 1), projectPath: project}), {instanceOf: DescriptionError});
	await t.throwsAsync(engine.run({description: ' \n ', projectPath: project}), {instanceOf: DescriptionError, message: /description is empty/});
	await t.throwsAsync(recorder.getExecution(1));
	t.is(provider.requests.length, 0);
});
