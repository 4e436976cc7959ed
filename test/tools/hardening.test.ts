/**
 * Issue 7's cases for the tool servers, each through a real server over stdio: no generator
 * replaces or injects into a module it does not generate, injection finds the real closing `end`,
 * nothing that does not parse is written, special files are never read, and every generate result
 * carries what undo and the approval view need.
 */

import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {Client} from '@modelcontextprotocol/sdk/client/index.js';
import test from 'ava';
import {checkElixirFiles, elixirAvailable, requireElixir} from '../helpers/elixir.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {callTool, snapshotTree, startToolServer} from './tool-client.js';

let ecto: Client;
let migrations: Client;
let contexts: Client;

test.before(async () => {
	[ecto, migrations, contexts] = await Promise.all([startToolServer('elixir-ecto-gen-tool'), startToolServer('elixir-migration-gen-tool'), startToolServer('phoenix-context-gen-tool')]);
});

test.after.always(async () => {
	await Promise.all([ecto?.close(), migrations?.close(), contexts?.close()]);
});

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

test('generate_schema Repo with overwrite: refused, naming the module and the file; repo.ex untouched', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const before = await snapshotTree(root);
	const result = await callTool(ecto, 'generate_schema', {project_path: root, schema: 'Repo', plural: 'repos', attrs: ['name'], overwrite: true});
	t.true(result.isError);
	t.regex(result.text, /Schema "Repo" would be the project's repo module MyApp\.Repo \(lib\/my_app\/repo\.ex\); a generator never replaces it/);
	t.deepEqual(await snapshotTree(root), before);
});

test('every generating tool refuses the framework modules: Application, Mailer, Endpoint, Router...', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const before = await snapshotTree(root);
	const calls: Array<[Client, string, Record<string, unknown>, RegExp]> = [
		[
			ecto,
			'generate_schema',
			{schema: 'Application', plural: 'applications', overwrite: true},
			/Schema "Application" would be MyApp\.Application, a module Phoenix generates .*\(lib\/my_app\/application\.ex\)/,
		],
		[ecto, 'generate_schema', {schema: 'Mailer', plural: 'mailers', overwrite: true}, /MyApp\.Mailer.*lib\/my_app\/mailer\.ex/],
		[migrations, 'generate_migration', {schema: 'Endpoint', plural: 'endpoints'}, /Schema "Endpoint" would be MyApp\.Endpoint/],
		[migrations, 'generate_add_fields_migration', {schema: 'Telemetry', plural: 'telemetries', attrs: ['x']}, /Schema "Telemetry" would be MyApp\.Telemetry/],
		[contexts, 'generate_context', {context: 'Router', schema: 'Route', plural: 'routes'}, /Context "Router" would be MyApp\.Router/],
		[contexts, 'generate_context', {context: 'Repo', schema: 'Post', plural: 'posts', overwrite: true}, /Context "Repo" would be the project's repo module MyApp\.Repo/],
	];
	for (const [client, tool, args, message] of calls) {
		const result = await callTool(client, tool, {project_path: root, ...args});
		t.true(result.isError, `${tool} ${JSON.stringify(args)}: ${result.text}`);
		t.regex(result.text, message);
	}

	t.deepEqual(await snapshotTree(root), before);
});

test('an existing file that is not a module of the generated kind is never replaced nor injected into', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	await mkdir(join(root, 'lib/my_app/blog'), {recursive: true});
	await writeFile(join(root, 'lib/my_app/blog/post.ex'), 'defmodule MyApp.Blog.Post do\n  use GenServer\n\n  def init(state), do: {:ok, state}\nend\n');
	await writeFile(join(root, 'lib/my_app/shop.ex'), 'defmodule MyApp.Shop do\n  use Supervisor\nend\n');
	await writeFile(join(root, 'lib/my_app/billing.ex'), 'defmodule MyApp.Invoicing do\n  alias MyApp.Repo\nend\n');
	await mkdir(join(root, 'lib/my_app/workers'), {recursive: true});
	await writeFile(join(root, 'lib/my_app/workers/tag.ex'), 'defmodule MyApp.Tag do\n  use Oban.Worker\nend\n');
	const before = await snapshotTree(root);

	const schema = await callTool(ecto, 'generate_schema', {project_path: root, schema: 'Blog.Post', plural: 'posts', attrs: ['title'], overwrite: true});
	t.regex(schema.text, /Refusing to replace "lib\/my_app\/blog\/post\.ex": MyApp\.Blog\.Post there is a process module \(GenServer, Supervisor\.\.\.\) \(use GenServer\), not an Ecto schema/);
	const context = await callTool(contexts, 'generate_context', {project_path: root, context: 'Shop', schema: 'Item', plural: 'items', attrs: ['name']});
	t.regex(context.text, /Refusing to inject into "lib\/my_app\/shop\.ex": MyApp\.Shop there is a process module.*not a context/);
	const other = await callTool(contexts, 'generate_context', {project_path: root, context: 'Billing', schema: 'Invoice', plural: 'invoices', attrs: ['total:decimal']});
	t.regex(other.text, /lib\/my_app\/billing\.ex does not define the module MyApp\.Billing/);
	const elsewhere = await callTool(ecto, 'generate_schema', {project_path: root, schema: 'Tag', plural: 'tags', attrs: ['name']});
	t.regex(
		elsewhere.text,
		/Refusing to create "lib\/my_app\/tag\.ex": MyApp\.Tag is already defined in lib\/my_app\/workers\/tag\.ex \(a process module \(GenServer, Supervisor\.\.\.\) \(use Oban\.Worker\)\)/,
	);
	for (const result of [schema, context, other, elsewhere]) t.true(result.isError);
	t.deepEqual(await snapshotTree(root), before);
});

test('a context ending with "# this is the end" gets its functions inside the module, and the file parses', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	const original =
		'defmodule MyApp.Blog do\n  @moduledoc """\n  The end of the blog.\n  """\n\n  import Ecto.Query, warn: false\n  alias MyApp.Repo\n\n  def sigil_end, do: ~s(end)\nend\n# this is the end\n';
	await writeFile(join(root, 'lib/my_app/blog.ex'), original);
	const result = await callTool(contexts, 'generate_context', {project_path: root, context: 'Blog', schema: 'Post', plural: 'posts', attrs: ['title']});
	t.false(result.isError, result.text);
	const written = await readFile(join(root, 'lib/my_app/blog.ex'), 'utf8');
	t.true(written.startsWith(original.slice(0, original.lastIndexOf('end\n# this'))), 'the text before the module end is kept');
	t.true(written.endsWith('  end\nend\n# this is the end\n'), written.slice(-80));
	t.true(written.includes('  def list_posts do\n'));
	if (requireElixir(t)) t.deepEqual(await checkElixirFiles([join(root, 'lib/my_app/blog.ex')]), []);
});

test('a change whose result would not parse is refused before anything is written', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	// Balanced blocks, so injection finds the end; but `= =` is no Elixir: only the parser knows.
	await writeFile(join(root, 'lib/my_app/blog.ex'), 'defmodule MyApp.Blog do\n  alias MyApp.Repo\n  def broken, do: x = = 1\nend\n');
	const before = await snapshotTree(root);
	const result = await callTool(contexts, 'generate_context', {project_path: root, context: 'Blog', schema: 'Post', plural: 'posts', attrs: ['title']});
	if (!elixirAvailable()) {
		t.false(result.isError, 'without Elixir, the tokenizer-level check cannot see this one');
		return;
	}

	t.true(result.isError, result.text);
	t.regex(result.text, /Refusing to write "lib\/my_app\/blog\.ex": the result would not parse as Elixir \(line 3: syntax error before: .*Code\.string_to_quoted\/1\)\. .*Nothing was written\./);
	t.deepEqual(await snapshotTree(root), before);
});

test('a context file whose blocks do not balance is refused by the tokenizer, naming the line', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	await writeFile(join(root, 'lib/my_app/blog.ex'), 'defmodule MyApp.Blog do\n  def a do\n    "unclosed\n  end\nend\n');
	const before = await snapshotTree(root);
	const result = await callTool(contexts, 'generate_context', {project_path: root, context: 'Blog', schema: 'Post', plural: 'posts', attrs: ['title']});
	t.true(result.isError);
	t.regex(result.text, /lib\/my_app\/blog\.ex is not valid Elixir \(line 3: a string opened on line 3 is not closed\)/);
	t.deepEqual(await snapshotTree(root), before);
});

test('every file of a result carries its hashes and, where it changed, its previous content; a dry run shows what is on disk', async t => {
	const root = await copyFixtureProject(t, 'with_context');
	const contextBefore = await readFile(join(root, 'lib/my_app/blog.ex'), 'utf8');
	const args = {project_path: root, context: 'Blog', schema: 'Comment', plural: 'comments', attrs: ['body:text']};
	const planned = await callTool(contexts, 'generate_context', {...args, dry_run: true});
	t.false(planned.isError, planned.text);
	const plannedContext = planned.files.find(file => file.path === 'lib/my_app/blog.ex')!;
	t.like(plannedContext, {action: 'planned', would: 'injected', sha256_before: sha(contextBefore), previous_content: contextBefore});
	t.is(plannedContext.sha256_after, sha(plannedContext.content));
	const plannedSchema = planned.files.find(file => file.path === 'lib/my_app/blog/comment.ex')!;
	t.like(plannedSchema, {would: 'created', sha256_before: null});
	t.false('previous_content' in plannedSchema);

	const written = await callTool(contexts, 'generate_context', args);
	t.false(written.isError, written.text);
	for (const file of written.files) {
		const onDisk = await readFile(join(root, file.path), 'utf8');
		t.is(file.sha256_after, sha(onDisk), `${file.path}: sha256_after is the file on disk`);
	}

	const context = written.files.find(file => file.path === 'lib/my_app/blog.ex')!;
	t.like(context, {action: 'injected', sha256_before: sha(contextBefore), previous_content: contextBefore});
	t.false('previous_truncated' in context);
	const created = written.files.find(file => file.path === 'lib/my_app/blog/comment.ex')!;
	t.like(created, {action: 'created', sha256_before: null});
	t.false('previous_content' in created);
	t.regex(written.text, /injected into: lib\/my_app\/blog\.ex/, 'the text summary stays');

	const again = await callTool(contexts, 'generate_context', args);
	const unchanged = again.files.find(file => file.path === 'lib/my_app/blog.ex')!;
	t.like(unchanged, {action: 'unchanged'});
	t.is(unchanged.sha256_before, unchanged.sha256_after);
	t.false('previous_content' in unchanged);
});

test('previous_content is bounded: a huge file overwritten is cut at 512 KiB and marked', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	await mkdir(join(root, 'lib/my_app/blog'), {recursive: true});
	const huge = `defmodule MyApp.Blog.Post do\n  use Ecto.Schema\n  @moduledoc """\n${'  é padding line for the size of it\n'.repeat(20_000)}  """\nend\n`;
	await writeFile(join(root, 'lib/my_app/blog/post.ex'), huge);
	const result = await callTool(ecto, 'generate_schema', {project_path: root, schema: 'Blog.Post', plural: 'posts', attrs: ['title'], overwrite: true});
	t.false(result.isError, result.text);
	const file = result.files[0]!;
	t.is(file.previous_truncated, true);
	t.is(file.sha256_before, sha(huge));
	const kept = file.previous_content!;
	t.true(Buffer.byteLength(kept) <= 512 * 1024 && Buffer.byteLength(kept) > 512 * 1024 - 4);
	t.true(huge.startsWith(kept));
});

test('a FIFO at config/config.exs or in lib/ is reported, never read: inspect_project answers', async t => {
	const root = await copyFixtureProject(t, 'my_app');
	await rm(join(root, 'config/config.exs'));
	execFileSync('mkfifo', [join(root, 'config/config.exs')]);
	execFileSync('mkfifo', [join(root, 'lib/my_app/pipe.ex')]);
	const result = await callTool(ecto, 'inspect_project', {project_path: root});
	t.false(result.isError, result.text);
	t.regex(result.text, /config\/config\.exs is a named pipe \(FIFO\), not a regular file; it was not read\./);
	t.regex(result.text, /lib\/my_app\/pipe\.ex is a named pipe \(FIFO\), not a regular file; it was not read\./);
	const schema = await callTool(ecto, 'generate_schema', {project_path: root, schema: 'Blog.Post', plural: 'posts', attrs: ['title'], dry_run: true});
	t.false(schema.isError, schema.text);
});

test('control characters of names in an error are shown escaped, on one line', async t => {
	const result = await callTool(ecto, 'inspect_project', {project_path: '/nonexistent/\u001b]0;pwned\u0007/\u001b[2J\nnext'});
	t.true(result.isError);
	t.false(/[\u0000-\u001f]/.test(result.text), JSON.stringify(result.text));
	t.regex(result.text, /\\x1b\[2J/);
});
