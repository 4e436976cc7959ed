import {existsSync} from 'node:fs';
import {cp, mkdtemp, realpath, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {ExecutionContext} from 'ava';
import {packageRoot} from '../../source/package-root.js';

/** The fixture Phoenix projects under fixtures/phoenix/. */
export type FixtureProjectName = 'my_app' | 'no_timestamps' | 'scoped' | 'with_context' | 'binary_id';

/** Absolute path of a fixture project in the package (read only: copy it before writing). */
export function fixtureProjectPath(name: FixtureProjectName = 'my_app'): string {
	return join(packageRoot(), 'fixtures', 'phoenix', name);
}

/**
 * Copies a fixture Phoenix project into a fresh temp folder removed after the test, and returns
 * the project's real path (symlinks in the temp dir resolved, so paths compare as the tools see them).
 */
export async function copyFixtureProject(t: ExecutionContext, name: FixtureProjectName = 'my_app'): Promise<string> {
	const source = fixtureProjectPath(name);
	if (!existsSync(join(source, 'mix.exs'))) {
		throw new Error(`No fixture project "${name}" at ${source}`);
	}

	const parent = await realpath(await mkdtemp(join(tmpdir(), `ectosmith-${name}-`)));
	t.teardown(async () => rm(parent, {recursive: true, force: true}));
	const project = join(parent, name);
	await cp(source, project, {recursive: true});
	return project;
}
