/**
 * The Repos' database settings in the test and dev environments, read by evaluating the project's
 * config files with Elixir's own Config.Reader (no compilation), so the check can refuse a test
 * Repo that points at the dev database and say where it expected a database to listen.
 */
import {type MixRun, runMix} from './run-mix.js';

export interface RepoSettings {
	repo: string;
	database?: string;
	hostname?: string;
	socketDir?: string;
	socket?: string;
	port?: string;
	/** The url setting without its credentials. */
	url?: string;
}

export interface RepoConfig {
	test: RepoSettings[];
	/** Empty when the dev config cannot be read (no config/dev.exs, say). */
	dev: RepoSettings[];
}

// Prints one line per Repo and env: ECTOSMITH_REPO <env> <Repo> key=<inspected value>...
const SCRIPT = `
read = fn env ->
  try do
    {:ok, Config.Reader.read!("config/config.exs", env: env, target: :host)}
  rescue
    e -> {:error, Exception.message(e)}
  end
end
for env <- [:test, :dev] do
  case read.(env) do
    {:ok, cfg} ->
      for {_app, kv} <- cfg, Keyword.keyword?(kv), repo <- List.wrap(Keyword.get(kv, :ecto_repos, [])) do
        rc = Keyword.get(kv, repo, [])
        fields = for k <- [:database, :hostname, :socket_dir, :socket, :port, :url], v = Keyword.get(rc, k), v != nil, do: "#{k}=#{if is_binary(v), do: v, else: inspect(v)}"
        IO.puts(Enum.join(["ECTOSMITH_REPO", env, inspect(repo) | fields], "\\t"))
      end
    {:error, message} ->
      IO.puts("ECTOSMITH_REPO_ERROR\\t#{env}\\t#{String.replace(message, "\\n", " ")}")
  end
end
`;

const KEYS: Record<string, keyof RepoSettings> = {database: 'database', hostname: 'hostname', socket_dir: 'socketDir', socket: 'socket', port: 'port', url: 'url'};

function withoutCredentials(url: string): string {
	return url.replace(/\/\/[^@/]*@/, '//');
}

export function parseRepoConfig(output: string): RepoConfig {
	const config: RepoConfig = {test: [], dev: []};
	for (const line of output.split('\n')) {
		const [tag, env, repo, ...fields] = line.split('\t');
		if (tag !== 'ECTOSMITH_REPO' || (env !== 'test' && env !== 'dev') || repo === undefined) continue;
		const settings: RepoSettings = {repo};
		for (const field of fields) {
			const at = field.indexOf('=');
			const key = KEYS[field.slice(0, at)];
			if (key !== undefined && key !== 'repo') settings[key] = key === 'url' ? withoutCredentials(field.slice(at + 1)) : field.slice(at + 1);
		}

		config[env].push(settings);
	}

	return config;
}

export async function readRepoConfig(options: {cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; signal?: AbortSignal; outputFile?: string}): Promise<{config: RepoConfig; run: MixRun}> {
	const run = await runMix(['-e', SCRIPT], {...options, command: 'elixir'});
	return {config: parseRepoConfig(run.output), run};
}

/** Where a Repo expects its server: "socket /tmp/x/.s.PGSQL.5432", "localhost:5432". */
export function whereItListens(settings: RepoSettings): string {
	const port = settings.port ?? '5432';
	if (settings.socket !== undefined) return `socket ${settings.socket}`;
	if (settings.socketDir !== undefined) return `socket ${settings.socketDir}/.s.PGSQL.${port}`;
	if (settings.url !== undefined) return settings.url;
	return `${settings.hostname ?? 'localhost'}:${port}`;
}

function identity(settings: RepoSettings): string | undefined {
	if (settings.url !== undefined) return settings.url;
	if (settings.database === undefined) return undefined;
	return `${whereItListens(settings)}/${settings.database}`;
}

/** A test Repo whose database is the dev one (same database on the same server), or undefined. */
export function testUsesDevDatabase(config: RepoConfig): {test: RepoSettings; dev: RepoSettings} | undefined {
	for (const test of config.test) {
		const dev = config.dev.find(settings => settings.repo === test.repo);
		const id = identity(test);
		if (dev && id !== undefined && id === identity(dev)) return {test, dev};
	}

	return undefined;
}
