/**
 * The Ecto libraries, unpacked and compiled once into a cache folder and reused by every case
 * (their `_build` is copied into each project). Each stage is made in a temp folder and renamed
 * into place, so parallel test processes never see half a cache (the loser of a race discards its copy).
 */
import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, readFile, rename, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {runChecked} from './command.js';
import {copyVariant, VARIANT_KEY_FILES, variantPath} from './project.js';

export interface EctoLibs {
	/** The libraries' sources: <src>/ecto, <src>/ecto_sql, ... */
	src: string;
	/** A compiled MIX_ENV=test `_build` to copy into a case project. */
	build: string;
}

/** The env a case's mix commands need to find the libraries. */
export function libsEnv(libs: EctoLibs): NodeJS.ProcessEnv {
	return {ECTOSMITH_REAL_APP_LIBS: libs.src, MIX_ENV: 'test'};
}

/** $ECTOSMITH_REAL_APP_CACHE, or a folder in the temp dir, kept between runs. */
function cacheRoot(): string {
	return process.env.ECTOSMITH_REAL_APP_CACHE ?? join(tmpdir(), 'ectosmith-real-app-cache');
}

/** A key that changes with the archive, the variant's mix.exs and config, and the Elixir/OTP version. */
async function cacheKey(archive: string): Promise<string> {
	const hash = createHash('sha256').update(await readFile(archive));
	for (const file of VARIANT_KEY_FILES) hash.update(file).update(await readFile(join(variantPath(), file)));
	hash.update(await runChecked('elixir', ['-e', 'IO.write(System.version() <> " " <> System.otp_release())']));
	return hash.digest('hex').slice(0, 16);
}

/** Makes `target` with `make(temp)` in a sibling temp folder, then renames it into place. */
async function atomically(target: string, make: (temp: string) => Promise<void>): Promise<void> {
	if (existsSync(target)) return;
	const temp = await mkdtemp(`${target}.tmp-`);
	try {
		await make(temp);
		await rename(temp, target);
	} catch (error) {
		// Another process renamed its copy first: theirs is as good as ours.
		if (!existsSync(target)) throw error;
	} finally {
		await rm(temp, {recursive: true, force: true});
	}
}

let cached: Promise<EctoLibs> | undefined;

/** The unpacked and compiled libraries (built on the first call of a run, or found in the cache). */
export function ectoLibs(archive: string): Promise<EctoLibs> {
	cached ??= (async () => {
		const root = cacheRoot();
		await mkdir(root, {recursive: true});
		const key = await cacheKey(archive);
		const unpacked = join(root, `libs-${key}`);
		await atomically(unpacked, async temp => {
			await runChecked('tar', ['-xzf', archive, '-C', temp]);
		});
		const libs = {src: join(unpacked, 'src'), build: join(root, `build-${key}`, '_build')};
		await atomically(join(root, `build-${key}`), async temp => {
			await copyVariant(temp);
			await runChecked('mix', ['deps.compile'], {cwd: temp, env: {...process.env, ...libsEnv(libs)}});
		});
		return libs;
	})();
	return cached;
}
