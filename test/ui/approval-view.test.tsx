/** The approval view on its own, at the width of the Run screen's right column at 80 columns. */
import test from 'ava';
import React from 'react';
import type {ApprovalDecision, ApprovalRequest} from '../../source/engine/events.js';
import {ApprovalView} from '../../source/ui/components/approval-view.js';
import {KeyBusProvider} from '../../source/ui/keys/key-bus.js';
import {press, pressIgnored, render, until} from './_frames.js';

void React;

const post =
	'defmodule MyApp.Blog.Post do\n  use Ecto.Schema\n\n  schema "posts" do\n    field :title, :string\n  end\n\n  def changeset(post, attrs), do: post |> cast(attrs, [:title, :body, :published, :author_id, :slug]) |> validate_required([:title])\nend\n';

function request(overrides: Partial<ApprovalRequest> = {}): ApprovalRequest {
	return {
		executionId: 1,
		turn: 1,
		callIndex: 0,
		messageId: 1,
		name: 'generate_schema',
		server: 'elixir_ecto_gen_tool',
		args: {project_path: '/tmp/my_app', schema: 'Blog.Post', plural: 'posts', attrs: ['title:string']},
		files: [{path: 'lib/my_app/blog/post.ex', action: 'created', content: post}],
		dryRunText: '',
		...overrides,
	};
}

function view(approval: ApprovalRequest, decided: ApprovalDecision[] = []) {
	return render(
		<KeyBusProvider>
			<ApprovalView request={approval} width={52} height={20} active onDecide={decision => decided.push(decision)} />
		</KeyBusProvider>,
	);
}

test('the title names the module and the file first; the tool is named under the keys', async t => {
	const app = view(request());
	t.teardown(() => app.unmount());
	const frame = await until(app.lastFrame, /defmodule/, 'the file');
	const title = frame.split('\n')[0]!;
	t.regex(title, /^─ Approve MyApp\.Blog\.Post · lib\/my_app\/blog\/post\.ex/);
	t.regex(frame, /tool generate_schema \(elixir_ecto_gen_tool\)/);
});

test('a long code line wraps under its line number, keeping the gutter', async t => {
	const app = view(request());
	t.teardown(() => app.unmount());
	const frame = await until(app.lastFrame, /def changeset/, 'the long line');
	const rows = frame.split('\n');
	const at = rows.findIndex(row => row.includes('def changeset'));
	t.regex(rows[at]!, /^\s+8 {3}def changeset/);
	// The rows it wraps into start under the code, not at column 0.
	t.regex(rows[at + 1]!, /^ {5}\S/);
	t.regex(rows[at + 2]!, /^ {5}\S/);
});

test('a changed line of a diff wraps under its + or -', async t => {
	const app = view(request({files: [{path: 'lib/my_app/blog/post.ex', action: 'overwritten', content: post, currentContent: post.replace(':slug]', ']')}]}));
	t.teardown(() => app.unmount());
	const frame = await until(app.lastFrame, /^\+ +def changeset/m, 'the diff');
	const rows = frame.split('\n');
	const at = rows.findIndex(row => row.startsWith('+  def changeset'));
	t.regex(rows[at + 1]!, /^ \S/);
});

test('y shows at once that the answer was taken, and a second key does nothing', async t => {
	const decided: ApprovalDecision[] = [];
	const app = view(request(), decided);
	t.teardown(() => app.unmount());
	await until(app.lastFrame, /y approve · n decline/, 'the keys');
	await press(app, 'y');
	t.regex(app.lastFrame()!, /Approved: writing…/);
	t.notRegex(app.lastFrame()!, /y approve · n decline/);
	await pressIgnored(app, 'n');
	t.deepEqual(decided, [{kind: 'approve'}]);
});

test('a approves the rest of the run, shown at once', async t => {
	const decided: ApprovalDecision[] = [];
	const app = view(request(), decided);
	t.teardown(() => app.unmount());
	await until(app.lastFrame, /y approve · n decline/, 'the keys');
	await press(app, 'a');
	t.regex(app.lastFrame()!, /Approved, and the rest of this run: writing…/);
	t.deepEqual(decided, [{kind: 'approve_all'}]);
});
