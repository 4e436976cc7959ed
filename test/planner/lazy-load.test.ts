/** The planner's English library (pluralize, CommonJS) loads with the planner's first turn, not before. */
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import test from 'ava';
import {packageRoot} from '../../source/package-root.js';
import {tempDir} from '../helpers/temp-dir.js';
import {tsxLoader} from '../helpers/tsx-loader.js';

const pluralizeModule = /[/\\]node_modules[/\\]pluralize[/\\]/;

function traced(cwd: string, args: string[]): {code: number | null; trace: string} {
	const {NODE_OPTIONS: _options, ...env} = process.env;
	const result = spawnSync(process.execPath, ['--import', tsxLoader, ...args], {cwd, env: {...env, NODE_DEBUG: 'module'}, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024});
	return {code: result.status, trace: result.stderr};
}

test('--help and constructing the offline provider do not load pluralize; its first turn does', t => {
	const cwd = tempDir(t);
	const help = traced(cwd, [join(packageRoot(), 'source', 'cli.tsx'), '--help']);
	t.is(help.code, 0);
	t.notRegex(help.trace, pluralizeModule);

	const offline = join(packageRoot(), 'source', 'planner', 'offline-provider.ts');
	const script = (turn: boolean) =>
		`const {OfflineProvider} = await import(${JSON.stringify(offline)}); const provider = new OfflineProvider();` +
		(turn ? ` await provider.nextTurn({history: [{role: 'user', text: 'posts with a title'}], tools: [], projectPath: '/tmp/x'});` : '');
	const idle = traced(cwd, ['--input-type=module', '-e', script(false)]);
	t.is(idle.code, 0, idle.trace.slice(-1000));
	t.notRegex(idle.trace, pluralizeModule);
	// The control: a turn does load it.
	const turned = traced(cwd, ['--input-type=module', '-e', script(true)]);
	t.is(turned.code, 0, turned.trace.slice(-1000));
	t.regex(turned.trace, pluralizeModule);
});
