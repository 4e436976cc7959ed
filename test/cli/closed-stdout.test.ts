import {spawn} from 'node:child_process';
import path from 'node:path';
import test from 'ava';
import {packageRoot} from '../../source/package-root.js';
import {tsxLoader} from '../helpers/tsx-loader.js';

test('a reader that closes our output early (| head) ends the command quietly, without a stack trace', async t => {
	const child = spawn(process.execPath, ['--import', tsxLoader, path.join(packageRoot(), 'source/cli.tsx'), '--help'], {stdio: ['ignore', 'pipe', 'pipe']});
	child.stdout.destroy();
	let stderr = '';
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const code = await new Promise<number | null>(resolve => child.on('close', resolve));
	t.is(code, 0);
	t.notRegex(stderr, /EPIPE|at .*\.js/);
});
