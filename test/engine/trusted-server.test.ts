/** A server entry marked `trust`: its writes run without asking the approval hook (recorded as auto-approved). */
import {existsSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {realToolServers} from '../helpers/tool-servers.js';
import {answer, call, setupEngine, TestProvider} from './_support.js';

test("a trusted server's writing call is not sent for approval, and the row says auto_approved", async t => {
	const project = await copyFixtureProject(t);
	const provider = new TestProvider([call('generate_schema', {schema: 'Blog.Post', plural: 'posts', attrs: ['title:string']}), answer('Done.')]);
	const ecto = {...realToolServers()[0]!, trust: true};
	const {engine, recorder, events} = await setupEngine(t, {servers: [ecto], provider});
	let asked = 0;
	const result = await engine.run({
		description: 'posts',
		projectPath: project,
		approve: async () => {
			asked++;
			return {kind: 'decline'};
		},
	});
	t.is(result.status, 'COMPLETED', result.errorMessage);
	t.is(asked, 0);
	t.true(existsSync(path.join(project, 'lib/my_app/blog/post.ex')));
	t.like(
		events.find(event => event.type === 'approval_decided'),
		{outcome: 'auto_approved'},
	);
	const responses = (await recorder.listMessages(result.executionId)).filter(message => message.role === 'tool_response');
	t.is(responses.at(-1)!.approval, 'auto_approved');
});
