/**
 * The real TUI in a real terminal (tmux, 80x24): a temp database, a copy of the demo project, the
 * offline planner. Type a description, approve, wait for the end, check the screen, the files and
 * the rows; send a follow-up; quit, and check the alternate screen was left.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {openDatabase} from '../../source/db/orm.js';
import {Recorder} from '../../source/records/recorder.js';
import {seededDb} from '../commands/_cli.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {ectosmithCommand, requireTmux, startTerminal, terminalEnv} from '../helpers/tmux.js';

test('the TUI at 80x24: describe, approve, complete, follow up, quit back to the shell', async t => {
	if (!requireTmux(t)) return;
	const project = await copyFixtureProject(t, 'my_app');
	const db = await seededDb(t);
	const terminal = startTerminal(t, {
		cwd: path.dirname(project),
		env: terminalEnv(t),
		command: ectosmithCommand('--db', db, '--project', path.basename(project), '--provider', 'offline'),
	});

	const ready = await terminal.waitFor(/app MyApp[\s\S]*No Ecto schemas yet/, 'the project and its schema');
	t.regex(ready, /F1 Run {2}F2 History {2}F3 Servers {2}F4 Workflows/);
	t.regex(ready, /offline planner — not a language model/);
	t.is(terminal.display('#{alternate_on}'), '1', 'the TUI draws on the alternate screen');

	terminal.type('Blog.Post posts title:string body:text');
	terminal.keys('Enter');
	const asking = await terminal.waitFor(/tool generate_schema/, 'the first approval');
	t.regex(asking, /\+ lib\/my_app\/blog\/post\.ex \(new file\)/);
	t.regex(asking, /defmodule MyApp\.Blog\.Post do/);
	terminal.keys('a'); // approve this and the rest of the run

	const done = await terminal.waitFor(/✔ Completed after \d+ turns/, 'the run to complete');
	t.regex(done, /\+ posts {2}MyApp\.Blog\.Post/);
	t.regex(done, /#1 · offline planner — not a language model · turn \d+\/\d+/);
	t.true(existsSync(path.join(project, 'lib/my_app/blog/post.ex')));
	t.true(existsSync(path.join(project, 'lib/my_app/blog.ex')));
	t.true(readdirSync(path.join(project, 'priv/repo/migrations')).some(name => name.endsWith('_create_posts.exs')));

	terminal.type('add a unique slug to posts');
	terminal.keys('Enter');
	await terminal.waitFor(/Approve /, "the follow-up's approval");
	terminal.keys('a');
	const followed = await terminal.waitFor(/✔ Completed after \d+ turns in [\d.]+s \(#2\)/, 'the follow-up to complete');
	t.regex(followed, /#2 ↳#1/);
	t.regex(readFileSync(path.join(project, 'lib/my_app/blog/post.ex'), 'utf8'), /field :slug, :string/);

	terminal.keys('Escape');
	await terminal.waitFor(/q quit/, 'the keys outside the field');
	terminal.keys('q');
	const after = await terminal.waitFor(/EXITED:0/, 'the program to exit');
	t.regex(after, /BEFORE-THE-TUI/, 'the shell screen is back');
	t.notRegex(after, /Tool calls|Conversation/, 'nothing of the TUI is left on the main screen');
	t.is(terminal.display('#{alternate_on}'), '0');

	const orm = await openDatabase({dbPath: db});
	t.teardown(() => orm.close(true));
	const recorder = new Recorder(orm);
	const first = await recorder.getExecution(1);
	const second = await recorder.getExecution(2);
	t.is(first.status, 'COMPLETED');
	t.is(second.status, 'COMPLETED');
	t.is(second.parentExecutionId, 1);
	t.is(second.description, 'add a unique slug to posts');
	const responses = (await recorder.listMessages(1)).filter(message => message.role === 'tool_response' && message.functionResponseName !== 'inspect_project');
	t.true(responses.length >= 3);
});
