/** `ectosmith demo [DIR]`: copies the small fixture Phoenix project so a new user has a target to try. */
import {accessSync, constants} from 'node:fs';
import path from 'node:path';
import {createDemoProject, DemoTargetError} from '../phoenix-project/demo-project.js';
import {escapeLine} from '../terminal/sanitize.js';

export const DEFAULT_DEMO_DIR = 'ectosmith_demo';

/** Shell-quotes a path for the hint we print, only when it needs it. */
function shellArg(value: string): string {
	return /^[\w./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * How the user starts ectosmith from here: `ectosmith` when it is on the PATH (a global install),
 * else `npx ectosmith` (a project's local install, which puts nothing on the PATH).
 */
export function invocation(env: NodeJS.ProcessEnv = process.env): string {
	const onPath = (env.PATH ?? '').split(path.delimiter).some(folder => {
		if (!folder) return false;
		try {
			accessSync(path.join(folder, 'ectosmith'), constants.X_OK);
			return true;
		} catch {
			return false;
		}
	});
	return onPath ? 'ectosmith' : 'npx ectosmith';
}

export async function demoCommand(args: string[], _flags: unknown): Promise<number> {
	if (args.length > 1) {
		process.stderr.write(`ectosmith demo: expected at most one folder, got ${args.length} (${escapeLine(args.join(' '))}). Usage: ectosmith demo [DIR]\n`);
		return 2;
	}

	let target: string;
	try {
		target = createDemoProject(args[0] ?? DEFAULT_DEMO_DIR);
	} catch (error) {
		if (!(error instanceof DemoTargetError)) throw error;
		process.stderr.write(`ectosmith demo: ${escapeLine(error.message)}\n`);
		return 1;
	}

	const shown = path.relative(process.cwd(), target) || '.';
	// The folder the user typed is shown with its control characters made visible.
	const projectArg = escapeLine(shellArg(shown.startsWith('..') ? target : shown));
	const command = invocation();
	process.stdout.write(
		[
			`Created a demo Phoenix project (app :my_app, module MyApp) in ${escapeLine(target)}`,
			'',
			'Next, try:',
			`  ${command} --project ${projectArg}          (the terminal UI)`,
			`  ${command} run --project ${projectArg} "Blog.Post posts title:string body:text published:boolean"`,
			`  ${command} run --project ${projectArg} "a blog with posts (title, body) and comments (body) that belong to posts"`,
			'',
		].join('\n'),
	);
	return 0;
}
