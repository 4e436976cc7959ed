/**
 * Loaded into every test worker (ava's `require`). AVA lets a worker exit by itself once its tests
 * are done, so a child process a test left running (a tool server, a terminal) keeps the worker,
 * and the whole run, waiting forever. When the tests are done, a leaked child is named on stderr,
 * killed, and the worker exits: the run ends and the log says which file leaked.
 */
import type {ChildProcess} from 'node:child_process';
import test, {registerCompletionHandler} from 'ava';

type Handle = Partial<ChildProcess> & {spawnargs?: string[]};

registerCompletionHandler(() => {
	const handles = (process as unknown as {_getActiveHandles(): Handle[]})._getActiveHandles();
	const children = handles.filter(handle => Array.isArray(handle.spawnargs) && handle.exitCode === null && handle.signalCode === null);
	for (const child of children) {
		process.stderr.write(`leaked child process of ${test.meta.file}: ${child.spawnargs!.join(' ')}\n`);
		child.kill?.('SIGKILL');
	}

	process.exit();
});
