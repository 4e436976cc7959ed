/**
 * Secrets never reach the record: a server gets our API key only when its entry allows it, and
 * what a model or a tool echoes of the key or of a server's env value is stored scrubbed, so show,
 * export and replay never see it, even after the value is changed (scrubbed at record time).
 */
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {openApp} from '../../source/app/open-app.js';
import {McpServer, Workflow} from '../../source/db/entities/index.js';
import {buildExport} from '../../source/history/export.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {tempDir} from '../helpers/temp-dir.js';
import {tsServer} from '../helpers/tool-servers.js';

const API_KEY = 'AIzaSy-test-key-that-must-never-be-stored-1';
const OLD_TOKEN = 'old-token-value-98765';

test.serial('a server gets the API key only when allowed, and no echo of a secret is recorded, shown or exported', async t => {
	process.env.GEMINI_API_KEY = API_KEY;
	// A reference to a variable whose name is no secret: its value is kept (scrubbing it would garble paths).
	process.env.ECTOSMITH_TEST_PLACE = '/some/long/project/folder';
	t.teardown(() => {
		delete process.env.GEMINI_API_KEY;
		delete process.env.ECTOSMITH_TEST_PLACE;
	});
	const dir = tempDir(t);
	const script = path.join(dir, 'script.json');
	writeFileSync(
		script,
		JSON.stringify({
			provider: 'scripted',
			model: 'm',
			turns: [
				{text: 'Looking.', functionCalls: [{name: 'env_value', args: {name: 'LEAK'}}]},
				{text: '', functionCalls: [{name: 'env_value', args: {name: 'TOKEN'}}]},
				{text: '', functionCalls: [{name: 'env_value', args: {name: 'PLACE'}}]},
				{text: `The key is ${API_KEY} and the token ${OLD_TOKEN}.`, functionCalls: []},
			],
		}),
	);
	const project = await copyFixtureProject(t);
	const env = {HOME: dir, XDG_STATE_HOME: dir, GEMINI_API_KEY: API_KEY, ECTOSMITH_TEST_PLACE: process.env.ECTOSMITH_TEST_PLACE};
	const db = tempDbPath(t);
	const first = await openApp({db, env, provider: 'scripted', script});
	t.teardown(() => first.close());
	const em = first.orm.em.fork();
	const fixture = tsServer('echoer', 'test/fixtures-servers/basic-server.ts');
	const server = em.create(McpServer, {name: 'echoer', command: fixture.command, args: fixture.args, env: {LEAK: '${GEMINI_API_KEY}', TOKEN: OLD_TOKEN, PLACE: '${ECTOSMITH_TEST_PLACE}'}});
	em.create(Workflow, {name: 'echo_flow', llmModel: 'm', initialPromptTemplate: '{{schema_description}}', maxConversationTurns: 5, servers: [server]});
	await em.flush();

	// Not allowed: the server is not started with the key, and the error says how to allow it.
	const refused = await first.engine.run({description: 'echo', projectPath: project, workflow: 'echo_flow'});
	t.is(refused.status, 'FAILED');
	t.regex(refused.errorMessage ?? '', /LEAK references \$\{GEMINI_API_KEY\}, ectosmith's API key.*--allow-api-key/);
	server.allowApiKey = true;
	await em.flush();
	await first.close();

	const app = await openApp({db, env, provider: 'scripted', script});
	t.teardown(() => app.close());
	const run = await app.engine.run({description: 'echo', projectPath: project, workflow: 'echo_flow'});
	t.is(run.status, 'COMPLETED', run.errorMessage);
	const messages = await app.recorder.listMessages(run.executionId);
	const stored = JSON.stringify({messages, execution: await app.recorder.getExecution(run.executionId)});
	// The server did get the key (allowed), and echoed it: the record holds the marker instead.
	t.regex(stored, /LEAK=\[REDACTED\]/);
	t.regex(stored, /TOKEN=\[REDACTED\]/);
	t.false(stored.includes(API_KEY));
	t.false(stored.includes(OLD_TOKEN));
	t.regex(stored, /PLACE=\/some\/long\/project\/folder/);

	// The token is changed: the older execution's export still holds no trace of the retired value.
	const later = app.orm.em.fork();
	const row = await later.findOneOrFail(McpServer, {name: 'echoer'});
	row.env = {LEAK: '${GEMINI_API_KEY}', TOKEN: 'new-token-value-12345'};
	await later.flush();
	const exported = JSON.stringify(await buildExport(app.orm, app.recorder, run.executionId, {}));
	t.false(exported.includes(OLD_TOKEN));
	t.false(exported.includes(API_KEY));
});
