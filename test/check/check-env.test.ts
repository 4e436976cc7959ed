/**
 * The env a project's check sees: the seeded phoenix_check_tool entry, started by the real MCP
 * service, passes the project's own variables (DATABASE_URL, PG*, MIX_*) from ectosmith's
 * environment, leaves an unset one out instead of failing, and never passes our API key; what is
 * passed and secret stays out of the check's output. Unit cases of the list itself first.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {checkProject} from '../../source/check/check-project.js';
import {isPassList, PASS_ENV_KEY, passedEnv} from '../../source/config/env-pass.js';
import {EnvReferenceError} from '../../source/config/env-references.js';
import {entrySecretValues} from '../../source/config/known-secrets.js';
import {maskValues} from '../../source/config/secrets.js';
import {childEnv} from '../../source/mcp/child-env.js';
import {McpService} from '../../source/mcp/mcp-service.js';
import {packageRoot} from '../../source/package-root.js';
import {readCheckResult} from '../../source/tool-results/check-result.js';
import {requireElixir} from '../helpers/elixir.js';
import {tempDir} from '../helpers/temp-dir.js';
import {tsServer} from '../helpers/tool-servers.js';

const seededCheckEnv = (): Record<string, string> =>
	(JSON.parse(readFileSync(path.join(packageRoot(), 'fixtures', 'mcp_servers.json'), 'utf8')) as {mcpServers: Record<string, {env: Record<string, string>}>}).mcpServers['phoenix_check_tool']!.env;

const ours = {
	PATH: '/usr/bin',
	DATABASE_URL: 'ecto://app:hunter2secret@db.internal/app_test',
	PGHOST: '/run/pg',
	PGPASSWORD: 'pg-password-42',
	MIX_BUILD_ROOT: '/tmp/build',
	GEMINI_API_KEY: 'AIza-not-for-the-project',
	GOOGLE_API_KEY: 'also-not',
	ECTOSMITH_DB: '/home/me/.local/state/ectosmith/db.sqlite',
	UNLISTED: 'x',
};

test('the seeded check entry passes the project variables that are set, never our API key or our settings', t => {
	const env = childEnv(seededCheckEnv(), ours);
	t.is(env['DATABASE_URL'], ours.DATABASE_URL);
	t.is(env['PGHOST'], ours.PGHOST);
	t.is(env['PGPASSWORD'], ours.PGPASSWORD);
	t.is(env['MIX_BUILD_ROOT'], ours.MIX_BUILD_ROOT);
	t.is(env['ECTOSMITH_CHECK_TEST_TIMEOUT_MS'], '300000');
	for (const name of ['GEMINI_API_KEY', 'GOOGLE_API_KEY', 'ECTOSMITH_DB', 'UNLISTED', PASS_ENV_KEY, 'PGPORT']) t.false(name in env, name);
});

test('a pass list names variables or PREFIX* patterns; an API key named outright is refused unless the entry allows it', t => {
	t.deepEqual(passedEnv('PGHOST, MIX_*  NOT_SET', ours), {PGHOST: '/run/pg', MIX_BUILD_ROOT: '/tmp/build'});
	t.deepEqual(passedEnv('G*', ours), {}, 'a pattern skips the API keys');
	t.is(t.throws(() => passedEnv('GEMINI_API_KEY', ours), {instanceOf: EnvReferenceError})?.message.includes('GEMINI_API_KEY'), true);
	t.deepEqual(passedEnv('GEMINI_API_KEY', ours, true), {GEMINI_API_KEY: ours.GEMINI_API_KEY});
	t.throws(() => passedEnv('*', ours), {instanceOf: EnvReferenceError});
	t.throws(() => passedEnv('PG-HOST', ours), {instanceOf: EnvReferenceError});
});

test('the pass list shows as it is; the secrets it passes are known, so the record and logs scrub them', t => {
	const entry = {[PASS_ENV_KEY]: 'DATABASE_URL PG*', TOKEN: 'stored-token-value'};
	t.true(isPassList(PASS_ENV_KEY, entry[PASS_ENV_KEY]));
	t.deepEqual(maskValues(entry), {[PASS_ENV_KEY]: 'DATABASE_URL PG*', TOKEN: '********'});
	const secrets = entrySecretValues(entry, ours);
	t.true(secrets.includes('pg-password-42'));
	t.true(secrets.includes('stored-token-value'));
	t.false(secrets.includes('DATABASE_URL PG*'));
});

/** A Mix project without deps whose config needs DATABASE_URL and PGHOST, and refuses to see our API key. */
function envProject(dir: string): void {
	mkdirSync(path.join(dir, 'config'), {recursive: true});
	mkdirSync(path.join(dir, 'lib'), {recursive: true});
	writeFileSync(path.join(dir, 'mix.exs'), 'defmodule EnvApp.MixProject do\n  use Mix.Project\n\n  def project do\n    [app: :env_app, version: "0.1.0", elixir: "~> 1.14", deps: []]\n  end\nend\n');
	writeFileSync(
		path.join(dir, 'config', 'config.exs'),
		[
			'import Config',
			'',
			'if System.get_env("GEMINI_API_KEY"), do: raise("the project saw GEMINI_API_KEY")',
			'# The compile prints what it read, so the test sees a passed secret is scrubbed from the output.',
			'IO.puts("url=#{System.fetch_env!("DATABASE_URL")}")',
			'config :env_app, url: System.fetch_env!("DATABASE_URL"), host: System.fetch_env!("PGHOST")',
			'',
		].join('\n'),
	);
	writeFileSync(path.join(dir, 'lib', 'env_app.ex'), 'defmodule EnvApp do\n  def host, do: Application.get_env(:env_app, :host)\nend\n');
}

test('through the real MCP service, the seeded check entry compiles a project whose config reads DATABASE_URL and PGHOST', async t => {
	if (!requireElixir(t)) return;
	t.timeout(180_000);
	const project = tempDir(t, 'ectosmith-check-env-');
	envProject(project);
	// The service starts servers with childEnv(entry.env, process.env): this worker's env is ectosmith's here.
	Object.assign(process.env, {DATABASE_URL: ours.DATABASE_URL, PGHOST: ours.PGHOST, GEMINI_API_KEY: ours.GEMINI_API_KEY, XDG_STATE_HOME: tempDir(t, 'ectosmith-check-env-state-')});
	const service = new McpService({requestTimeoutMs: 170_000});
	t.teardown(async () => service.close());
	const call = async (env: Record<string, string>) => {
		const [binding] = (await service.toolsFor([{...tsServer('phoenix_check_tool', 'source/tools/bin/phoenix-check-tool.ts'), env}])).filter(each => each.toolName === 'check_project');
		const response = await service.callTool(binding!, {project_path: project, depth: 'compile'});
		return readCheckResult(response.structuredContent)!;
	};

	const passed = await call(seededCheckEnv());
	t.is(passed.steps[0]!.status, 'passed', JSON.stringify(passed));
	const output = readFileSync(passed.output_file!, 'utf8');
	t.true(output.includes('url=ecto://app:'), output);
	t.false(output.includes('hunter2secret'), 'the password of a passed URL is scrubbed from the output');

	// Without the pass list (the safe base only), the same project cannot read its config.
	const {[PASS_ENV_KEY]: _list, ...timeoutsOnly} = seededCheckEnv();
	const failed = await call(timeoutsOnly);
	t.is(failed.steps[0]!.status, 'failed', JSON.stringify(failed));
	t.regex(JSON.stringify(failed), /DATABASE_URL/);
});

test('`ectosmith check` runs mix in its own env, minus our API keys', async t => {
	if (!requireElixir(t)) return;
	t.timeout(120_000);
	const project = tempDir(t, 'ectosmith-check-env-cli-');
	envProject(project);
	const result = await checkProject({
		project,
		depth: 'compile',
		outputFile: null,
		env: {...process.env, DATABASE_URL: ours.DATABASE_URL, PGHOST: ours.PGHOST, GEMINI_API_KEY: ours.GEMINI_API_KEY, GOOGLE_API_KEY: ours.GOOGLE_API_KEY},
	});
	t.is(result.steps[0]!.status, 'passed', JSON.stringify(result));
});
