import {mkdir, symlink, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import test from 'ava';
import {ProjectError, parseConfigFile, parseMixExs, projectConfigFacts} from '../../source/phoenix-project/project-config.js';
import {inspectProject, loadProject} from '../../source/phoenix-project/read-project.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';

const mix = (app = 'my_app') =>
	`defmodule X.MixProject do\n  use Mix.Project\n\n  def project do\n    [\n      # app: :commented_out,\n      app: :${app},\n      version: "0.1.0"\n    ]\n  end\nend\n`;

function facts(config: string, app = 'my_app') {
	return projectConfigFacts(parseMixExs(mix(app)), parseConfigFile(config));
}

test('mix.exs: the app atom, ignoring comments', t => {
	t.is(parseMixExs(mix('shop_floor')).app, 'shop_floor');
});

test('mix.exs: an umbrella root and a file without app are refused with an explanation', t => {
	const umbrella = t.throws(() => parseMixExs('defmodule U.MixProject do\n  def project do\n    [apps_path: "apps", version: "0.1.0"]\n  end\nend\n'), {instanceOf: ProjectError});
	t.regex(umbrella!.message, /umbrella.*apps\/my_app/);
	t.throws(() => parseMixExs('defmodule U do\nend\n'), {instanceOf: ProjectError, message: /app: :my_app/});
});

test('config: phx.new 1.8 style generators, repo and camelized base', t => {
	const {info, ectoRepos, generators} = facts('import Config\n\nconfig :my_app,\n  ecto_repos: [MyApp.Repo],\n  generators: [timestamp_type: :utc_datetime, binary_id: true]\n');
	t.deepEqual(info, {app: 'my_app', base: 'MyApp', repo: 'MyApp.Repo', binaryId: true, timestampType: 'utc_datetime', scopes: []});
	t.deepEqual(ectoRepos, ['MyApp.Repo']);
	t.true(generators.migration);
});

test('config: three-argument generators call, namespace, later calls merge and override', t => {
	const {info, generators} = facts(
		[
			'import Config',
			'config :my_app, namespace: Shop',
			'config :my_app, :generators, timestamp_type: :naive_datetime, migration: false',
			'config :my_app, :generators, timestamp_type: :utc_datetime_usec # a comment: with colon',
			'config :other_app, :generators, binary_id: true',
			'config :my_app, ecto_repos: [Shop.Repo]',
		].join('\n'),
	);
	t.is(info.base, 'Shop');
	t.is(info.repo, 'Shop.Repo');
	t.is(info.timestampType, 'utc_datetime_usec');
	t.false(info.binaryId, "another app's config must not leak in");
	t.false(generators.migration);
});

test('config: a repo with another name is used, and its priv folder gives the migrations folder', t => {
	const {info} = facts('import Config\nconfig :my_app, ecto_repos: [MyApp.Storage]\nconfig :my_app, MyApp.Storage,\n  priv: "priv/storage",\n  pool_size: 10\n');
	t.is(info.repo, 'MyApp.Storage');
	t.is(info.migrationDir, 'priv/storage/migrations');
});

test('config: scopes as phx.gen.auth writes them; incomplete scopes are reported and skipped', t => {
	const {info, warnings} = facts(
		[
			'config :my_app, :scopes,',
			'  user: [',
			'    default: true,',
			'    module: MyApp.Accounts.Scope,',
			'    assign_key: :current_scope,',
			'    access_path: [:user, :id],',
			'    schema_key: :user_id,',
			'    schema_type: :binary_id,',
			'    schema_table: :users,',
			'    test_data_fixture: MyApp.AccountsFixtures,',
			'    test_setup_helper: :register_and_log_in_user',
			'  ],',
			'  org: [module: MyApp.Orgs.Scope]',
		].join('\n'),
	);
	t.deepEqual(info.scopes, [
		{name: 'user', default: true, module: 'MyApp.Accounts.Scope', assignKey: 'current_scope', accessPath: ['user', 'id'], schemaKey: 'user_id', schemaType: 'binary_id', schemaTable: 'users'},
	]);
	t.true(warnings.some(warning => warning.includes('Scope "org"') && warning.includes('schema_key')));
});

test('config: calls inside if blocks, strings and sigils do not confuse the reader', t => {
	const {info} = facts(
		[
			'import Config',
			'config :my_app, :generators, timestamp_type: :utc_datetime',
			'if config_env() == :prod do',
			'  config :my_app, :generators, timestamp_type: :naive_datetime',
			'end',
			'config :my_app, MyAppWeb.Endpoint, check: ~w(config :my_app, binary_id: true), note: "config :my_app, binary_id: true"',
		].join('\n'),
	);
	t.is(info.timestampType, 'utc_datetime');
	t.false(info.binaryId);
});

test('import_config: literal and config_env() paths are recognised', t => {
	const statements = parseConfigFile('import Config\nimport_config "#{config_env()}.exs"\nimport_config "extra.exs"\n', 'test');
	t.deepEqual(
		statements.map(statement => (statement.kind === 'import' ? statement.file : statement.kind)),
		['test.exs', 'extra.exs'],
	);
});

test('loadProject follows imports into dev.exs, and refuses a folder without mix.exs', async t => {
	const root = await copyFixtureProject(t, 'no_timestamps');
	await writeFile(join(root, 'config', 'dev.exs'), 'import Config\nconfig :my_app, :generators, binary_id: true\n');
	const loaded = await loadProject(root);
	t.true(loaded.info.binaryId);
	t.is(loaded.info.timestampType, undefined);
	t.deepEqual(loaded.configFiles, ['config/config.exs', 'config/dev.exs']);
	await t.throwsAsync(loadProject(join(root, 'lib')), {instanceOf: ProjectError, message: /not a Mix project/});
	await t.throwsAsync(loadProject(join(root, 'missing')), {instanceOf: ProjectError, message: /does not exist/});
});

test('inspectProject lists contexts, schemas and migrations, and not files behind a symlink leaving the project', async t => {
	const root = await copyFixtureProject(t, 'with_context');
	const outside = await copyFixtureProject(t, 'scoped');
	await mkdir(join(root, 'lib', 'my_app', 'shop'), {recursive: true});
	await writeFile(join(root, 'lib', 'my_app', 'shop', 'item.ex'), 'defmodule MyApp.Shop.Item do\n  use Ecto.Schema\n\n  embedded_schema do\n    field :name, :string\n  end\nend\n');
	await symlink(join(outside, 'lib', 'my_app', 'accounts'), join(root, 'lib', 'my_app', 'accounts'));
	const found = await inspectProject(root);
	t.deepEqual(found.contexts, [{module: 'MyApp.Blog', file: 'lib/my_app/blog.ex'}]);
	t.deepEqual(found.schemas, [
		{
			module: 'MyApp.Blog.Post',
			table: 'posts',
			file: 'lib/my_app/blog/post.ex',
			fields: [
				{name: 'title', type: 'string'},
				{name: 'body', type: 'string'},
			],
			references: [],
		},
		{module: 'MyApp.Shop.Item', file: 'lib/my_app/shop/item.ex', fields: [{name: 'name', type: 'string'}], references: []},
	]);
	t.deepEqual(found.migrations, ['20250601120000_create_posts.exs']);
	t.is(found.default_scope, null);
});
