/**
 * The test-only Phoenix project: the demo's app, Repo and test/support (fixtures/phoenix/my_app,
 * taken from there so the two cannot drift) under the variant's own mix.exs, config and
 * application (test/fixtures/real-app/my_app), without Phoenix, so generated code compiles offline
 * against the Ecto libraries.
 */
import {cp, mkdir, utimes} from 'node:fs/promises';
import {join} from 'node:path';
import {packageRoot} from '../../../source/package-root.js';
import type {EctoLibs} from './ecto-libs.js';

/** The files whose content decides how the libraries compile (the cache key). */
export const VARIANT_KEY_FILES = ['mix.exs', 'config/config.exs', 'config/test.exs'];

// Mix recompiles the libraries when the project's mix.exs or config is newer than their build.
const OLD = new Date('2000-01-01T00:00:00Z');

/** The demo's files the variant uses as they are. */
const DEMO_FILES = [
	'lib/my_app.ex',
	'lib/my_app/repo.ex',
	'priv/repo/seeds.exs',
	'priv/repo/migrations/.formatter.exs',
	'priv/repo/migrations/.gitkeep',
	'test/test_helper.exs',
	'test/support/data_case.ex',
];

export function variantPath(): string {
	return join(packageRoot(), 'test', 'fixtures', 'real-app', 'my_app');
}

/** Copies the variant into `dir` (which may exist) with old mtimes on its mix.exs and config. */
export async function copyVariant(dir: string): Promise<void> {
	await mkdir(dir, {recursive: true});
	const demo = join(packageRoot(), 'fixtures', 'phoenix', 'my_app');
	for (const file of DEMO_FILES) await cp(join(demo, file), join(dir, file));
	await cp(variantPath(), dir, {recursive: true});
	for (const file of VARIANT_KEY_FILES) await utimes(join(dir, file), OLD, OLD);
}

/** A fresh case project at `dir` with the compiled libraries' `_build` copied in. */
export async function createCaseProject(dir: string, libs: EctoLibs): Promise<string> {
	await copyVariant(dir);
	await cp(libs.build, join(dir, '_build'), {recursive: true, preserveTimestamps: true, verbatimSymlinks: true});
	return dir;
}
