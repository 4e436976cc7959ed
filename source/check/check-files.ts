/**
 * Which files each step looks at. Given the files an execution wrote (relative to the project),
 * the migrations, tests and Elixir sources among them that still exist; given none (the whole
 * project, as `ectosmith check` does by default), every migration of priv/repo/migrations and all
 * tests and sources (mix's own defaults).
 */
import {existsSync, statSync} from 'node:fs';
import path from 'node:path';
import {isInside, listMigrations} from '../phoenix-project/read-project.js';

export interface Migration {
	/** Relative to the project. */
	file: string;
	version: string;
}

export interface CheckFiles {
	/** Undefined: the whole project. */
	scoped: boolean;
	migrations: Migration[];
	tests: string[];
	sources: string[];
}

const MIGRATION = /(?:^|\/)migrations\/(\d+)_[^/]+\.exs$/;

function regularInside(project: string, file: string): boolean {
	const absolute = path.resolve(project, file);
	return isInside(project, absolute) && existsSync(absolute) && statSync(absolute).isFile();
}

export async function checkFiles(project: string, files: readonly string[] | undefined): Promise<CheckFiles> {
	if (files === undefined) {
		const folder = 'priv/repo/migrations';
		const names = await listMigrations(project, folder);
		return {scoped: false, migrations: names.map(name => ({file: `${folder}/${name}`, version: /^(\d+)_/.exec(name)![1]!})), tests: [], sources: []};
	}

	const present = [...new Set(files.map(file => path.normalize(file).replaceAll('\\', '/')))].filter(file => regularInside(project, file));
	const migrations = present.flatMap(file => {
		const version = MIGRATION.exec(file)?.[1];
		return version === undefined ? [] : [{file, version}];
	});
	return {
		scoped: true,
		migrations: migrations.sort((a, b) => a.version.localeCompare(b.version)),
		tests: present.filter(file => file.startsWith('test/') && file.endsWith('_test.exs')),
		sources: present.filter(file => /\.(?:ex|exs|heex)$/.test(file)),
	};
}
