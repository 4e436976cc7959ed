/**
 * The repair path, with the real @google/genai client against the fake Gemini server, the four
 * real tool servers and a real project (mix, the Ecto libraries, a private PostgreSQL): the model
 * adds a field to a schema without the migration that adds its column, check_project fails on the context's test, the model
 * adds the column with a migration, and the second check passes. The engine, not the model, says
 * which files the execution wrote.
 */
import {mkdtemp, realpath, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {createProvider} from '../../source/app/create-provider.js';
import {OfflineProvider} from '../../source/planner/offline-provider.js';
import {readCheckResult} from '../../source/tool-results/check-result.js';
import {checkProjectCase} from '../helpers/check-projects.js';
import {startFakeGemini} from '../helpers/fake-gemini.js';
import {ectoLibs} from '../helpers/real-app/ecto-libs.js';
import {type Postgres, startPostgres} from '../helpers/real-app/postgres.js';
import {realAppTools, requireRealApp} from '../helpers/real-app/requirements.js';
import {realToolServers, tsServer} from '../helpers/tool-servers.js';
import {setupEngine} from './_support.js';

let work: string | undefined;
let postgres: Postgres | undefined;

test.after.always(async () => {
	await postgres?.stop();
	if (work) await rm(work, {recursive: true, force: true});
});

test('a failing check is read, repaired with the tools within the turn limit, and the second check passes', async t => {
	if (!requireRealApp(t)) return;
	t.timeout(6 * 60_000);
	const {tools} = realAppTools();
	work = await realpath(await mkdtemp(join(tmpdir(), 'ectosmith-check-loop-')));
	postgres = await startPostgres(tools!.pgBin);
	const libs = await ectoLibs(tools!.libsArchive);
	const project = await checkProjectCase(join(work, 'my_app'), [], libs, postgres, work);
	const env = project.env;
	const checkServer = {
		...tsServer('phoenix_check_tool', 'source/tools/bin/phoenix-check-tool.ts'),
		// What the project's mix needs beyond the safe base every server gets.
		env: Object.fromEntries(['ECTOSMITH_REAL_APP_LIBS', 'ECTOSMITH_PG_SOCKET_DIR', 'ECTOSMITH_PG_PORT', 'MIX_TEST_PARTITION', 'XDG_STATE_HOME'].map(name => [name, env[name]!])),
	};
	const p = project.dir;
	const fake = await startFakeGemini([
		{
			text: 'Writing the blog, then adding views to posts.',
			functionCalls: [
				{name: 'generate_context', args: {project_path: p, context: 'Blog', schema: 'Post', plural: 'posts', attrs: ['title:string']}},
				// The mistake: the schema gains a field, but no migration adds its column.
				{name: 'generate_schema', args: {project_path: p, schema: 'Blog.Post', plural: 'posts', attrs: ['title:string', 'views:integer:optional'], overwrite: true}},
			],
		},
		// The model passes no execution_files: the engine fills them.
		{text: 'Checking.', functionCalls: [{name: 'check_project', args: {project_path: p}}]},
		{
			text: 'The posts table has no views column: adding it.',
			functionCalls: [{name: 'generate_add_fields_migration', args: {project_path: p, schema: 'Blog.Post', plural: 'posts', attrs: ['views:integer:optional']}}],
		},
		{text: 'Checking again.', functionCalls: [{name: 'check_project', args: {project_path: p, execution_files: ['mix.exs']}}]},
		{text: 'Done. The last check passed: compile, migrations, test, format.'},
	]);
	t.teardown(() => fake.close());
	const provider = createProvider({provider: 'gemini', model: 'gemini-2.5-flash', env: {GEMINI_API_KEY: 'test-key', GOOGLE_GEMINI_BASE_URL: fake.url}});
	const {engine, recorder} = await setupEngine(t, {servers: [...realToolServers(), checkServer], provider, maxTurns: 6});
	const result = await engine.run({description: 'Blog.Post posts title:string', projectPath: p});
	t.is(result.status, 'COMPLETED', result.errorMessage);

	const messages = await recorder.listMessages(result.executionId);
	const requests = messages.filter(message => message.role === 'tool_request' && message.functionCallName === 'check_project');
	const responses = messages.filter(message => message.role === 'tool_response' && message.functionResponseName === 'check_project');
	t.is(responses.length, 2);
	const [first, second] = responses.map(response => readCheckResult((response.functionResponseContent as {structuredContent?: unknown}).structuredContent)!);

	// The first check: the context's test fails where the missing column is used.
	t.is(first!.status, 'failed', JSON.stringify(first, null, 2));
	const failedTest = first!.steps.find(step => step.step === 'test')!;
	t.is(failedTest.status, 'failed');
	t.is(failedTest.errors[0]!.file, 'test/my_app/blog_test.exs');
	t.true(Number.isInteger(failedTest.errors[0]!.line));
	t.regex(JSON.stringify(failedTest.errors), /views/);

	// The second: everything this execution wrote passes, the new migration included.
	t.is(second!.status, 'passed', JSON.stringify(second, null, 2));
	t.deepEqual(
		second!.steps.map(step => step.status),
		['passed', 'passed', 'passed', 'passed'],
	);

	// The files came from the execution, not from the model (which passed mix.exs the second time).
	const files = requests.map(request => (request.functionCallArgs as {execution_files: string[]}).execution_files);
	t.true(files[0]!.includes('lib/my_app/blog/post.ex') && files[0]!.includes('test/my_app/blog_test.exs'), JSON.stringify(files[0]));
	t.false(files[1]!.includes('mix.exs'));
	t.true(
		files[1]!.some(file => /_add_views_to_posts\.exs$/.test(file)),
		JSON.stringify(files[1]),
	);
	// The model read the failure: the check's errors went back to Gemini.
	t.regex(JSON.stringify(fake.requests[2]!.body), /blog_test\.exs/);
});

test('the offline planner checks after its writes and reports the result exactly', async t => {
	if (!requireRealApp(t)) return;
	t.timeout(6 * 60_000);
	const {tools} = realAppTools();
	work ??= await realpath(await mkdtemp(join(tmpdir(), 'ectosmith-check-loop-')));
	postgres ??= await startPostgres(tools!.pgBin);
	const libs = await ectoLibs(tools!.libsArchive);
	const project = await checkProjectCase(join(work, 'offline'), [], libs, postgres, work);
	const checkServer = {
		...tsServer('phoenix_check_tool', 'source/tools/bin/phoenix-check-tool.ts'),
		env: Object.fromEntries(['ECTOSMITH_REAL_APP_LIBS', 'ECTOSMITH_PG_SOCKET_DIR', 'ECTOSMITH_PG_PORT', 'MIX_TEST_PARTITION', 'XDG_STATE_HOME'].map(name => [name, project.env[name]!])),
	};
	const {engine, recorder} = await setupEngine(t, {servers: [...realToolServers(), checkServer], provider: new OfflineProvider()});
	const result = await engine.run({description: 'Blog.Post posts title:string', projectPath: project.dir});
	t.is(result.status, 'COMPLETED', result.errorMessage);
	const messages = await recorder.listMessages(result.executionId);
	const response = messages.find(message => message.role === 'tool_response' && message.functionResponseName === 'check_project')!;
	const checked = readCheckResult((response.functionResponseContent as {structuredContent?: unknown}).structuredContent)!;
	// Whatever the generators produce today (issue 16), the answer repeats the check word for word.
	t.true(result.finalResponseText!.includes(`Check: ${checked.summary}`), result.finalResponseText);
	t.is(messages.filter(message => message.functionCallName === 'check_project').length, 1);
});
