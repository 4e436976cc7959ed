/**
 * Case projects for the check: the real-app test project with the files of one fixture folder of
 * test/fixtures/check/ copied over it, the env its mix commands need (libraries, the private
 * PostgreSQL, a database of its own), and the files it "wrote".
 */
import {readdirSync, readFileSync} from 'node:fs';
import {cp} from 'node:fs/promises';
import {join, relative} from 'node:path';
import {packageRoot} from '../../source/package-root.js';
import {type EctoLibs, libsEnv} from './real-app/ecto-libs.js';
import type {Postgres} from './real-app/postgres.js';
import {createCaseProject} from './real-app/project.js';

export function checkFixture(name: string): string {
	return join(packageRoot(), 'test', 'fixtures', 'check', name);
}

/** The files of a fixture folder, relative to it. */
export function fixtureFiles(name: string): string[] {
	const root = checkFixture(name);
	const walk = (dir: string): string[] => readdirSync(dir, {withFileTypes: true}).flatMap(entry => (entry.isDirectory() ? walk(join(dir, entry.name)) : [relative(root, join(dir, entry.name))]));
	return walk(root).sort();
}

export interface CaseProject {
	dir: string;
	env: NodeJS.ProcessEnv;
	/** The fixture's files: what "this execution wrote". */
	files: string[];
}

/** The test project at `dir` with these fixtures (later ones win) over it. */
export async function checkProjectCase(dir: string, fixtures: string[], libs: EctoLibs, postgres: Postgres | undefined, stateHome: string): Promise<CaseProject> {
	await createCaseProject(dir, libs);
	for (const fixture of fixtures) await cp(checkFixture(fixture), dir, {recursive: true});
	const partition = `_${relative(stateHome, dir).replaceAll(/\W/g, '_')}`;
	return {
		dir,
		env: {
			...process.env,
			...libsEnv(libs),
			ECTOSMITH_PG_SOCKET_DIR: postgres?.socketDir ?? join(stateHome, 'no-postgres-here'),
			ECTOSMITH_PG_PORT: String(postgres?.port ?? 5432),
			MIX_TEST_PARTITION: partition,
			XDG_STATE_HOME: stateHome,
		},
		files: fixtures.flatMap(fixtureFiles),
	};
}

/** Whether a process is gone (a zombie waiting for its parent counts as gone). */
export function processGone(pid: number): boolean {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
	} catch {
		return true;
	}
}

/** The pids of a process group (from /proc). */
export function groupMembers(pgid: number): number[] {
	return readdirSync('/proc')
		.filter(name => /^\d+$/.test(name))
		.map(Number)
		.filter(pid => {
			try {
				const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
				return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === pgid;
			} catch {
				return false;
			}
		});
}
