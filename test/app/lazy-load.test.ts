/** Importing source/app loads none of the heavy modules: a TUI can paint before openApp runs. */
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import test from 'ava';
import {packageRoot} from '../../source/package-root.js';
import {tempDir} from '../helpers/temp-dir.js';
import {tsxLoader} from '../helpers/tsx-loader.js';

const heavy = /[/\\]node_modules[/\\](?:@mikro-orm|@google[/\\]genai|@modelcontextprotocol)[/\\]/;

function traced(cwd: string, script: string): {code: number | null; trace: string} {
	const {NODE_OPTIONS: _options, ...env} = process.env;
	const result = spawnSync(process.execPath, ['--import', tsxLoader, '--input-type=module', '-e', script], {
		cwd,
		env: {...env, NODE_DEBUG: 'module', HOME: cwd, XDG_STATE_HOME: cwd},
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
	});
	return {code: result.status, trace: result.stderr};
}

test('importing openApp and the signal handling loads no ORM, SDK or MCP module; opening the app does', t => {
	const cwd = tempDir(t);
	const app = JSON.stringify(join(packageRoot(), 'source', 'app', 'open-app.ts'));
	const signals = JSON.stringify(join(packageRoot(), 'source', 'app', 'signals.ts'));
	const idle = traced(cwd, `await import(${app}); await import(${signals});`);
	t.is(idle.code, 0, idle.trace.slice(-1000));
	t.notRegex(idle.trace, heavy);
	// The control: opening the app loads them.
	const opened = traced(cwd, `const {openApp} = await import(${app}); const a = await openApp({db: ${JSON.stringify(join(cwd, 'x.db'))}}); await a.close();`);
	t.is(opened.code, 0, opened.trace.slice(-1000));
	t.regex(opened.trace, heavy);
});
