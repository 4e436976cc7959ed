/**
 * Real-Elixir checks for generated code: parse with Code.string_to_quoted!/2 and check with
 * `mix format --check-formatted`, each batched into one Elixir process (a start costs ~0.5 s).
 */
import {execFile, spawnSync} from 'node:child_process';
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import type {ExecutionContext} from 'ava';

let available: boolean | undefined;

/** Whether `elixir` runs on this machine (checked once). */
export function elixirAvailable(): boolean {
	available ??= spawnSync('elixir', ['--version'], {stdio: 'ignore'}).status === 0;
	return available;
}

/**
 * True when Elixir is installed. Otherwise the test passes with a note, except on CI
 * (CI === 'true') where a missing Elixir fails the test instead of hiding it.
 */
export function requireElixir(t: ExecutionContext): boolean {
	if (elixirAvailable()) return true;
	if (process.env.CI === 'true') {
		t.fail('elixir is not installed, and CI=true requires the Elixir checks to run');
	} else {
		t.log('skipped: elixir is not installed');
		t.pass();
	}
	return false;
}

function run(command: string, args: string[], cwd?: string): Promise<{code: number; stdout: string; stderr: string}> {
	return new Promise((resolve, reject) => {
		execFile(command, args, {cwd, maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
			if (error && typeof error.code !== 'number') {
				reject(error);
				return;
			}
			resolve({code: error ? Number(error.code) : 0, stdout, stderr});
		});
	});
}

async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
	const dir = await mkdtemp(join(tmpdir(), 'ectosmith-elixir-'));
	try {
		return await use(dir);
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
}

// Reads the files named on the command line; one line per file: OK or ERR with the base64 message.
const PARSE_SCRIPT = `
for file <- System.argv() do
  try do
    Code.string_to_quoted!(File.read!(file), file: file)
    IO.puts("OK " <> Base.encode64(file))
  rescue
    error -> IO.puts("ERR " <> Base.encode64(file) <> " " <> Base.encode64(Exception.message(error)))
  end
end
`;

/** Parses every file with Code.string_to_quoted!/2 in one Elixir process; returns the failures. */
export async function checkElixirFiles(files: string[]): Promise<Array<{file: string; error: string}>> {
	if (files.length === 0) return [];
	const {code, stdout, stderr} = await run('elixir', ['-e', PARSE_SCRIPT, '--', ...files]);
	if (code !== 0) throw new Error(`elixir failed (exit ${code}): ${stderr}`);
	const failures: Array<{file: string; error: string}> = [];
	const seen = new Set<string>();
	for (const line of stdout.split('\n')) {
		const [status, file, message] = line.trim().split(' ');
		if (!status || !file) continue;
		const path = Buffer.from(file, 'base64').toString();
		seen.add(path);
		if (status === 'ERR') failures.push({file: path, error: Buffer.from(message ?? '', 'base64').toString()});
	}
	for (const file of files) if (!seen.has(file)) failures.push({file, error: 'not checked by elixir'});
	return failures;
}

/**
 * Runs an Elixir script with `elixir -e`; extra arguments reach it as System.argv(). Returns
 * stdout; throws with stderr when Elixir exits non-zero.
 */
export async function runElixir(script: string, args: string[] = []): Promise<string> {
	const {code, stdout, stderr} = await run('elixir', ['-e', script, '--', ...args]);
	if (code !== 0) throw new Error(`elixir failed (exit ${code}): ${stderr}`);
	return stdout;
}

/** Parses one code text; throws with Elixir's message when it is not valid Elixir. */
export async function parseElixir(code: string): Promise<void> {
	const failures = await parseElixirTexts([{path: 'code.exs', content: code}]);
	if (failures.length > 0) throw new Error(failures[0]!.error);
}

/** Parses several in-memory files in one Elixir process; returns the failures by path. */
export async function parseElixirTexts(files: Array<{path: string; content: string}>): Promise<Array<{file: string; error: string}>> {
	return withTempDir(async dir => {
		const paths = await writeAll(dir, files);
		const failures = await checkElixirFiles(paths);
		return failures.map(failure => ({file: files[paths.indexOf(failure.file)]?.path ?? failure.file, error: failure.error}));
	});
}

async function writeAll(dir: string, files: Array<{path: string; content: string}>): Promise<string[]> {
	const paths: string[] = [];
	for (const [index, file] of files.entries()) {
		// A numbered folder per file keeps same-named files (two migrations) apart.
		const path = join(dir, String(index), file.path);
		await mkdir(dirname(path), {recursive: true});
		await writeFile(path, file.content);
		paths.push(path);
	}
	return paths;
}

/**
 * What a Phoenix project's formatter knows through `import_deps: [:ecto, :ecto_sql]`: the Ecto
 * schema and migration macros written without parentheses. No deps exist here, so they are listed.
 */
export const ECTO_LOCALS_WITHOUT_PARENS = `[
  from: 2,
  field: 1, field: 2, field: 3,
  timestamps: 0, timestamps: 1,
  belongs_to: 2, belongs_to: 3,
  has_one: 2, has_one: 3,
  has_many: 2, has_many: 3,
  many_to_many: 2, many_to_many: 3,
  embeds_one: 2, embeds_one: 3, embeds_one: 4,
  embeds_many: 2, embeds_many: 3, embeds_many: 4,
  add: 2, add: 3,
  add_if_not_exists: 2, add_if_not_exists: 3,
  alter: 2,
  create: 1, create: 2,
  create_if_not_exists: 1, create_if_not_exists: 2,
  drop: 1, drop: 2,
  drop_if_exists: 1, drop_if_exists: 2,
  execute: 1, execute: 2,
  modify: 2, modify: 3,
  remove: 1, remove: 2, remove: 3,
  remove_if_exists: 1, remove_if_exists: 2,
  rename: 2, rename: 3
]`;

/**
 * Runs `mix format --check-formatted` on the files (written into a temp folder with a
 * .formatter.exs like a Phoenix project's). Returns the files that are not formatted, each with
 * the text mix format would write, so a test can show the difference; [] when all are formatted.
 */
export async function mixFormatCheck(files: Array<{path: string; content: string}>): Promise<Array<{file: string; formatted: string}>> {
	if (files.length === 0) return [];
	return withTempDir(async dir => {
		await writeFile(join(dir, '.formatter.exs'), `[\n  inputs: ["**/*.{ex,exs}"],\n  locals_without_parens: ${ECTO_LOCALS_WITHOUT_PARENS}\n]\n`);
		const paths = await writeAll(dir, files);
		const relative = paths.map(path => path.slice(dir.length + 1));
		const check = await run('mix', ['format', '--check-formatted', ...relative], dir);
		if (check.code === 0) return [];
		if (!check.stderr.includes('not formatted') && !check.stdout.includes('not formatted')) {
			throw new Error(`mix format failed (exit ${check.code}): ${check.stderr}${check.stdout}`);
		}
		// Format in place to learn which files differ and how.
		const format = await run('mix', ['format', ...relative], dir);
		if (format.code !== 0) throw new Error(`mix format failed (exit ${format.code}): ${format.stderr}`);
		const differing: Array<{file: string; formatted: string}> = [];
		for (const [index, path] of paths.entries()) {
			const formatted = await readFile(path, 'utf8');
			if (formatted !== files[index]!.content) differing.push({file: files[index]!.path, formatted});
		}
		return differing;
	});
}
