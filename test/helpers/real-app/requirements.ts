/**
 * What the real-app suite needs on this machine: mix, the PostgreSQL server binaries and the Ecto
 * libraries' sources. Found once; a missing one skips the suite with one line, or fails it under CI.
 */
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {delimiter, dirname, join, resolve} from 'node:path';
import type {ExecutionContext} from 'ava';
import {findPgBin} from '../../../source/db/private-postgres.js';
import {packageRoot} from '../../../source/package-root.js';

export const LIBS_ARCHIVE = 'ecto-libs.tar.gz';

export interface RealAppTools {
	/** The folder holding initdb, pg_ctl and psql. */
	pgBin: string;
	/** The Ecto libraries' archive (ecto-libs.tar.gz). */
	libsArchive: string;
}

function onPath(name: string): string | undefined {
	for (const folder of (process.env.PATH ?? '').split(delimiter)) {
		if (folder && existsSync(join(folder, name))) return folder;
	}
	return undefined;
}

/**
 * The folder of ecto-libs.tar.gz: $ECTOSMITH_ELIXIR_DEPS, or ../shared/elixir-deps next to this
 * checkout, or next to the main checkout when this is a git worktree.
 */
function findLibsArchive(): string | undefined {
	const candidates: string[] = [];
	if (process.env.ECTOSMITH_ELIXIR_DEPS) candidates.push(resolve(process.env.ECTOSMITH_ELIXIR_DEPS));
	candidates.push(join(packageRoot(), '..', 'shared', 'elixir-deps'));
	const common = spawnSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], {cwd: packageRoot(), encoding: 'utf8'});
	if (common.status === 0 && common.stdout.trim()) candidates.push(join(dirname(dirname(common.stdout.trim())), 'shared', 'elixir-deps'));
	return candidates.map(folder => join(folder, LIBS_ARCHIVE)).find(file => existsSync(file));
}

let found: {tools?: RealAppTools; missing?: string} | undefined;

/** The tools, or one line saying what is missing. */
export function realAppTools(): {tools?: RealAppTools; missing?: string} {
	if (found) return found;
	const missing: string[] = [];
	if (!onPath('mix')) missing.push('mix (Elixir) is not on PATH');
	const pgBin = findPgBin();
	if (!pgBin) missing.push('the PostgreSQL server binaries (initdb, pg_ctl, psql) are not installed');
	const libsArchive = findLibsArchive();
	if (!libsArchive) missing.push(`${LIBS_ARCHIVE} was not found (set ECTOSMITH_ELIXIR_DEPS to its folder)`);
	found = pgBin && libsArchive && missing.length === 0 ? {tools: {pgBin, libsArchive}} : {missing: missing.join('; ')};
	return found;
}

/**
 * True when the suite can run. Otherwise the test passes with one line saying what is missing,
 * except on CI (CI === 'true') where a missing tool fails the test instead of hiding it.
 */
export function requireRealApp(t: ExecutionContext): boolean {
	const {missing} = realAppTools();
	if (!missing) return true;
	if (process.env.CI === 'true') t.fail(`real-app suite: ${missing}, and CI=true requires it to run`);
	else {
		t.log(`skipped: ${missing}`);
		t.pass();
	}
	return false;
}
