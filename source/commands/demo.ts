/** `ectosmith demo [DIR]`: copies the small fixture Phoenix project so a new user has a target to try. */
import {cpSync, existsSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {packageRoot} from '../package-root.js';

export const DEFAULT_DEMO_DIR = 'ectosmith_demo';

/** Shell-quotes a path for the hint we print, only when it needs it. */
function shellArg(value: string): string {
	return /^[\w./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

export async function demoCommand(args: string[], _flags: unknown): Promise<number> {
	if (args.length > 1) {
		process.stderr.write(`ectosmith demo: expected at most one folder, got ${args.length} (${args.join(' ')}). Usage: ectosmith demo [DIR]\n`);
		return 2;
	}

	const given = args[0] ?? DEFAULT_DEMO_DIR;
	const target = path.resolve(given);
	if (existsSync(target)) {
		if (!statSync(target).isDirectory()) {
			process.stderr.write(`ectosmith demo: ${target} exists and is not a folder. Choose another name: ectosmith demo my_app\n`);
			return 1;
		}

		if (readdirSync(target).length > 0) {
			process.stderr.write(`ectosmith demo: ${target} is not empty; the demo project needs an empty or new folder. Choose another name: ectosmith demo my_app\n`);
			return 1;
		}
	}

	const source = path.join(packageRoot(), 'fixtures', 'phoenix', 'my_app');
	if (!existsSync(path.join(source, 'mix.exs'))) {
		process.stderr.write(`ectosmith demo: the demo project is missing from this installation (${source}).\n`);
		return 1;
	}

	cpSync(source, target, {recursive: true});
	const shown = path.relative(process.cwd(), target) || '.';
	const projectArg = shellArg(shown.startsWith('..') ? target : shown);
	process.stdout.write(
		[
			`Created a demo Phoenix project (app :my_app, module MyApp) in ${target}`,
			'',
			'Next, try:',
			`  ectosmith run --project ${projectArg} "Blog.Post posts title:string body:text published:boolean"`,
			`  ectosmith run --project ${projectArg} "a blog with posts (title, body) and comments (body) that belong to posts"`,
			'',
		].join('\n'),
	);
	return 0;
}
